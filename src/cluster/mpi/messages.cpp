// Sending and receiving the runner's messages over MPI_COMM_WORLD, counted for LFSR_MPI_STATS.
#include "cluster/mpi/messages.hpp"

#include <fmt/format.h>
#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <new>
#include <thread>

#include "cluster/mpi/traffic.hpp"
#include "lfsr/error.hpp"

namespace lfsr::cluster {

namespace {

// Longest sleep between two polls for a message: the most a message waits to be noticed. A rank
// holds its next task while plenty are left (mpi_runner.cpp), so the wait falls mostly at the end
// of a run. Shorter sleeps cost CPU: rank 0's dispatcher polls through the whole run, and at 200 us
// its wake-ups took about 2% of a core.
constexpr std::chrono::microseconds longest_poll_sleep{1000};

}  // namespace

TaskStatus status_of(const std::exception& error) {
  if (dynamic_cast<const InputError*>(&error)) return TaskStatus::input_error;
  if (dynamic_cast<const ResourceError*>(&error) || dynamic_cast<const std::bad_alloc*>(&error))
    return TaskStatus::resource_error;
  if (dynamic_cast<const MismatchError*>(&error)) return TaskStatus::mismatch;
  if (dynamic_cast<const InternalError*>(&error)) return TaskStatus::internal_error;
  return TaskStatus::worker_error;
}

void rethrow_task_error(TaskStatus status, const std::string& message) {
  switch (status) {
    case TaskStatus::input_error:
      throw InputError(message);
    case TaskStatus::resource_error:
      throw ResourceError(message);
    case TaskStatus::mismatch:
      throw MismatchError(message);
    case TaskStatus::internal_error:
      throw InternalError(message);
    default:
      throw WorkerError(message);
  }
}

void send_message(int destination, Tag tag, std::string_view bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    throw ResourceError(fmt::format("a message of {} bytes is more than MPI sends at once", bytes.size()));
  MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, destination, static_cast<int>(tag), MPI_COMM_WORLD);
  RankTraffic& traffic = rank_traffic();
  ++traffic.messages_sent;
  traffic.bytes_sent += bytes.size();
}

Message receive_message(int source) {
  if (source == any_rank) source = MPI_ANY_SOURCE;
  MPI_Status status;
  std::chrono::microseconds sleep{1};
  for (int arrived = 0;;) {
    MPI_Iprobe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
    if (arrived) break;
    std::this_thread::sleep_for(sleep);
    sleep = std::min(sleep * 2, longest_poll_sleep);
  }
  int size = 0;
  MPI_Get_count(&status, MPI_BYTE, &size);
  Message message{status.MPI_SOURCE, static_cast<Tag>(status.MPI_TAG),
                  std::string(static_cast<std::size_t>(size), '\0')};
  MPI_Recv(message.bytes.data(), size, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  RankTraffic& traffic = rank_traffic();
  ++traffic.messages_received;
  traffic.bytes_received += message.bytes.size();
  return message;
}

}  // namespace lfsr::cluster
