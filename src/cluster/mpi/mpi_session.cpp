// MPI_Init_thread and MPI_Finalize around the program's run, and the finish messages of rank 0.
#include "cluster/mpi/mpi_session.hpp"

#include <fmt/format.h>
#include <mpi.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cluster/launch.hpp"
#include "cluster/mpi/messages.hpp"
#include "cluster/mpi/traffic.hpp"
#include "lfsr/error.hpp"

namespace lfsr::cluster {

namespace {

std::atomic<MpiSession*> active_session{nullptr};

}  // namespace

MpiSession::MpiSession() {
  int provided = 0;
  // SERIALIZED: on rank 0 the MpiRunner's dispatcher thread makes a run's MPI calls while the main
  // thread computes; the main thread makes the others (start, finish), never at the same time.
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SERIALIZED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  if (provided < MPI_THREAD_SERIALIZED) {
    if (rank_ == 0)
      fmt::print(stderr,
                 "lfsr-analyze: the MPI library does not allow calls from a second thread "
                 "(MPI_THREAD_SERIALIZED)\n");
    MPI_Abort(MPI_COMM_WORLD, static_cast<int>(ExitCode::worker_failed));
  }
  active_session = this;
}

MpiSession::~MpiSession() {
  if (rank_ == 0) {
    for (int rank = 1; rank < size_; ++rank) send_message(rank, Tag::finish, "");
  }
  if (traffic_line_wanted()) {
    const std::string line = traffic_line(rank_, rank_traffic());
    // The other ranks' stderr was closed at start (launch.hpp): the line goes to the copy kept.
    if (write(diagnostics_fd(), line.data(), line.size()) < 0) {
      // Nothing to do: statistics are best effort.
    }
  }
  active_session = nullptr;
  MPI_Finalize();
}

MpiSession* MpiSession::active() { return active_session; }

void abort_job(int exit_code) {
  int started = 0;
  int ended = 0;
  MPI_Initialized(&started);
  MPI_Finalized(&ended);
  if (started && !ended) MPI_Abort(MPI_COMM_WORLD, exit_code);
}

}  // namespace lfsr::cluster
