// Rank 0's runner: a dispatcher thread makes every MPI call of a run (handing out batches of
// chunks to ranks 1..K-1 and taking their results), while the calling thread runs batches on the
// local runner; a rank that finishes early takes the next batch, so fast ranks take more.
#include "cluster/mpi/mpi_runner.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "cluster/mpi/messages.hpp"
#include "cluster/mpi/traffic.hpp"
#include "lfsr/error.hpp"
#include "runners/byte_io.hpp"

namespace lfsr::cluster {

namespace {

// One run of a job over the ranks: the state the calling thread and the dispatcher share.
class SpreadRun {
 public:
  SpreadRun(const JobDescription& job, int ranks, int workers)
      : job_(job),
        ranks_(ranks),
        workers_(workers),
        first_(std::min(job.first_chunk, job.chunks)),
        next_(first_),
        results_(job.chunks - first_) {}

  // The next batch [first, end) to hand out, or false when none is left, the job is done early,
  // or a failure stops the run. Batches shrink as the job runs out (guided self-scheduling): a
  // quarter of each rank's share of what is left, at least one chunk per worker; big at first,
  // to save round trips, single chunks at the end, so that the ranks finish together.
  bool take_batch(std::uint64_t& first, std::uint64_t& end) {
    const std::lock_guard lock(mutex_);
    if (failure_ || next_ >= job_.chunks || (job_.done && job_.done())) return false;
    const std::uint64_t remaining = job_.chunks - next_;
    const std::uint64_t parts = 4 * static_cast<std::uint64_t>(ranks_);
    const std::uint64_t size = std::min(remaining, std::max<std::uint64_t>((remaining + parts - 1) / parts, workers_));
    first = next_;
    end = next_ += size;
    return true;
  }

  // True while enough chunks are left that a rank may hold a second batch, queued behind the one
  // it runs (it then never waits a round trip for work), without leaving the others idle at the end.
  bool plenty_left() {
    const std::lock_guard lock(mutex_);
    return !failure_ && job_.chunks - next_ >= 4 * static_cast<std::uint64_t>(ranks_) * workers_;
  }

  // One chunk's result, to on_result (one call at a time) or to its place in the results.
  void deliver(std::uint64_t chunk, std::string&& result) {
    const std::lock_guard lock(mutex_);
    if (failure_) return;  // the run is void: its remaining results are dropped
    try {
      if (job_.on_result) {
        job_.on_result(chunk, std::move(result));
      } else {
        results_[chunk - first_] = std::move(result);
      }
    } catch (...) {
      failure_ = std::current_exception();
    }
  }

  void fail(std::exception_ptr failure) {
    const std::lock_guard lock(mutex_);
    if (!failure_) failure_ = std::move(failure);
  }

  std::vector<std::string> finish() {
    if (failure_) std::rethrow_exception(failure_);
    return std::move(results_);
  }

  const JobDescription& job() const { return job_; }

 private:
  const JobDescription& job_;
  int ranks_;
  int workers_;
  std::uint64_t first_;
  std::mutex mutex_;
  std::uint64_t next_;
  std::vector<std::string> results_;
  std::exception_ptr failure_;
};

class MpiRunner final : public Runner {
 public:
  MpiRunner(std::unique_ptr<Runner> local, int ranks)
      : local_(std::move(local)), ranks_(ranks), known_run_(static_cast<std::size_t>(ranks), 0) {}

  Mode mode() const override { return Mode::mpi; }
  int workers() const override { return local_->workers(); }
  int ranks() const override { return ranks_; }
  Runner& shared_memory_runner() override { return *local_; }

  std::vector<std::string> run(const JobDescription& job) override {
    SpreadRun run(job, ranks_, local_->workers());
    std::thread dispatcher;
    if (ranks_ > 1) dispatcher = std::thread([&] { dispatch(run); });
    run_here(run);
    const auto waiting = std::chrono::steady_clock::now();
    if (dispatcher.joinable()) dispatcher.join();
    rank_traffic().seconds_waited += std::chrono::duration<double>(std::chrono::steady_clock::now() - waiting).count();
    return run.finish();
  }

 private:
  // Rank 0's share: batches on the local runner, their results delivered as they come. The job's
  // run id stays that of the whole run: fork workers rebuild the job once, not once per batch.
  void run_here(SpreadRun& run) {
    JobDescription part{run.job().kind, run.job().spec, 0, run.job().run_id, {}, {}, 0};
    part.on_result = [&](std::uint64_t chunk, std::string&& result) { run.deliver(chunk, std::move(result)); };
    try {
      for (std::uint64_t first = 0, end = 0; run.take_batch(first, end);) {
        part.first_chunk = first;
        part.chunks = end;
        local_->run(part);
        rank_traffic().chunks_run += end - first;
      }
    } catch (...) {
      run.fail(std::current_exception());
    }
  }

  // Every MPI call of the run: batches to each other rank, then, as each rank answers, its results
  // and its next batch, until every batch handed out has come back (also after a failure, so that
  // no answer of this run is left to be mistaken for one of the next). A rank holds up to two
  // batches while plenty are left: the second waits in its queue, so it goes on at once.
  void dispatch(SpreadRun& run) {
    int outstanding = 0;
    std::vector<int> in_flight(static_cast<std::size_t>(ranks_), 0);
    const auto hand_out = [&](int rank) {
      std::uint64_t first = 0;
      std::uint64_t end = 0;
      if (!run.take_batch(first, end)) return;
      send_message(rank, Tag::task, encode_task(run.job(), rank, first, end));
      ++rank_traffic().tasks_handed_out;
      ++in_flight[static_cast<std::size_t>(rank)];
      ++outstanding;
    };
    const auto keep_busy = [&](int rank) {
      if (in_flight[static_cast<std::size_t>(rank)] == 0) hand_out(rank);
      if (in_flight[static_cast<std::size_t>(rank)] == 1 && run.plenty_left()) hand_out(rank);
    };
    try {
      for (int rank = 1; rank < ranks_; ++rank) keep_busy(rank);
      while (outstanding > 0) {
        const Message message = receive_message(any_rank);
        if (message.tag != Tag::result) throw InternalError("rank 0 received a message that is no result");
        --outstanding;
        --in_flight[static_cast<std::size_t>(message.source)];
        take_results(run, message.bytes);
        keep_busy(message.source);
      }
    } catch (...) {
      run.fail(std::current_exception());
      // Drain: the ranks still at work answer before the run may end.
      while (outstanding > 0) {
        receive_message(any_rank);
        --outstanding;
      }
    }
  }

  // The job's kind and spec go with a rank's first task of a run only: a batch's spec lists
  // thousands of registers.
  std::string encode_task(const JobDescription& job, int rank, std::uint64_t first, std::uint64_t end) {
    const bool with_spec = known_run_[static_cast<std::size_t>(rank)] != job.run_id;
    known_run_[static_cast<std::size_t>(rank)] = job.run_id;
    ByteWriter out;
    out.put(job.run_id).put(first).put(end).put(with_spec);
    if (with_spec) out.put_bytes(job.kind).put_bytes(job.spec);
    return out.take();
  }

  static void take_results(SpreadRun& run, const std::string& bytes) {
    ByteReader in(bytes);
    const auto run_id = in.get<std::uint64_t>();
    const auto first = in.get<std::uint64_t>();
    const auto end = in.get<std::uint64_t>();
    const auto status = in.get<TaskStatus>();
    if (run_id != run.job().run_id) throw InternalError("a rank answered a task of another run");
    if (status != TaskStatus::ok) rethrow_task_error(status, std::string(in.get_bytes()));
    for (std::uint64_t chunk = first; chunk < end; ++chunk) run.deliver(chunk, std::string(in.get_bytes()));
  }

  std::unique_ptr<Runner> local_;
  int ranks_;
  std::vector<std::uint64_t> known_run_;  // per rank: the run whose job it holds
};

}  // namespace

std::unique_ptr<Runner> make_mpi_runner(std::unique_ptr<Runner> local, int ranks) {
  return std::make_unique<MpiRunner>(std::move(local), ranks);
}

}  // namespace lfsr::cluster
