// The enumeration of one register for whatever runner a run has: the one place that chooses
// between the engine of one process and a runner spread over processes of their own.
#pragma once

#include "lfsr/cycle_structure.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/transition.hpp"
#include "lfsr/runner.hpp"

namespace lfsr {

// enumerate(map, runner, options) on a runner whose workers share this process's memory. On a
// runner spread over processes (MPI ranks), where the engine cannot run (it shares its marks and
// claims through this process's memory), enumerate_by_segments: the segments are walked on every
// rank, and what they leave (cycles without segment points) is found by the engine on the
// runner's part inside this process (rank 0's workers). Both give the same result.
CycleStructure enumerate_on(const Transition& map, Runner& runner, const EnumerationOptions& options = {});

}  // namespace lfsr
