// What the benchmarks measure the engine against: the plain loop (and the clocks they read it by).
#pragma once

#include <cstdint>
#include <vector>

#include "bench_clock.hpp"

namespace lfsr::bench {

// The slow way: one visited bit per state, set as each cycle is walked (only for permutations: every
// state lies on a cycle). Returns the cycle count.
template <class Stepper>
std::uint64_t plain_loop(const Stepper& stepper, std::uint64_t states) {
  std::vector<std::uint64_t> visited((states + 63) / 64);
  std::uint64_t cycles = 0;
  for (std::uint64_t start = 0; start < states; ++start) {
    if ((visited[start / 64] >> (start % 64)) & 1U) continue;
    std::uint64_t state = start;
    do {
      visited[state / 64] |= std::uint64_t{1} << (state % 64);
      state = stepper.next(state);
    } while (state != start);
    ++cycles;
  }
  return cycles;
}

}  // namespace lfsr::bench
