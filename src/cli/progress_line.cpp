// The live progress line on stderr.
#include "progress_line.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace lfsr::cli {

void ProgressLine::update(const EnumerationProgress& progress) {
  if (!enabled_ || progress.seconds < 1.0) return;
  const double fraction = progress.fraction();
  const double done = fraction * static_cast<double>(progress.states);
  const double rate = done / progress.seconds;
  const double left = fraction > 0 ? progress.seconds * (1 - fraction) / fraction : 0;
  const std::lock_guard lock(mutex_);
  fmt::print(stderr, "\r\033[K{:5.1f}%  {:.3g} of {} states  {:.3g} states/s  ETA {:.0f} s", 100 * fraction, done,
             progress.states, rate, left);
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::clear() {
  const std::lock_guard lock(mutex_);
  if (!shown_) return;
  fmt::print(stderr, "\r\033[K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace lfsr::cli
