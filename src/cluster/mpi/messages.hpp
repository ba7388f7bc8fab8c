// The messages between rank 0 and the other ranks: tasks (a part of a chunk job), their results,
// and the end of the job; sent and received with counts kept for LFSR_MPI_STATS.
#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

namespace lfsr::cluster {

enum class Tag : int {
  task = 1,    // rank 0 -> rank r: run id, chunks [first, end), the job's kind and spec with a run's first task
  result = 2,  // rank r -> rank 0: run id, first, end, status, then each chunk's result or the error's text
  finish = 3,  // rank 0 -> rank r: the program is done; rank r ends
};

// How a task ended on its rank: each error kind comes back as the exception a local run throws.
enum class TaskStatus : std::uint8_t { ok, input_error, resource_error, internal_error, mismatch, worker_error };

TaskStatus status_of(const std::exception& error);
// Throws, on rank 0, the error a rank reported.
[[noreturn]] void rethrow_task_error(TaskStatus status, const std::string& message);

struct Message {
  int source = 0;
  Tag tag = Tag::task;
  std::string bytes;
};

// receive_message's source for a message from whichever rank sends first.
inline constexpr int any_rank = -1;

// Sends `bytes` to rank `destination` (blocking until the buffer may be reused).
void send_message(int destination, Tag tag, std::string_view bytes);

// Waits for the next message from `source` (or any_rank) of any tag. Polls with
// MPI_Iprobe, sleeping between polls: Open MPI's blocking receive spins a core, which the rank's
// own workers need.
Message receive_message(int source);

}  // namespace lfsr::cluster
