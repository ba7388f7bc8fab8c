// The runner --mode and --workers ask for: one choice for a single run, --compare, --batch and --scan.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>

#include "lfsr/runner.hpp"
#include "options.hpp"

namespace lfsr::cli {

// The work of --batch and --scan: registers enough to keep every worker busy, whatever one
// register's size, so that auto counts it as a state space past any threshold.
inline constexpr std::uint64_t many_registers_work = std::numeric_limits<std::uint64_t>::max();

// --workers, or every online CPU; under mpirun, every CPU the rank is bound to.
int worker_count(const Options& options);

// The runner of --mode with worker_count(options) workers. seq, threads and fork are taken as
// given; auto is automatic_mode(work, workers): seq below parallel_threshold_states or with one
// worker, else threads. `work` is the state count of the one register or matrix analyzed, or
// many_registers_work.
// Under mpirun (rank 0), the MPI runner over every rank, each running its chunks on such a runner;
// else that runner.
std::unique_ptr<Runner> runner_for(const Options& options, std::uint64_t work);

// The runner of --mode inside this process, under mpirun too: what each rank runs its tasks on.
std::unique_ptr<Runner> local_runner_for(const Options& options, std::uint64_t work);

// The MPI runner when this process is rank 0 of an MPI job; nullptr otherwise.
std::unique_ptr<Runner> spread_runner_for(const Options& options, std::uint64_t work);

}  // namespace lfsr::cli
