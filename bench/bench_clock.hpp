// The clocks the benchmarks read: wall seconds since a start, the process's processor seconds, and
// the median of several timings.
#pragma once

#include <algorithm>
#include <chrono>
#include <ctime>
#include <vector>

namespace lfsr::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Processor seconds of the whole process, its worker threads included: the figure a loaded machine
// disturbs least, and divided by the workers what the wall time would be with the cores to ourselves.
inline double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// The middle value of several timings (the upper middle of an even count).
inline double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace lfsr::bench
