// The progress line's source: calls on_progress about four times a second while a run lasts.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>

#include "lfsr/enumerate.hpp"

namespace lfsr {

// Calls on_progress about four times a second from its own thread, until destroyed.
class ProgressMonitor {
 public:
  ProgressMonitor(const std::function<void(const EnumerationProgress&)>& on_progress,
                  std::function<EnumerationProgress()> sample) {
    if (!on_progress) return;
    thread_ = std::jthread([on_progress, sample = std::move(sample)](std::stop_token stop) {
      const auto start = std::chrono::steady_clock::now();
      std::mutex mutex;
      std::condition_variable_any wake;
      std::unique_lock lock(mutex);
      // Wakes at once when the run ends (the stop request), else every 250 ms.
      while (!wake.wait_for(lock, stop, std::chrono::milliseconds(250), [] { return false; }) &&
             !stop.stop_requested()) {
        EnumerationProgress progress = sample();
        progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        on_progress(progress);
      }
    });
  }

 private:
  std::jthread thread_;
};

}  // namespace lfsr
