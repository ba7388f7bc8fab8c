// What one rank did over MPI: chunks run, messages and bytes each way, seconds waited. With
// LFSR_MPI_STATS=1 every rank writes it as one stderr line at the end (a cluster model's input).
#pragma once

#include <cstdint>
#include <string>

namespace lfsr::cluster {

struct RankTraffic {
  std::uint64_t chunks_run = 0;  // by this rank's own runner
  std::uint64_t messages_sent = 0;
  std::uint64_t bytes_sent = 0;
  std::uint64_t messages_received = 0;
  std::uint64_t bytes_received = 0;
  std::uint64_t tasks_handed_out = 0;  // rank 0: batches of chunks sent to the other ranks
  // Seconds this rank's computing thread waited on MPI: on ranks >= 1 for its next task, on rank 0
  // for the other ranks to finish each run's last batches.
  double seconds_waited = 0;
};

// This process's counts (one MPI job per process).
RankTraffic& rank_traffic();

// "lfsr-analyze: mpi rank 1: chunks 40, sent 41 messages 3 KB (...), ..." as the line says it.
std::string traffic_line(int rank, const RankTraffic& traffic);

// True when LFSR_MPI_STATS is set to 1.
bool traffic_line_wanted();

}  // namespace lfsr::cluster
