// The enumeration of one register for whatever runner a run has: the one place that chooses
// between the engine of one process and a runner spread over processes of their own.
#pragma once

#include "lfsr/cycle_structure.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/linear_map.hpp"
#include "lfsr/runner.hpp"

namespace lfsr {

// enumerate(map, runner, options) on a runner whose workers share this process's memory. On a
// runner spread over processes (MPI ranks), the engine, which shares its marks and claims through
// this process's memory, runs on the runner's part inside this process (rank 0's workers): the
// result is exact and the other ranks stay idle.
CycleStructure enumerate_on(const LinearMap& map, Runner& runner, const EnumerationOptions& options = {});

}  // namespace lfsr
