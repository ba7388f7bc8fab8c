// The runner --mode and --workers ask for, auto decided by the work ahead (see runner_choice.hpp).
#include "runner_choice.hpp"

#include "lfsr/enumerate.hpp"

namespace lfsr::cli {

int worker_count(const Options& options) { return options.workers.value_or(online_cpus()); }

std::unique_ptr<Runner> runner_for(const Options& options, std::uint64_t work) {
  const int workers = worker_count(options);
  Mode mode = parse_mode(options.mode);
  if (mode == Mode::automatic) mode = automatic_mode(work, workers);
  switch (mode) {
    case Mode::threads:
      return make_thread_runner(workers);
    case Mode::fork:
      return make_fork_runner(workers);
    default:
      return make_sequential_runner();
  }
}

}  // namespace lfsr::cli
