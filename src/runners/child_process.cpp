// Fork, a pipe back to the parent, an optional processor-time deadline, and the reaping.
#include "runners/child_process.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <limits>

#include "runners/child_processes.hpp"
#include "lfsr/error.hpp"

namespace lfsr::detail {

namespace {

// The pipe to the parent, in a child of run_in_child_process; -1 elsewhere.
int pipe_to_parent = -1;

void write_all(int out, std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = write(out, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) _exit(125);
    text.remove_prefix(static_cast<std::size_t>(written));
  }
}

// Child side: run the work, write its text. Only _exit leaves it.
[[noreturn]] void run_child(const std::function<std::string()>& work, const std::string& directory, int out) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  pipe_to_parent = out;
  if (!directory.empty() && chdir(directory.c_str()) != 0) _exit(124);
  write_all(out, work());
  _exit(0);
}

// Processor seconds of a running child, 0 when they cannot be read.
double child_cpu_seconds(pid_t pid) {
  clockid_t clock{};
  timespec used{};
  if (clock_getcpuclockid(pid, &clock) != 0 || clock_gettime(clock, &used) != 0) return 0;
  return static_cast<double>(used.tv_sec) + static_cast<double>(used.tv_nsec) * 1e-9;
}

// Between two looks at the child's processor time.
constexpr int poll_milliseconds = 20;

}  // namespace

std::string describe_status(int status) {
  if (WIFEXITED(status)) return fmt::format("exit status {}", WEXITSTATUS(status));
  if (WIFSIGNALED(status))
    return fmt::format("killed by signal {} ({})", WTERMSIG(status), strsignal(WTERMSIG(status)));
  return "stopped";
}

void end_child_process(std::string_view text, int code) {
  if (pipe_to_parent >= 0) write_all(pipe_to_parent, text);
  _exit(code);
}

ChildEnd run_in_child_process(const std::function<std::string()>& work, const std::string& directory,
                              CpuDeadline* deadline) {
  int pipe_ends[2];
  if (pipe2(pipe_ends, O_CLOEXEC) != 0) {
    throw WorkerError(fmt::format("pipe failed: {}", std::strerror(errno)));
  }
  const pid_t pid = fork();
  if (pid < 0) {
    const int error = errno;
    close(pipe_ends[0]);
    close(pipe_ends[1]);
    throw WorkerError(fmt::format("fork failed: {}", std::strerror(error)));
  }
  if (pid == 0) {
    close(pipe_ends[0]);
    run_child(work, directory, pipe_ends[1]);
  }
  remember_child(pid);
  close(pipe_ends[1]);
  const double left = deadline ? deadline->left() : std::numeric_limits<double>::infinity();
  const auto wall_limit =
      deadline ? std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                        std::chrono::duration<double>(10 * std::max(left, 0.0) + 1))
               : std::chrono::steady_clock::time_point::max();
  ChildEnd end;
  for (char buffer[4096];;) {
    if (deadline && (child_cpu_seconds(pid) >= left || std::chrono::steady_clock::now() >= wall_limit)) {
      end.late = true;
      break;
    }
    pollfd readable{pipe_ends[0], POLLIN, 0};
    const int ready = poll(&readable, 1, deadline ? poll_milliseconds : -1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) continue;  // the loop's check ends it
    const ssize_t got = read(pipe_ends[0], buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    end.text.append(buffer, static_cast<std::size_t>(got));
  }
  close(pipe_ends[0]);
  if (end.late) kill(pid, SIGKILL);
  forget_child(pid);  // before the reaping: a reaped pid may be reused
  rusage usage{};
  while (wait4(pid, &end.status, 0, &usage) < 0 && errno == EINTR) {
  }
  if (deadline) {
    deadline->add_child_seconds(static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                                static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6);
  }
  return end;
}

}  // namespace lfsr::detail
