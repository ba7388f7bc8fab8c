// Timing the runners against each other on the same register.
#include "lfsr/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "lfsr/error.hpp"

namespace lfsr {

namespace {

ModeTiming summarize(Mode mode, int workers, std::vector<double> seconds, std::uint64_t states) {
  std::sort(seconds.begin(), seconds.end());
  const std::size_t middle = seconds.size() / 2;
  const double median = seconds.size() % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
  return {mode,
          workers,
          median,
          seconds.front(),
          seconds.back(),
          1.0,
          median > 0 ? static_cast<double>(states) / median : 0.0};
}

// Every mode must find the same structure and name the same smallest states.
std::string summary(const CycleStructure& result) {
  std::string states;
  for (const auto& [length, representative] : result.representatives)
    states += fmt::format(" {}:{}", length.get_str(), representative.state.get_str());
  return fmt::format("{} cycles, {} cyclic states, longest tail {}, smallest states{}", result.total_cycles().get_str(),
                     result.cyclic_states.get_str(), result.max_tail.get_str(), states);
}

}  // namespace

Comparison compare_modes(const LinearMap& map, int workers, int repeats, const EnumerationOptions& options) {
  std::vector<std::unique_ptr<Runner>> runners;
  runners.push_back(make_sequential_runner());
  runners.push_back(make_thread_runner(workers));
  runners.push_back(make_fork_runner(workers));

  Comparison comparison;
  bool first = true;
  for (const auto& runner : runners) {
    std::vector<double> seconds;
    for (int repeat = 0; repeat < repeats; ++repeat) {
      const auto start = std::chrono::steady_clock::now();
      CycleStructure result = enumerate(map, *runner, options);
      seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      if (first) {
        comparison.result = std::move(result);
        first = false;
      } else if (result != comparison.result || result.representatives != comparison.result.representatives ||
                 result.longest_tail_state != comparison.result.longest_tail_state) {
        throw MismatchError(fmt::format("--mode {} with {} workers disagrees with --mode seq: {} against {}",
                                        mode_name(runner->mode()), runner->workers(), summary(result),
                                        summary(comparison.result)));
      }
    }
    comparison.timings.push_back(summarize(runner->mode(), runner->workers(), std::move(seconds), map.state_count()));
  }
  const double sequential = comparison.timings.front().median_seconds;
  for (ModeTiming& timing : comparison.timings)
    timing.speedup = timing.median_seconds > 0 ? sequential / timing.median_seconds : 1.0;
  return comparison;
}

}  // namespace lfsr
