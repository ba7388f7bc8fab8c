// The smallest state of longest tail of a singular map, from its successors and cyclic states.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "lfsr/error.hpp"
#include "lfsr/transition.hpp"

namespace lfsr {

// A linear map: the smallest state whose tail is max_tail = t >= 1. A state v has tail t exactly
// when A^(t-1) v is not cyclic. The states with a shorter tail form a subspace W (the preimage
// under A^(t-1) of the cyclic subspace image(A^t)), a proper one. Indexes below p^i span e_0 ..
// e_(i-1); so if e_i is the first unit vector outside W, every smaller index lies in W and p^i
// itself does not: it is the answer, found with at most dimension * (t - 1) steps.
template <class Next, class Transient>
std::uint64_t smallest_longest_tail_state_of_linear_map(const LinearMap& map, std::uint64_t max_tail, const Next& next,
                                                        const Transient& transient) {
  std::uint64_t unit = 1;
  for (int i = 0; i < map.dimension; ++i, unit *= map.p) {
    std::uint64_t state = unit;
    for (std::uint64_t step = 1; step < max_tail; ++step) state = next(state);
    if (transient(state)) return unit;
  }
  throw InternalError(fmt::format("no state has the longest tail {}", max_tail));
}

// A shift register over GF(2) (s' = (s >> 1) | (F(s) << (n - 1))), where no subspace helps: the
// transient states form trees hanging off the cycles, and a state s' has at most the two
// predecessors (s' << 1 | b) mod 2^n, b = 0, 1, so each tree is walked down from its root (a
// transient state whose successor is cyclic), depth by depth, once: O(states) steps in all.
template <class Next, class Transient>
std::uint64_t smallest_longest_tail_state_of_shift_register(int bits, std::uint64_t max_tail, const Next& next,
                                                            const Transient& transient) {
  const std::uint64_t states = std::uint64_t{1} << bits;
  const std::uint64_t mask = states - 1;
  std::uint64_t best = states;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> stack;  // (state, its tail)
  for (std::uint64_t root = 0; root < states; ++root) {
    if (!transient(root) || transient(next(root))) continue;
    stack.emplace_back(root, 1);
    while (!stack.empty()) {
      const auto [state, tail] = stack.back();
      stack.pop_back();
      if (tail == max_tail) {
        best = std::min(best, state);
        continue;
      }
      for (std::uint64_t bit = 0; bit < 2; ++bit) {
        const std::uint64_t before = ((state << 1) & mask) | bit;
        if (next(before) == state) stack.emplace_back(before, tail + 1);
      }
    }
  }
  if (best == states) throw InternalError(fmt::format("no state has the longest tail {}", max_tail));
  return best;
}

// The smallest state whose tail is max_tail >= 1; next(s) is the successor and transient(s) tells
// whether s lies on no cycle. InternalError when no state has tail max_tail.
template <class Next, class Transient>
std::uint64_t smallest_longest_tail_state(const Transition& transition, std::uint64_t max_tail, const Next& next,
                                          const Transient& transient) {
  if (const LinearMap* map = transition.linear_map())
    return smallest_longest_tail_state_of_linear_map(*map, max_tail, next, transient);
  return smallest_longest_tail_state_of_shift_register(transition.dimension(), max_tail, next, transient);
}

}  // namespace lfsr
