// The states enumeration names (smallest state per cycle length, the cycle list, the longest-tail
// state) against the brute force, and the same in every runner, worker count and chunk size.
#include <catch2/catch.hpp>
#include <random>

#include "brute_force.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/matrix.hpp"
#include "many/batch.hpp"

using namespace lfsr;
using namespace lfsr::testing;

namespace {

CycleStructure enumerate_listing(const LinearMap& map, Runner& runner, std::uint64_t chunk_states = 0) {
  return enumerate(map, runner, {.chunk_states = chunk_states, .list_cycles = true, .on_progress = {}});
}

// What the engine reported, in the brute force's terms.
BruteForceStates named_states(const CycleStructure& result) {
  BruteForceStates named;
  named.cycles = result.cycle_list;
  for (const auto& [length, representative] : result.representatives) {
    REQUIRE(representative.minimal_polynomial.empty());  // enumeration does not compute them
    named.smallest_by_length.emplace(length.get_ui(), representative.state.get_ui());
  }
  if (result.longest_tail_state) named.longest_tail_state = result.longest_tail_state->get_ui();
  return named;
}

void require_same_states(const BruteForceStates& found, const BruteForceStates& expected) {
  REQUIRE(found.smallest_by_length == expected.smallest_by_length);
  REQUIRE(found.longest_tail_state == expected.longest_tail_state);
  REQUIRE(found.cycles == expected.cycles);
}

void require_brute_force_states(const CycleStructure& result, const std::vector<std::uint64_t>& next) {
  REQUIRE(result == brute_force_structure(next));
  REQUIRE(result.representatives.size() == result.cycles.size());
  require_same_states(named_states(result), brute_force_states(next));
}

// A random n x n matrix over the field: plain, with a zero row (singular), or strictly upper
// triangular under a random permutation of the coordinates (nilpotent, long tails), by `kind`.
std::vector<std::uint32_t> random_entries(const Field& field, int n, int kind, std::mt19937_64& random) {
  std::vector<std::uint32_t> entries(static_cast<std::size_t>(n * n));
  for (auto& entry : entries) entry = static_cast<std::uint32_t>(random() % field.q());
  const auto at = [&](int row, int col) -> std::uint32_t& { return entries[static_cast<std::size_t>(row * n + col)]; };
  if (kind == 1) {
    for (int col = 0; col < n; ++col) at(static_cast<int>(random() % static_cast<unsigned>(n)), col) = 0;
  } else if (kind == 2) {
    std::vector<int> order(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i;
    std::shuffle(order.begin(), order.end(), random);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j <= i; ++j) at(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]) = 0;
  }
  return entries;
}

}  // namespace

TEST_CASE("enumeration names the smallest states of the brute force for every small polynomial", "[representatives]") {
  const auto form = GENERATE(Form::fibonacci, Form::galois);
  const auto [q, max_degree] =
      GENERATE(std::pair{2U, 9}, std::pair{3U, 5}, std::pair{4U, 4}, std::pair{5U, 3}, std::pair{9U, 2});
  const Field field = Field::from_order(q);
  const auto runner = make_sequential_runner();
  for (int n = 1; n <= max_degree; ++n) {
    for (const Polynomial& f : all_polynomials(field, n)) {
      const Lfsr lfsr{f, form};
      CAPTURE(q, f.to_string(), form_name(form));
      require_brute_force_states(enumerate_listing(linear_map_of(lfsr), *runner), successors_by_ntl(lfsr));
    }
  }
}

TEST_CASE("enumeration names the smallest states of the brute force for random matrices", "[representatives]") {
  const auto q = GENERATE(2U, 3U, 4U, 5U);
  const Field field = Field::from_order(q);
  const auto runner = make_sequential_runner();
  std::mt19937_64 random(q + 500);
  for (int trial = 0; trial < 60; ++trial) {
    int n = 1;
    for (std::uint64_t states = q; states * q <= 4096 && random() % 4 != 0; states *= q) ++n;
    const std::vector<std::uint32_t> entries = random_entries(field, n, trial % 3, random);
    CAPTURE(q, n, entries);
    require_brute_force_states(enumerate_listing(linear_map_of(field, n, entries), *runner),
                               matrix_successors_by_ntl(field, n, entries));
  }
}

TEST_CASE("long cycles: the smallest state is found in word-level and per-state walks", "[representatives][threads]") {
  // Cycles past the walks' mark budget of 4096 states: the unmarked part of a chain is walked 64
  // states a round (GF(2) Fibonacci, only candidate windows compared) or state by state.
  const Field gf2 = Field::from_order(2);
  const Field gf3 = Field::from_order(3);
  std::vector<Lfsr> registers = {
      {parse_polynomial("x^16+x^14+x^13+x^11+1", gf2)}, {parse_polynomial("x^16+x^14+x^13+x^11+1", gf2), Form::galois},
      {parse_polynomial("x^18+x^17+x^4+x^3+x+1", gf2)},  // (x+1)(x^17+x^3+1): a failed count proof
      {parse_polynomial("x^17+x^16+x^5+x^4+x^2", gf2)},  // singular, with long cycles
      {parse_polynomial("x^10+x^9+x^7+x^5+x+1", gf3)},
  };
  std::mt19937_64 random(2025);
  for (int trial = 0; trial < 6; ++trial) {
    const int n = 14 + trial % 3;
    std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n) + 1);
    for (auto& c : coefficients) c = static_cast<std::uint32_t>(random() & 1U);
    coefficients.back() = 1;
    if (trial % 4 != 0) coefficients.front() = 1;
    registers.push_back({Polynomial(gf2, coefficients), trial % 2 == 0 ? Form::fibonacci : Form::galois});
  }
  const auto sequential = make_sequential_runner();
  const auto threads = make_thread_runner(3);
  for (const Lfsr& lfsr : registers) {
    CAPTURE(lfsr.polynomial.to_string(), form_name(lfsr.form));
    const std::vector<std::uint64_t> next = successors_by_ntl(lfsr);
    const LinearMap map = linear_map_of(lfsr);
    require_brute_force_states(enumerate_listing(map, *sequential), next);
    require_brute_force_states(enumerate_listing(map, *threads, 4096), next);
  }
}

TEST_CASE("the states named are the same in every runner, worker count and chunk size", "[representatives][threads]") {
  const Field gf2 = Field::from_order(2);
  const Field gf3 = Field::from_order(3);
  const Field gf4 = Field::from_order(4);
  std::vector<std::pair<LinearMap, std::vector<std::uint64_t>>> cases;
  for (const Lfsr& lfsr : std::vector<Lfsr>{
           {parse_polynomial("x^15+x+1", gf2)},
           {parse_polynomial("x^14+1", gf2)},
           {parse_polynomial("x^15+x^14+x^3+x^2", gf2)},
           {parse_polynomial("x^16+x^15+x^4+x^3+x+1", gf2)},
           {parse_polynomial("x^12+x^11+x^6+1", gf2), Form::galois},
           {parse_polynomial("x^8+2*x^3+x+1", gf3)},
           {parse_polynomial("x^7+x^5+2*x^2", gf3), Form::galois},
           {parse_polynomial("x^5+a*x^2+x", gf4)},
       })
    cases.emplace_back(linear_map_of(lfsr), successors_by_ntl(lfsr));
  std::mt19937_64 random(77);
  const std::vector<std::uint32_t> singular = random_entries(gf3, 7, 1, random);
  cases.emplace_back(linear_map_of(gf3, 7, singular), matrix_successors_by_ntl(gf3, 7, singular));

  for (const auto& [map, next] : cases) {
    const BruteForceStates expected = brute_force_states(next);
    const std::uint64_t states = map.state_count();
    CAPTURE(map.p, map.dimension, map.matrix);
    std::vector<std::unique_ptr<Runner>> runners;
    runners.push_back(make_sequential_runner());
    for (int workers : {1, 2, 3, 5}) {
      runners.push_back(make_thread_runner(workers));
      runners.push_back(make_fork_runner(workers));
    }
    {
      for (const auto& runner : runners) {
        for (std::uint64_t chunk :
             {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{7}, std::uint64_t{1000}, std::uint64_t{4096}}) {
          // Every chunk is a round trip to a worker: the smallest chunks only on small spaces.
          if (chunk != 0 && states / chunk > 5000) continue;
          CAPTURE(mode_name(runner->mode()), runner->workers(), chunk);
          require_same_states(named_states(enumerate_listing(map, *runner, chunk)), expected);
        }
      }
    }
  }
}

TEST_CASE("without list_cycles no cycle is listed, and representatives are still named", "[representatives]") {
  const Lfsr lfsr{parse_polynomial("x^6+x^3+1", Field::from_order(2))};
  const CycleStructure result = enumerate(linear_map_of(lfsr), *make_sequential_runner());
  REQUIRE(result.cycle_list.empty());
  REQUIRE(result.representatives.size() == result.cycles.size());
  REQUIRE_FALSE(result.longest_tail_state);
  const BruteForceStates expected = brute_force_states(successors_by_ntl(lfsr));
  REQUIRE(named_states(result).smallest_by_length == expected.smallest_by_length);
}

TEST_CASE("a batch carries the named states from its workers", "[representatives]") {
  // Whole registers are enumerated inside forked workers; their results cross a pipe.
  const Field gf3 = Field::from_order(3);
  std::vector<BatchRegister> registers;
  for (const char* text : {"x^6+x^3+1", "x^8+x^4+x^3+x^2", "x^5", "x^7+x^6+2*x^2"})
    registers.push_back(Lfsr{parse_polynomial(text, gf3)});
  const auto runner = make_fork_runner(2);
  BatchOptions options;
  options.method = "enumerate";
  std::size_t reported = 0;
  analyze_batch(registers, *runner, options, [&](std::size_t i, BatchOutcome&& outcome) {
    CAPTURE(registers[i].text());
    REQUIRE(outcome.ok());
    const CycleStructure direct = enumerate(registers[i].transition(), *make_sequential_runner());
    // The batch adds each state's minimal polynomial; the states themselves are the engine's.
    std::map<mpz_class, mpz_class> batch_states;
    std::map<mpz_class, mpz_class> direct_states;
    for (const auto& [length, representative] : outcome.result.representatives)
      batch_states[length] = representative.state;
    for (const auto& [length, representative] : direct.representatives) direct_states[length] = representative.state;
    REQUIRE(batch_states == direct_states);
    for (const auto& [length, representative] : outcome.result.representatives)
      REQUIRE_FALSE(representative.minimal_polynomial.empty());
    REQUIRE(outcome.result.longest_tail_state == direct.longest_tail_state);
    REQUIRE(outcome.result.representatives.size() == outcome.result.cycles.size());
    ++reported;
  });
  REQUIRE(reported == registers.size());
}
