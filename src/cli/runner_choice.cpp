// The runner --mode and --workers ask for, auto decided by the work ahead (see runner_choice.hpp).
#include "runner_choice.hpp"

#include "cluster/launch.hpp"
#include "lfsr/enumerate.hpp"
#ifdef LFSR_WITH_MPI
#include "cluster/mpi/mpi_runner.hpp"
#include "cluster/mpi/mpi_session.hpp"
#endif

namespace lfsr::cli {

int worker_count(const Options& options) {
  if (options.workers) return *options.workers;
  // A rank of an MPI job runs on the cores it was given, not on every core of the node.
  return cluster::launched_as_rank() ? cluster::bound_cpus() : online_cpus();
}

std::unique_ptr<Runner> local_runner_for(const Options& options, std::uint64_t work) {
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

std::unique_ptr<Runner> spread_runner_for(const Options& options, std::uint64_t work) {
#ifdef LFSR_WITH_MPI
  if (const cluster::MpiSession* session = cluster::MpiSession::active(); session && session->rank() == 0)
    return cluster::make_mpi_runner(local_runner_for(options, work), session->size());
#endif
  (void)options;
  (void)work;
  return nullptr;
}

std::unique_ptr<Runner> runner_for(const Options& options, std::uint64_t work) {
  std::unique_ptr<Runner> spread = spread_runner_for(options, work);
  return spread ? std::move(spread) : local_runner_for(options, work);
}

}  // namespace lfsr::cli
