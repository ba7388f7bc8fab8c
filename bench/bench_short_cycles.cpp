// The engine's worst cases, timed in one run: x^n+1 (n = 20..28, sequential) against the plain
// visited-bitset loop, and (x+1)(x^31+x^3+1) at n = 32 with two workers. Prints ratios; never asserts.
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
using lfsr::bench::cpu_seconds;
using lfsr::bench::plain_loop;

namespace {

// Wall and CPU seconds of one call: on a loaded machine the CPU time of a one-thread run is the
// steadier figure, and both are printed.
struct Timing {
  double wall = 1e300;
  double cpu = 1e300;
};

// Best of `repeats` runs of `run`, which returns the cycle count.
template <class Run>
std::pair<Timing, std::uint64_t> best_of(int repeats, Run&& run) {
  Timing best;
  std::uint64_t cycles = 0;
  for (int i = 0; i < repeats; ++i) {
    const auto wall_start = Clock::now();
    const double cpu_start = cpu_seconds();
    cycles = run();
    best.cpu = std::min(best.cpu, cpu_seconds() - cpu_start);
    best.wall = std::min(best.wall, std::chrono::duration<double>(Clock::now() - wall_start).count());
  }
  return {best, cycles};
}

Polynomial rotation_polynomial(int n) {
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n) + 1, 0);
  coefficients.front() = coefficients.back() = 1;
  return Polynomial(Field::from_order(2), coefficients);
}

}  // namespace

int main(int argc, char** argv) {
#ifndef NDEBUG
  fmt::print("warning: debug build, figures are not representative\n");
#endif
  const int low = argc > 1 ? std::atoi(argv[1]) : 20;
  const int high = argc > 2 ? std::atoi(argv[2]) : 28;
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 3;
  const int wide_repeats = argc > 4 ? std::atoi(argv[4]) : 3;
  fmt::print("usage: bench_short_cycles [low=20] [high=28] [repeats=3] [n32_repeats=3]; best of the runs\n");
  fmt::print("x^n+1, sequential: engine against the plain loop (speedup = plain / engine)\n");
  fmt::print("{:<10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>9} {:>9}\n", "register", "cycles", "engine s", "cpu s",
             "plain s", "cpu s", "wall", "cpu");
  const auto sequential = make_sequential_runner();
  for (int n = low; n <= high; ++n) {
    const LinearMap map = linear_map_of(Lfsr{rotation_polynomial(n)});
    const auto [engine, engine_cycles] =
        best_of(repeats, [&] { return enumerate(map, *sequential).total_cycles().get_ui(); });
    const auto [plain, plain_cycles] = best_of(repeats, [&] {
      return with_stepper(map, [&](const auto& stepper) { return plain_loop(stepper, map.state_count()); });
    });
    fmt::print("{:<10} {:>10} {:>10.4f} {:>10.4f} {:>10.4f} {:>10.4f} {:>8.2f}x {:>8.2f}x{}\n",
               fmt::format("x^{}+1", n), engine_cycles, engine.wall, engine.cpu, plain.wall, plain.cpu,
               plain.wall / engine.wall, plain.cpu / engine.cpu,
               engine_cycles == plain_cycles ? "" : "  CYCLE COUNTS DIFFER");
  }
  if (wide_repeats <= 0) return 0;
  // x^32+x^31+x^4+x^3+x+1 = (x+1)(x^31+x^3+1): two cycles of 2^31-1 states and two fixed points.
  std::vector<std::uint32_t> coefficients(33, 0);
  for (const int i : {0, 1, 3, 4, 31, 32}) coefficients[static_cast<std::size_t>(i)] = 1;
  const LinearMap map = linear_map_of(Lfsr{Polynomial(Field::from_order(2), coefficients)});
  const auto threads = make_thread_runner(2);
  const auto [timing, cycles] = best_of(wide_repeats, [&] {
    const CycleStructure structure = enumerate(map, *threads);
    return structure.total_cycles().get_ui();
  });
  // CPU seconds of both threads together: on a loaded machine the steadier figure.
  fmt::print("(x+1)(x^31+x^3+1), n = 32, 2 threads: {:.3f} s wall, {:.3f} s CPU (best of {}), {} cycles{}\n",
             timing.wall, timing.cpu, wide_repeats, cycles, cycles == 4 ? "" : "  WRONG CYCLE COUNT (expected 4)");
}
