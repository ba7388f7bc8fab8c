// Start states of a Fibonacci GF(2) register judged from their own bits and the 64 output bits after
// them: which cannot be their cycle's smallest state, and the cycles that close within 64 steps.
//
// The states are n-bit windows of the output sequence (bit i of the state at time t is sequence bit
// t + i), so a window whose top bits are zero is a small state. Let s be a state on a cycle, s != 0,
// with z leading zeros (of n bits), so s >= 2^(n-1-z). Any run of z+1 zero bits in the sequence
// around s ends at the top of some window on the cycle, below 2^(n-1-z) <= s:
// - a run among the 64 bits after s tops the j-th successor, j <= 64;
// - a run inside s itself tops the state m steps before s on the cycle (the cycle's predecessors
//   shift s up: their top bits are s's lower bits), which exists because s is on a cycle.
// So such a run proves s is not its cycle's smallest, with no walk at all. When there is none, only
// the successors with exactly z leading zeros can be below s or equal to it; comparing those finds
// the first return to s (the cycle's length, if at most 64) and whether s is the least on the way.
// Nothing here knows the register's taps: it reads bits that the kernel produced.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

namespace lfsr {

// 128 bits of output sequence: a state and the 64 bits that follow it.
__extension__ using Bits128 = unsigned __int128;

// Bit i of the result: bits i .. i+width-1 of `zeros` are all set (a run of `width` zero bits of the
// sequence starts at i); width >= 1. Widths double, then one overlapping shift makes up the rest.
template <class Word>
Word zero_run_starts(Word zeros, int width) {
  int covered = 1;
  for (; 2 * covered <= width; covered *= 2) zeros &= zeros >> covered;
  if (covered < width) zeros &= zeros >> (width - covered);
  return zeros;
}

// The state index's bits inside one scan word.
inline constexpr int short_cycle_low_bits = 6;

// [w]: the low parts (bit i for i = 0..63) whose longest zero run is shorter than w; whose
// leading zeros (of 6 bits) are fewer than w.
struct LowPartTables {
  std::array<std::uint64_t, short_cycle_low_bits + 2> runs_below{};
  std::array<std::uint64_t, short_cycle_low_bits + 2> leading_below{};
};

constexpr LowPartTables make_low_part_tables() {
  constexpr int low_bits = short_cycle_low_bits;
  LowPartTables made;
  for (std::uint64_t low = 0; low < 64; ++low) {
    int longest = 0;
    for (int run = 0, bit = 0; bit < low_bits; ++bit) {
      run = (low >> bit) & 1U ? 0 : run + 1;
      longest = std::max(longest, run);
    }
    const int leading = low_bits - std::bit_width(low);
    for (int width = 0; width <= low_bits + 1; ++width) {
      if (longest < width) made.runs_below[static_cast<std::size_t>(width)] |= std::uint64_t{1} << low;
      if (leading < width) made.leading_below[static_cast<std::size_t>(width)] |= std::uint64_t{1} << low;
    }
  }
  return made;
}

// The 64 states of scan word `word` (indices 64 word + i, n > 6, word > 0) that may be their cycle's
// smallest by their own bits: those without a zero run longer than their leading one. All 64 share
// bits 6 .. n-1 (the word's index), hence their leading zeros; a run there rules out the whole word.
// What is left depends on i alone, through its longest zero run and its leading zeros (which the
// trailing zeros of `word` lengthen), read from two tables of 64-bit masks.
class ShortCycleScan {
 public:
  explicit ShortCycleScan(int bits) : bits_(bits) {}

  std::uint64_t candidates(std::uint64_t word) const {
    const int top = std::bit_width(word) - 1;  // of the word's bits, the highest set
    const int width = bits_ - low_bits - top;  // leading zeros + 1: the run that rules a state out
    const std::uint64_t below_top = ~word & ((std::uint64_t{1} << top) - 1);
    if (zero_run_starts(below_top, width) != 0) return 0;
    // A run inside the low bits, or one reaching down into them from the word's trailing zeros.
    const int trailing = std::countr_zero(word);
    return tables.runs_below[static_cast<std::size_t>(std::min(width, low_bits + 1))] &
           tables.leading_below[static_cast<std::size_t>(std::clamp(width - trailing, 0, low_bits + 1))];
  }

 private:
  static constexpr int low_bits = short_cycle_low_bits;
  static constexpr LowPartTables tables = make_low_part_tables();

  int bits_;
};

// What the 64 output bits after a start state tell of it.
struct ShortCycleVerdict {
  enum class Kind : std::uint8_t { not_smallest, smallest_of_short_cycle, undecided };
  Kind kind;
  std::uint64_t length;  // smallest_of_short_cycle: the cycle's length, 1..64
};

// `sequence`: state s (a state on a cycle) in bits 0 .. n-1, the 64 output bits after it above.
// not_smallest: some state of s's cycle is below s. smallest_of_short_cycle: s returns to itself
// within 64 steps and is the least state on the way. undecided: neither (a longer cycle).
inline ShortCycleVerdict judge_start(Bits128 sequence, std::uint64_t state, int n) {
  using Kind = ShortCycleVerdict::Kind;
  if (state == 0) return {Kind::smallest_of_short_cycle, 1};  // a linear map fixes 0
  const std::uint64_t state_mask = n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
  const int leading = std::countl_zero(state) - (64 - n);
  const Bits128 valid = n == 64 ? ~Bits128{0} : (Bits128{1} << (n + 64)) - 1;
  const Bits128 zeros = ~sequence & valid;
  // Runs of `leading` zeros (every position, when there are none to match), then of leading + 1.
  const Bits128 runs = leading == 0 ? ~Bits128{0} : zero_run_starts(zeros, leading);
  if ((runs & (zeros >> leading)) != 0) return {Kind::not_smallest, 0};
  // Bit j-1: the j-th successor (bits j .. j+n-1) has `leading` leading zeros, like s. The others
  // have fewer and are above s.
  for (auto alike = static_cast<std::uint64_t>(runs >> (n - leading + 1)); alike != 0; alike &= alike - 1) {
    const int j = std::countr_zero(alike) + 1;
    const auto successor = static_cast<std::uint64_t>(sequence >> j) & state_mask;
    if (successor < state) return {Kind::not_smallest, 0};
    if (successor == state) return {Kind::smallest_of_short_cycle, static_cast<std::uint64_t>(j)};
  }
  return {Kind::undecided, 0};
}

}  // namespace lfsr
