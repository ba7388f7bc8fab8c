// FLINT's fmpz_factor and fmpz_is_prime in a child process working in a private temporary
// directory, killed when the deadline passes.
#include "sieve_process.hpp"

#include <fcntl.h>
#include <flint/fmpz.h>
#include <flint/fmpz_factor.h>
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
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <system_error>

#include "lfsr/child_processes.hpp"
#include "lfsr/error.hpp"

namespace lfsr::detail {

namespace {

// Child side: run the work, write its text. Only _exit leaves it.
[[noreturn]] void run_child(const std::function<std::string()>& work, const std::string& directory, int out) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  if (chdir(directory.c_str()) != 0) _exit(2);
  const std::string text = work();
  const char* bytes = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    const ssize_t written = write(out, bytes, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) _exit(3);
    bytes += written;
    left -= static_cast<std::size_t>(written);
  }
  _exit(0);
}

std::string describe_status(int status) {
  if (WIFEXITED(status)) return fmt::format("exit status {}", WEXITSTATUS(status));
  if (WIFSIGNALED(status))
    return fmt::format("killed by signal {} ({})", WTERMSIG(status), strsignal(WTERMSIG(status)));
  return "stopped";
}

// A fresh directory only this call uses, removed with whatever FLINT left in it.
class PrivateDirectory {
 public:
  PrivateDirectory() {
    std::error_code error;
    const std::filesystem::path base = std::filesystem::temp_directory_path(error);
    std::string path = (error ? std::filesystem::path("/tmp") : base) / "lfsr-sieve-XXXXXX";
    if (mkdtemp(path.data()) == nullptr) {
      throw WorkerError(
          fmt::format("cannot create a directory for FLINT's quadratic sieve ({}): {}", path, std::strerror(errno)));
    }
    path_ = path;
  }
  ~PrivateDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  PrivateDirectory(const PrivateDirectory&) = delete;
  PrivateDirectory& operator=(const PrivateDirectory&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Processor seconds of a running child, 0 when they cannot be read.
double child_cpu_seconds(pid_t pid) {
  clockid_t clock{};
  timespec used{};
  if (clock_getcpuclockid(pid, &clock) != 0 || clock_gettime(clock, &used) != 0) return 0;
  return static_cast<double>(used.tv_sec) + static_cast<double>(used.tv_nsec) * 1e-9;
}

// Between two looks at the child's processor time.
constexpr int poll_milliseconds = 20;

// The child's text, or nothing when the deadline passed first: then the child is killed and reaped.
// Its processor time is charged to the deadline. A child that uses no processor time (one that waits
// forever on a lock) is killed too, after ten times the time left in wall-clock time.
std::optional<std::string> in_child_process(const std::function<std::string()>& work, CpuDeadline& deadline,
                                            const std::string& what) {
  const PrivateDirectory directory;
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
    run_child(work, directory.path(), pipe_ends[1]);
  }
  remember_child(pid);
  close(pipe_ends[1]);
  const double left = deadline.left();
  const auto wall_limit =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(10 * std::max(left, 0.0) + 1);
  std::string text;
  bool late = false;
  for (char buffer[4096];;) {
    if (child_cpu_seconds(pid) >= left || std::chrono::steady_clock::now() >= wall_limit) {
      late = true;
      break;
    }
    pollfd readable{pipe_ends[0], POLLIN, 0};
    const int ready = poll(&readable, 1, poll_milliseconds);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) continue;  // the loop's check ends it
    const ssize_t got = read(pipe_ends[0], buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
  }
  close(pipe_ends[0]);
  if (late) kill(pid, SIGKILL);
  int status = 0;
  forget_child(pid);  // before the reaping: a reaped pid may be reused
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  deadline.add_child_seconds(static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                             static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6);
  if (late) return std::nullopt;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw WorkerError(fmt::format("FLINT's {} failed in its child process ({})", what, describe_status(status)));
  }
  return text;
}

}  // namespace

std::optional<std::vector<mpz_class>> factor_in_child_process(const mpz_class& n, CpuDeadline& deadline) {
  const auto factor = [&n] {
    fmpz_t value;
    fmpz_init(value);
    fmpz_set_mpz(value, n.get_mpz_t());
    fmpz_factor_t factors;
    fmpz_factor_init(factors);
    fmpz_factor(factors, value);
    std::string text;
    for (slong i = 0; i < factors->num; ++i) {
      char* digits = fmpz_get_str(nullptr, 10, factors->p + i);
      text += digits;
      text += '\n';
      flint_free(digits);
    }
    return text;
  };
  const std::optional<std::string> text =
      in_child_process(factor, deadline, fmt::format("factoring of a {}-digit integer", n.get_str().size()));
  if (!text) return std::nullopt;
  std::vector<mpz_class> primes;
  std::istringstream lines(*text);
  for (std::string line; std::getline(lines, line);) primes.emplace_back(line);
  return primes;
}

std::optional<int> prove_prime_in_child_process(const mpz_class& n, CpuDeadline& deadline) {
  const auto prove = [&n] {
    fmpz_t value;
    fmpz_init(value);
    fmpz_set_mpz(value, n.get_mpz_t());
    return std::to_string(fmpz_is_prime(value));
  };
  const std::optional<std::string> text =
      in_child_process(prove, deadline, fmt::format("primality proof of a {}-digit integer", n.get_str().size()));
  if (!text) return std::nullopt;
  if (*text != "1" && *text != "0" && *text != "-1")
    throw WorkerError(fmt::format("FLINT's primality proof answered '{}' in its child process", *text));
  return std::stoi(*text);
}

}  // namespace lfsr::detail
