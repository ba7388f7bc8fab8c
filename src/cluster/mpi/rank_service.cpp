// The loop of ranks 1..K-1: each task is a part of a registered chunk job, rebuilt from its kind
// and spec as a fork pool's worker rebuilds it, run on the rank's runner, its results sent back.
#include "cluster/mpi/rank_service.hpp"

#include <chrono>
#include <exception>
#include <string>
#include <vector>

#include "cluster/mpi/messages.hpp"
#include "cluster/mpi/traffic.hpp"
#include "errors/ntl_errors.hpp"
#include "lfsr/error.hpp"
#include "runners/byte_io.hpp"

namespace lfsr::cluster {

namespace {

// The answer to one task: its results, or the error it ended with.
// `job` holds the kind and spec of run `job.run_id`, which come with a rank's first task of a run.
std::string run_task(Runner& local, JobDescription& job, ByteReader& in) {
  const auto run_id = in.get<std::uint64_t>();
  const auto first = in.get<std::uint64_t>();
  const auto end = in.get<std::uint64_t>();
  ByteWriter out;
  out.put(run_id).put(first).put(end);
  try {
    if (in.get<bool>()) {
      job.kind = in.get_bytes();
      job.spec = in.get_bytes();
      job.run_id = run_id;
    } else if (job.run_id != run_id) {
      throw InternalError("a task of a new run came without its job");
    }
    job.first_chunk = first;
    job.chunks = end;
    const std::vector<std::string> results = local.run(job);
    rank_traffic().chunks_run += end - first;
    out.put(TaskStatus::ok);
    for (const std::string& result : results) out.put_bytes(result);
  } catch (const std::exception& error) {
    job.run_id = 0;  // whatever was held, the next run brings its job
    out.put(status_of(error)).put_bytes(error.what());
  }
  return out.take();
}

}  // namespace

void serve_tasks(Runner& local) {
  const NtlErrorScope ntl_errors;  // an NTL error in a chunk goes back to rank 0 as the error it is
  JobDescription job;              // of the current run
  for (;;) {
    const auto waiting = std::chrono::steady_clock::now();
    const Message message = receive_message(0);
    rank_traffic().seconds_waited += std::chrono::duration<double>(std::chrono::steady_clock::now() - waiting).count();
    if (message.tag == Tag::finish) return;
    ByteReader in(message.bytes);
    send_message(0, Tag::result, run_task(local, job, in));
  }
}

}  // namespace lfsr::cluster
