// The persistent fork-based worker pool: workers are forked once per process, take chunks over
// Unix sockets and address the same SharedArena as the parent; they die with the parent.
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <new>
#include <optional>

#include "runners/byte_io.hpp"
#include "runners/child_processes.hpp"
#include "lfsr/error.hpp"
#include "errors/ntl_errors.hpp"
#include "lfsr/runner.hpp"
#include "runners/shared_arena.hpp"

namespace lfsr {

namespace {

// Frames on the socket: u64 payload size, u8 status, payload: a result, or the text of the
// exception a chunk threw, by kind, so that the caller sees the same error as in-process.
enum class Status : std::uint8_t { ok, input_error, resource_error, internal_error, other_error };

// Retries on EINTR; false when the peer closed the socket or it failed (a dead worker or parent).
bool write_all(int fd, const void* data, std::size_t size) {
  const auto* bytes = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t written = send(fd, bytes, size, MSG_NOSIGNAL);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    bytes += written;
    size -= static_cast<std::size_t>(written);
  }
  return true;
}

bool read_all(int fd, void* data, std::size_t size) {
  auto* bytes = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t got = read(fd, bytes, size);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    bytes += got;
    size -= static_cast<std::size_t>(got);
  }
  return true;
}

bool send_frame(int fd, Status status, std::string_view payload) {
  // One write per frame: a small frame then crosses in one system call.
  std::string frame = ByteWriter().put(std::uint64_t{payload.size()}).put(status).take();
  frame.append(payload);
  return write_all(fd, frame.data(), frame.size());
}

std::optional<std::pair<Status, std::string>> receive_frame(int fd) {
  std::uint64_t size = 0;
  Status status{};
  if (!read_all(fd, &size, sizeof size) || !read_all(fd, &status, sizeof status)) return std::nullopt;
  std::string payload(size, '\0');
  if (!read_all(fd, payload.data(), size)) return std::nullopt;
  return std::pair{status, std::move(payload)};
}

// The job's kind and spec go only with a worker's first chunk of a run: a batch's spec lists
// thousands of registers, and every worker keeps the job it rebuilt until the run changes.
std::string encode_task(const JobDescription& job, std::uint64_t chunk, bool with_spec) {
  ByteWriter out;
  out.put(job.run_id).put(chunk).put(job.chunks).put(with_spec);
  if (with_spec) out.put_bytes(job.kind).put_bytes(job.spec);
  return out.take();
}

Status error_status(const std::exception& error) {
  if (dynamic_cast<const InputError*>(&error)) return Status::input_error;
  if (dynamic_cast<const ResourceError*>(&error) || dynamic_cast<const std::bad_alloc*>(&error))
    return Status::resource_error;
  if (dynamic_cast<const InternalError*>(&error)) return Status::internal_error;
  return Status::other_error;
}

// Throws, in the parent, the error a worker reported.
[[noreturn]] void rethrow_worker_error(Status status, const std::string& message) {
  switch (status) {
    case Status::input_error:
      throw InputError(message);
    case Status::resource_error:
      throw ResourceError(message);
    case Status::internal_error:
      throw InternalError(message);
    default:
      throw WorkerError(message);
  }
}

// This worker's socket to the parent, for worker_terminated.
int worker_socket = -1;

// An exception that cannot be caught (NTL, built without exceptions, cannot unwind some of its
// loops: see ntl_errors.cpp) ends the worker, but the parent still gets its error, as a frame.
[[noreturn]] void worker_terminated() {
  Status status = Status::other_error;
  std::string message = "the worker ended without an exception to report";
  try {
    if (const std::exception_ptr current = std::current_exception()) std::rethrow_exception(current);
  } catch (const std::exception& error) {
    status = error_status(error);
    message = error.what();
  } catch (...) {
  }
  send_frame(worker_socket, status, message);
  _exit(static_cast<int>(ExitCode::internal));
}

// The worker's whole life: run chunks until the parent closes the socket.
[[noreturn]] void worker_main(int fd) {
  // An NTL error in a chunk is reported to the parent as the error it is, like any other.
  const NtlErrorScope ntl_errors;
  worker_socket = fd;
  std::set_terminate(worker_terminated);
  std::uint64_t current_run = 0;
  std::unique_ptr<ChunkJob> job;
  std::unique_ptr<ChunkWorker> worker;
  for (;;) {
    auto frame = receive_frame(fd);
    if (!frame) _exit(0);
    try {
      ByteReader in(frame->second);
      JobDescription description;
      description.run_id = in.get<std::uint64_t>();
      const auto chunk = in.get<std::uint64_t>();
      description.chunks = in.get<std::uint64_t>();
      if (in.get<bool>()) {
        description.kind = in.get_bytes();
        description.spec = in.get_bytes();
      } else if (description.run_id != current_run) {
        throw InternalError("a task of a new run came without its job");
      }
      if (description.run_id != current_run) {
        worker.reset();
        job = make_job(description);
        worker = job->make_worker();
        current_run = description.run_id;
      }
      if (!send_frame(fd, Status::ok, worker->run_chunk(chunk))) _exit(0);
    } catch (const std::exception& error) {
      current_run = 0;
      if (!send_frame(fd, error_status(error), error.what())) _exit(0);
    }
  }
}

std::string describe_exit(int status) {
  if (WIFSIGNALED(status))
    return fmt::format("killed by signal {} ({})", WTERMSIG(status), strsignal(WTERMSIG(status)));
  if (WIFEXITED(status)) return fmt::format("exited with status {}", WEXITSTATUS(status));
  return "stopped";
}

class ForkPool {
 public:
  static ForkPool& instance() {
    static ForkPool pool;
    return pool;
  }

  ~ForkPool() { stop_all(); }

  // Forks workers until there are at least `count`.
  void ensure_workers(int count) {
    SharedArena::instance();  // the arena must exist before the fork to be shared
    while (static_cast<int>(workers_.size()) < count) start_worker();
  }

  std::vector<int> pids() const {
    std::vector<int> pids;
    for (const Worker& worker : workers_) pids.push_back(worker.pid);
    return pids;
  }

  std::vector<std::string> run(const JobDescription& job, int count) {
    // A job of few chunks needs few workers: fork only those (a small register forks one).
    const std::uint64_t first = std::min(job.first_chunk, job.chunks);
    count = static_cast<int>(
        std::min<std::uint64_t>(static_cast<std::uint64_t>(count), std::max<std::uint64_t>(job.chunks - first, 1)));
    ensure_workers(count);
    std::vector<std::string> results(job.chunks - first);
    std::uint64_t next_chunk = first;
    std::vector<std::optional<std::uint64_t>> busy(static_cast<std::size_t>(count));
    auto dispatch = [&](std::size_t w) {
      if (next_chunk >= job.chunks || (job.done && job.done())) return;
      const bool with_spec = workers_[w].run_id != job.run_id;
      workers_[w].run_id = job.run_id;
      if (!send_frame(workers_[w].socket, Status::ok, encode_task(job, next_chunk, with_spec))) {
        const std::string lost_worker = lost(w);
        stop_all();
        throw WorkerError(lost_worker);
      }
      busy[w] = next_chunk++;
    };
    for (std::size_t w = 0; w < busy.size(); ++w) dispatch(w);
    std::vector<pollfd> fds(busy.size());
    for (;;) {
      int waiting = 0;
      for (std::size_t w = 0; w < busy.size(); ++w) {
        fds[w] = {busy[w] ? workers_[w].socket : -1, POLLIN, 0};
        waiting += busy[w] ? 1 : 0;
      }
      if (waiting == 0) break;
      if (poll(fds.data(), fds.size(), -1) < 0) {
        if (errno == EINTR) continue;
        const std::string failure = fmt::format("poll failed: {}", std::strerror(errno));
        stop_all();  // the workers are mid-chunk: their answers must not reach the next run
        throw WorkerError(failure);
      }
      for (std::size_t w = 0; w < busy.size(); ++w) {
        if (!busy[w] || fds[w].revents == 0) continue;
        const std::uint64_t chunk = *busy[w];
        busy[w].reset();
        auto frame = receive_frame(workers_[w].socket);
        if (!frame) {
          // A dead worker's claims may be half done: the run is void, and the others' chunks
          // with it. Stop them now; the next run starts a fresh pool.
          const std::string failure = lost(w);
          stop_all();
          throw WorkerError(failure);
        }
        if (frame->first != Status::ok) {
          stop_all();
          rethrow_worker_error(frame->first, frame->second);
        }
        if (job.on_result) {
          try {
            job.on_result(chunk, std::move(frame->second));
          } catch (...) {
            stop_all();  // the others are mid-chunk: their answers must not reach the next run
            throw;
          }
        } else {
          results[chunk - first] = std::move(frame->second);
        }
        dispatch(w);
      }
    }
    return results;
  }

 private:
  struct Worker {
    int pid;
    int socket;
    std::uint64_t run_id = 0;  // of the last job sent: the worker has rebuilt it
  };

  ForkPool() = default;

  void start_worker() {
    int sockets[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0)
      throw WorkerError(fmt::format("socketpair failed: {}", std::strerror(errno)));
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) {
      close(sockets[0]);
      close(sockets[1]);
      throw WorkerError(fmt::format("fork failed: {}", std::strerror(errno)));
    }
    if (pid == 0) {
      // Die with the parent, however it dies; the re-check closes the race with an early death.
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(0);
      signal(SIGINT, SIG_DFL);
      signal(SIGTERM, SIG_DFL);
      close(sockets[0]);
      for (const Worker& sibling : workers_) close(sibling.socket);
      worker_main(sockets[1]);
    }
    remember_child(pid);
    close(sockets[1]);
    workers_.push_back({pid, sockets[0]});
  }

  // Reaps a worker whose socket broke and says how it ended.
  std::string lost(std::size_t w) {
    int status = 0;
    forget_child(workers_[w].pid);  // before the reaping: a reaped pid may be reused
    while (waitpid(workers_[w].pid, &status, 0) < 0 && errno == EINTR) {
    }
    workers_[w].pid = -1;
    return fmt::format("worker {} died during the run ({})", w, describe_exit(status));
  }

  void stop_all() {
    for (Worker& worker : workers_) {
      close(worker.socket);
      if (worker.pid > 0) {
        kill(worker.pid, SIGKILL);
        forget_child(worker.pid);  // before the reaping: a reaped pid may be reused
        while (waitpid(worker.pid, nullptr, 0) < 0 && errno == EINTR) {
        }
      }
    }
    workers_.clear();
  }

  std::vector<Worker> workers_;
};

class ForkRunner final : public Runner {
 public:
  // The workers are forked by the first run that needs them, and stay.
  explicit ForkRunner(int workers) : workers_(workers) { SharedArena::instance(); }
  Mode mode() const override { return Mode::fork; }
  int workers() const override { return workers_; }
  std::vector<std::string> run(const JobDescription& job) override { return ForkPool::instance().run(job, workers_); }

 private:
  int workers_;
};

}  // namespace

std::unique_ptr<Runner> make_fork_runner(int workers) { return std::make_unique<ForkRunner>(workers); }

void start_fork_workers(int workers) { ForkPool::instance().ensure_workers(workers); }

std::vector<int> fork_worker_pids() { return ForkPool::instance().pids(); }

}  // namespace lfsr
