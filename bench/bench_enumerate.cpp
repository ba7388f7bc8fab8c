// Sequential enumeration over GF(2), n = 16..28 (or as given), against a plain visited-bitset loop
// timed in the same run. Prints states per second and the speedup; never asserts.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/stepper.hpp"
#include "lfsr/enumerate.hpp"
#include "plain_loop.hpp"

using namespace lfsr;
using lfsr::bench::Clock;
using lfsr::bench::plain_loop;
using lfsr::bench::seconds_since;

namespace {

// Best of `repeats` runs of `run`, which returns the cycle count.
template <class Run>
std::pair<double, std::uint64_t> best_of(int repeats, Run&& run) {
  double best = 1e300;
  std::uint64_t cycles = 0;
  for (int i = 0; i < repeats; ++i) {
    const auto start = Clock::now();
    cycles = run();
    best = std::min(best, seconds_since(start));
  }
  return {best, cycles};
}

void compare(const std::string& label, const Lfsr& lfsr, int repeats) {
  const LinearMap map = linear_map_of(lfsr);
  const std::uint64_t states = map.state_count();
  const auto runner = make_sequential_runner();
  const auto [engine_seconds, engine_cycles] =
      best_of(repeats, [&] { return enumerate(map, *runner).total_cycles().get_ui(); });
  const auto [plain_seconds, plain_cycles] = best_of(
      repeats, [&] { return with_stepper(map, [&](const auto& stepper) { return plain_loop(stepper, states); }); });
  fmt::print("{:<24} {:>3} {:>12} {:>10.4f} {:>10.3g} {:>10.4f} {:>10.3g} {:>8.2f}x{}\n", label, lfsr.degree(),
             engine_cycles, engine_seconds, static_cast<double>(states) / engine_seconds, plain_seconds,
             static_cast<double>(states) / plain_seconds, plain_seconds / engine_seconds,
             engine_cycles == plain_cycles ? "" : "  CYCLE COUNTS DIFFER");
}

}  // namespace

int main(int argc, char** argv) {
#ifndef NDEBUG
  fmt::print("warning: debug build, figures are not representative\n");
#endif
  const int low = argc > 1 ? std::atoi(argv[1]) : 16;
  const int high = argc > 2 ? std::atoi(argv[2]) : 28;
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 3;
  const Field gf2 = Field::from_order(2);
  fmt::print("usage: bench_enumerate [low=16] [high=28] [repeats=3]; best of {} runs, sequential, GF(2), Fibonacci\n",
             repeats);
  fmt::print("{:<24} {:>3} {:>12} {:>10} {:>10} {:>10} {:>10} {:>9}\n", "register", "n", "cycles", "engine s",
             "states/s", "plain s", "states/s", "speedup");
  for (int n = low; n <= high; ++n) {
    compare("default (maximal)", {default_maximal_polynomial(n)}, repeats);
    std::vector<std::uint32_t> rotation(static_cast<std::size_t>(n) + 1, 0);
    rotation.front() = rotation.back() = 1;
    compare(fmt::format("x^{}+1", n), {Polynomial(gf2, rotation)}, repeats);
  }
}
