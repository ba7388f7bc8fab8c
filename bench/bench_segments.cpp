// Enumeration by segments against the claim-based engine on one register (default
// x^32+x^31+x^4+x^3+x+1 = (x+1)(x^31+x^3+1)), with 1 and 2 threads and 2 forked workers, timed in one run: min and
// median of wall and processor seconds, and the ratios. Prints figures; never asserts.
// Usage: bench_segments [polynomial] [repeats]
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_clock.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/lfsr.hpp"

using namespace lfsr;
using lfsr::bench::Clock;
using lfsr::bench::cpu_seconds;
using lfsr::bench::seconds_since;

namespace {

struct Figures {
  std::vector<double> wall;
  std::vector<double> cpu;
  static double min(std::vector<double> v) { return *std::min_element(v.begin(), v.end()); }
  static double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  }
};

template <class Run>
Figures time_runs(int repeats, Run&& run) {
  Figures figures;
  for (int i = 0; i < repeats; ++i) {
    const auto wall_start = Clock::now();
    const double cpu_start = cpu_seconds();
    run();
    figures.cpu.push_back(cpu_seconds() - cpu_start);
    figures.wall.push_back(seconds_since(wall_start));
  }
  return figures;
}

void print(const char* name, const Figures& f) {
  fmt::print("{:<34} wall min {:.3f} median {:.3f} s   cpu min {:.3f} median {:.3f} s\n", name, Figures::min(f.wall),
             Figures::median(f.wall), Figures::min(f.cpu), Figures::median(f.cpu));
}

}  // namespace

int main(int argc, char** argv) {
  const std::string text = argc > 1 ? argv[1] : "x^32+x^31+x^4+x^3+x+1";
  const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const LinearMap map = linear_map_of(Lfsr{parse_polynomial(text, Field::from_order(2))});
  const auto local = make_sequential_runner();
  const auto one = make_thread_runner(1);
  const auto two = make_thread_runner(2);
  // Forked workers return their chunks' bytes over sockets, as cluster ranks do over MPI.
  const auto forked = make_fork_runner(2);
  const CycleStructure expected = enumerate(map, *one);
  if (!(enumerate_by_segments(map, *two, *local) == expected)) {
    fmt::print(stderr, "enumerate_by_segments disagrees with enumerate\n");
    return 1;
  }
  fmt::print("{}: {} repeats, interleaved\n", text, repeats);
  Figures engine1, engine2, segments1, segments2, segments_forked;
  // Interleaved, so that a change of load on the machine touches every variant alike.
  for (int i = 0; i < repeats; ++i) {
    const auto add = [](Figures& into, const Figures& one_run) {
      into.wall.push_back(one_run.wall[0]);
      into.cpu.push_back(one_run.cpu[0]);
    };
    add(engine1, time_runs(1, [&] { enumerate(map, *one); }));
    add(engine2, time_runs(1, [&] { enumerate(map, *two); }));
    add(segments1, time_runs(1, [&] { enumerate_by_segments(map, *one, *local); }));
    add(segments2, time_runs(1, [&] { enumerate_by_segments(map, *two, *local); }));
    add(segments_forked, time_runs(1, [&] { enumerate_by_segments(map, *forked, *local); }));
  }
  print("enumerate, 1 thread", engine1);
  print("enumerate, 2 threads", engine2);
  print("enumerate_by_segments, 1 thread", segments1);
  print("enumerate_by_segments, 2 threads", segments2);
  // Processor time of this process only: the forked workers' is not counted.
  print("enumerate_by_segments, fork 2", segments_forked);
  const auto ratio = [](const Figures& a, const Figures& b) {
    return fmt::format("min {:.2f}, median {:.2f}", Figures::min(a.wall) / Figures::min(b.wall),
                       Figures::median(a.wall) / Figures::median(b.wall));
  };
  fmt::print("segments 2 threads vs enumerate 1 thread (wall): {}\n", ratio(engine1, segments2));
  fmt::print("segments 1 thread vs enumerate 1 thread (wall):  {}\n", ratio(engine1, segments1));
  fmt::print("segments 2 threads vs segments 1 thread (wall):  {}\n", ratio(segments1, segments2));
  fmt::print("segments fork 2 vs enumerate 1 thread (wall):    {}\n", ratio(engine1, segments_forked));
  return 0;
}
