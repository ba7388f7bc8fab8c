// Job registry, mode names, and the in-process runners (sequential and threads).
#include "lfsr/runner.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "lfsr/error.hpp"
#include "errors/ntl_errors.hpp"

namespace lfsr {

namespace {

std::map<std::string, JobFactory>& job_registry() {
  static std::map<std::string, JobFactory> registry;
  return registry;
}

// Runs the chunks of `job` on `workers` threads (the calling thread included), each pulling the
// next chunk index from a shared counter so that fast workers take more chunks.
std::vector<std::string> run_on_threads(const JobDescription& description, int workers, ChunkJob& job) {
  const std::uint64_t first = std::min(description.first_chunk, description.chunks);
  std::vector<std::string> results(description.chunks - first);
  std::atomic<std::uint64_t> next_chunk{first};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  std::mutex result_mutex;
  auto work = [&] {
    try {
      const NtlErrorScope ntl_errors;  // NTL's callbacks are per thread; a chunk may call NTL
      const std::unique_ptr<ChunkWorker> worker = job.make_worker();
      for (std::uint64_t chunk; (chunk = next_chunk.fetch_add(1)) < description.chunks;) {
        if (description.done && description.done()) break;
        std::string result = worker->run_chunk(chunk);
        if (description.on_result) {
          const std::lock_guard lock(result_mutex);
          description.on_result(chunk, std::move(result));
        } else {
          results[chunk - first] = std::move(result);
        }
      }
    } catch (...) {
      const std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next_chunk = description.chunks;  // the others stop after their current chunk
    }
  };
  std::vector<std::jthread> threads;
  for (int i = 1; i < workers; ++i) threads.emplace_back(work);
  work();
  threads.clear();  // joins
  if (failure) std::rethrow_exception(failure);
  return results;
}

// The job of the last run, kept while parts of that run follow (a runner over MPI ranks hands a
// run's chunks out in parts, one run id throughout): a batch's job is thousands of registers,
// rebuilt from its spec once per run rather than once per part.
class LastJob {
 public:
  ChunkJob& of(const JobDescription& description) {
    if (!job_ || description.run_id == 0 || description.run_id != run_id_ || description.kind != kind_) {
      job_.reset();
      job_ = make_job(description);
      run_id_ = description.run_id;
      kind_ = description.kind;
    }
    return *job_;
  }

 private:
  std::unique_ptr<ChunkJob> job_;
  std::uint64_t run_id_ = 0;
  std::string kind_;
};

class SequentialRunner final : public Runner {
 public:
  Mode mode() const override { return Mode::seq; }
  int workers() const override { return 1; }
  std::vector<std::string> run(const JobDescription& job) override { return run_on_threads(job, 1, last_job_.of(job)); }

 private:
  LastJob last_job_;
};

class ThreadRunner final : public Runner {
 public:
  explicit ThreadRunner(int workers) : workers_(workers) {}
  Mode mode() const override { return Mode::threads; }
  int workers() const override { return workers_; }
  std::vector<std::string> run(const JobDescription& job) override {
    return run_on_threads(job, workers_, last_job_.of(job));
  }

 private:
  int workers_;
  LastJob last_job_;
};

}  // namespace

void register_job_kind(const std::string& kind, JobFactory factory) { job_registry()[kind] = factory; }

std::unique_ptr<ChunkJob> make_job(const JobDescription& job) {
  const auto it = job_registry().find(job.kind);
  if (it == job_registry().end()) throw InternalError(fmt::format("unknown job kind '{}'", job.kind));
  return it->second(job.spec);
}

std::uint64_t next_run_id() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

std::string_view mode_name(Mode mode) {
  switch (mode) {
    case Mode::seq:
      return "seq";
    case Mode::threads:
      return "threads";
    case Mode::fork:
      return "fork";
    case Mode::automatic:
      return "auto";
    case Mode::mpi:
      return "mpi";
  }
  return "?";
}

Mode parse_mode(std::string_view text) {
  for (Mode mode : {Mode::seq, Mode::threads, Mode::fork, Mode::automatic})
    if (text == mode_name(mode)) return mode;
  throw InputError(fmt::format("unknown mode '{}': expected seq, threads, fork or auto", text));
}

std::unique_ptr<Runner> make_sequential_runner() { return std::make_unique<SequentialRunner>(); }
std::unique_ptr<Runner> make_thread_runner(int workers) { return std::make_unique<ThreadRunner>(workers); }

int online_cpus() {
  const long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  return cpus < 1 ? 1 : static_cast<int>(cpus);
}

}  // namespace lfsr
