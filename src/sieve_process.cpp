// FLINT's fmpz_factor in a child process working in a private temporary directory.
#include "sieve_process.hpp"

#include <fcntl.h>
#include <flint/fmpz.h>
#include <flint/fmpz_factor.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <string>
#include <system_error>

#include "lfsr/child_processes.hpp"
#include "lfsr/error.hpp"

namespace lfsr::detail {

namespace {

// Child side: factor, write the primes in decimal, one per line. Only _exit leaves it.
[[noreturn]] void sieve_child(const mpz_class& n, const std::string& directory, int out) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  if (chdir(directory.c_str()) != 0) _exit(2);
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

}  // namespace

std::vector<mpz_class> factor_in_child_process(const mpz_class& n) {
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
    sieve_child(n, directory.path(), pipe_ends[1]);
  }
  remember_child(pid);
  close(pipe_ends[1]);
  std::string text;
  char buffer[4096];
  for (;;) {
    const ssize_t got = read(pipe_ends[0], buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
  }
  close(pipe_ends[0]);
  int status = 0;
  forget_child(pid);  // before the reaping: a reaped pid may be reused
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw WorkerError(fmt::format("FLINT's factoring of a {}-digit integer failed in its child process ({})",
                                  n.get_str().size(), describe_status(status)));
  }
  std::vector<mpz_class> primes;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) primes.emplace_back(line);
  return primes;
}

}  // namespace lfsr::detail
