// A deadline in processor time (the factoring's): the calling thread's, plus its child processes'.
#pragma once

#include <time.h>

namespace lfsr::detail {

// Processor seconds the calling thread has used.
inline double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Processor time rather than wall-clock time, so that a busy machine or more workers than cores
// do not make a factorization fail that an idle machine finishes: the same register gets the same
// answer however it is run.
class CpuDeadline {
 public:
  explicit CpuDeadline(double seconds) : start_(thread_cpu_seconds()), seconds_(seconds) {}
  // Seconds used so far: this thread's since the start, and the helpers' it has waited for.
  double used() const { return thread_cpu_seconds() - start_ + children_; }
  double left() const { return seconds_ - used(); }
  bool passed() const { return left() <= 0; }
  void add_child_seconds(double seconds) { children_ += seconds; }

 private:
  double start_;
  double seconds_;
  double children_ = 0;
};

}  // namespace lfsr::detail
