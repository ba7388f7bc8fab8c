// Odd characteristic: long chains are walked in interleaved lanes from random starts. Their cycles,
// smallest states and cycle lists against the brute force, in every runner, for permutations and
// singular maps over GF(p) and GF(p^k).
#include <catch2/catch.hpp>
#include <random>

#include "brute_force.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/primitive_search.hpp"

using namespace lfsr;
using namespace lfsr::testing;

namespace {

CycleStructure enumerate_listing(const Lfsr& lfsr, Runner& runner, std::uint64_t chunk_states = 0) {
  return enumerate(linear_map_of(lfsr), runner, {.chunk_states = chunk_states, .list_cycles = true, .on_progress = {}});
}

void require_brute_force(const CycleStructure& result, const std::vector<std::uint64_t>& next) {
  REQUIRE(result == brute_force_structure(next));
  const BruteForceStates expected = brute_force_states(next);
  REQUIRE(result.cycle_list == expected.cycles);
  REQUIRE(result.representatives.size() == expected.smallest_by_length.size());
  for (const auto& [length, representative] : result.representatives)
    REQUIRE(representative.state.get_ui() == expected.smallest_by_length.at(length.get_ui()));
  if (result.longest_tail_state) REQUIRE(result.longest_tail_state->get_ui() == expected.longest_tail_state);
}

}  // namespace

TEST_CASE("interleaved walks over odd characteristic equal the brute force in every runner", "[enumerate][threads]") {
  // Spaces of 2^13 - 2^16 states: chains past the mark budget of 4096 states, so the lanes run.
  const auto sequential = make_sequential_runner();
  const auto threads = make_thread_runner(3);
  const auto forks = make_fork_runner(2);
  std::mt19937_64 random(1331);
  for (const auto& [q, n] : std::vector<std::pair<std::uint64_t, int>>{{3, 9}, {3, 10}, {5, 6}, {7, 5}, {9, 5}}) {
    const Field field = Field::from_order(q);
    for (int trial = 0; trial < 6; ++trial) {
      std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n) + 1);
      for (auto& c : coefficients) c = static_cast<std::uint32_t>(random() % q);
      coefficients.back() = 1;
      if (trial % 3 == 2)
        coefficients.front() = 0;  // singular: tails, and cycles only on the image
      else if (coefficients.front() == 0)
        coefficients.front() = 1;
      const Lfsr lfsr{Polynomial(field, coefficients), trial % 2 == 0 ? Form::fibonacci : Form::galois};
      CAPTURE(q, lfsr.polynomial.to_string(), form_name(lfsr.form));
      const std::vector<std::uint64_t> next = successors_by_ntl(lfsr);
      require_brute_force(enumerate_listing(lfsr, *sequential), next);
      require_brute_force(enumerate_listing(lfsr, *threads, 4096), next);
      require_brute_force(enumerate_listing(lfsr, *forks), next);
    }
  }
}

TEST_CASE("interleaved walks split cycles far longer than the mark budget over GF(3), GF(5) and GF(7)", "[enumerate]") {
  const auto sequential = make_sequential_runner();
  const auto threads = make_thread_runner(2);
  for (const auto& [q, n] : std::vector<std::pair<std::uint64_t, int>>{{3, 11}, {5, 7}, {7, 6}}) {
    const Lfsr lfsr{default_primitive_polynomial(n, Field::from_order(q))};
    CAPTURE(q, lfsr.polynomial.to_string());
    const std::vector<std::uint64_t> next = successors_by_ntl(lfsr);
    require_brute_force(enumerate_listing(lfsr, *sequential), next);
    require_brute_force(enumerate_listing(lfsr, *threads, 1 << 14), next);
    // One cycle through every nonzero state: many lanes take part in it.
    REQUIRE(brute_force_structure(next).cycles.rbegin()->first == linear_map_of(lfsr).state_count() - 1);
  }
}
