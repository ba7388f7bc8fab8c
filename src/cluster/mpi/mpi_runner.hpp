// The runner over the ranks of an MPI job, on rank 0: the chunks of a job are handed out in
// batches to every rank, rank 0 included, each running its batches on its own local runner.
#pragma once

#include <memory>

#include "lfsr/runner.hpp"

namespace lfsr::cluster {

// `local` runs rank 0's own batches (seq, threads or fork as --mode chose); the other `ranks - 1`
// ranks must be in serve_tasks (rank_service.hpp). MPI must have started, with at least
// MPI_THREAD_SERIALIZED: one thread of rank 0 makes every MPI call of a run.
std::unique_ptr<Runner> make_mpi_runner(std::unique_ptr<Runner> local, int ranks);

}  // namespace lfsr::cluster
