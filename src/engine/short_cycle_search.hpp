// Short cycles of a Fibonacci GF(2) register found directly, when the count proof lacks few states.
//
// A state of such a register is an n-bit window of its output sequence (bit i = s_i). On a cycle
// of length L < n the sequence repeats every L bits, so the state is the L-periodic extension of
// its own low L bits: the cycles of length at most L are among 2^1 + ... + 2^L windows. When the
// chains and cycles found cover all but d states, every cycle not yet found has length at most d,
// and for small d trying those windows finds them at once instead of marking and scanning 2^n
// states for them. Exact: each window is stepped, and a cycle counts only once (claims below).
#pragma once

#include <cstdint>

namespace lfsr {

// The largest shortfall searched this way: 2^17 windows of at most 16 steps, a few milliseconds.
inline constexpr int short_cycle_search_limit = 16;

// Cycles without distinguished points are counted from their smallest state, found either by the
// scan or by the search, so those of length <= short_cycle_search_limit are claimed in this bitset
// first: index (2^L - 2) + (low L bits of the smallest state), unique for a cycle of length L.
inline constexpr std::uint64_t short_cycle_claim_bits = std::uint64_t{2} << short_cycle_search_limit;

inline std::uint64_t short_cycle_claim_index(std::uint64_t length, std::uint64_t smallest) {
  const std::uint64_t low = (std::uint64_t{1} << length) - 1;
  return low - 1 + (smallest & low);
}

// The n-bit state whose bits repeat `pattern`'s low `period` bits.
inline std::uint64_t periodic_window(std::uint64_t pattern, int period, int n) {
  std::uint64_t state = 0;
  for (int i = 0; i < n; i += period) state |= pattern << i;
  return n == 64 ? state : state & ((std::uint64_t{1} << n) - 1);
}

}  // namespace lfsr
