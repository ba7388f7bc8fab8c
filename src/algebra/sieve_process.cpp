// FLINT's fmpz_factor and fmpz_is_prime in a child process working in a private temporary
// directory, killed when the deadline passes.
#include "algebra/sieve_process.hpp"

#include <fmt/format.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <system_error>

#include "algebra/flint_library.hpp"
#include "lfsr/error.hpp"
#include "runners/child_process.hpp"

namespace lfsr::detail {

namespace {

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

// The child's text, or nothing when the deadline passed first (the child is then killed). FLINT is
// loaded before the fork, so that the child does not load it (another thread of the parent might be
// loading it at the fork).
std::optional<std::string> in_child_process(const std::function<std::string()>& work, CpuDeadline& deadline,
                                            const std::string& what) {
  flint();
  const PrivateDirectory directory;
  ChildEnd end = run_in_child_process(work, directory.path(), &deadline);
  if (end.late) return std::nullopt;
  if (!WIFEXITED(end.status) || WEXITSTATUS(end.status) != 0) {
    throw WorkerError(fmt::format("FLINT's {} failed in its child process ({})", what, describe_status(end.status)));
  }
  return std::move(end.text);
}

}  // namespace

std::optional<std::vector<mpz_class>> factor_in_child_process(const mpz_class& n, CpuDeadline& deadline) {
  const auto factor = [&n] {
    const FlintLibrary& f = flint();
    fmpz_t value;
    fmpz_init(value);
    f.fmpz_set_mpz(value, n.get_mpz_t());
    fmpz_factor_t factors;
    f.fmpz_factor_init(factors);
    f.fmpz_factor(factors, value);
    std::string text;
    for (slong i = 0; i < factors->num; ++i) {
      char* digits = f.fmpz_get_str(nullptr, 10, factors->p + i);
      text += digits;
      text += '\n';
      f.flint_free(digits);
    }
    f.fmpz_factor_clear(factors);
    f.fmpz_clear(value);
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
    const FlintLibrary& f = flint();
    fmpz_t value;
    fmpz_init(value);
    f.fmpz_set_mpz(value, n.get_mpz_t());
    std::string text = std::to_string(f.fmpz_is_prime(value));
    f.fmpz_clear(value);
    return text;
  };
  const std::optional<std::string> text =
      in_child_process(prove, deadline, fmt::format("primality proof of a {}-digit integer", n.get_str().size()));
  if (!text) return std::nullopt;
  if (*text != "1" && *text != "0" && *text != "-1")
    throw WorkerError(fmt::format("FLINT's primality proof answered '{}' in its child process", *text));
  return std::stoi(*text);
}

}  // namespace lfsr::detail
