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

// Calls found(window, period) once for each cycle of length period <= max_period (< n) of a
// Fibonacci GF(2) register of n bits, `window` being the cycle's smallest state: a periodic window
// that comes back to itself after exactly `period` steps of next(state) and is the least state on
// the way. stop() is asked before each window; the search ends early when it says so.
template <class Next, class Stop, class Found>
void for_each_short_cycle(int n, int max_period, const Next& next, const Stop& stop, const Found& found) {
  for (int period = 1; period <= max_period; ++period) {
    for (std::uint64_t pattern = 0; pattern < std::uint64_t{1} << period; ++pattern) {
      if (stop()) return;
      const std::uint64_t window = periodic_window(pattern, period, n);
      std::uint64_t state = window;
      std::uint64_t smallest = window;
      int steps = 0;
      while (steps < period) {
        state = next(state);
        ++steps;
        if (state == window) break;
        smallest = state < smallest ? state : smallest;
      }
      // Not back after `period` steps, back sooner (a shorter period, tried before), or not the
      // smallest: no new cycle here.
      if (state != window || steps != period || smallest != window) continue;
      found(window, period);
    }
  }
}

}  // namespace lfsr
