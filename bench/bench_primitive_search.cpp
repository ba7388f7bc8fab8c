// The default primitive polynomial search: its time on a few typical fields and degrees, and a scan of
// every field of the Conway table plus sampled prime fields, N = 1..64, each search under a time limit,
// giving per field the degrees covered and the first whose q^N - 1 cannot be factored. Never asserts.
//   bench_primitive_search                          typical cases, then the whole scan (N <= 64, 10 s limit)
//   bench_primitive_search typical
//   bench_primitive_search slow [RUNS [q N]]          the searches that took seconds before, min/median of RUNS
//   bench_primitive_search scan [--each] [MAX_N [LIMIT_S [q ...]]]
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "algebra/integer_factoring.hpp"
#include "bench_clock.hpp"
#include "lfsr/error.hpp"
#include "lfsr/primitive_search.hpp"

using namespace lfsr;
using lfsr::bench::Clock;
using lfsr::bench::cpu_seconds;
using lfsr::bench::seconds_since;

namespace {

// Prime fields sampled besides the Conway table's GF(p^k): small ones, and primes near 2^8, 2^10, ..., 65536.
const std::vector<std::uint32_t> sampled_primes = {2,   3,   5,   7,    11,   13,   17,    19,    23,
                                                   101, 251, 257, 1021, 4093, 8191, 16381, 32749, 65521};

// Every q = p^k <= 65536 with k >= 2 (the Conway table), and the sampled primes, grouped by p so that
// the factors of each Phi_m(p), shared by all the powers of p, are computed once.
std::vector<std::uint32_t> scanned_fields() {
  std::vector<std::uint32_t> fields;
  for (std::uint32_t p = 2; p <= 65536; ++p) {
    if (!is_prime(p)) continue;
    const bool sampled = std::find(sampled_primes.begin(), sampled_primes.end(), p) != sampled_primes.end();
    if (sampled) fields.push_back(p);
    for (std::uint64_t q = std::uint64_t{p} * p; q <= max_field_order; q *= p)
      fields.push_back(static_cast<std::uint32_t>(q));
  }
  return fields;
}

struct Outcome {
  enum class Kind { found, unfactored, over_limit, failed } kind = Kind::failed;
  double factor_seconds = 0;
  double search_seconds = 0;
  std::string text;  // the polynomial or the error
};

// Runs the search in a child process, which is killed past `limit` seconds. The parent factors q^N - 1
// first (bounded by AlgebraOptions' limits), so the child finds the factors cached and is timed on
// the search alone, and the parent's cache keeps them for the next degrees.
Outcome search_case(const Field& field, int n, double limit) {
  Outcome outcome;
  const auto start = Clock::now();
  const bool factored =
      detail::factor_power_minus_one(field.p(), static_cast<long>(n) * field.k(), {}).unfactored.empty();
  outcome.factor_seconds = seconds_since(start);
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    close(fds[0]);
    const auto search_start = Clock::now();
    std::string line;
    try {
      const Polynomial f = default_primitive_polynomial(n, field);
      line = fmt::format("F {} {}", seconds_since(search_start), f.to_string());
    } catch (const ResourceError& error) {
      line = fmt::format("R {} {}", seconds_since(search_start), error.what());
    } catch (const std::exception& error) {
      line = fmt::format("E {} {}", seconds_since(search_start), error.what());
    }
    for (std::size_t done = 0; done < line.size();) {
      const ssize_t written = write(fds[1], line.data() + done, line.size() - done);
      if (written <= 0 && errno != EINTR) break;
      if (written > 0) done += static_cast<std::size_t>(written);
    }
    _exit(0);
  }
  close(fds[1]);
  std::string reply;
  const auto deadline = Clock::now() + std::chrono::duration<double>(limit);
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd ready{fds[0], POLLIN, 0};
    if (left <= 0 || poll(&ready, 1, static_cast<int>(left)) == 0) {
      kill(pid, SIGKILL);
      outcome.kind = Outcome::Kind::over_limit;
      break;
    }
    char buffer[4096];
    const ssize_t got = read(fds[0], buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    reply.append(buffer, static_cast<std::size_t>(got));
  }
  close(fds[0]);
  waitpid(pid, nullptr, 0);
  if (outcome.kind == Outcome::Kind::over_limit) {
    outcome.search_seconds = limit;
    return outcome;
  }
  const std::size_t space = reply.find(' ', 2);
  if (reply.size() < 3 || space == std::string::npos) return outcome;
  outcome.search_seconds = std::atof(reply.substr(2, space - 2).c_str());
  outcome.text = reply.substr(space + 1);
  outcome.kind = reply[0] == 'F'   ? Outcome::Kind::found
                 : reply[0] == 'R' ? Outcome::Kind::unfactored
                                   : Outcome::Kind::failed;
  if (outcome.kind == Outcome::Kind::unfactored && factored) outcome.kind = Outcome::Kind::failed;
  return outcome;
}

std::string degree_list(const std::vector<int>& degrees) {
  if (degrees.empty()) return "-";
  std::string text;
  for (int n : degrees) text += fmt::format("{}{}", text.empty() ? "" : ",", n);
  return text;
}

void scan(int max_n, double limit, const std::vector<std::uint32_t>& fields, bool each) {
  fmt::print("default_primitive_polynomial, N = 1..{}, search limit {} s per case (factoring of q^N-1 not included)\n",
             max_n, limit);
  fmt::print("{:>6} {:>5} {:>6} {:>6}  {:<28} {:<10} {:>14} {:>8}  {}\n", "q", "found", "all<=", "first",
             "not factored", "over limit", "slowest search", "total s", "other errors");
  const auto all_start = Clock::now();
  for (const std::uint32_t q : fields) {
    const Field field = Field::from_order(q);
    const auto start = Clock::now();
    std::vector<int> unfactored, over_limit, failed;
    int found = 0, all_up_to = 0;
    double slowest = 0;
    int slowest_n = 0;
    for (int n = 1; n <= max_n; ++n) {
      const Outcome outcome = search_case(field, n, limit);
      if (each) {
        fmt::print("  GF({}) N={}: factor {:.3f} s, search {:.4f} s: {}\n", q, n, outcome.factor_seconds,
                   outcome.search_seconds, outcome.kind == Outcome::Kind::over_limit ? "over the limit" : outcome.text);
      }
      if (outcome.kind == Outcome::Kind::found) {
        ++found;
        if (all_up_to == n - 1) all_up_to = n;
        if (outcome.search_seconds > slowest) slowest = outcome.search_seconds, slowest_n = n;
      }
      if (outcome.kind == Outcome::Kind::unfactored) unfactored.push_back(n);
      if (outcome.kind == Outcome::Kind::over_limit) over_limit.push_back(n);
      if (outcome.kind == Outcome::Kind::failed) failed.push_back(n);
    }
    std::string unfactored_text = degree_list(unfactored);
    if (unfactored_text.size() > 28) unfactored_text = fmt::format("{} of them", unfactored.size());
    fmt::print("{:>6} {:>5} {:>6} {:>6}  {:<28} {:<10} {:>8.3f} (N={:>2}) {:>8.1f}  {}\n", q, found, all_up_to,
               unfactored.empty() ? std::string("-") : std::to_string(unfactored.front()), unfactored_text,
               degree_list(over_limit), slowest, slowest_n, seconds_since(start), degree_list(failed));
    std::fflush(stdout);
  }
  fmt::print("scan of {} fields: {:.1f} s\n", fields.size(), seconds_since(all_start));
}

// Times the first call (factoring q^N - 1 included) and the median of later ones (factors cached).
void typical() {
  fmt::print("{:<10} {:>3} {:>10} {:>14}  {}\n", "field", "N", "first s", "median next s", "polynomial");
  for (const auto& [q, n] : std::vector<std::pair<std::uint32_t, int>>{
           {256, 3}, {9, 20}, {65536, 4}, {4, 64}, {3, 64}, {65536, 32}, {65521, 16}, {2, 200}, {2, 1000}}) {
    const Field field = Field::from_order(q);
    auto start = Clock::now();
    std::string text;
    try {
      text = default_primitive_polynomial(n, field).to_string();
    } catch (const ResourceError& error) {
      fmt::print("{:<10} {:>3} {:>10.4f} {:>14}  {}\n", field.name(), n, seconds_since(start), "-", error.what());
      continue;
    }
    const double first = seconds_since(start);
    std::vector<double> times;
    for (int i = 0; i < 5; ++i) {
      start = Clock::now();
      default_primitive_polynomial(n, field);
      times.push_back(seconds_since(start));
    }
    std::sort(times.begin(), times.end());
    fmt::print("{:<10} {:>3} {:>10.4f} {:>14.4f}  {}\n", field.name(), n, first, times[2], text);
  }
}

// The searches that were slowest before the combined order test: q^N - 1 factored first (not
// timed), then the search alone, `runs` times: min and median seconds, and the polynomial.
void slow(int runs, std::uint32_t only_q, int only_n) {
  fmt::print("{:<10} {:>3} {:>9} {:>9} {:>9}  {}\n", "field", "N", "min s", "median s", "min cpu s", "polynomial");
  for (const auto& [q, n] : std::vector<std::pair<std::uint32_t, int>>{
           {9, 200}, {243, 60}, {6561, 63}, {19683, 60}, {59049, 54}, {256, 60}, {65536, 60}, {2, 1000}}) {
    if (only_q != 0 && (q != only_q || n != only_n)) continue;
    const Field field = Field::from_order(q);
    detail::factor_power_minus_one(field.p(), static_cast<long>(n) * field.k(), {});
    std::vector<double> times;
    double cpu = 1e300;
    std::string text;
    try {
      for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        const double cpu_start = cpu_seconds();
        text = default_primitive_polynomial(n, field).to_string();
        times.push_back(seconds_since(start));
        cpu = std::min(cpu, cpu_seconds() - cpu_start);
      }
    } catch (const ResourceError& error) {
      fmt::print("{:<10} {:>3} {:>9} {:>9} {:>9}  {}\n", field.name(), n, "-", "-", "-", error.what());
      continue;
    }
    std::sort(times.begin(), times.end());
    fmt::print("{:<10} {:>3} {:>9.4f} {:>9.4f} {:>9.4f}  {}\n", field.name(), n, times.front(), times[times.size() / 2],
               cpu, text);
    std::fflush(stdout);
  }
}

}  // namespace

int main(int argc, char** argv) {
#ifndef NDEBUG
  fmt::print("warning: debug build, figures are not representative\n");
#endif
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "slow") {
    slow(args.size() > 1 ? std::max(1, std::atoi(args[1].c_str())) : 3,
         args.size() > 3 ? static_cast<std::uint32_t>(std::atoi(args[2].c_str())) : 0,
         args.size() > 3 ? std::atoi(args[3].c_str()) : 0);
    return 0;
  }
  if (args.empty() || args[0] == "typical") typical();
  if (args.empty()) fmt::print("\n");
  if (args.empty() || args[0] == "scan") {
    std::size_t next = 1;
    const bool each = args.size() > next && args[next] == "--each";
    if (each) ++next;
    const int max_n = args.size() > next ? std::atoi(args[next].c_str()) : 64;
    const double limit = args.size() > next + 1 ? std::atof(args[next + 1].c_str()) : 10.0;
    std::vector<std::uint32_t> fields;
    for (std::size_t i = next + 2; i < args.size(); ++i)
      fields.push_back(static_cast<std::uint32_t>(std::atoi(args[i].c_str())));
    scan(max_n, limit, fields.empty() ? scanned_fields() : fields, each);
  }
}
