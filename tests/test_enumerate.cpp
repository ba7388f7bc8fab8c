// Enumeration against the independent brute force, closed formulas, and itself across runners.
#include <catch2/catch.hpp>
#include <numeric>
#include <random>

#include "brute_force.hpp"
#include "closed_formulas.hpp"
#include "lfsr/enumerate.hpp"
#include "sanitizers.hpp"

using namespace lfsr;
using namespace lfsr::testing;

namespace {

CycleStructure enumerate_lfsr(const Lfsr& lfsr, Runner& runner, std::uint64_t chunk_states = 0) {
  return enumerate(linear_map_of(lfsr), runner, {.chunk_states = chunk_states, .on_progress = {}});
}

}  // namespace

TEST_CASE("enumeration equals the brute force for every polynomial of small degree", "[enumerate]") {
  const auto form = GENERATE(Form::fibonacci, Form::galois);
  const auto [q, max_degree] = GENERATE(std::pair{2U, 10}, std::pair{3U, 6}, std::pair{5U, 3}, std::pair{7U, 2});
  const Field field = Field::from_order(q);
  const auto runner = make_sequential_runner();
  for (int n = 1; n <= max_degree; ++n) {
    for (const Polynomial& f : testing::all_polynomials(field, n)) {
      const Lfsr lfsr{f, form};
      CAPTURE(q, f.to_string(), form_name(form));
      REQUIRE(enumerate_lfsr(lfsr, *runner) == testing::brute_force_structure(testing::successors_by_ntl(lfsr)));
    }
  }
}

TEST_CASE("x^n - 1 has as many cycles as there are necklaces", "[enumerate]") {
  const auto [q, max_degree] = GENERATE(std::pair{2U, 20U}, std::pair{3U, 10U});
  const auto form = GENERATE(Form::fibonacci, Form::galois);
  const Field field = Field::from_order(q);
  const auto runner = make_sequential_runner();
  for (unsigned n = 1; n <= max_degree; ++n) {
    std::vector<std::uint32_t> coefficients(n + 1, 0);
    coefficients[0] = field.neg(1);
    coefficients[n] = 1;
    const Lfsr lfsr{Polynomial(field, coefficients), form};
    CAPTURE(q, n);
    const CycleStructure result = enumerate_lfsr(lfsr, *runner);
    REQUIRE(result.total_cycles() == necklace_count(q, n));
    REQUIRE(result.cyclic_states == result.states);
  }
}

TEST_CASE("the docs/theory.md worked examples come out as stated", "[enumerate]") {
  const Field gf2 = Field::from_order(2);
  const auto runner = make_sequential_runner();
  check_theory_examples([&](const char* text) { return enumerate_lfsr({parse_polynomial(text, gf2)}, *runner); });
}

TEST_CASE("the default polynomials are maximal length by enumeration up to degree 22", "[enumerate]") {
  const auto runner = make_sequential_runner();
  for (int bits = min_default_bits; bits <= 22; ++bits) {
    CAPTURE(bits);
    const CycleStructure result = enumerate_lfsr({default_maximal_polynomial(bits)}, *runner);
    REQUIRE(result.maximal_length());
  }
}

TEST_CASE("every runner, worker count and chunk size gives the same result", "[enumerate][threads]") {
  const Field gf2 = Field::from_order(2);
  const Field gf3 = Field::from_order(3);
  const auto sequential = make_sequential_runner();
  const std::vector<Lfsr> registers = {
      {parse_polynomial("x^16+x^14+x^13+x^11+1", gf2)},
      {parse_polynomial("x^16+x^14+x^13+x^11+1", gf2), Form::galois},
      {parse_polynomial("x^14+1", gf2)},
      {parse_polynomial("x^15+x^14+x^3+x^2", gf2)},
      {parse_polynomial("x^18+x^17+x^4+x^3+x+1", gf2)},  // (x+1)(x^17+x^3+1): long chains, failed count proof
      {parse_polynomial("x^12+x^11+x^6+1", gf2), Form::galois},
      {parse_polynomial("x^10+x^9+x^5+x^2", gf2)},
      {parse_polynomial("x^9+x^4+1", gf2), Form::galois},
      {parse_polynomial("x^8+2*x^3+x+1", gf3)},
      {parse_polynomial("x^7+x^5+2*x^2", gf3), Form::galois},
      {parse_polynomial("x^6+x^5+2*x+1", gf3)},
  };
  for (const Lfsr& lfsr : registers) {
    const CycleStructure expected = enumerate_lfsr(lfsr, *sequential);
    // The sequential result is itself checked, so that agreeing runners cannot all be wrong.
    REQUIRE(expected == testing::brute_force_structure(testing::successors_by_ntl(lfsr)));
    const std::uint64_t states = linear_map_of(lfsr).state_count();
    for (int workers = 1; workers <= 8; ++workers) {
      for (const auto& runner : {make_thread_runner(workers), make_fork_runner(workers)}) {
        for (std::uint64_t chunk : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{7}, std::uint64_t{1000}}) {
          // Every chunk is a round trip to a worker: the smallest chunks only on small spaces.
          if (chunk != 0 && states / chunk > 5000) continue;
          CAPTURE(lfsr.polynomial.to_string(), form_name(lfsr.form), mode_name(runner->mode()), workers, chunk);
          REQUIRE(enumerate_lfsr(lfsr, *runner, chunk) == expected);
        }
      }
    }
  }
}

TEST_CASE("registers with long cycles equal the brute force", "[enumerate][threads]") {
  // Degrees past the walks' mark budget: word-level walks, deferred marks and block tallies run.
  const Field gf2 = Field::from_order(2);
  std::mt19937_64 random(2024);
  const auto sequential = make_sequential_runner();
  const auto threads = make_thread_runner(3);
  for (int trial = 0; trial < 24; ++trial) {
    const int n = 14 + trial % 5;
    std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n) + 1);
    for (auto& c : coefficients) c = static_cast<std::uint32_t>(random() & 1U);
    coefficients.back() = 1;
    if (trial % 3 != 0) coefficients.front() = 1;  // mostly permutations, some singular
    const Lfsr lfsr{Polynomial(gf2, coefficients), trial % 2 == 0 ? Form::fibonacci : Form::galois};
    CAPTURE(lfsr.polynomial.to_string(), form_name(lfsr.form));
    const CycleStructure expected = testing::brute_force_structure(testing::successors_by_ntl(lfsr));
    REQUIRE(enumerate_lfsr(lfsr, *sequential) == expected);
    REQUIRE(enumerate_lfsr(lfsr, *threads, 4096) == expected);
  }
  for (const char* text : {"x^18+x^17+x^4+x^3+x+1", "x^16+x^15+x^14+x^12+x^11+x^10+x^3+x^2+1"}) {
    const Lfsr lfsr{parse_polynomial(text, gf2)};
    CAPTURE(text);
    const CycleStructure expected = testing::brute_force_structure(testing::successors_by_ntl(lfsr));
    REQUIRE(enumerate_lfsr(lfsr, *sequential) == expected);
    REQUIRE(enumerate_lfsr(lfsr, *threads, 1 << 12) == expected);
  }
}

TEST_CASE("many short cycles: x^n+1 and its multiples by word-level walks, on every runner", "[enumerate][threads]") {
  // Fibonacci GF(2) walks from an unmarked start take 64 states per output word; cycles without
  // distinguished points close inside the word or after several, and chunks split the cycles so
  // that a walk often starts above its cycle's smallest state.
  const Field gf2 = Field::from_order(2);
  const auto sequential = make_sequential_runner();
  for (const char* text : {"x^17+1", "x^16+1", "x^18+x^12+x^6+1", "x^15+x^10+x^5+1", "x^16+x^8+1"}) {
    const Lfsr lfsr{parse_polynomial(text, gf2)};
    CAPTURE(text);
    const CycleStructure expected = testing::brute_force_structure(testing::successors_by_ntl(lfsr));
    REQUIRE(enumerate_lfsr(lfsr, *sequential) == expected);
    for (const auto& runner : {make_thread_runner(2), make_fork_runner(3)})
      for (const std::uint64_t chunk : {std::uint64_t{0}, std::uint64_t{333}, std::uint64_t{1} << 12})
        REQUIRE(enumerate_lfsr(lfsr, *runner, chunk) == expected);
  }
}

TEST_CASE("x^28+1 has as many cycles as there are necklaces: deferred marks by block", "[enumerate][threads]") {
  // From 2^28 states on the marks of other blocks are deferred; too slow under a sanitizer.
  if (testing::under_sanitizer) return;
  const Field gf2 = Field::from_order(2);
  std::vector<std::uint32_t> coefficients(29, 0);
  coefficients.front() = coefficients.back() = 1;
  const Lfsr lfsr{Polynomial(gf2, coefficients)};
  const auto sequential = make_sequential_runner();
  const auto threads = make_thread_runner(2);
  for (Runner* runner : {sequential.get(), threads.get()}) {
    const CycleStructure result = enumerate_lfsr(lfsr, *runner);
    REQUIRE(result.total_cycles() == necklace_count(2, 28));
    REQUIRE(result.total_cycles() == 9587580);
    REQUIRE(result.cyclic_states == result.states);
  }
}
