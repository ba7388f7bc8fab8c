// Refusing an enumeration the memory cannot hold, before it starts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "lfsr/transition.hpp"

namespace lfsr::cli {

// Throws ResourceError naming both figures when enumerating `map` with `workers` workers needs more
// than the smallest of MemAvailable, the enumeration's share of ulimit -v, what the memory cgroup
// still allows, and --max-memory. `state_space` names it: "2^32".
void check_memory(std::string_view state_space, const Transition& map, int workers,
                  const std::optional<std::string>& max_memory);

}  // namespace lfsr::cli
