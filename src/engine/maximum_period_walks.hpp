// The walks of the maximum-period search: candidates compiled into lanes, banks of lanes stepped
// together, and the walks from state 1 through them (the bit-sliced and AVX2 banks have their own
// headers; the test for short cycles is in short_cycle_test.hpp).
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "engine/feedback_stepper.hpp"
#include "lfsr/error.hpp"
#include "lfsr/feedback.hpp"
#include "lfsr/feedback_family.hpp"
#include "lfsr/maximum_period_search.hpp"

namespace lfsr {

// A quadratic F with at most MaxPairs products, as QuadraticFeedbackStepper steps it, but with the
// number of products fixed for the whole family: a member with fewer is padded with x_j*x_j = x_j
// against an extra linear x_j, so that members of different shapes share one compiled loop. A
// default lane is F = 0, which keeps state 0 where it is.
template <int MaxPairs>
struct QuadraticLane {
  std::uint64_t constant_top = 0;  // the constant term in bit n - 1
  std::uint64_t linear_taps = 0;
  std::uint64_t top_bit = 0;
  std::uint32_t top = 0;
  std::array<std::uint32_t, MaxPairs> first_up{};  // n - 1 - a for the product x_a x_b
  std::array<std::uint32_t, MaxPairs> second_up{};

  // Whether F has degree at most 2 and at most MaxPairs products.
  static bool fits(const Feedback& feedback) {
    int pairs = 0;
    for (const Feedback::Monomial monomial : feedback.monomials()) {
      if (std::popcount(monomial) > 2) return false;
      pairs += std::popcount(monomial) == 2 ? 1 : 0;
    }
    return pairs <= MaxPairs;
  }
  explicit QuadraticLane(const Feedback& feedback) {
    if (!fits(feedback)) throw InternalError("QuadraticLane: feedback of higher degree or more products");
    top = static_cast<std::uint32_t>(feedback.bits() - 1);
    top_bit = std::uint64_t{1} << top;
    int pairs = 0;
    for (const Feedback::Monomial monomial : feedback.monomials()) {
      if (monomial == 0) {
        constant_top = top_bit;
      } else if (std::has_single_bit(monomial)) {
        linear_taps ^= monomial;
      } else {
        const auto a = static_cast<std::uint32_t>(std::countr_zero(monomial));
        const auto b = static_cast<std::uint32_t>(std::bit_width(monomial) - 1);
        first_up[static_cast<std::size_t>(pairs)] = top - a;
        second_up[static_cast<std::size_t>(pairs)] = top - b;
        ++pairs;
      }
    }
    for (; pairs < MaxPairs; ++pairs) {  // x_{n-1} * x_{n-1} + x_{n-1} = 0
      first_up[static_cast<std::size_t>(pairs)] = 0;
      second_up[static_cast<std::size_t>(pairs)] = 0;
      linear_taps ^= top_bit;
    }
  }
  QuadraticLane() = default;

  std::uint64_t next(std::uint64_t state) const {
    std::uint64_t sum = constant_top ^ (static_cast<std::uint64_t>(std::popcount(state & linear_taps)) << top);
    for (std::size_t i = 0; i < MaxPairs; ++i) sum ^= (state << first_up[i]) & (state << second_up[i]);
    return (state >> 1) | (sum & top_bit);
  }
};

// Any F, through the general stepper, for the families of degree above 2 or with more products
// than unrolled. The default lane is F = 0 (of a 1-bit register: it keeps state 0 at 0 whatever
// the width).
struct GeneralLane {
  FeedbackStepper stepper{Feedback(1, {})};
  static bool fits(const Feedback&) { return true; }
  explicit GeneralLane(const Feedback& feedback) : stepper(feedback) {}
  GeneralLane() = default;
  std::uint64_t next(std::uint64_t state) const { return stepper.next(state); }
};

// One candidate in a walk lane: its compiled feedback, its number, and the steps after which its
// walk stops: 2^n - 1 when F(0) = 0 (0 is fixed, so state 1 can return at most after the 2^n - 1
// nonzero states), 2^n otherwise. The walk has maximum period exactly when it returns to 1 after
// those steps. A walk moved from one bank of lanes to another carries its state and steps so far.
template <class Lane>
struct Walk {
  Lane lane;
  std::uint64_t index = 0;
  std::uint64_t limit = 0;
  std::uint64_t state = 1;
  std::uint64_t taken = 0;
};

// Steps every lane, at most `burst` rounds, and stops after the first round that brings a lane to
// state 1; returns the rounds made. The lanes are unrolled and their states kept in registers, so
// the walks' latencies overlap.
template <class Lane, std::size_t Lanes>
std::uint64_t step_lanes(const std::array<Lane, Lanes>& lanes, std::array<std::uint64_t, Lanes>& states,
                         std::uint64_t burst) {
  return [&]<std::size_t... L>(std::index_sequence<L...>) {
    std::array<std::uint64_t, Lanes> s = states;
    std::uint64_t rounds = 0;
    while (rounds < burst) {
      ((s[L] = lanes[L].next(s[L])), ...);
      ++rounds;
      // One test for all lanes, without a branch per lane.
      if (((s[L] == 1 ? 1U : 0U) | ...) != 0) break;
    }
    states = s;
    return rounds;
  }
  (std::make_index_sequence<Lanes>{});
}

// A bank of lanes, as walk_in_lanes drives it: start(l, lane, state) sets lane l walking from
// `state`, idle(l) rests it (F = 0 from state 0, which never comes to 1), step(burst) steps every
// lane at most `burst` rounds and stops after the first round that brings a walking lane to state
// 1, returning the rounds made, at_one(l) tells whether lane l is at state 1 and state(l) gives
// its state.
// ScalarLanes: Lanes scalar lanes (QuadraticLane, GeneralLane) stepped together by step_lanes.
template <class LaneType, std::size_t Lanes>
class ScalarLanes {
 public:
  using Lane = LaneType;
  static constexpr std::size_t lanes = Lanes;
  explicit ScalarLanes(int /*bits*/) {}
  void start(std::size_t l, const Lane& lane, std::uint64_t state) {
    lanes_[l] = lane;
    states_[l] = state;
  }
  void idle(std::size_t l) {
    lanes_[l] = Lane{};
    states_[l] = 0;
  }
  bool at_one(std::size_t l) const { return states_[l] == 1; }
  std::uint64_t state(std::size_t l) const { return states_[l]; }
  std::uint64_t step(std::uint64_t burst) { return step_lanes(lanes_, states_, burst); }

 private:
  std::array<Lane, Lanes> lanes_{};
  std::array<std::uint64_t, Lanes> states_{};
};

// Walks the candidates that next_walk(Walk&) -> bool hands out, in the bank's lanes;
// finish(const Walk&, returned) gets each candidate once, `returned` the steps after which its walk
// came back to 1 (0 when it did not within its limit). A lane whose walk ends takes the next
// candidate at once. Once next_walk has no more and at most hand_over walks are left, those are
// moved to `left` (with their states and steps) for a narrower bank, whose rounds cost less.
// Returns the number of steps walked.
template <class Bank, class NextWalk, class Finish>
std::uint64_t walk_in_lanes(Bank& bank, NextWalk&& next_walk, Finish&& finish, std::size_t hand_over,
                            std::vector<Walk<typename Bank::Lane>>& left) {
  constexpr std::size_t Lanes = Bank::lanes;
  using Lane = typename Bank::Lane;
  std::vector<Walk<Lane>> walks(Lanes);
  std::vector<char> active(Lanes);
  std::size_t running = 0;
  bool more = true;  // whether next_walk may have more
  const auto load = [&](std::size_t l) {
    active[l] = more && next_walk(walks[l]) ? 1 : 0;
    if (active[l] != 0) {
      bank.start(l, walks[l].lane, walks[l].state);
      ++running;
    } else {
      more = false;
      bank.idle(l);
    }
  };
  for (std::size_t l = 0; l < Lanes; ++l) load(l);
  std::uint64_t steps = 0;
  while (running > 0) {
    if (!more && running <= hand_over) {
      for (std::size_t l = 0; l < Lanes; ++l) {
        if (active[l] == 0) continue;
        walks[l].state = bank.state(l);
        left.push_back(walks[l]);
      }
      return steps;
    }
    // Rounds until a lane reaches its limit, stopping early when a lane comes back to 1.
    std::uint64_t burst = std::numeric_limits<std::uint64_t>::max();
    for (std::size_t l = 0; l < Lanes; ++l) {
      if (active[l] != 0) burst = std::min(burst, walks[l].limit - walks[l].taken);
    }
    const std::uint64_t rounds = bank.step(burst);
    steps += rounds * running;
    for (std::size_t l = 0; l < Lanes; ++l) {
      if (active[l] == 0) continue;
      Walk<Lane>& walk = walks[l];
      walk.taken += rounds;
      const bool back = bank.at_one(l);
      if (back || walk.taken == walk.limit) {
        finish(walk, back ? walk.taken : 0);
        --running;
        load(l);
      }
    }
  }
  return steps;
}

// walk_in_lanes through banks of fewer and fewer lanes: the walks left when the first bank's
// candidates run out go on in the next bank (of Narrower::lanes at most), and so on, so that the
// last walks of a range do not keep a wide bank's idle lanes stepping.
template <class Bank, class... Narrower, class NextWalk, class Finish>
std::uint64_t walk_in_banks(int bits, NextWalk&& next_walk, Finish&& finish) {
  using Lane = typename Bank::Lane;
  std::vector<Walk<Lane>> left;
  std::size_t hand_over = 0;
  if constexpr (sizeof...(Narrower) > 0) hand_over = std::min({Narrower::lanes...});
  std::uint64_t steps = 0;
  {
    Bank bank(bits);
    steps = walk_in_lanes(bank, next_walk, finish, hand_over, left);
  }
  if constexpr (sizeof...(Narrower) > 0) {
    std::size_t next = 0;
    const auto resume = [&](Walk<Lane>& walk) {
      if (next == left.size()) return false;
      walk = left[next++];
      return true;
    };
    steps += walk_in_banks<Narrower...>(bits, resume, finish);
  }
  return steps;
}

// How the search runs, for benchmarks comparing kernels; the library's choice is the default.
struct MaximumPeriodKernel {
  // How many walks: scalar lanes 1, 2, 4, 8 or 16 (other values: 8); AVX2 lanes 4, 8 or 16 (other
  // values: 16); bit-sliced 64 or 128 (other values: the widest, 256 with AVX2).
  int lanes = 8;
  int short_cycle_bits = -1;  // longest short cycle tried before a walk; -1: the default for n, 0: none
  bool vector = true;         // AVX2 where the processor has it: 256 bit-sliced lanes, or AVX2 lanes
  bool bit_sliced = true;     // bit-sliced lanes for the families they fit (quadratic, <= 3 products)
};

// The default longest short cycle tried for n-bit registers, before scalar walks or fast ones
// (bit-sliced or vector lanes).
int default_short_cycle_bits(int bits, bool fast_walks);

// search_maximum_period with a chosen kernel.
std::vector<MaximumPeriodMember> search_maximum_period_with(const FeedbackFamily& family, std::uint64_t begin,
                                                            std::uint64_t end, const MaximumPeriodKernel& kernel,
                                                            MaximumPeriodSearchCounts& counts);

}  // namespace lfsr
