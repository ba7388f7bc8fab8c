// The clocks the benchmarks read: wall seconds since a start, and the process's processor seconds.
#pragma once

#include <chrono>
#include <ctime>

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

}  // namespace lfsr::bench
