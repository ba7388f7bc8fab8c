// The smallest state of longest tail of a singular map, from its successors and cyclic states.
#pragma once

#include <fmt/format.h>

#include <cstdint>

#include "lfsr/error.hpp"
#include "lfsr/linear_map.hpp"

namespace lfsr {

// The smallest state whose tail is max_tail = t >= 1. A state v has tail t exactly when
// A^(t-1) v is not cyclic. The states with a shorter tail form a subspace W (the preimage under
// A^(t-1) of the cyclic subspace image(A^t)), a proper one. Indexes below p^i span e_0 .. e_(i-1);
// so if e_i is the first unit vector outside W, every smaller index lies in W and p^i itself does
// not: it is the answer, found with at most dimension * (t - 1) steps. next(s) is A s and
// transient(s) tells whether s lies on no cycle; InternalError when no unit vector has tail t.
template <class Next, class Transient>
std::uint64_t smallest_longest_tail_state(const LinearMap& map, std::uint64_t max_tail, const Next& next,
                                          const Transient& transient) {
  std::uint64_t unit = 1;
  for (int i = 0; i < map.dimension; ++i, unit *= map.p) {
    std::uint64_t state = unit;
    for (std::uint64_t step = 1; step < max_tail; ++step) state = next(state);
    if (transient(state)) return unit;
  }
  throw InternalError(fmt::format("no state has the longest tail {}", max_tail));
}

}  // namespace lfsr
