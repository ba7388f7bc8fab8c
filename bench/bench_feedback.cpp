// States per second of the compiled feedback evaluators on 24-bit quadratic NLFSRs of 4-6 terms,
// against the GF(2) Fibonacci LFSR kernel timed in the same rounds. Prints figures; never asserts.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bench_clock.hpp"
#include "engine/feedback_stepper.hpp"
#include "engine/stepper.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/feedback.hpp"
#include "lfsr/linear_map.hpp"
#include "plain_loop.hpp"

using namespace lfsr;
using lfsr::bench::Clock;
using lfsr::bench::median;
using lfsr::bench::seconds_since;

namespace {

// `steps` dependent steps from state 1, as a cycle walk makes them.
template <class Stepper>
std::uint64_t chain(const Stepper& stepper, std::uint64_t steps) {
  std::uint64_t state = 1;
  for (std::uint64_t i = 0; i < steps; ++i) state = stepper.next(state);
  return state;
}

// The same number of steps as 8 independent walks stepped together (next_lanes), as the engine's
// long walks go.
template <class Stepper>
std::uint64_t lanes(const Stepper& stepper, std::uint64_t steps) {
  std::array<std::uint64_t, 8> states{1, 2, 3, 4, 5, 6, 7, 8};
  for (std::uint64_t i = 0; i < steps / states.size(); ++i) stepper.next_lanes(states);
  return states[0] ^ states[7];
}

// The LFSR kernel has no next_lanes: 8 independent next() calls a round.
std::uint64_t lfsr_lanes(const Gf2FibonacciStepper& stepper, std::uint64_t steps) {
  std::array<std::uint64_t, 8> states{1, 2, 3, 4, 5, 6, 7, 8};
  for (std::uint64_t i = 0; i < steps / states.size(); ++i) {
    for (std::uint64_t& state : states) state = stepper.next(state);
  }
  return states[0] ^ states[7];
}

struct Timing {
  std::string name;
  std::function<std::uint64_t()> run;
  std::vector<double> seconds;
};

}  // namespace

int main(int argc, char** argv) {
#ifndef NDEBUG
  fmt::print("warning: debug build, figures are not representative\n");
#endif
  const int repeats = argc > 1 ? std::atoi(argv[1]) : 5;
  constexpr int n = 24;
  constexpr std::uint64_t states = std::uint64_t{1} << n;
  fmt::print("usage: bench_feedback [repeats=5]; n = {}, {} rounds, every variant once per round\n", n, repeats);
  fmt::print("plain loop: one visited bit per state, every cycle walked (a full enumeration of a permutation)\n");
  fmt::print("engine: enumerate(), the whole report, on one worker or two threads\n");
  fmt::print(
      "chain: 2^24 dependent steps from state 1; 8 lanes: 8 walks x 2^21 steps; bit-sliced: 64 walks x 2^18 steps\n\n");

  const LinearMap lfsr_map = linear_map_of(Lfsr{default_maximal_polynomial(n), Form::fibonacci});
  const Gf2FibonacciStepper lfsr(n, lfsr_map.gf2_taps);
  // The first family of the published lists and wider ones, 4 to 6 terms, all invertible.
  const std::vector<std::string> feedbacks = {
      "x0 + x1 + x3 + x5*x9",
      "x0 + x2 + x4*x7 + x9*x13",
      "x0 + x5 + x1*x2 + x3*x8 + x12*x20",
      "x0 + x1 + x3 + x6 + x10 + x11*x17",
      "x0 + x7 + x4*x9 + x2*x11 + x6*x15 + x13*x22",
  };

  // The engine's full enumeration (enumerate(), every field of the report), on one worker and on
  // two threads, against the same plain LFSR loop.
  const std::unique_ptr<Runner> sequential = make_sequential_runner();
  const std::unique_ptr<Runner> threads = make_thread_runner(2);
  const auto engine = [](const Transition& transition, Runner& runner) {
    return [&transition, &runner] { return enumerate(transition, runner).total_cycles().get_ui(); };
  };
  const Transition lfsr_transition = lfsr_map;

  std::vector<Timing> timings;
  timings.push_back({"LFSR " + default_maximal_polynomial(n).to_string() + " plain loop",
                     [&] { return bench::plain_loop(lfsr, states); },
                     {}});
  timings.push_back({"LFSR chain", [&] { return chain(lfsr, states); }, {}});
  timings.push_back({"LFSR 8 lanes", [&] { return lfsr_lanes(lfsr, states); }, {}});
  timings.push_back({"LFSR engine seq (its word-level walk)", engine(lfsr_transition, *sequential), {}});
  std::vector<Feedback> parsed;
  for (const std::string& text : feedbacks) parsed.push_back(parse_feedback(text, n));
  const std::vector<Transition> transitions(parsed.begin(), parsed.end());
  std::vector<FeedbackStepper> plain_steppers(parsed.begin(), parsed.end());
  std::vector<FeedbackTableStepper> table_steppers(parsed.begin(), parsed.end());
  for (std::size_t f = 0; f < parsed.size(); ++f) {
    const FeedbackStepper& plain = plain_steppers[f];
    const FeedbackTableStepper& table = table_steppers[f];
    const Feedback& feedback = parsed[f];
    timings.push_back({feedbacks[f] + ": engine seq", engine(transitions[f], *sequential), {}});
    timings.push_back({feedbacks[f] + ": engine threads 2", engine(transitions[f], *threads), {}});
    timings.push_back(
        {feedbacks[f] + ": per-monomial plain loop", [&] { return bench::plain_loop(plain, states); }, {}});
    timings.push_back({feedbacks[f] + ": with_feedback_stepper plain loop",
                       [&feedback] {
                         return with_feedback_stepper(feedback,
                                                      [](const auto& s) { return bench::plain_loop(s, states); });
                       },
                       {}});
    timings.push_back(
        {feedbacks[f] + ": with_feedback_stepper chain",
         [&feedback] { return with_feedback_stepper(feedback, [](const auto& s) { return chain(s, states); }); },
         {}});
    timings.push_back(
        {feedbacks[f] + ": with_feedback_stepper 8 lanes",
         [&feedback] { return with_feedback_stepper(feedback, [](const auto& s) { return lanes(s, states); }); },
         {}});
    timings.push_back({feedbacks[f] + ": table plain loop", [&] { return bench::plain_loop(table, states); }, {}});
    timings.push_back({feedbacks[f] + ": per-monomial chain", [&] { return chain(plain, states); }, {}});
    timings.push_back({feedbacks[f] + ": table chain", [&] { return chain(table, states); }, {}});
    timings.push_back({feedbacks[f] + ": bit-sliced 64 walks",
                       [&feedback] {
                         BitSlicedFeedbackWalks walks(feedback);
                         std::array<std::uint64_t, BitSlicedFeedbackWalks::walks> starts{};
                         for (std::size_t w = 0; w < starts.size(); ++w) starts[w] = w + 1;
                         walks.set_states(starts);
                         walks.advance(states / BitSlicedFeedbackWalks::walks);
                         return walks.states()[0];
                       },
                       {}});
  }

  std::uint64_t sink = 0;
  for (int round = 0; round < repeats; ++round) {
    for (Timing& timing : timings) {
      const auto start = Clock::now();
      sink ^= timing.run();
      timing.seconds.push_back(seconds_since(start));
    }
  }
  const double lfsr_loop = median(timings[0].seconds);
  const double lfsr_chain = median(timings[1].seconds);
  const double lfsr_lanes_time = median(timings[2].seconds);
  fmt::print("{:<64} {:>9} {:>9} {:>8} {:>14}\n", "variant", "min s", "median s", "ns/state", "LFSR/variant");
  for (const Timing& timing : timings) {
    const double med = median(timing.seconds);
    const bool loop =
        timing.name.find("plain loop") != std::string::npos || timing.name.find("engine") != std::string::npos;
    const bool in_lanes = timing.name.find("lanes") != std::string::npos;
    fmt::print("{:<64} {:>9.4f} {:>9.4f} {:>8.2f} {:>14.2f}\n", timing.name,
               *std::min_element(timing.seconds.begin(), timing.seconds.end()), med,
               1e9 * med / static_cast<double>(states),
               (loop       ? lfsr_loop
                : in_lanes ? lfsr_lanes_time
                           : lfsr_chain) /
                   med);
  }
  fmt::print(
      "\nLFSR/variant: the LFSR's median time over the variant's (plain loops and the engine's full enumeration\n"
      "against the LFSR plain loop,\n"
      "lanes against the LFSR's 8 lanes, other walks against the LFSR chain); 1 = as fast as the LFSR.{}\n",
      sink == 42 ? " " : "");
  return 0;
}
