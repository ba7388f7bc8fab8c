// The live progress line on stderr: states done, rate and time left, redrawn in place.
#pragma once

#include <mutex>

#include "lfsr/enumerate.hpp"

namespace lfsr::cli {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  // Erases the line, so that the report starts on a clean terminal line.
  ~ProgressLine() { clear(); }

  bool enabled() const { return enabled_; }
  // Redraws the line; silent during the first second (short runs never show one).
  void update(const EnumerationProgress& progress);
  void clear();

 private:
  bool enabled_;
  bool shown_ = false;
  std::mutex mutex_;
};

}  // namespace lfsr::cli
