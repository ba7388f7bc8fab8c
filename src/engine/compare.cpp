// Timing the runners against each other on the same register.
#include "lfsr/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "engine/enumerate_on.hpp"
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

Comparison compare_modes(const Transition& map, int workers, int repeats, const EnumerationOptions& options, int warmups,
                         std::unique_ptr<Runner> spread) {
  std::vector<std::unique_ptr<Runner>> runners;
  runners.push_back(make_sequential_runner());
  runners.push_back(make_thread_runner(workers));
  runners.push_back(make_fork_runner(workers));
  if (spread) runners.push_back(std::move(spread));

  Comparison comparison;
  bool first = true;
  const auto run = [&](Runner& runner) {
    const auto start = std::chrono::steady_clock::now();
    CycleStructure result = enumerate_on(map, runner, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (first) {
      comparison.result = std::move(result);
      first = false;
    } else if (result != comparison.result || result.representatives != comparison.result.representatives ||
               result.longest_tail_state != comparison.result.longest_tail_state) {
      throw MismatchError(fmt::format("--mode {} with {} workers disagrees with --mode seq: {} against {}",
                                      mode_name(runner.mode()), runner.workers(), summary(result),
                                      summary(comparison.result)));
    }
    return seconds;
  };
  // Rounds of seq, threads, fork: a spell of load, a frequency change or a cold page cache then
  // lands on one run of each mode instead of on every run of one mode.
  for (int round = 0; round < warmups; ++round) {
    for (const auto& runner : runners) run(*runner);
  }
  std::vector<std::vector<double>> seconds(runners.size());
  for (int round = 0; round < repeats; ++round) {
    for (std::size_t i = 0; i < runners.size(); ++i) seconds[i].push_back(run(*runners[i]));
  }
  for (std::size_t i = 0; i < runners.size(); ++i) {
    comparison.timings.push_back(
        summarize(runners[i]->mode(), runners[i]->workers(), std::move(seconds[i]), map.state_count()));
    comparison.timings.back().warmup_runs = warmups;
  }
  const double sequential = comparison.timings.front().median_seconds;
  for (ModeTiming& timing : comparison.timings)
    timing.speedup = timing.median_seconds > 0 ? sequential / timing.median_seconds : 1.0;
  return comparison;
}

}  // namespace lfsr
