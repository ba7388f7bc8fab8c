// The cyclic states of a singular map by image passes, run as chunk jobs on a runner.
#pragma once

#include <cstdint>

#include "engine/enumeration_layout.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/linear_map.hpp"
#include "lfsr/runner.hpp"

namespace lfsr {

struct CyclicStates {
  std::uint64_t count = 0;         // states on cycles: |image(A^t)|
  std::uint64_t longest_tail = 0;  // t, the passes that shrank the image
};

// The layout an enumeration of `states` states by `workers` workers uses: block, DP and chunk
// sizes (no offsets allocated yet).
EnumerationLayout plan_enumeration_layout(std::uint64_t states, int workers, const EnumerationOptions& options);

// Maps all states through the transition until the image stops shrinking (ImagePass). Allocates
// layout.image_from and layout.image_to in the SharedArena (layout.states and layout.chunk_states
// set); afterwards image_to holds the cyclic states.
CyclicStates find_cyclic_states(const Transition& map, Runner& runner, EnumerationLayout& layout);

}  // namespace lfsr
