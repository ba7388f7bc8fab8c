// The search for maximum-period nonlinear feedback shift registers: which members of a feedback
// family have period 2^n - 1 (every nonzero state on one cycle, 0 fixed) or 2^n (de Bruijn).
#pragma once

#include <cstdint>
#include <vector>

#include "lfsr/feedback.hpp"
#include "lfsr/feedback_family.hpp"

namespace lfsr {

struct MaximumPeriodMember {
  std::uint64_t index = 0;  // the member's number in its family
  Feedback feedback;
  std::uint64_t period = 0;  // 2^n - 1 or 2^n

  friend bool operator==(const MaximumPeriodMember&, const MaximumPeriodMember&) = default;
};

// What a search did, for progress lines and benchmarks; adding two counts adds their fields.
struct MaximumPeriodSearchCounts {
  std::uint64_t candidates = 0;           // members tried
  std::uint64_t short_cycle_rejects = 0;  // rejected by a cycle shorter than n found without a walk
  std::uint64_t short_cycle_steps = 0;    // register steps spent looking for those cycles
  std::uint64_t walks = 0;                // members walked from state 1
  std::uint64_t walk_steps = 0;           // register steps of those walks
  std::uint64_t found = 0;                // members of maximum period

  MaximumPeriodSearchCounts& operator+=(const MaximumPeriodSearchCounts& other);
};

// The members index begin..end-1 of the family whose register has maximum period, in index order.
// A member is rejected, without a walk, when the register has a cycle of length d < n other than
// the fixed point 0: such a cycle is the repetition of a d-bit pattern, so the patterns of length
// up to a bound (n - 10 before the fast walks below, n - 5 before scalar ones) are tried first;
// about three quarters of the first family's members go this way. A member left is walked from
// state 1 (x0 = 1, the rest 0) and rejected when the walk returns to 1 before 2^n - 1 steps (or
// does not return within 2^n); it has period 2^n - 1 when the walk returns after exactly 2^n - 1
// steps and F(0) = 0, and 2^n when it returns after 2^n.
// The walks of many members run together, each with its own feedback function: for quadratic
// families of at most 3 products (the three named families, anf:T:1, anf:T:2 with T <= 4)
// bit-sliced, 256 walks in AVX2 words where the processor has them (checked at run time), 128 in
// SSE2 words otherwise; else several scalar walks interleaved. Each call pays for about one
// longest walk at the end of its range, when few walks are left: ranges of many thousand members
// (16384 and up at n = 20) keep that small.
// Throws InputError unless begin <= end <= family.count().
std::vector<MaximumPeriodMember> search_maximum_period(const FeedbackFamily& family, std::uint64_t begin,
                                                       std::uint64_t end);
// The same, adding what it did to `counts`.
std::vector<MaximumPeriodMember> search_maximum_period(const FeedbackFamily& family, std::uint64_t begin,
                                                       std::uint64_t end, MaximumPeriodSearchCounts& counts);

}  // namespace lfsr
