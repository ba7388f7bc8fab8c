// Timing the runners against each other on the same register, results checked identical.
#pragma once

#include <memory>
#include <vector>

#include "lfsr/cycle_structure.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/transition.hpp"
#include "lfsr/runner.hpp"

namespace lfsr {

// A mode whose slowest timed run took more than this many times its fastest is reported as unstable:
// the machine was busy, or a cold cache or page faults fell on one run. hyperfine warns at the same point.
inline constexpr double unstable_spread = 3.0;

// Most untimed warm-up runs per mode (--warmup).
inline constexpr int max_warmup_runs = 100;

// Wall times of one runner over the repeats, seconds.
struct ModeTiming {
  Mode mode = Mode::seq;
  int workers = 1;
  double median_seconds = 0;
  double min_seconds = 0;
  double max_seconds = 0;
  double speedup = 1;  // sequential median / this median
  double states_per_second = 0;
  int warmup_runs = 0;  // untimed runs before the timed ones

  // max_seconds > unstable_spread * min_seconds: the median is not to be trusted.
  bool unstable() const { return max_seconds > unstable_spread * min_seconds; }
};

struct Comparison {
  CycleStructure result;
  std::vector<ModeTiming> timings;  // seq, threads, fork, and mpi under mpirun
};

// Runs seq, threads and fork (`workers` workers) on `map`: `warmups` untimed rounds, then `repeats`
// timed rounds, each round one run per mode in that order, so that a slow spell of the machine
// falls on every mode alike rather than on one. Throws MismatchError naming the modes when any
// run's result, warm-up or timed, differs from the first. `spread`, when given (the MPI runner
// under mpirun), is timed as a fourth mode in each round.
Comparison compare_modes(const Transition& map, int workers, int repeats, const EnumerationOptions& options = {},
                         int warmups = 1, std::unique_ptr<Runner> spread = nullptr);

}  // namespace lfsr
