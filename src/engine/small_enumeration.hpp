// Exact enumeration of a small state space in one tight loop: the result enumerate() gives, without
// its chunk jobs, shared arena or stepper tables, for the thousands of small registers of a batch.
#pragma once

#include <cstdint>

#include "lfsr/cycle_structure.hpp"
#include "lfsr/transition.hpp"

namespace lfsr {

// Largest state space enumerate_small accepts: its successor table (4 bytes a state) and marks
// stay in the L2 cache. Larger registers take microseconds per thousand states in the engine too,
// where its set-up no longer matters. At 2^16 states the engine is already faster on singular maps
// (its word-level image pass): the degree-16 enumeration scan takes 10.1 processor seconds there
// against 14.5 here (docs/benchmarks.md, "Round two: the degree-16 enumeration scan").
inline constexpr std::uint64_t small_enumeration_states = std::uint64_t{1} << 15;

// The cycle structure of `map`, p^dimension <= small_enumeration_states, in this thread: every
// field equal to what enumerate() returns on any runner (the smallest state of each cycle length as
// its representative, the smallest state of longest tail, the cycle list when asked for). Throws
// InternalError when the state space is larger.
CycleStructure enumerate_small(const Transition& map, bool list_cycles = false);

}  // namespace lfsr
