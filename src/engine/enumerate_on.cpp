// enumerate_on: the engine on the runner's in-process part (see enumerate_on.hpp).
#include "engine/enumerate_on.hpp"

namespace lfsr {

CycleStructure enumerate_on(const LinearMap& map, Runner& runner, const EnumerationOptions& options) {
  return enumerate(map, runner.shared_memory_runner(), options);
}

}  // namespace lfsr
