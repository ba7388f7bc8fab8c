// The scan of every degree-16 register over GF(2) by enumeration with 2 workers (as `--scan --bits
// 16 --method enumerate --summary`), and the share of it that the image passes of the singular
// registers take: those passes alone, run as the scan runs them, and beside them the round-one pass
// (every state tested and its image set by an atomic OR) on the same registers. Prints figures and
// ratios measured in one run; never asserts.
// Usage: bench_image_pass [REPEATS] [WORKERS] [DEGREE]   (defaults 3, 2, 16)
#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include "bench_clock.hpp"
#include "engine/cyclic_states.hpp"
#include "engine/stepper.hpp"
#include "lfsr/enumerate.hpp"
#include "many/batch.hpp"
#include "many/scan.hpp"
#include "runners/shared_arena.hpp"

using namespace lfsr;
using lfsr::bench::Clock;
using lfsr::bench::cpu_seconds;
using lfsr::bench::seconds_since;

namespace {

// Wall and processor seconds, min and median: on a machine other work shares, the processor time
// divided by the workers is what the wall time would be with the cores to ourselves.
struct Times {
  double min = 0;
  double median = 0;
  double cpu_min = 0;
  double cpu_median = 0;
};

template <class Run>
Times timed(int repeats, Run&& run) {
  std::vector<double> seconds;
  std::vector<double> cpu;
  for (int i = 0; i < repeats; ++i) {
    const auto start = Clock::now();
    const double cpu_start = cpu_seconds();
    run();
    seconds.push_back(seconds_since(start));
    cpu.push_back(cpu_seconds() - cpu_start);
  }
  std::sort(seconds.begin(), seconds.end());
  std::sort(cpu.begin(), cpu.end());
  return {seconds.front(), seconds[seconds.size() / 2], cpu.front(), cpu[cpu.size() / 2]};
}

// The round-one pass, for comparison: every state of the space tested, each image set atomically.
template <class Stepper>
CyclicStates round_one_cyclic_states(const Stepper& stepper, std::uint64_t states, std::vector<std::uint64_t>& from,
                                     std::vector<std::uint64_t>& to) {
  const std::uint64_t words = (states + 63) / 64;
  from.assign(words, ~std::uint64_t{0});
  CyclicStates found;
  for (std::uint64_t size = states;;) {
    to.assign(words, 0);
    const SharedBits source(from.data());
    const SharedBits target(to.data());
    for (std::uint64_t state = 0; state < states; ++state)
      if (source.test(state)) target.claim(stepper.next(state));
    found.count = 0;
    for (const std::uint64_t word : to) found.count += static_cast<std::uint64_t>(std::popcount(word));
    if (found.count == size) return found;
    size = found.count;
    ++found.longest_tail;
    std::swap(from, to);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
  const int workers = argc > 2 ? std::max(1, std::atoi(argv[2])) : 2;
  const int degree = argc > 3 ? std::clamp(std::atoi(argv[3]), 2, 20) : 16;
  const Field gf2 = Field::from_order(2);
  const PolynomialScan scan(gf2, degree, false);
  std::vector<BatchRegister> registers;
  std::vector<LinearMap> singular;
  for (std::uint64_t i = 0; i < scan.size(); ++i) {
    const Lfsr lfsr{scan.at(i)};
    registers.push_back(lfsr);
    if (lfsr.polynomial.coefficient(0) == 0) singular.push_back(linear_map_of(lfsr));
  }
  fmt::print("{} registers of degree {} over GF(2), {} singular; {} workers, {} CPUs; min (median) of {} runs\n",
             registers.size(), degree, singular.size(), workers, std::thread::hardware_concurrency(), repeats);

  BatchOptions options;
  options.method = "enumerate";
  options.named_states = false;  // as --summary
  const auto runner = make_thread_runner(workers);
  std::uint64_t maximal = 0;
  const Times scan_time = timed(repeats, [&] {
    CycleTypeSummary summary;
    analyze_batch(registers, *runner, options,
                  [&](std::size_t i, BatchOutcome&& outcome) { summary.add(registers[i], outcome.result); });
    maximal = summary.maximal_length;
  });

  // The image passes alone, one register after another on one thread, as a scan worker runs them.
  const auto sequential = make_sequential_runner();
  std::uint64_t cyclic_total = 0;
  std::uint64_t tail_total = 0;
  const Times pass_time = timed(repeats, [&] {
    cyclic_total = tail_total = 0;
    for (const LinearMap& map : singular) {
      SharedArena::instance().reset();
      EnumerationLayout layout;
      layout.states = layout.chunk_states = map.state_count();
      const CyclicStates found = find_cyclic_states(map, *sequential, layout);
      cyclic_total += found.count;
      tail_total += found.longest_tail;
    }
  });
  std::uint64_t round_one_cyclic = 0;
  std::uint64_t round_one_tails = 0;
  std::vector<std::uint64_t> from;
  std::vector<std::uint64_t> to;
  const Times round_one_time = timed(repeats, [&] {
    round_one_cyclic = round_one_tails = 0;
    for (const LinearMap& map : singular) {
      const CyclicStates found = with_stepper(
          map, [&](const auto& stepper) { return round_one_cyclic_states(stepper, map.state_count(), from, to); });
      round_one_cyclic += found.count;
      round_one_tails += found.longest_tail;
    }
  });

  fmt::print(
      "scan by enumeration, {} workers: wall {:.3f} s ({:.3f} s); processor {:.3f} s ({:.3f} s), / {} = {:.3f} s; "
      "{} maximal length\n",
      workers, scan_time.min, scan_time.median, scan_time.cpu_min, scan_time.cpu_median, workers,
      scan_time.cpu_median / workers, maximal);
  fmt::print("image passes, singular registers, 1 thread: {:.3f} s ({:.3f} s), processor {:.3f} s, {} passes\n",
             pass_time.min, pass_time.median, pass_time.cpu_median, tail_total + singular.size());
  fmt::print("round-one image pass, same registers:       {:.3f} s ({:.3f} s), processor {:.3f} s{}\n",
             round_one_time.min, round_one_time.median, round_one_time.cpu_median,
             round_one_cyclic == cyclic_total && round_one_tails == tail_total ? "" : "  MISMATCH with the passes");
  fmt::print("image passes' share of the scan's processor time: {:.1f}% (the round-one pass would add {:.1f}%)\n",
             100 * pass_time.cpu_median / scan_time.cpu_median,
             100 * (round_one_time.cpu_median - pass_time.cpu_median) / scan_time.cpu_median);
  fmt::print("round-one pass / this pass: {:.1f}x (processor time)\n",
             round_one_time.cpu_median / pass_time.cpu_median);
  return 0;
}
