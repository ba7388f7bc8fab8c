// The maximum-period search's kernels on samples of the first family at n = 20 and 24: walk steps
// and candidates per second of processor time (one core), ratios to one scalar walk at a time, and
// the projected time of whole families; and whole-family runs with the counts found per n.
// Prints figures; never asserts.
//   bench_nlfsr_search kernels [REPEATS=3 [FILTER [N]]]   every kernel (or those whose name holds FILTER)
//                                              on the same samples at n = 20 and 24 (or N), min/median of REPEATS
//   bench_nlfsr_search counts [MAX_N=20] [FAMILY="x0+xa+xb+xc*xd"]   whole family for n = 3..MAX_N
//   bench_nlfsr_search ranges [N=20] [FAMILY]   the whole family at N searched in ranges of 64..65536
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "bench_clock.hpp"
#include "engine/feedback_stepper.hpp"
#include "engine/maximum_period_walks.hpp"
#include "engine/vector_walk_lanes.hpp"
#include "lfsr/feedback_family.hpp"
#include "lfsr/maximum_period_search.hpp"

using namespace lfsr;
using lfsr::bench::Clock;
using lfsr::bench::median;
using lfsr::bench::cpu_seconds;
using lfsr::bench::seconds_since;

namespace {

struct Range {
  std::uint64_t begin;
  std::uint64_t end;
};

// `blocks` runs of `run` consecutive members spread evenly over the family: every linear pair's
// neighbourhood is sampled, and the kernels with lanes see runs as the real search does.
std::vector<Range> sample(const FeedbackFamily& family, std::uint64_t blocks, std::uint64_t run) {
  std::vector<Range> ranges;
  const std::uint64_t stride = family.count() / blocks;
  for (std::uint64_t b = 0; b < blocks; ++b) ranges.push_back({b * stride, std::min(b * stride + run, family.count())});
  return ranges;
}

// Kernel (a): one walk at a time with the fastest compiled stepper, no short-cycle test.
MaximumPeriodSearchCounts scalar_walks(const FeedbackFamily& family, const std::vector<Range>& ranges) {
  MaximumPeriodSearchCounts counts;
  const std::uint64_t states = std::uint64_t{1} << family.bits();
  for (const Range& range : ranges) {
    for (std::uint64_t index = range.begin; index < range.end; ++index) {
      const Feedback feedback = family.member(index);
      const std::uint64_t limit = feedback.value(0) ? states : states - 1;
      ++counts.candidates;
      ++counts.walks;
      const std::uint64_t steps = with_feedback_stepper(feedback, [&](const auto& stepper) {
        std::uint64_t state = 1;
        std::uint64_t taken = 0;
        do {
          state = stepper.next(state);
          ++taken;
        } while (state != 1 && taken < limit);
        return state == 1 ? taken : 0;
      });
      counts.walk_steps += steps == 0 ? limit : steps;
      counts.found += steps == limit ? 1 : 0;
    }
  }
  return counts;
}

struct Kernel {
  std::string name;
  std::function<MaximumPeriodSearchCounts(const FeedbackFamily&, const std::vector<Range>&)> run;
};

Kernel library_kernel(const std::string& name, MaximumPeriodKernel kernel) {
  return {name, [kernel](const FeedbackFamily& family, const std::vector<Range>& ranges) {
            MaximumPeriodSearchCounts counts;
            for (const Range& range : ranges)
              search_maximum_period_with(family, range.begin, range.end, kernel, counts);
            return counts;
          }};
}

// The whole first family for every n <= 20, on one core, from the time per candidate at n = 20
// with the cost of a candidate taken as proportional to 2^n (a walk's length).
double projected_up_to(int largest, double seconds_per_candidate) {
  double total = 0;
  for (int n = 3; n <= largest; ++n) {
    total += static_cast<double>(FeedbackFamily("x0+xa+xb+xc*xd", n).count()) * seconds_per_candidate *
             std::ldexp(1.0, n - largest);
  }
  return total;
}

void compare_kernels(int repeats, const std::string& only, const std::vector<int>& lengths, std::uint64_t blocks,
                     std::uint64_t run) {
  fmt::print("family x0+xa+xb+xc*xd; processor seconds of this process (one core); min and median of {} rounds\n",
             repeats);
  for (const int n : lengths) {
    const FeedbackFamily family("x0+xa+xb+xc*xd", n);
    const std::vector<Range> ranges = sample(family, blocks, run);
    std::vector<Kernel> kernels = {{"(a) scalar walk, with_feedback_stepper", scalar_walks}};
    for (const int lanes : {1, 4, 8}) {
      kernels.push_back(library_kernel(fmt::format("(b) {} scalar lanes", lanes), {lanes, 0, false, false}));
    }
    kernels.push_back(library_kernel("(c) bit-sliced 64 lanes", {64, 0, false, true}));
    kernels.push_back(library_kernel("(c) bit-sliced 128 lanes (SSE2)", {128, 0, false, true}));
    if (avx2_lanes_available()) {
      kernels.push_back(library_kernel("(c) bit-sliced 256 lanes (AVX2)", {256, 0, true, true}));
      kernels.push_back(library_kernel("(d) AVX2 16 lanes, per-lane shifts", {16, 0, true, false}));
    }
    kernels.push_back(
        library_kernel(fmt::format("(b) 8 scalar lanes + short cycles <= {}", n - 5), {8, n - 5, false, false}));
    for (const int bits : {n - 13, n - 10, n - 7}) {
      kernels.push_back(
          library_kernel(fmt::format("(c) widest bit-sliced + short cycles <= {}", bits), {256, bits, true, true}));
    }
    kernels.push_back(library_kernel("library default (search_maximum_period)", {}));
    // The scalar kernel stays: every ratio is against it.
    std::erase_if(kernels, [&](const Kernel& k) {
      return k.name.find(only) == std::string::npos && k.name.find("(a)") == std::string::npos;
    });
    std::vector<std::vector<double>> seconds(kernels.size());
    std::vector<MaximumPeriodSearchCounts> counts(kernels.size());
    for (int round = 0; round < repeats; ++round) {
      for (std::size_t k = 0; k < kernels.size(); ++k) {
        const double start = cpu_seconds();
        counts[k] = kernels[k].run(family, ranges);
        seconds[k].push_back(cpu_seconds() - start);
      }
    }
    std::uint64_t candidates = counts[0].candidates;
    fmt::print("\nn = {}: {} candidates sampled of {}; {} of maximum period among them\n", n, candidates,
               family.count(), counts[0].found);
    fmt::print("{:<46} {:>8} {:>8} {:>10} {:>8} {:>9} {:>7} {:>12}\n", "kernel", "min s", "median s", "walk Gst/s",
               "walked", "cand/s", "x (a)", "family, 1 core");
    const double scalar = median(seconds[0]);
    for (std::size_t k = 0; k < kernels.size(); ++k) {
      const double med = median(seconds[k]);
      const double per_candidate = med / static_cast<double>(candidates);
      fmt::print("{:<46} {:>8.3f} {:>8.3f} {:>10.3f} {:>7.1f}% {:>9.0f} {:>7.2f} {:>11.0f}s{}\n", kernels[k].name,
                 *std::min_element(seconds[k].begin(), seconds[k].end()), med,
                 1e-9 * static_cast<double>(counts[k].walk_steps) / med,
                 100.0 * static_cast<double>(counts[k].walks) / static_cast<double>(candidates), 1 / per_candidate,
                 scalar / med, per_candidate * static_cast<double>(family.count()),
                 counts[k].found == counts[0].found ? "" : "  (found differs!)");
      if (n == 20 && kernels[k].name.starts_with("library")) {
        fmt::print("  projected, whole family for every n <= 20 on one core: {:.1f} s\n",
                   projected_up_to(20, per_candidate));
      }
    }
  }
  fmt::print(
      "\nwalk Gst/s: register steps of the walks from state 1 per second (short-cycle tests not counted);\n"
      "walked: candidates left for a walk after the short-cycle test (100% without it);\n"
      "x (a): the scalar kernel's median time over the kernel's;\n"
      "family, 1 core: the whole family at this n, projected from the sample's time per candidate.\n");
}

void whole_families(int largest, const std::string& name) {
  fmt::print("family {}, n = 3..{}, search_maximum_period on one core\n", name, largest);
  fmt::print("{:>3} {:>12} {:>12} {:>8} {:>12} {:>12} {:>10} {:>10}\n", "n", "members", "2^n - 1", "2^n", "walked",
             "short-cyc.", "cpu s", "wall s");
  double total = 0;
  for (int n = 3; n <= largest; ++n) {
    const FeedbackFamily family(name, n);
    MaximumPeriodSearchCounts counts;
    const double start = cpu_seconds();
    const auto wall = Clock::now();
    const auto found = search_maximum_period(family, 0, family.count(), counts);
    const double cpu = cpu_seconds() - start;
    total += cpu;
    const auto de_bruijn =
        std::count_if(found.begin(), found.end(), [n](const auto& m) { return m.period == (std::uint64_t{1} << n); });
    fmt::print("{:>3} {:>12} {:>12} {:>8} {:>12} {:>12} {:>10.3f} {:>10.3f}\n", n, family.count(),
               found.size() - static_cast<std::size_t>(de_bruijn), de_bruijn, counts.walks, counts.short_cycle_rejects,
               cpu, seconds_since(wall));
    if (n >= 12 && !found.empty() && found.size() <= 4) {
      for (const auto& member : found) fmt::print("      {:>12}  {}\n", member.index, member.feedback.to_string());
    }
  }
  fmt::print("total processor seconds: {:.2f}\n", total);
}

// The whole family at one n searched in ranges of each size, as runners split it: the lanes of the
// fast kernels idle at the end of each range, so small ranges cost more.
void range_sizes(int n, const std::string& name) {
  const FeedbackFamily family(name, n);
  fmt::print("family {}, n = {}, {} members, searched in ranges of each size on one core\n", name, n, family.count());
  fmt::print("{:>10} {:>10} {:>8}\n", "range", "cpu s", "found");
  for (const std::uint64_t size : {64, 256, 1024, 4096, 16384, 65536}) {
    std::size_t found = 0;
    const double start = cpu_seconds();
    for (std::uint64_t begin = 0; begin < family.count(); begin += size) {
      found += search_maximum_period(family, begin, std::min(begin + size, family.count())).size();
    }
    fmt::print("{:>10} {:>10.3f} {:>8}\n", size, cpu_seconds() - start, found);
  }
}

}  // namespace

int main(int argc, char** argv) {
#ifndef NDEBUG
  fmt::print("warning: debug build, figures are not representative\n");
#endif
  const std::string mode = argc > 1 ? argv[1] : "kernels";
  if (mode == "kernels") {
    std::vector<int> lengths{20, 24};
    if (argc > 4) lengths = {std::atoi(argv[4])};
    const std::uint64_t blocks = argc > 5 ? std::strtoull(argv[5], nullptr, 10) : 4;
    const std::uint64_t run = argc > 6 ? std::strtoull(argv[6], nullptr, 10) : 512;
    compare_kernels(argc > 2 ? std::atoi(argv[2]) : 3, argc > 3 ? argv[3] : "", lengths, blocks, run);
  } else if (mode == "counts") {
    whole_families(argc > 2 ? std::atoi(argv[2]) : 20, argc > 3 ? argv[3] : "x0+xa+xb+xc*xd");
  } else if (mode == "ranges") {
    range_sizes(argc > 2 ? std::atoi(argv[2]) : 20, argc > 3 ? argv[3] : "x0+xa+xb+xc*xd");
  } else {
    fmt::print(stderr,
               "usage: bench_nlfsr_search kernels [REPEATS [FILTER [N [BLOCKS [RUN]]]]] | counts [MAX_N [FAMILY]] |\n"
               "       ranges [N [FAMILY]]\n");
    return 2;
  }
  return 0;
}
