// The maximum-period search over a range of a feedback family: short cycles first, then walks in lanes.
#include "lfsr/maximum_period_search.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <tuple>
#include <utility>

#include "engine/bit_sliced_walk_lanes.hpp"
#include "engine/maximum_period_walks.hpp"
#include "engine/short_cycle_test.hpp"
#include "engine/vector_walk_lanes.hpp"
#include "lfsr/error.hpp"

namespace lfsr {

MaximumPeriodSearchCounts& MaximumPeriodSearchCounts::operator+=(const MaximumPeriodSearchCounts& other) {
  candidates += other.candidates;
  short_cycle_rejects += other.short_cycle_rejects;
  short_cycle_steps += other.short_cycle_steps;
  walks += other.walks;
  walk_steps += other.walk_steps;
  found += other.found;
  return *this;
}

int default_short_cycle_bits(int bits, bool fast_walks) {
  // Trying the words up to length d costs about 2^(d+2)/d scalar steps, a walk 2^(n-1) steps on
  // average, and a short cycle is found in most candidates with d far below n (bench_nlfsr_search:
  // 74% of the first family's at n = 20 with d <= 10, 78% with d <= 14). The best d is where the
  // test's cost meets the walks it saves: n - 5 for scalar walks, n - 10 for the bit-sliced and
  // vector walks, whose steps cost a tenth to a twentieth as much.
  return std::clamp(bits - (fast_walks ? 10 : 5), std::min(bits - 1, 2), bits - 1);
}

namespace {

// The search over begin..end-1 with the walks in the lanes of Banks (walk_in_banks); FilterLane
// steps the short-cycle test.
template <class FilterLane, class... Banks>
std::vector<MaximumPeriodMember> search_in_lanes(const FeedbackFamily& family, std::uint64_t begin, std::uint64_t end,
                                                 int short_cycle_bits, MaximumPeriodSearchCounts& counts) {
  using Lane = typename std::tuple_element_t<0, std::tuple<Banks...>>::Lane;
  const int n = family.bits();
  const std::uint64_t states = std::uint64_t{1} << n;
  std::vector<MaximumPeriodMember> found;
  std::uint64_t next_index = begin;
  const auto next_walk = [&](Walk<Lane>& walk) {
    while (next_index < end) {
      const std::uint64_t index = next_index++;
      const Feedback feedback = family.member(index);
      ++counts.candidates;
      if (short_cycle_bits > 0 &&
          has_short_cycle(FilterLane(feedback), n, short_cycle_bits, counts.short_cycle_steps)) {
        ++counts.short_cycle_rejects;
        continue;
      }
      ++counts.walks;
      walk = Walk<Lane>{Lane(feedback), index, feedback.value(0) ? states : states - 1};  // from state 1
      return true;
    }
    return false;
  };
  const auto finish = [&](const Walk<Lane>& walk, std::uint64_t returned) {
    if (returned != walk.limit) return;
    found.push_back({walk.index, family.member(walk.index), returned});
  };
  counts.walk_steps += walk_in_banks<Banks...>(n, next_walk, finish);
  counts.found += found.size();
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
  return found;
}

template <class Lane>
std::vector<MaximumPeriodMember> search_with_lane(const FeedbackFamily& family, std::uint64_t begin, std::uint64_t end,
                                                  const MaximumPeriodKernel& kernel, int short_cycle_bits,
                                                  MaximumPeriodSearchCounts& counts) {
  switch (kernel.lanes) {
    case 1:
      return search_in_lanes<Lane, ScalarLanes<Lane, 1>>(family, begin, end, short_cycle_bits, counts);
    case 2:
      return search_in_lanes<Lane, ScalarLanes<Lane, 2>>(family, begin, end, short_cycle_bits, counts);
    case 4:
      return search_in_lanes<Lane, ScalarLanes<Lane, 4>>(family, begin, end, short_cycle_bits, counts);
    case 8:
      return search_in_lanes<Lane, ScalarLanes<Lane, 8>>(family, begin, end, short_cycle_bits, counts);
    case 16:
      return search_in_lanes<Lane, ScalarLanes<Lane, 16>>(family, begin, end, short_cycle_bits, counts);
    default:  // a width meant for the bit-sliced walks (or none): the best scalar one
      return search_in_lanes<Lane, ScalarLanes<Lane, 8>>(family, begin, end, short_cycle_bits, counts);
  }
}

// The AVX2 lanes for members of at most Linear linear terms and Pairs products.
template <int Linear, int Pairs>
std::vector<MaximumPeriodMember> search_in_vectors(const FeedbackFamily& family, std::uint64_t begin, std::uint64_t end,
                                                   const MaximumPeriodKernel& kernel, int short_cycle_bits,
                                                   MaximumPeriodSearchCounts& counts) {
  using Filter = QuadraticLane<Pairs>;
  switch (kernel.lanes) {
    case 4:
      return search_in_lanes<Filter, Avx2ShiftLanes<Linear, Pairs, 4>>(family, begin, end, short_cycle_bits, counts);
    case 8:
      return search_in_lanes<Filter, Avx2ShiftLanes<Linear, Pairs, 8>>(family, begin, end, short_cycle_bits, counts);
    default:  // 16, the fastest, or a width meant for other walks
      return search_in_lanes<Filter, Avx2ShiftLanes<Linear, Pairs, 16>>(family, begin, end, short_cycle_bits, counts);
  }
}

// The most linear terms (x0 among them) and products of two variables in a member of the family;
// products -1 when a member may have a monomial of degree 3 or more.
struct Shape {
  int linear;
  int products;
};

Shape shape(const FeedbackFamily& family) {
  switch (family.kind()) {
    case FeedbackFamily::Kind::two_linear_one_product:
      return {3, 1};
    case FeedbackFamily::Kind::one_linear_two_products:
      return {2, 2};
    case FeedbackFamily::Kind::four_linear_one_product:
      return {5, 1};
    case FeedbackFamily::Kind::anf:
      break;
  }
  const int m = family.bits() - 1;
  const int linear = std::min(family.max_terms(), m + 1);
  if (family.max_degree() == 1 || m < 2) return {linear, 0};
  if (family.max_degree() > 2 && m >= 3) return {linear, -1};
  return {linear, std::min(family.max_terms() - 1, m * (m - 1) / 2)};
}

// The search in bit-sliced lanes for quadratic families of at most 3 products: 256 a word with
// AVX2 (when the processor has it and vector is asked for), else 128 with SSE2; kernel.lanes = 64
// or 128 asks for those.
std::optional<std::vector<MaximumPeriodMember>> search_bit_sliced(const FeedbackFamily& family, std::uint64_t begin,
                                                                  std::uint64_t end, const MaximumPeriodKernel& kernel,
                                                                  int short_cycle_bits,
                                                                  MaximumPeriodSearchCounts& counts) {
  if (!kernel.bit_sliced) return std::nullopt;
  const bool wide = kernel.vector && avx2_lanes_available();
  const auto run = [&]<int Pairs>() {
    // The last walks of a range go on in narrower banks, down to 8 scalar lanes.
    using Lane = QuadraticLane<Pairs>;
    using Scalar = ScalarLanes<Lane, 8>;
    using Narrow = BitSlicedLanes<Pairs, std::uint64_t>;
    if (kernel.lanes == 64) return search_in_lanes<Lane, Narrow, Scalar>(family, begin, end, short_cycle_bits, counts);
    using Sse = BitSlicedLanes<Pairs, BitSlice128>;
    if (kernel.lanes == 128 || !wide) {
      return search_in_lanes<Lane, Sse, Narrow, Scalar>(family, begin, end, short_cycle_bits, counts);
    }
    return search_in_lanes<Lane, BitSlicedLanes<Pairs, BitSlice256>, Sse, Narrow, Scalar>(family, begin, end,
                                                                                          short_cycle_bits, counts);
  };
  switch (shape(family).products) {
    case 0:
      return run.template operator()<0>();
    case 1:
      return run.template operator()<1>();
    case 2:
      return run.template operator()<2>();
    case 3:
      return run.template operator()<3>();
    default:
      return std::nullopt;
  }
}

// The search in AVX2 lanes when the processor has them and the family's shape is compiled: the
// three families' shapes, and those of anf:T:D for T <= 4, D <= 2 (members padded to the shape).
std::optional<std::vector<MaximumPeriodMember>> search_in_vectors(const FeedbackFamily& family, std::uint64_t begin,
                                                                  std::uint64_t end, const MaximumPeriodKernel& kernel,
                                                                  int short_cycle_bits,
                                                                  MaximumPeriodSearchCounts& counts) {
  if (!kernel.vector || !avx2_lanes_available()) return std::nullopt;
  const Shape family_shape = shape(family);
  const auto fits = [&family_shape](int most_linear, int most_products) {
    return family_shape.products >= 0 && family_shape.linear <= most_linear && family_shape.products <= most_products;
  };
  if (fits(3, 0)) return search_in_vectors<3, 0>(family, begin, end, kernel, short_cycle_bits, counts);
  if (fits(4, 0)) return search_in_vectors<4, 0>(family, begin, end, kernel, short_cycle_bits, counts);
  if (fits(3, 1)) return search_in_vectors<3, 1>(family, begin, end, kernel, short_cycle_bits, counts);
  if (fits(5, 1)) return search_in_vectors<5, 1>(family, begin, end, kernel, short_cycle_bits, counts);
  if (fits(2, 2)) return search_in_vectors<2, 2>(family, begin, end, kernel, short_cycle_bits, counts);
  if (fits(3, 2)) return search_in_vectors<3, 2>(family, begin, end, kernel, short_cycle_bits, counts);
  if (fits(4, 3)) return search_in_vectors<4, 3>(family, begin, end, kernel, short_cycle_bits, counts);
  return std::nullopt;
}

}  // namespace

std::vector<MaximumPeriodMember> search_maximum_period_with(const FeedbackFamily& family, std::uint64_t begin,
                                                            std::uint64_t end, const MaximumPeriodKernel& kernel,
                                                            MaximumPeriodSearchCounts& counts) {
  if (begin > end || end > family.count()) {
    throw InputError(fmt::format("feedback family {} has {} members for {} bits; the range {}..{} is not inside it",
                                 family.name(), family.count(), family.bits(), begin, end));
  }
  const auto short_cycle_bits = [&](bool fast_walks) {
    return kernel.short_cycle_bits < 0 ? default_short_cycle_bits(family.bits(), fast_walks)
                                       : std::min(kernel.short_cycle_bits, family.bits() - 1);
  };
  if (auto found = search_bit_sliced(family, begin, end, kernel, short_cycle_bits(true), counts)) {
    return std::move(*found);
  }
  if (auto found = search_in_vectors(family, begin, end, kernel, short_cycle_bits(true), counts)) {
    return std::move(*found);
  }
  switch (shape(family).products) {
    case 0:
      return search_with_lane<QuadraticLane<0>>(family, begin, end, kernel, short_cycle_bits(false), counts);
    case 1:
      return search_with_lane<QuadraticLane<1>>(family, begin, end, kernel, short_cycle_bits(false), counts);
    case 2:
      return search_with_lane<QuadraticLane<2>>(family, begin, end, kernel, short_cycle_bits(false), counts);
    case 3:
      return search_with_lane<QuadraticLane<3>>(family, begin, end, kernel, short_cycle_bits(false), counts);
    case 4:
      return search_with_lane<QuadraticLane<4>>(family, begin, end, kernel, short_cycle_bits(false), counts);
    default:
      return search_with_lane<GeneralLane>(family, begin, end, kernel, short_cycle_bits(false), counts);
  }
}

std::vector<MaximumPeriodMember> search_maximum_period(const FeedbackFamily& family, std::uint64_t begin,
                                                       std::uint64_t end, MaximumPeriodSearchCounts& counts) {
  return search_maximum_period_with(family, begin, end, MaximumPeriodKernel{}, counts);
}

std::vector<MaximumPeriodMember> search_maximum_period(const FeedbackFamily& family, std::uint64_t begin,
                                                       std::uint64_t end) {
  MaximumPeriodSearchCounts counts;
  return search_maximum_period(family, begin, end, counts);
}

}  // namespace lfsr
