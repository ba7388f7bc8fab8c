// The maximum-period search against a brute-force reference written here: its own loops over the
// families' index tuples, its own evaluation of F, and, for small n, the cycle structure of every
// member state by state.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine/maximum_period_walks.hpp"
#include "engine/short_cycle_test.hpp"
#include "lfsr/error.hpp"
#include "lfsr/feedback.hpp"
#include "lfsr/feedback_family.hpp"
#include "lfsr/maximum_period_search.hpp"
#include "sanitizers.hpp"

using namespace lfsr;
using lfsr::testing::under_sanitizer;

namespace {

// A candidate of the reference: F as masks of its monomials (bit j = x_j, 0 = the constant 1).
using Terms = std::vector<std::uint64_t>;

int reference_feedback(const Terms& terms, std::uint64_t state) {
  int sum = 0;
  for (const std::uint64_t term : terms) sum ^= (state & term) == term ? 1 : 0;
  return sum;
}

std::uint64_t reference_next(const Terms& terms, int n, std::uint64_t state) {
  return (state >> 1) | (static_cast<std::uint64_t>(reference_feedback(terms, state)) << (n - 1));
}

// 2^n - 1 when the cycle through state 1 holds the 2^n - 1 nonzero states and 0 is fixed, 2^n when
// it holds every state, 0 otherwise.
std::uint64_t reference_period(const Terms& terms, int n) {
  const std::uint64_t states = std::uint64_t{1} << n;
  std::uint64_t state = 1;
  std::uint64_t length = 0;
  do {
    state = reference_next(terms, n, state);
    ++length;
  } while (state != 1 && length <= states);
  if (state != 1) return 0;
  if (length == states - 1 && reference_next(terms, n, 0) == 0) return length;
  return length == states ? length : 0;
}

std::uint64_t x(int j) { return std::uint64_t{1} << j; }

// The families' members, in the documented index order, by plain nested loops: a k-subset
// comes in colexicographic order, so the largest element is the outer loop.
std::vector<Terms> reference_members(const std::string& family, int n, int max_terms = 0, int max_degree = 0) {
  const int m = n - 1;
  std::vector<Terms> members;
  std::vector<std::uint64_t> products;  // x_c x_d, 1 <= c < d <= m, in colex order
  for (int d = 1; d <= m; ++d) {
    for (int c = 1; c < d; ++c) products.push_back(x(c) | x(d));
  }
  if (family == "x0+xa+xb+xc*xd") {
    for (int b = 1; b <= m; ++b) {
      for (int a = 1; a < b; ++a) {
        for (const std::uint64_t product : products) members.push_back({x(0), x(a), x(b), product});
      }
    }
  } else if (family == "x0+xa+xb*xc+xd*xe") {
    for (int a = 1; a <= m; ++a) {
      for (std::size_t q = 0; q < products.size(); ++q) {
        for (std::size_t p = 0; p < q; ++p) members.push_back({x(0), x(a), products[p], products[q]});
      }
    }
  } else if (family == "x0+xa+xb+xc+xd+xe*xf") {
    for (int d = 1; d <= m; ++d) {
      for (int c = 1; c < d; ++c) {
        for (int b = 1; b < c; ++b) {
          for (int a = 1; a < b; ++a) {
            for (const std::uint64_t product : products) {
              members.push_back({x(0), x(a), x(b), x(c), x(d), product});
            }
          }
        }
      }
    }
  } else {  // anf:T:D with T <= 4, D <= 2
    REQUIRE(max_terms <= 4);
    REQUIRE(max_degree <= 2);
    std::vector<std::uint64_t> monomials{0};
    for (int j = 1; j <= m; ++j) monomials.push_back(x(j));
    if (max_degree == 2) monomials.insert(monomials.end(), products.begin(), products.end());
    const std::size_t count = monomials.size();
    members.push_back({x(0)});
    if (max_terms >= 2) {
      for (std::size_t i = 0; i < count; ++i) members.push_back({x(0), monomials[i]});
    }
    if (max_terms >= 3) {
      for (std::size_t j = 0; j < count; ++j) {
        for (std::size_t i = 0; i < j; ++i) members.push_back({x(0), monomials[i], monomials[j]});
      }
    }
    if (max_terms >= 4) {
      for (std::size_t k = 0; k < count; ++k) {
        for (std::size_t j = 0; j < k; ++j) {
          for (std::size_t i = 0; i < j; ++i) members.push_back({x(0), monomials[i], monomials[j], monomials[k]});
        }
      }
    }
  }
  return members;
}

struct Listed {
  std::uint64_t index;
  Feedback feedback;
  std::uint64_t period;
  friend bool operator==(const Listed&, const Listed&) = default;
};

std::vector<Listed> reference_search(const std::vector<Terms>& members, int n) {
  std::vector<Listed> listed;
  for (std::size_t index = 0; index < members.size(); ++index) {
    const std::uint64_t period = reference_period(members[index], n);
    if (period != 0) listed.push_back({index, Feedback(n, members[index]), period});
  }
  return listed;
}

std::vector<Listed> listed(const std::vector<MaximumPeriodMember>& members) {
  std::vector<Listed> listed;
  for (const MaximumPeriodMember& member : members) listed.push_back({member.index, member.feedback, member.period});
  return listed;
}

struct Family {
  std::string name;
  int max_terms = 0;
  int max_degree = 0;
};

// The reference list equals the search's, and the reference's members are the family's.
void check_against_reference(const Family& family, int n) {
  CAPTURE(family.name, n);
  const FeedbackFamily searched(family.name, n);
  const std::vector<Terms> members = reference_members(family.name, n, family.max_terms, family.max_degree);
  REQUIRE(members.size() == searched.count());
  for (std::size_t index = 0; index < members.size(); index += 1 + members.size() / 97) {
    CHECK(searched.member(index) == Feedback(n, members[index]));
  }
  const auto expected = reference_search(members, n);
  CHECK(listed(search_maximum_period(searched, 0, searched.count())) == expected);
}

const std::vector<Family>& families() {
  static const std::vector<Family> all = {{"x0+xa+xb+xc*xd"}, {"x0+xa+xb*xc+xd*xe"}, {"x0+xa+xb+xc+xd+xe*xf"},
                                          {"anf:3:2", 3, 2},  {"anf:4:2", 4, 2},     {"anf:4:1", 4, 1}};
  return all;
}

}  // namespace

TEST_CASE("the search finds the brute-force reference's maximum-period members, n <= 12", "[nlfsr-search]") {
  for (const Family& family : families()) {
    const int largest = family.name == "anf:4:2" ? 10 : family.name == "x0+xa+xb+xc*xd" ? 12 : 11;
    // Sanitized builds run about ten times slower: smaller registers there.
    for (int n = 2; n <= (under_sanitizer ? largest - 2 : largest); ++n) check_against_reference(family, n);
  }
}

TEST_CASE("the search finds the brute-force reference's members of the first family, n = 13 and 14", "[nlfsr-search]") {
  if (under_sanitizer) return;  // the n <= 10 case above runs there
  for (const int n : {13, 14}) check_against_reference({"x0+xa+xb+xc*xd"}, n);
}

TEST_CASE("the search finds the brute-force reference's members of the other families, n = 12", "[nlfsr-search]") {
  if (under_sanitizer) return;  // the n <= 9 case above runs there
  for (const Family& family : families()) {
    if (family.name != "x0+xa+xb+xc*xd" && family.name != "anf:4:2") check_against_reference(family, 12);
  }
  check_against_reference({"anf:3:2", 3, 2}, 13);
  check_against_reference({"anf:3:2", 3, 2}, 14);
}

TEST_CASE("every listed member has the maximum-period cycle structure and no other member has, n <= 10",
          "[nlfsr-search]") {
  for (const Family& family : families()) {
    for (int n = 2; n <= (under_sanitizer ? 8 : 10); ++n) {
      CAPTURE(family.name, n);
      const FeedbackFamily searched(family.name, n);
      const auto found = search_maximum_period(searched, 0, searched.count());
      const std::vector<Terms> members = reference_members(family.name, n, family.max_terms, family.max_degree);
      REQUIRE(members.size() == searched.count());
      std::size_t next_found = 0;
      const std::uint64_t states = std::uint64_t{1} << n;
      std::vector<std::uint64_t> cycle_of(states);
      for (std::uint64_t index = 0; index < searched.count(); ++index) {
        const Terms& terms = members[index];
        // Every cycle of the map, by walking from each state not yet on one (the map is a permutation).
        std::fill(cycle_of.begin(), cycle_of.end(), 0);
        std::vector<std::uint64_t> lengths;
        bool permutation = true;
        for (std::uint64_t start = 0; start < states && permutation; ++start) {
          if (cycle_of[start] != 0) continue;
          std::uint64_t state = start;
          std::uint64_t length = 0;
          do {
            if (cycle_of[state] != 0) permutation = false;
            cycle_of[state] = lengths.size() + 1;
            state = reference_next(terms, n, state);
            ++length;
          } while (state != start && permutation && length <= states);
          lengths.push_back(length);
        }
        REQUIRE(permutation);
        const bool nonzero_cycle = lengths.size() == 2 && lengths[0] == 1 && reference_next(terms, n, 0) == 0;
        const bool de_bruijn = lengths.size() == 1;
        const bool is_listed = next_found < found.size() && found[next_found].index == index;
        CHECK(is_listed == (nonzero_cycle || de_bruijn));
        if (is_listed) {
          CHECK(found[next_found].period == (de_bruijn ? states : states - 1));
          CHECK(found[next_found].feedback == Feedback(n, terms));
          ++next_found;
        }
      }
      CHECK(next_found == found.size());
    }
  }
}

TEST_CASE("a search over split ranges lists the concatenation of the whole list", "[nlfsr-search]") {
  std::mt19937_64 random(15);
  for (const Family& family : families()) {
    const FeedbackFamily searched(family.name, 9);
    const auto whole = search_maximum_period(searched, 0, searched.count());
    for (int split = 0; split < 4; ++split) {
      std::vector<std::uint64_t> cuts{0, searched.count()};
      for (int c = 0; c < split * 3; ++c) cuts.push_back(random() % (searched.count() + 1));
      std::sort(cuts.begin(), cuts.end());
      std::vector<MaximumPeriodMember> joined;
      MaximumPeriodSearchCounts counts;
      for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
        const auto part = search_maximum_period(searched, cuts[c], cuts[c + 1], counts);
        joined.insert(joined.end(), part.begin(), part.end());
      }
      CHECK(joined == whole);
      CHECK(counts.candidates == searched.count());
      CHECK(counts.found == whole.size());
      CHECK(counts.short_cycle_rejects + counts.walks == counts.candidates);
    }
  }
  const FeedbackFamily family("x0+xa+xb+xc*xd", 6);
  CHECK(search_maximum_period(family, 5, 5).empty());
  CHECK_THROWS_AS(search_maximum_period(family, 0, family.count() + 1), InputError);
  CHECK_THROWS_AS(search_maximum_period(family, 6, 5), InputError);
}

TEST_CASE("every kernel of the search lists the same members", "[nlfsr-search]") {
  // {lanes, short_cycle_bits, vector, bit_sliced}: scalar lanes, AVX2 lanes (where the processor
  // has them; scalar otherwise), bit-sliced 64, 128 and 256 lanes; with and without the short-cycle test.
  const std::vector<MaximumPeriodKernel> kernels = {
      {1, 0, false, false}, {4, 4, false, false}, {8, 0, false, false},  {16, 4, false, false}, {8, 0, true, false},
      {16, 4, true, false}, {64, 0, false, true}, {128, 4, false, true}, {256, 0, true, true},  {256, 4, true, true},
  };
  for (const Family& family : families()) {
    const FeedbackFamily searched(family.name, 9);
    const auto expected = search_maximum_period(searched, 0, searched.count());
    for (const MaximumPeriodKernel& kernel : kernels) {
      CAPTURE(family.name, kernel.lanes, kernel.short_cycle_bits, kernel.vector, kernel.bit_sliced);
      MaximumPeriodSearchCounts counts;
      CHECK(search_maximum_period_with(searched, 0, searched.count(), kernel, counts) == expected);
      CHECK(counts.candidates == searched.count());
      CHECK(counts.walks + counts.short_cycle_rejects == searched.count());
      if (kernel.short_cycle_bits == 0) CHECK(counts.short_cycle_rejects == 0);
    }
  }
}

TEST_CASE("x0 + x1 + x2 + x1*x2 at n = 4: the search agrees with a plain simulation", "[nlfsr-search]") {
  const Terms terms{x(0), x(1), x(2), x(1) | x(2)};
  // The walk from state 1, written out.
  std::vector<std::uint64_t> walk{1};
  while (walk.size() < 20) {
    walk.push_back(reference_next(terms, 4, walk.back()));
    if (walk.back() == 1) break;
  }
  const std::uint64_t period = walk.size() - 1;
  const FeedbackFamily family("x0+xa+xb+xc*xd", 4);
  REQUIRE(family.member(0).to_string() == "x0 + x1 + x2 + x1*x2");
  const auto found = search_maximum_period(family, 0, 1);
  CHECK(period == 15);
  REQUIRE(found.size() == 1);
  CHECK(found[0].period == 15);
  CHECK(found[0].index == 0);
}

TEST_CASE("the search finds de Bruijn registers: every one of 4 bits among x0 + g, g of degree 2", "[nlfsr-search]") {
  // All 2^(2^3) functions x0 + g(x1, x2, x3): g has at most 8 monomials of degree <= 3.
  const FeedbackFamily family("anf:9:3", 4);
  REQUIRE(family.count() == 256);
  const auto found = search_maximum_period(family, 0, family.count());
  std::size_t de_bruijn = 0;
  std::size_t nonzero = 0;
  for (const auto& member : found) (member.period == 16 ? de_bruijn : nonzero) += 1;
  // 2^(2^(n-1) - n) de Bruijn sequences of order n, each from one register; and as many registers with
  // the cycle of nonzero states (a de Bruijn sequence with one 0 removed from its run of n zeros).
  CHECK(de_bruijn == 16);
  CHECK(nonzero == 16);
}

TEST_CASE("Lyndon words: one per aperiodic binary necklace of each length", "[nlfsr-search]") {
  // Aperiodic binary necklaces of length 1..12 (OEIS A001037).
  const std::vector<std::uint64_t> expected{2, 1, 2, 3, 6, 9, 18, 30, 56, 99, 186, 335};
  std::vector<std::uint64_t> counted(expected.size() + 1, 0);
  std::vector<std::uint64_t> previous(expected.size() + 1, 0);
  any_lyndon_word(0, static_cast<int>(expected.size()), [&](std::uint64_t pattern, int length) {
    // Smaller than each proper rotation, and in lexicographic order (read as letter 0 first).
    for (int r = 1; r < length; ++r) {
      const std::uint64_t rotated = ((pattern >> r) | (pattern << (length - r))) & ((std::uint64_t{1} << length) - 1);
      std::uint64_t a = 0;
      std::uint64_t b = 0;
      for (int j = 0; j < length; ++j) {
        a = a << 1 | ((pattern >> j) & 1U);
        b = b << 1 | ((rotated >> j) & 1U);
      }
      CHECK(a < b);
    }
    ++counted[static_cast<std::size_t>(length)];
    return false;
  });
  for (std::size_t d = 1; d <= expected.size(); ++d) CHECK(counted[d] == expected[d - 1]);
  // Only the words longer than shorter_than, and the search stops when visit says so.
  int visits = 0;
  CHECK_FALSE(any_lyndon_word(3, 5, [&](std::uint64_t, int length) {
    CHECK(length > 3);
    ++visits;
    return false;
  }));
  CHECK(visits == 3 + 6);
  CHECK(any_lyndon_word(0, 8, [](std::uint64_t, int length) { return length == 4; }));
}

TEST_CASE("the short-cycle test finds exactly the cycles shorter than its bound, other than 0", "[nlfsr-search]") {
  for (const int n : {5, 8}) {
    const FeedbackFamily family("anf:4:2", n);
    const std::vector<Terms> members = reference_members("anf:4:2", n, 4, 2);
    const std::uint64_t states = std::uint64_t{1} << n;
    for (std::uint64_t index = 0; index < family.count(); index += 7) {
      const Terms& terms = members[index];
      // The shortest cycle other than the fixed point 0, by walking from every state.
      std::uint64_t shortest = states + 1;
      for (std::uint64_t start = 1; start < states; ++start) {
        std::uint64_t state = start;
        std::uint64_t length = 0;
        do {
          state = reference_next(terms, n, state);
          ++length;
        } while (state != start && length <= states);
        if (state == start) shortest = std::min(shortest, length);
      }
      for (int bound = 1; bound < n; ++bound) {
        CAPTURE(n, index, bound, shortest);
        std::uint64_t steps = 0;
        CHECK(has_short_cycle(QuadraticLane<3>(family.member(index)), n, bound, steps) ==
              (shortest <= static_cast<std::uint64_t>(bound)));
      }
    }
  }
}
