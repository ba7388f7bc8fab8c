// Exact enumeration: every state visited once, cycles found by distinguished-point walks.
#pragma once

#include <cstdint>

#include "lfsr/cycle_structure.hpp"
#include "lfsr/linear_map.hpp"
#include "lfsr/runner.hpp"

namespace lfsr {

struct EnumerationOptions {
  std::uint64_t chunk_states = 0;  // states per chunk; 0 lets the engine choose
};

// Largest state space enumeration accepts, whatever the memory.
inline constexpr std::uint64_t max_enumeration_states = std::uint64_t{1} << 40;

// Bytes the enumeration of `map` needs with `workers` workers (shared bitsets, claim table,
// per-worker buffers): compare with the memory available before starting.
std::uint64_t enumeration_memory_bytes(const LinearMap& map, int workers);

// The cycle structure of `map`, every chunk run by `runner`. Throws ResourceError when the state
// space exceeds max_enumeration_states, WorkerError when a worker fails, InternalError when the
// counts do not add up (never returns a result that fails its own consistency checks).
CycleStructure enumerate(const LinearMap& map, Runner& runner, const EnumerationOptions& options = {});

}  // namespace lfsr
