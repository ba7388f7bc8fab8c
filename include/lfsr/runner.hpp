// Who runs the chunks: sequentially, by threads, or by the persistent fork pool. Runners know
// nothing of LFSRs: they run numbered chunks of a job and hand back each chunk's result bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lfsr {

// One worker's view of a job: keeps per-worker scratch state between the chunks it runs.
class ChunkWorker {
 public:
  virtual ~ChunkWorker() = default;
  // Runs chunk `chunk` and returns its result, serialized.
  virtual std::string run_chunk(std::uint64_t chunk) = 0;
};

// A job cut into chunks. Built from a JobDescription, so a forked worker rebuilds the same job.
class ChunkJob {
 public:
  virtual ~ChunkJob() = default;
  virtual std::unique_ptr<ChunkWorker> make_worker() = 0;
};

// What a runner is given: a registered job kind, the bytes its factory rebuilds it from, and
// the number of chunks. `run_id` tells workers when a new job begins. `done`, asked in the
// calling process before each chunk is handed out, may end the job early: the chunks not yet
// handed out then have empty results. `on_result`, when set, receives each chunk's result in the
// calling process as soon as it arrives (in completion order, one call at a time), and the result
// vector run() returns then holds empty strings: a batch streams its output this way.
// `first_chunk` runs a part of the job: chunks first_chunk .. chunks - 1 only, their results at
// result[chunk - first_chunk]. A runner that spreads a job over processes of their own hands each
// a part this way, keeping the run id, so that a fork worker rebuilds the job once per run.
struct JobDescription {
  std::string kind;
  std::string spec;
  std::uint64_t chunks = 0;
  std::uint64_t run_id = 0;
  std::function<bool()> done;
  std::function<void(std::uint64_t chunk, std::string&& result)> on_result;
  std::uint64_t first_chunk = 0;
};

using JobFactory = std::unique_ptr<ChunkJob> (*)(std::string_view spec);

// Registers a job kind; must happen before the fork pool starts (static registration does).
void register_job_kind(const std::string& kind, JobFactory factory);
std::unique_ptr<ChunkJob> make_job(const JobDescription& job);
// A fresh run id, unique within the process.
std::uint64_t next_run_id();

// mpi is the runner over the ranks of an MPI job (mpirun); --mode never names it.
enum class Mode { seq, threads, fork, automatic, mpi };
std::string_view mode_name(Mode mode);
// Throws InputError for an unknown name.
Mode parse_mode(std::string_view text);

class Runner {
 public:
  virtual ~Runner() = default;
  virtual Mode mode() const = 0;
  virtual int workers() const = 0;
  // Runs every chunk; result[i] is chunk i's. Throws WorkerError when a worker fails.
  virtual std::vector<std::string> run(const JobDescription& job) = 0;
  // Processes of their own the chunks are spread over (MPI ranks), each with workers() workers;
  // 1 for the runners of one process.
  virtual int ranks() const { return 1; }
  // The runner whose workers share this process's memory (the engine's marks and claims live in
  // it): this one, or, for a runner that spreads chunks over processes of their own, the runner
  // inside this process.
  virtual Runner& shared_memory_runner() { return *this; }
};

std::unique_ptr<Runner> make_sequential_runner();
std::unique_ptr<Runner> make_thread_runner(int workers);
// Runs chunks in the process-wide pool of forked workers, forking it (once) if needed. Workers are
// forked, never exec'd, and live until the process ends; a run whose worker dies throws WorkerError.
// Workers die with the thread that forked them (PR_SET_PDEATHSIG): call it from a thread that
// outlives the pool, such as the main thread.
std::unique_ptr<Runner> make_fork_runner(int workers);
// Forks the pool's workers now, until there are `workers`: a process that must not fork later
// (an MPI rank, once MPI has started) starts its pool first.
void start_fork_workers(int workers);
// Process ids of the pool's live workers (for tests and diagnostics).
std::vector<int> fork_worker_pids();

// Number of online CPUs (at least 1).
int online_cpus();

}  // namespace lfsr
