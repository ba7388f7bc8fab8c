// Timing the runners against each other on the same register, results checked identical.
#pragma once

#include <vector>

#include "lfsr/cycle_structure.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/linear_map.hpp"
#include "lfsr/runner.hpp"

namespace lfsr {

// Wall times of one runner over the repeats, seconds.
struct ModeTiming {
  Mode mode = Mode::seq;
  int workers = 1;
  double median_seconds = 0;
  double min_seconds = 0;
  double max_seconds = 0;
  double speedup = 1;  // sequential median / this median
  double states_per_second = 0;
};

struct Comparison {
  CycleStructure result;
  std::vector<ModeTiming> timings;  // seq, threads, fork
};

// Runs seq, threads and fork (`workers` workers) `repeats` times each on `map`. Throws
// MismatchError naming the modes when any run's result differs from the first.
Comparison compare_modes(const LinearMap& map, int workers, int repeats, const EnumerationOptions& options = {});

}  // namespace lfsr
