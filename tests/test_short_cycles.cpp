// Start states judged without a walk (engine/short_cycles.hpp) against walks around their cycles.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <vector>

#include "engine/short_cycles.hpp"
#include "engine/stepper.hpp"

using namespace lfsr;

namespace {

using Kind = ShortCycleVerdict::Kind;

std::uint64_t state_mask(int n) { return n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1; }

ShortCycleVerdict judge(const Gf2FibonacciStepper& stepper, std::uint64_t state) {
  const int n = stepper.bits();
  return judge_start(state | static_cast<Bits128>(stepper.next_output_word(state)) << n, state, n);
}

// Taps (bit i: coefficient of x^i) of a polynomial given by its exponents below the degree.
std::uint64_t taps_of(std::initializer_list<int> exponents) {
  std::uint64_t taps = 0;
  for (const int e : exponents) taps |= std::uint64_t{1} << e;
  return taps;
}

// Every state of a permutation register of at most 2^16 states: the verdict against the cycle's
// length and smallest state, found by walking each cycle once.
void check_every_state(int n, std::uint64_t taps) {
  const Gf2FibonacciStepper stepper(n, taps);
  const std::uint64_t states = std::uint64_t{1} << n;
  std::vector<std::uint64_t> cycle_length(states, 0);
  std::vector<std::uint64_t> cycle_smallest(states, 0);
  for (std::uint64_t start = 0; start < states; ++start) {
    if (cycle_length[start] != 0) continue;
    std::uint64_t length = 0;
    std::uint64_t smallest = start;
    for (std::uint64_t s = start; length == 0 || s != start; s = stepper.next(s), ++length)
      smallest = std::min(smallest, s);
    for (std::uint64_t s = start, i = 0; i < length; s = stepper.next(s), ++i) {
      cycle_length[s] = length;
      cycle_smallest[s] = smallest;
    }
  }
  for (std::uint64_t s = 0; s < states; ++s) {
    const ShortCycleVerdict verdict = judge(stepper, s);
    CAPTURE(n, taps, s, cycle_length[s], cycle_smallest[s]);
    switch (verdict.kind) {
      case Kind::not_smallest:
        REQUIRE(cycle_smallest[s] < s);
        break;
      case Kind::smallest_of_short_cycle:
        REQUIRE(cycle_smallest[s] == s);
        REQUIRE(verdict.length == cycle_length[s]);
        break;
      case Kind::undecided:
        REQUIRE(cycle_length[s] > 64);  // every state of a short cycle is settled
        break;
    }
  }
}

// A random state of a register too large to walk whole: the verdict against its next 128 states
// and its previous n (taps include bit 0, so the register is invertible).
void check_random_states(int n, std::uint64_t taps, int count) {
  const Gf2FibonacciStepper stepper(n, taps);
  const std::uint64_t mask = state_mask(n);
  const auto previous = [&](std::uint64_t s) {
    const std::uint64_t shifted = (s << 1) & mask;
    return shifted | (((s >> (n - 1)) ^ static_cast<std::uint64_t>(std::popcount(shifted & taps))) & 1U);
  };
  std::mt19937_64 random(static_cast<std::uint64_t>(n) * 7919 + taps);
  for (int i = 0; i < count; ++i) {
    // Sparse states too, so that long zero runs and small states occur.
    std::uint64_t s = random() & mask;
    if (i % 3 == 1) s &= random() & random();
    if (i % 3 == 2) s = ~s & mask;
    REQUIRE(stepper.next(previous(s)) == s);
    std::uint64_t return_step = 0;
    std::uint64_t smallest_ahead = s;  // over the states before the return, or the next 64
    for (std::uint64_t t = stepper.next(s), j = 1; j <= 128; t = stepper.next(t), ++j) {
      if (t == s) {
        return_step = j;
        break;
      }
      if (j <= 64) smallest_ahead = std::min(smallest_ahead, t);
    }
    std::uint64_t smallest_behind = s;
    for (std::uint64_t t = previous(s), j = 1; j <= static_cast<std::uint64_t>(n); t = previous(t), ++j)
      smallest_behind = std::min(smallest_behind, t);
    const ShortCycleVerdict verdict = judge(stepper, s);
    CAPTURE(n, taps, s, return_step);
    switch (verdict.kind) {
      case Kind::not_smallest:
        REQUIRE(std::min(smallest_ahead, smallest_behind) < s);
        break;
      case Kind::smallest_of_short_cycle:
        REQUIRE(return_step != 0);
        REQUIRE(verdict.length == return_step);
        REQUIRE(smallest_ahead == s);
        break;
      case Kind::undecided:
        REQUIRE((return_step == 0 || return_step > 64));
        REQUIRE(smallest_ahead == s);
        break;
    }
    if (return_step != 0 && return_step <= 64) {
      REQUIRE(verdict.kind != Kind::undecided);
      // The cycle's smallest state counts it: for (x+1)^33 mostly a cycle of exactly 64.
      const ShortCycleVerdict at_smallest = judge(stepper, smallest_ahead);
      REQUIRE(at_smallest.kind == Kind::smallest_of_short_cycle);
      REQUIRE(at_smallest.length == return_step);
    }
  }
}

// The states of a scan word without a zero run longer than their leading zeros, bit by bit.
std::uint64_t candidates_by_bits(int n, std::uint64_t word) {
  std::uint64_t candidates = 0;
  for (std::uint64_t low = 0; low < 64; ++low) {
    const std::uint64_t s = word * 64 + low;
    const int leading = std::countl_zero(s) - (64 - n);
    int longest = 0;
    for (int run = 0, bit = 0; bit < n - leading; ++bit) {
      run = (s >> bit) & 1U ? 0 : run + 1;
      longest = std::max(longest, run);
    }
    if (longest <= leading) candidates |= std::uint64_t{1} << low;
  }
  return candidates;
}

}  // namespace

TEST_CASE("a start is settled from 64 output bits exactly as a walk around its cycle says", "[short_cycles]") {
  for (int n = 7; n <= 14; ++n) check_every_state(n, 1);  // x^n+1: every cycle short
  check_every_state(12, taps_of({0, 6}));                 // x^12+x^6+1
  check_every_state(8, taps_of({0, 1, 3, 4}));            // cycles of 1, 3, 5, 15, 17, 51, ...
  check_every_state(10, taps_of({0, 3}));                 // x^10+x^3+1: one cycle of 1023
  check_every_state(14, taps_of({0, 1, 3, 4, 6, 11}));    // a mix of lengths around 64
  check_every_state(16, taps_of({0, 2, 3, 5}));           // x^16+x^5+x^3+x^2+1: primitive
  std::mt19937_64 random(13);
  for (int trial = 0; trial < 12; ++trial) {
    const int n = 7 + trial % 8;
    check_every_state(n, (random() & state_mask(n)) | 1U);
  }
}

TEST_CASE("wide registers: cycles of exactly 64 states, 64-bit states and long cycles", "[short_cycles]") {
  check_random_states(33, taps_of({0, 1, 32}), 3000);    // (x+1)^33: cycles of 64 and fewer
  check_random_states(64, 1, 3000);                      // x^64+1: 64-bit rotations
  check_random_states(64, taps_of({0, 1, 3, 4}), 3000);  // x^64+x^4+x^3+x+1: long cycles
  check_random_states(40, taps_of({0, 20}), 3000);       // x^40+x^20+1: cycles of 60 and more
  check_random_states(50, taps_of({0, 2, 3, 4}), 3000);  // long cycles
  check_random_states(58, taps_of({0, 19}), 3000);       // x^58+x^19+1
}

TEST_CASE("a scan word keeps the states without a zero run longer than their leading zeros", "[short_cycles]") {
  for (int n = 7; n <= 16; ++n) {
    const ShortCycleScan scan(n);
    for (std::uint64_t word = 1; word < (std::uint64_t{1} << (n - 6)); ++word) {
      CAPTURE(n, word);
      REQUIRE(scan.candidates(word) == candidates_by_bits(n, word));
    }
  }
  for (const int n : {33, 64}) {
    const ShortCycleScan scan(n);
    std::mt19937_64 random(static_cast<std::uint64_t>(n));
    for (int i = 0; i < 20000; ++i) {
      std::uint64_t word = (random() & state_mask(n)) >> 6;
      if (i % 2 == 1) word &= random() | random();  // fewer zero runs: more candidates
      if (word == 0) continue;
      CAPTURE(n, word);
      REQUIRE(scan.candidates(word) == candidates_by_bits(n, word));
    }
  }
}
