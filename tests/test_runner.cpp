// Runners: chunk results come back in order, the fork pool persists, failures reach the caller.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "lfsr/error.hpp"
#include "lfsr/runner.hpp"
#include "runners/byte_io.hpp"

using namespace lfsr;

namespace {

// Chunk i answers "i:<pid>"; chunk `crash_chunk` kills its worker (or throws when asked to).
struct TestWorker final : ChunkWorker {
  std::uint64_t crash_chunk;
  bool throw_instead;
  std::string run_chunk(std::uint64_t chunk) override {
    if (chunk == crash_chunk) {
      if (throw_instead) throw InternalError("chunk refused on purpose");
      raise(SIGKILL);
    }
    return std::to_string(chunk) + ":" + std::to_string(getpid());
  }
};

struct TestJob final : ChunkJob {
  std::uint64_t crash_chunk = ~std::uint64_t{0};
  bool throw_instead = false;
  std::unique_ptr<ChunkWorker> make_worker() override {
    auto worker = std::make_unique<TestWorker>();
    worker->crash_chunk = crash_chunk;
    worker->throw_instead = throw_instead;
    return worker;
  }
};

std::unique_ptr<ChunkJob> make_test_job(std::string_view spec) {
  ByteReader in(spec);
  auto job = std::make_unique<TestJob>();
  job->crash_chunk = in.get<std::uint64_t>();
  job->throw_instead = in.get<bool>();
  return job;
}

const bool registered = (register_job_kind("test.echo", make_test_job), true);

JobDescription echo_job(std::uint64_t chunks, std::uint64_t crash_chunk = ~std::uint64_t{0},
                        bool throw_instead = false) {
  return {"test.echo", ByteWriter().put(crash_chunk).put(throw_instead).take(), chunks, next_run_id(), {}, {}};
}

bool process_exists(int pid) { return kill(pid, 0) == 0; }

}  // namespace

TEST_CASE("a job of one chunk forks one worker", "[runner][fork]") {
  make_fork_runner(1)->run(echo_job(1));  // a pool left by another test would have more
  const std::size_t before = fork_worker_pids().size();
  make_fork_runner(8)->run(echo_job(1));
  REQUIRE(fork_worker_pids().size() == before);
}

TEST_CASE("every runner returns each chunk's result at its index", "[runner][threads]") {
  for (const auto& runner : {make_sequential_runner(), make_thread_runner(3), make_fork_runner(3)}) {
    const std::vector<std::string> results = runner->run(echo_job(50));
    REQUIRE(results.size() == 50);
    for (std::size_t i = 0; i < results.size(); ++i)
      REQUIRE(results[i].substr(0, results[i].find(':')) == std::to_string(i));
  }
}

TEST_CASE("the fork pool is forked once and reused across runs", "[runner][fork]") {
  const auto runner = make_fork_runner(2);
  runner->run(echo_job(8));  // the first run that needs them forks the workers
  const std::vector<int> before = fork_worker_pids();
  REQUIRE(before.size() >= 2);
  for (int run = 0; run < 5; ++run) {
    for (const std::string& result : runner->run(echo_job(8))) {
      const int pid = std::stoi(result.substr(result.find(':') + 1));
      REQUIRE(pid != getpid());  // the chunks ran in workers
    }
  }
  REQUIRE(fork_worker_pids() == before);
}

TEST_CASE("a worker that dies fails the run, is reaped, and the pool recovers", "[runner][fork]") {
  const auto runner = make_fork_runner(2);
  runner->run(echo_job(8));
  const std::vector<int> before = fork_worker_pids();
  REQUIRE_THROWS_AS(runner->run(echo_job(20, 5)), WorkerError);
  for (int pid : before) {
    CHECK_FALSE(process_exists(pid));           // no zombie: reaped, not just dead
    CHECK(waitpid(pid, nullptr, WNOHANG) < 0);  // and not our child any more
  }
  REQUIRE(runner->run(echo_job(20)).size() == 20);
  REQUIRE(fork_worker_pids() != before);
}

TEST_CASE("an exception in a worker reaches the caller with its message", "[runner][threads]") {
  for (const auto& runner : {make_sequential_runner(), make_thread_runner(2), make_fork_runner(2)}) {
    CAPTURE(mode_name(runner->mode()));
    try {
      runner->run(echo_job(10, 3, true));
      FAIL("no exception");
    } catch (const std::exception& error) {
      CHECK(std::string(error.what()).find("chunk refused on purpose") != std::string::npos);
    }
  }
}

TEST_CASE("every runner runs a part of a job: chunks first_chunk .. chunks - 1", "[runner][threads]") {
  for (const auto& runner : {make_sequential_runner(), make_thread_runner(3), make_fork_runner(3)}) {
    CAPTURE(mode_name(runner->mode()));
    JobDescription job = echo_job(50);
    // The parts of one run, as a runner over MPI ranks hands them out: one run id throughout.
    std::vector<std::string> whole;
    for (const auto& [first, end] : {std::pair<std::uint64_t, std::uint64_t>{0, 7}, {7, 8}, {8, 31}, {31, 50}}) {
      job.first_chunk = first;
      job.chunks = end;
      const std::vector<std::string> part = runner->run(job);
      REQUIRE(part.size() == end - first);
      whole.insert(whole.end(), part.begin(), part.end());
    }
    REQUIRE(whole.size() == 50);
    for (std::size_t i = 0; i < whole.size(); ++i) REQUIRE(whole[i].substr(0, whole[i].find(':')) == std::to_string(i));
    job.first_chunk = job.chunks;  // an empty part runs nothing
    REQUIRE(runner->run(job).empty());
  }
}

TEST_CASE("a part of a job streams its chunks with their indexes in the whole job", "[runner][threads]") {
  for (const auto& runner : {make_sequential_runner(), make_thread_runner(2), make_fork_runner(2)}) {
    CAPTURE(mode_name(runner->mode()));
    JobDescription job = echo_job(20);
    job.first_chunk = 12;
    std::vector<std::uint64_t> seen;
    job.on_result = [&](std::uint64_t chunk, std::string&& result) {
      REQUIRE(result.substr(0, result.find(':')) == std::to_string(chunk));
      seen.push_back(chunk);
    };
    runner->run(job);
    std::sort(seen.begin(), seen.end());
    REQUIRE(seen == std::vector<std::uint64_t>{12, 13, 14, 15, 16, 17, 18, 19});
  }
}

TEST_CASE("the fork pool can be started before its first run", "[runner][fork]") {
  start_fork_workers(2);
  const std::vector<int> started = fork_worker_pids();
  REQUIRE(started.size() >= 2);
  make_fork_runner(2)->run(echo_job(8));
  REQUIRE(fork_worker_pids() == started);  // the run used the workers already there
}
