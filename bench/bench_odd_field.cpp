// Whole sequential enumeration over GF(q), q odd or a power of 2, against the plain GF(2) loop at
// n = 24 timed in the same run. Prints states per second and each rate as a ratio; never asserts.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/stepper.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/primitive_search.hpp"
#include "plain_loop.hpp"

using namespace lfsr;
using lfsr::bench::Clock;
using lfsr::bench::median;
using lfsr::bench::plain_loop;
using lfsr::bench::seconds_since;

namespace {

struct Case {
  std::string label;
  LinearMap map;
  std::vector<double> seconds;
  std::uint64_t cycles = 0;
};

double minimum(std::vector<double> values) { return *std::min_element(values.begin(), values.end()); }
}  // namespace

int main(int argc, char** argv) {
#ifndef NDEBUG
  fmt::print("warning: debug build, figures are not representative\n");
#endif
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  fmt::print(
      "usage: bench_odd_field [repeats=5]; min (median) of {} rounds, sequential, Fibonacci, default primitive\n",
      repeats);
  const LinearMap plain_map = linear_map_of(Lfsr{default_maximal_polynomial(24)});
  std::vector<Case> cases;
  for (const auto& [q, n] : std::vector<std::pair<int, int>>{
           {2, 24}, {4, 12}, {16, 6}, {256, 3}, {3, 15}, {5, 10}, {7, 9}, {3, 14}, {9, 7}}) {
    const Field field = Field::from_order(static_cast<std::uint64_t>(q));
    cases.push_back(
        {fmt::format("GF({}) n = {}", q, n), linear_map_of(Lfsr{default_primitive_polynomial(n, field)}), {}, 0});
  }
  const auto runner = make_sequential_runner();
  std::vector<double> plain_seconds;
  std::uint64_t plain_cycles = 0;
  // Rounds interleave the cases, so that a change of load on the machine hits them all alike.
  for (int round = 0; round < repeats; ++round) {
    auto start = Clock::now();
    plain_cycles =
        with_stepper(plain_map, [&](const auto& stepper) { return plain_loop(stepper, plain_map.state_count()); });
    plain_seconds.push_back(seconds_since(start));
    for (Case& c : cases) {
      start = Clock::now();
      c.cycles = enumerate(c.map, *runner).total_cycles().get_ui();
      c.seconds.push_back(seconds_since(start));
    }
  }
  const double plain_states = static_cast<double>(plain_map.state_count());
  const double plain_rate = plain_states / minimum(plain_seconds);
  const double plain_median_rate = plain_states / median(plain_seconds);
  fmt::print("{:<22} {:>11} {:>8} {:>10} {:>10} {:>10} {:>14}\n", "register", "states", "cycles", "min s", "median s",
             "states/s", "ratio (median)");
  fmt::print("{:<22} {:>11} {:>8} {:>10.4f} {:>10.4f} {:>10.3g} {:>7.2f} ({:.2f})\n", "plain loop GF(2) n = 24",
             plain_map.state_count(), plain_cycles, minimum(plain_seconds), median(plain_seconds), plain_rate, 1.0,
             1.0);
  for (const Case& c : cases) {
    const double states = static_cast<double>(c.map.state_count());
    fmt::print("{:<22} {:>11} {:>8} {:>10.4f} {:>10.4f} {:>10.3g} {:>7.2f} ({:.2f})\n", c.label, c.map.state_count(),
               c.cycles, minimum(c.seconds), median(c.seconds), states / minimum(c.seconds),
               states / minimum(c.seconds) / plain_rate, states / median(c.seconds) / plain_median_rate);
  }
}
