// enumerate_on: the engine, or on a runner spread over processes the segments (see enumerate_on.hpp).
#include "engine/enumerate_on.hpp"

namespace lfsr {

CycleStructure enumerate_on(const Transition& map, Runner& runner, const EnumerationOptions& options) {
  Runner& local = runner.shared_memory_runner();
  if (&local == &runner) return enumerate(map, runner, options);
  return enumerate_by_segments(map, runner, local, options);
}

}  // namespace lfsr
