// Nonlinear feedback registers through the enumeration engine: every field against a brute force on
// a successor table built by a separate simulation, on every runner and by segments; linear feedback
// against the LFSR of its polynomial.
#include <catch2/catch.hpp>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "brute_force.hpp"
#include "engine/small_enumeration.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/feedback.hpp"
#include "lfsr/linear_map.hpp"
#include "sanitizers.hpp"

using namespace lfsr;
using namespace lfsr::testing;

namespace {

// The successor table from F's monomials, evaluated variable by variable (not by the library's
// evaluators), the shift written out cell by cell.
std::vector<std::uint64_t> simulated_successors(const Feedback& feedback) {
  const int n = feedback.bits();
  std::vector<std::uint64_t> next(std::uint64_t{1} << n);
  for (std::uint64_t state = 0; state < next.size(); ++state) {
    std::uint64_t bit = 0;
    for (const Feedback::Monomial monomial : feedback.monomials()) {
      std::uint64_t product = 1;
      for (int j = 0; j < n; ++j)
        if ((monomial >> j) & 1U) product &= (state >> j) & 1U;
      bit ^= product;
    }
    std::uint64_t successor = bit << (n - 1);
    for (int j = 1; j < n; ++j) successor |= ((state >> j) & 1U) << (j - 1);
    next[state] = successor;
  }
  return next;
}

void require_brute_force(const CycleStructure& result, const std::vector<std::uint64_t>& next) {
  REQUIRE(result == brute_force_structure(next));
  const BruteForceStates expected = brute_force_states(next);
  std::map<std::uint64_t, std::uint64_t> smallest_by_length;
  for (const auto& [length, representative] : result.representatives)
    smallest_by_length.emplace(length.get_ui(), representative.state.get_ui());
  REQUIRE(smallest_by_length == expected.smallest_by_length);
  std::optional<std::uint64_t> longest_tail_state;
  if (result.longest_tail_state) longest_tail_state = result.longest_tail_state->get_ui();
  REQUIRE(longest_tail_state == expected.longest_tail_state);
  REQUIRE(result.cycle_list == expected.cycles);
}

// A random F on n bits: `products` random monomials of degree 2..3, `linear` random variables,
// sometimes the constant; invertible ones are x0 + g(x1..).
Feedback random_feedback(int n, bool invertible, std::mt19937_64& random) {
  std::vector<Feedback::Monomial> monomials;
  const auto variable = [&](int low) {
    return Feedback::Monomial{1} << (low + static_cast<int>(random() % (n - low)));
  };
  const int low = invertible && n > 1 ? 1 : 0;
  if (invertible) monomials.push_back(1);
  const int products = static_cast<int>(random() % 5);
  for (int i = 0; i < products && n > 1; ++i) {
    Feedback::Monomial product = variable(low) | variable(low);
    if (random() % 3 == 0) product |= variable(low);
    monomials.push_back(product);
  }
  for (int i = static_cast<int>(random() % 4); i > 0; --i) monomials.push_back(variable(low));
  if (random() % 4 == 0) monomials.push_back(0);
  return Feedback(n, monomials);
}

EnumerationOptions listing() {
  EnumerationOptions options;
  options.list_cycles = true;
  return options;
}

std::vector<std::unique_ptr<Runner>> every_runner() {
  std::vector<std::unique_ptr<Runner>> runners;
  runners.push_back(make_sequential_runner());
  runners.push_back(make_thread_runner(2));
  runners.push_back(make_fork_runner(2));
  return runners;
}

}  // namespace

TEST_CASE("feedback registers: every field equals the brute force on every runner", "[feedback-enumeration]") {
  std::mt19937_64 random(15);
  const auto runners = every_runner();
  for (int n = 1; n <= 12; ++n) {
    for (int trial = 0; trial < 12; ++trial) {
      const Feedback feedback = random_feedback(n, trial % 2 == 0, random);
      CAPTURE(n, feedback.to_string());
      REQUIRE(Transition(feedback).is_invertible() == feedback.is_invertible());
      const std::vector<std::uint64_t> next = simulated_successors(feedback);
      require_brute_force(enumerate_small(feedback, true), next);
      for (const auto& runner : runners) {
        CAPTURE(mode_name(runner->mode()));
        // Small chunks, so that walks cross chunk boundaries even in these small spaces.
        const EnumerationOptions options{.chunk_states = 64, .list_cycles = true, .on_progress = {}};
        require_brute_force(enumerate(feedback, *runner, options), next);
      }
    }
  }
}

TEST_CASE("feedback registers: the published example and a singular register by hand", "[feedback-enumeration]") {
  const auto runner = make_sequential_runner();
  // x0 + x1 + x2 + x1*x2 on 4 bits: a permutation.
  const CycleStructure example = enumerate(parse_feedback("x0+x1+x2+x1*x2", 4), *runner);
  REQUIRE(example.transient_states == 0);
  require_brute_force(enumerate(parse_feedback("x0+x1+x2+x1*x2", 4), *runner, listing()),
                      simulated_successors(parse_feedback("x0+x1+x2+x1*x2", 4)));
  // F = x1*x2 on 3 bits reads no x0: states 2k and 2k+1 share a successor, half the states have none.
  const Feedback singular = parse_feedback("x1*x2", 3);
  REQUIRE_FALSE(singular.is_invertible());
  const CycleStructure result = enumerate(singular, *runner, listing());
  require_brute_force(result, simulated_successors(singular));
  REQUIRE(result.transient_states > 0);
}

TEST_CASE("feedback registers: 2^16 to 2^20 states on every runner and by segments",
          "[feedback-enumeration][threads]") {
  std::mt19937_64 random(24);
  const auto local = make_sequential_runner();
  const auto runners = every_runner();
  for (const int n : {16, under_sanitizer ? 17 : 20}) {
    for (int trial = 0; trial < 4; ++trial) {
      const Feedback feedback = random_feedback(n, trial % 2 == 0, random);
      CAPTURE(n, feedback.to_string());
      const EnumerationOptions options = listing();
      const CycleStructure expected = enumerate(feedback, *local, options);
      if (n == 16) require_brute_force(expected, simulated_successors(feedback));
      for (const auto& runner : runners) {
        CAPTURE(mode_name(runner->mode()));
        const CycleStructure got = enumerate(feedback, *runner, options);
        REQUIRE(got == expected);
        REQUIRE(got.representatives == expected.representatives);
        REQUIRE(got.longest_tail_state == expected.longest_tail_state);
        REQUIRE(got.cycle_list == expected.cycle_list);
        EnumerationOptions segments = options;
        segments.segment_bits = n - 6;
        const CycleStructure by_segments = enumerate_by_segments(feedback, *runner, *local, segments);
        REQUIRE(by_segments == expected);
        REQUIRE(by_segments.representatives == expected.representatives);
        REQUIRE(by_segments.longest_tail_state == expected.longest_tail_state);
        REQUIRE(by_segments.cycle_list == expected.cycle_list);
      }
    }
  }
}

TEST_CASE("linear feedback gives exactly the LFSR of its polynomial", "[feedback-enumeration]") {
  std::mt19937_64 random(7);
  const auto runner = make_thread_runner(2);
  for (int n = 1; n <= 18; ++n) {
    for (int trial = 0; trial < 6; ++trial) {
      std::vector<Feedback::Monomial> taps;
      for (int j = 0; j < n; ++j)
        if (random() % 2 == 0) taps.push_back(Feedback::Monomial{1} << j);
      const Feedback feedback(n, taps);
      CAPTURE(n, feedback.to_string());
      const LinearMap map = linear_map_of(Lfsr{feedback.characteristic_polynomial(), Form::fibonacci});
      const EnumerationOptions options = listing();
      const CycleStructure expected = enumerate(map, *runner, options);
      const CycleStructure got = enumerate(feedback, *runner, options);
      REQUIRE(got == expected);
      REQUIRE(got.representatives == expected.representatives);
      REQUIRE(got.longest_tail_state == expected.longest_tail_state);
      REQUIRE(got.cycle_list == expected.cycle_list);
    }
  }
}
