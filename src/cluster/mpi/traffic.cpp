// The per-rank counts of MPI traffic and the stderr line LFSR_MPI_STATS=1 asks for.
#include "cluster/mpi/traffic.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <string_view>

namespace lfsr::cluster {

RankTraffic& rank_traffic() {
  static RankTraffic traffic;
  return traffic;
}

// Plain numbers, key=value, one line per rank: easy to grep and to fit a model to.
std::string traffic_line(int rank, const RankTraffic& traffic) {
  return fmt::format(
      "lfsr-analyze: mpi stats: rank={} chunks={} tasks_sent={} messages_sent={} bytes_sent={} messages_received={} "
      "bytes_received={} wait_seconds={:.6f}\n",
      rank, traffic.chunks_run, traffic.tasks_handed_out, traffic.messages_sent, traffic.bytes_sent,
      traffic.messages_received, traffic.bytes_received, traffic.seconds_waited);
}

bool traffic_line_wanted() {
  const char* value = std::getenv("LFSR_MPI_STATS");
  return value != nullptr && std::string_view(value) == "1";
}

}  // namespace lfsr::cluster
