// The maximum-period search over a range of a feedback family: short cycles first, then walks in lanes.
#include "lfsr/maximum_period_search.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/maximum_period_walks.hpp"
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

int default_short_cycle_bits(int bits) {
  // Trying the words up to length d costs about 2^(d+2)/d steps, a walk 2^(n-1) on average, and a
  // cycle of length d is found in about 1/d of the candidates (as in a random permutation): up to
  // n - 4 the test costs a small part of a walk and still leaves fewer walks.
  return std::clamp(bits - 4, std::min(bits - 1, 1), bits - 1);
}

namespace {

template <class Lane, std::size_t Lanes>
std::vector<MaximumPeriodMember> search_in_lanes(const FeedbackFamily& family, std::uint64_t begin, std::uint64_t end,
                                                 int short_cycle_bits, MaximumPeriodSearchCounts& counts) {
  const int n = family.bits();
  const std::uint64_t states = std::uint64_t{1} << n;
  std::vector<MaximumPeriodMember> found;
  std::uint64_t next_index = begin;
  const auto next_walk = [&](Walk<Lane>& walk) {
    while (next_index < end) {
      const std::uint64_t index = next_index++;
      const Feedback feedback = family.member(index);
      ++counts.candidates;
      Lane lane(feedback);
      if (short_cycle_bits > 0 && has_short_cycle(lane, n, short_cycle_bits, counts.short_cycle_steps)) {
        ++counts.short_cycle_rejects;
        continue;
      }
      ++counts.walks;
      walk.lane = lane;
      walk.index = index;
      walk.limit = feedback.value(0) ? states : states - 1;
      return true;
    }
    return false;
  };
  const auto finish = [&](const Walk<Lane>& walk, std::uint64_t returned) {
    if (returned != walk.limit) return;
    found.push_back({walk.index, family.member(walk.index), returned});
  };
  counts.walk_steps += walk_in_lanes<Lane, Lanes>(next_walk, finish);
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
      return search_in_lanes<Lane, 1>(family, begin, end, short_cycle_bits, counts);
    case 2:
      return search_in_lanes<Lane, 2>(family, begin, end, short_cycle_bits, counts);
    case 4:
      return search_in_lanes<Lane, 4>(family, begin, end, short_cycle_bits, counts);
    case 8:
      return search_in_lanes<Lane, 8>(family, begin, end, short_cycle_bits, counts);
    case 16:
      return search_in_lanes<Lane, 16>(family, begin, end, short_cycle_bits, counts);
    default:
      throw InternalError(fmt::format("maximum-period search: {} lanes are not compiled", kernel.lanes));
  }
}

// The largest number of products of two variables in a member of the family; -1 when a member
// may have a monomial of degree 3 or more.
int max_products(const FeedbackFamily& family) {
  switch (family.kind()) {
    case FeedbackFamily::Kind::two_linear_one_product:
    case FeedbackFamily::Kind::four_linear_one_product:
      return 1;
    case FeedbackFamily::Kind::one_linear_two_products:
      return 2;
    case FeedbackFamily::Kind::anf:
      break;
  }
  const int m = family.bits() - 1;
  if (family.max_degree() == 1 || m < 2) return 0;
  if (family.max_degree() > 2 && m >= 3) return -1;
  return std::min(family.max_terms() - 1, m * (m - 1) / 2);
}

}  // namespace

std::vector<MaximumPeriodMember> search_maximum_period_with(const FeedbackFamily& family, std::uint64_t begin,
                                                            std::uint64_t end, const MaximumPeriodKernel& kernel,
                                                            MaximumPeriodSearchCounts& counts) {
  if (begin > end || end > family.count()) {
    throw InputError(fmt::format("feedback family {} has {} members for {} bits; the range {}..{} is not inside it",
                                 family.name(), family.count(), family.bits(), begin, end));
  }
  const int short_cycle_bits = kernel.short_cycle_bits < 0 ? default_short_cycle_bits(family.bits())
                                                           : std::min(kernel.short_cycle_bits, family.bits() - 1);
  switch (max_products(family)) {
    case 0:
      return search_with_lane<QuadraticLane<0>>(family, begin, end, kernel, short_cycle_bits, counts);
    case 1:
      return search_with_lane<QuadraticLane<1>>(family, begin, end, kernel, short_cycle_bits, counts);
    case 2:
      return search_with_lane<QuadraticLane<2>>(family, begin, end, kernel, short_cycle_bits, counts);
    case 3:
      return search_with_lane<QuadraticLane<3>>(family, begin, end, kernel, short_cycle_bits, counts);
    case 4:
      return search_with_lane<QuadraticLane<4>>(family, begin, end, kernel, short_cycle_bits, counts);
    default:
      return search_with_lane<GeneralLane>(family, begin, end, kernel, short_cycle_bits, counts);
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
