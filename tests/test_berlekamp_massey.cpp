// Berlekamp-Massey: maximal-length registers recovered, exhaustive and NTL cross-checks, the profile, the parser.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "brute_force.hpp"
#include "closed_formulas.hpp"
#include "lfsr/algebra.hpp"
#include "lfsr/berlekamp_massey.hpp"
#include "lfsr/error.hpp"
#include "lfsr/polynomial.hpp"
#include "field/ntl_field.hpp"

using namespace lfsr;
using Catch::Matchers::Contains;

namespace {

// `count` outputs of the Fibonacci register of f from `state` (s_0..s_{n-1}): output s_0, shift,
// new s_{n-1} = sum c_i s_i with c_i = f.tap(i).
std::vector<std::uint32_t> fibonacci_output(const Polynomial& f, std::vector<std::uint32_t> state, std::size_t count) {
  const Field& field = f.field();
  std::vector<std::uint32_t> out;
  for (std::size_t t = 0; t < count; ++t) {
    out.push_back(state[0]);
    std::uint32_t feedback = 0;
    for (int i = 0; i < f.degree(); ++i) {
      feedback = field.add(feedback, field.mul(f.tap(i), state[static_cast<std::size_t>(i)]));
    }
    state.erase(state.begin());
    state.push_back(feedback);
  }
  return out;
}

bool all_zero(const std::vector<std::uint32_t>& sequence) {
  return std::all_of(sequence.begin(), sequence.end(), [](std::uint32_t s) { return s == 0; });
}

// The register of the result, started from the first L elements, gives back the whole sequence.
bool regenerates(const LinearComplexity& result, const std::vector<std::uint32_t>& sequence, const Field& field) {
  if (result.complexity == 0) return all_zero(sequence);
  const Polynomial f(field, result.polynomial);
  const std::vector<std::uint32_t> start(sequence.begin(), sequence.begin() + result.complexity);
  return fibonacci_output(f, start, sequence.size()) == sequence;
}

// NTL's minimal polynomial of the sequence under the degree bound N/2 (MinPolySeq needs N >= 2m),
// coefficients x^0 first: the right answer when 2L <= N.
std::vector<std::uint32_t> ntl_minimal_polynomial(const std::vector<std::uint32_t>& sequence, const Field& field) {
  return detail::with_ntl_field(field, [&]<class Poly>(std::type_identity<Poly>) {
    NTL::Vec<detail::NtlElement<Poly>> a;
    a.SetLength(static_cast<long>(sequence.size()));
    for (std::size_t i = 0; i < sequence.size(); ++i) {
      a[static_cast<long>(i)] = detail::to_ntl_element<detail::NtlElement<Poly>>(sequence[i]);
    }
    Poly h;
    NTL::MinPolySeq(h, a, static_cast<long>(sequence.size() / 2));
    return detail::from_ntl(h);
  });
}

std::vector<std::uint32_t> random_sequence(std::mt19937_64& random, const Field& field, std::size_t length) {
  std::vector<std::uint32_t> sequence(length);
  for (std::uint32_t& s : sequence) s = static_cast<std::uint32_t>(random() % field.q());
  return sequence;
}

// The least L such that some register of length L (taps c_0..c_{L-1}, any of the q^L) generates the
// sequence: the definition, by exhaustion.
int brute_force_complexity(const std::vector<std::uint32_t>& sequence, const Field& field) {
  const auto n_total = static_cast<int>(sequence.size());
  for (int length = 0;; ++length) {
    std::uint64_t registers = 1;
    for (int i = 0; i < length; ++i) registers *= field.q();
    for (std::uint64_t code = 0; code < registers; ++code) {
      std::vector<std::uint32_t> taps;
      for (std::uint64_t digits = code; taps.size() < static_cast<std::size_t>(length); digits /= field.q()) {
        taps.push_back(static_cast<std::uint32_t>(digits % field.q()));
      }
      bool generates = true;
      for (int t = 0; generates && t + length < n_total; ++t) {
        const std::uint32_t* window = sequence.data() + t;
        std::uint32_t next = 0;
        for (int i = 0; i < length; ++i)
          next = field.add(next, field.mul(taps[static_cast<std::size_t>(i)], window[i]));
        generates = next == window[length];
      }
      if (generates) return length;
    }
  }
}

}  // namespace

TEST_CASE("every maximal-length register is recovered exactly from 2n outputs", "[berlekamp-massey]") {
  const auto [q, max_degree] = GENERATE(std::pair{2U, 12}, std::pair{3U, 6});
  const Field field = Field::from_order(q);
  std::mt19937_64 random(q);
  int recovered = 0;
  for (int n = 1; n <= max_degree; ++n) {
    for (const Polynomial& f : testing::all_polynomials(field, n)) {
      if (!is_primitive(f)) continue;
      CAPTURE(f.to_string());
      std::vector<std::uint32_t> state(static_cast<std::size_t>(n));
      do {
        state = random_sequence(random, field, state.size());
      } while (all_zero(state));
      const std::vector<std::uint32_t> output = fibonacci_output(f, state, 2 * static_cast<std::size_t>(n));
      const LinearComplexity result = berlekamp_massey(output, field);
      REQUIRE(result.complexity == n);
      REQUIRE(result.polynomial == f.coefficients());
      REQUIRE(result.unique());
      ++recovered;
    }
  }
  // phi(q^n - 1) / n summed over the degrees: every primitive polynomial was tried.
  std::uint64_t expected = 0;
  for (int n = 1; n <= max_degree; ++n) expected += testing::primitive_count(q, static_cast<unsigned>(n));
  CHECK(expected == (q == 2 ? 1 + 1 + 2 + 2 + 6 + 6 + 18 + 16 + 48 + 60 + 176 + 144 : 1 + 2 + 4 + 8 + 22 + 48));
  CHECK(recovered == static_cast<int>(expected));
}

TEST_CASE("known linear complexities", "[berlekamp-massey]") {
  const Field gf2 = Field::from_order(2);
  const Field gf3 = Field::from_order(3);
  SECTION("the empty and the all-zero sequences have L = 0 and no polynomial") {
    for (std::size_t length : {0, 1, 5, 200}) {
      const LinearComplexity result = berlekamp_massey(std::vector<std::uint32_t>(length, 0), gf3, true);
      CHECK(result.complexity == 0);
      CHECK(result.sequence_length == length);
      CHECK(result.polynomial.empty());
      CHECK(result.profile == std::vector<int>(length, 0));
      CHECK(result.unique());
    }
  }
  SECTION("n zeros then a 1 need n + 1: f = x^(n+1) - 1, the cyclic shift of the sequence") {
    for (std::size_t n : {0, 1, 7, 63, 64, 65, 300}) {
      CAPTURE(n);
      std::vector<std::uint32_t> sequence(n + 1, 0);
      sequence.back() = 1;
      for (const Field& field : {gf2, gf3, Field::from_order(9)}) {
        const LinearComplexity result = berlekamp_massey(sequence, field);
        CHECK(result.complexity == static_cast<int>(n) + 1);
        CHECK_FALSE(result.unique());
        std::vector<std::uint32_t> f(n + 2, 0);
        f.front() = field.neg(1);
        f.back() = 1;
        CHECK(result.polynomial == f);
        CHECK(regenerates(result, sequence, field));
      }
    }
  }
  SECTION("a single 1 has L = 1, f = x - 1") {
    CHECK(berlekamp_massey({1}, gf2).polynomial == std::vector<std::uint32_t>{1, 1});
    CHECK(berlekamp_massey({1}, gf3).polynomial == std::vector<std::uint32_t>{2, 1});
  }
  SECTION("a 1 then zeros is the singular register f = x: deg C = 0 < L = 1") {
    for (std::size_t length : {2, 10, 129}) {
      std::vector<std::uint32_t> sequence(length, 0);
      sequence[0] = 1;
      const LinearComplexity result = berlekamp_massey(sequence, gf2);
      CHECK(result.complexity == 1);
      CHECK(result.polynomial == std::vector<std::uint32_t>{0, 1});
    }
  }
  SECTION("a transient before a cycle: 1, then 1, 0 repeated has f = x^3 + x = x (x + 1)^2 over GF(2)") {
    const std::vector<std::uint32_t> sequence{1, 1, 0, 1, 0, 1, 0, 1, 0, 1};
    const LinearComplexity result = berlekamp_massey(sequence, gf2);
    CHECK(result.polynomial == std::vector<std::uint32_t>{0, 1, 0, 1});
    CHECK(regenerates(result, sequence, gf2));
  }
  SECTION("an element not below q is an InputError naming it") {
    REQUIRE_THROWS_AS(berlekamp_massey({0, 1, 3}, gf3), InputError);
    REQUIRE_THROWS_WITH(berlekamp_massey({0, 1, 3}, gf3), Contains("element 3 is 3") && Contains("GF(3)"));
  }
}

TEST_CASE("L and its profile are the least lengths of any register generating the sequence (every short sequence)",
          "[berlekamp-massey]") {
  const auto [q, max_length] = GENERATE(std::pair{2U, 10}, std::pair{3U, 6}, std::pair{4U, 5});
  const Field field = Field::from_order(q);
  for (int length = 0; length <= max_length; ++length) {
    std::uint64_t count = 1;
    for (int i = 0; i < length; ++i) count *= q;
    for (std::uint64_t code = 0; code < count; ++code) {
      std::vector<std::uint32_t> sequence;
      for (std::uint64_t digits = code; sequence.size() < static_cast<std::size_t>(length); digits /= q) {
        sequence.push_back(static_cast<std::uint32_t>(digits % q));
      }
      CAPTURE(q, sequence);
      const LinearComplexity result = berlekamp_massey(sequence, field, true);
      REQUIRE(result.complexity == brute_force_complexity(sequence, field));
      REQUIRE(regenerates(result, sequence, field));
      // The profile too, prefix by prefix, against the exhaustion rather than Berlekamp-Massey itself.
      REQUIRE(result.profile.size() == sequence.size());
      for (std::size_t t = 0; t < sequence.size(); ++t) {
        const std::vector<std::uint32_t> prefix(sequence.begin(),
                                                sequence.begin() + static_cast<std::ptrdiff_t>(t) + 1);
        REQUIRE(result.profile[t] == brute_force_complexity(prefix, field));
      }
    }
  }
}

TEST_CASE("random sequences: the register regenerates them, NTL agrees where N >= 2L, the profile is BM on prefixes",
          "[berlekamp-massey]") {
  // The last two moduli are irreducible but not primitive: a has order 5 and 4, not q - 1.
  const Field field = GENERATE(values({Field::from_order(2), Field::from_order(3), Field::from_order(4),
                                       Field::from_order(9), Field::from_order(256), Field::from_order(65521),
                                       Field::with_modulus(16, "a^4+a^3+a^2+a+1"), Field::with_modulus(9, "a^2+1")}));
  const std::uint32_t q = field.q();
  std::mt19937_64 random(q + field.modulus().size());
  for (int round = 0; round < testing::random_cases(40); ++round) {
    // Half plain random sequences (L ~ N/2), half outputs of a random register (L <= its degree).
    std::vector<std::uint32_t> sequence;
    const std::size_t length = random() % 300;
    if (round % 2 == 0) {
      sequence = random_sequence(random, field, length);
    } else {
      const int degree = 1 + static_cast<int>(random() % 40);
      std::vector<std::uint32_t> coefficients = random_sequence(random, field, static_cast<std::size_t>(degree) + 1);
      coefficients.back() = 1;
      sequence = fibonacci_output(Polynomial(field, coefficients),
                                  random_sequence(random, field, static_cast<std::size_t>(degree)), length);
    }
    CAPTURE(q, field.modulus_text(), round, sequence);
    const LinearComplexity result = berlekamp_massey(sequence, field, true);
    REQUIRE(result.sequence_length == sequence.size());
    REQUIRE(result.polynomial.size() == (result.complexity == 0 ? 0 : static_cast<std::size_t>(result.complexity) + 1));
    REQUIRE(regenerates(result, sequence, field));
    if (result.unique()) {
      const std::vector<std::uint32_t> ntl = ntl_minimal_polynomial(sequence, field);
      REQUIRE(static_cast<int>(ntl.size()) - 1 == result.complexity);
      if (result.complexity > 0) REQUIRE(ntl == result.polynomial);
    }
    REQUIRE(result.profile.size() == sequence.size());
    REQUIRE(std::is_sorted(result.profile.begin(), result.profile.end()));
    if (!sequence.empty()) REQUIRE(result.profile.back() == result.complexity);
    for (std::size_t t = 0; t < sequence.size(); t += 1 + t / 16) {
      const std::vector<std::uint32_t> prefix(sequence.begin(), sequence.begin() + static_cast<std::ptrdiff_t>(t) + 1);
      REQUIRE(result.profile[t] == berlekamp_massey(prefix, field).complexity);
    }
  }
}

TEST_CASE("GF(2) sequences longer than a word, past the word boundaries", "[berlekamp-massey]") {
  const Field gf2 = Field::from_order(2);
  std::mt19937_64 random(12);
  for (const std::size_t length : {127, 128, 129, 1000, 5000}) {
    const std::vector<std::uint32_t> sequence = random_sequence(random, gf2, length);
    const LinearComplexity result = berlekamp_massey(sequence, gf2);
    CAPTURE(length);
    REQUIRE(regenerates(result, sequence, gf2));
    // A random sequence has L close to N/2 (expected N/2 + O(1)).
    REQUIRE(std::abs(2 * result.complexity - static_cast<int>(length)) <= 20);
  }
  // x^100 + x^37 + 1 is irreducible: from any nonzero state L = 100, found from 200 outputs.
  std::vector<std::uint32_t> coefficients(101, 0);
  coefficients[0] = coefficients[37] = coefficients[100] = 1;
  const Polynomial f(gf2, coefficients);
  REQUIRE(is_irreducible(f));
  const std::vector<std::uint32_t> output = fibonacci_output(f, random_sequence(random, gf2, 100), 200);
  CHECK(berlekamp_massey(output, gf2).polynomial == coefficients);
}

TEST_CASE("any output bit of std::mt19937_64 has linear complexity 19937, from 2 * 19937 bits", "[berlekamp-massey]") {
  // Its state update is GF(2)-linear with a primitive characteristic polynomial of degree 19937 (the
  // period is 2^19937 - 1), so every nonzero output bit sequence has that minimal polynomial.
  const Field gf2 = Field::from_order(2);
  std::mt19937_64 random(2024);
  std::vector<std::uint32_t> low(2 * 19937 + 100), high(low.size());
  for (std::size_t t = 0; t < low.size(); ++t) {
    const std::uint64_t word = random();
    low[t] = word & 1;
    high[t] = static_cast<std::uint32_t>(word >> 63);
  }
  const LinearComplexity from_low = berlekamp_massey(low, gf2);
  CHECK(from_low.complexity == 19937);
  CHECK(from_low.unique());
  CHECK(from_low.polynomial == berlekamp_massey(high, gf2).polynomial);
}

TEST_CASE("parse_sequence reads integers, bit strings, the a form and comments", "[berlekamp-massey]") {
  const Field gf2 = Field::from_order(2);
  const std::vector<std::uint32_t> bits{1, 0, 0, 1};
  CHECK(parse_sequence("1 0 0 1", gf2) == bits);
  CHECK(parse_sequence("1,0,0,1", gf2) == bits);
  CHECK(parse_sequence("1, 0 ,0,  1,", gf2) == bits);
  CHECK(parse_sequence("1001", gf2) == bits);
  CHECK(parse_sequence("10 01", gf2) == bits);
  CHECK(parse_sequence("# a comment\n10   # two bits\n\n  0,\n1\n", gf2) == bits);
  CHECK(parse_sequence("1\r\n0\r\n0\r\n1", gf2) == bits);
  const Field gf4 = Field::from_order(4);
  CHECK(parse_sequence("a a+1 0 1 [3] [2]", gf4) == std::vector<std::uint32_t>{2, 3, 0, 1, 3, 2});
  CHECK(parse_sequence("3,2,a^2", gf4) == std::vector<std::uint32_t>{3, 2, 3});
  CHECK(parse_sequence("2 1 0", Field::from_order(3)) == std::vector<std::uint32_t>{2, 1, 0});
  CHECK(parse_sequence("255 a^2+1", Field::from_order(256)) == std::vector<std::uint32_t>{255, 5});
}

TEST_CASE("parse_sequence names the element that is wrong", "[berlekamp-massey]") {
  const Field gf2 = Field::from_order(2);
  const Field gf4 = Field::from_order(4);
  CHECK_THROWS_WITH(parse_sequence("1 0 2", gf2), Contains("sequence element 3 (line 1)") && Contains("out of range"));
  CHECK_THROWS_WITH(parse_sequence("1 0\n 4", gf4),
                    Contains("sequence element 3 (line 2)") && Contains("out of range"));
  CHECK_THROWS_WITH(parse_sequence("0110210", gf2), Contains("sequence element 5") && Contains("'2' is not a bit"));
  CHECK_THROWS_WITH(parse_sequence("1 b 0", gf4), Contains("sequence element 2") && Contains("\"b\""));
  CHECK_THROWS_WITH(parse_sequence("1,,0", gf2), Contains("sequence element 2") && Contains("stray comma"));
  CHECK_THROWS_WITH(parse_sequence(",1", gf2), Contains("sequence element 1") && Contains("stray comma"));
  CHECK_THROWS_WITH(parse_sequence("1,\n# note\n,0", gf2), Contains("(line 3)") && Contains("stray comma"));
  CHECK_THROWS_WITH(parse_sequence("", gf2), Contains("empty sequence"));
  CHECK_THROWS_WITH(parse_sequence("  # only a comment\n\n", gf4), Contains("empty sequence"));
  CHECK_THROWS_AS(parse_sequence("a", gf2), InputError);
  SECTION("too long") {
    for (const Field& field : {gf2, gf4}) {
      const std::size_t limit = max_sequence_length(field);
      std::string text(2 * limit, ' ');
      for (std::size_t i = 0; i < limit; ++i) text[2 * i] = '1';
      CHECK(parse_sequence(text, field).size() == limit);
      text += "0";
      CHECK_THROWS_WITH(parse_sequence(text, field),
                        Contains(fmt::format("sequence element {}", limit + 1)) && Contains("more than"));
    }
    CHECK_THROWS_WITH(parse_sequence(std::string(max_sequence_length(gf2) + 1, '1'), gf2), Contains("more than"));
  }
}
