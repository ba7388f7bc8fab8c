// Registers whose long walks leave a few states on short cycles: the short-cycle search finds them
// (Fibonacci GF(2), shortfall up to 16), the replays of the unmarked walks otherwise.
#include <catch2/catch.hpp>

#include "brute_force.hpp"
#include "engine/short_cycle_search.hpp"
#include "lfsr/enumerate.hpp"
#include "sanitizers.hpp"

using namespace lfsr;
using namespace lfsr::testing;

namespace {

// a * b over GF(2).
Polynomial product(const Polynomial& a, const Polynomial& b) {
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(a.degree() + b.degree()) + 1, 0);
  for (int i = 0; i <= a.degree(); ++i)
    for (int j = 0; j <= b.degree(); ++j)
      coefficients[static_cast<std::size_t>(i + j)] ^= a.coefficient(i) & b.coefficient(j);
  return Polynomial(Field::from_order(2), coefficients);
}

CycleStructure enumerate_listing(const Lfsr& lfsr, Runner& runner, std::uint64_t chunk_states = 0) {
  return enumerate(linear_map_of(lfsr), runner, {.chunk_states = chunk_states, .list_cycles = true, .on_progress = {}});
}

}  // namespace

TEST_CASE("periodic windows and claim indices of the short-cycle search", "[enumerate]") {
  REQUIRE(periodic_window(1, 1, 20) == (1U << 20) - 1);
  REQUIRE(periodic_window(0b01, 2, 7) == 0b1010101);
  REQUIRE(periodic_window(0b011, 3, 8) == 0b11011011);
  REQUIRE(periodic_window(1, 1, 64) == ~std::uint64_t{0});
  // Indices of lengths 1, 2, 3 follow each other, and the last one fits the claim bitset.
  REQUIRE(short_cycle_claim_index(1, 0) == 0);
  REQUIRE(short_cycle_claim_index(1, 0xFF) == 1);
  REQUIRE(short_cycle_claim_index(2, 0) == 2);
  REQUIRE(short_cycle_claim_index(3, 0b111) == 13);
  REQUIRE(short_cycle_claim_index(short_cycle_search_limit, ~std::uint64_t{0}) == short_cycle_claim_bits - 3);
}

TEST_CASE("(x+1) * primitive, n = 20..24: the all-ones fixed point found by the short-cycle search",
          "[enumerate][threads]") {
  // Two walks cover all but the all-ones state, the last index; the search finds it without
  // marking or scanning the rest, in every runner.
  const Field gf2 = Field::from_order(2);
  const auto sequential = make_sequential_runner();
  const auto threads = make_thread_runner(2);
  const auto fork = make_fork_runner(2);
  for (int n = 20; n <= (testing::under_sanitizer ? 21 : 24); ++n) {
    const Lfsr lfsr{product(parse_polynomial("x+1", gf2), default_maximal_polynomial(n - 1))};
    const std::uint64_t last = (std::uint64_t{1} << n) - 1;
    const std::uint64_t long_length = (std::uint64_t{1} << (n - 1)) - 1;
    for (Runner* runner : {sequential.get(), threads.get(), fork.get()}) {
      for (const std::uint64_t chunk : {std::uint64_t{0}, std::uint64_t{1} << 16}) {
        CAPTURE(n, mode_name(runner->mode()), chunk);
        const CycleStructure result = enumerate_listing(lfsr, *runner, chunk);
        REQUIRE(result.cycles == std::map<mpz_class, mpz_class>{{1, 2}, {mpz_class(std::to_string(long_length)), 2}});
        REQUIRE(result.cyclic_states == result.states);
        REQUIRE(result.cycle_list.size() == 4);
        REQUIRE(result.cycle_list.front() == ListedCycle{0, 1});
        REQUIRE(result.cycle_list[1] == ListedCycle{1, long_length});
        REQUIRE(result.cycle_list.back() == ListedCycle{last, 1});
        REQUIRE(result.representatives.at(1).state == 0);
      }
    }
  }
}

TEST_CASE("short cycles left after the long walks equal the brute force, searched or replayed",
          "[enumerate][threads]") {
  const Field gf2 = Field::from_order(2);
  const auto factor = [&](const char* text) { return parse_polynomial(text, gf2); };
  const std::vector<Lfsr> registers = {
      // Shortfall 15 (a cycle of 15 states), at the search's limit of 16.
      {product(factor("x^4+x+1"), default_maximal_polynomial(14))},
      // Shortfall 3: a cycle of 3 states; the combined cycles are three of 3 * (2^15 - 1).
      {product(factor("x^2+x+1"), default_maximal_polynomial(15))},
      // Many short cycles, some with distinguished points (0000000001 repeated), counted by the
      // scan with claims (every cycle up to 16 long is claimed once n > 16).
      {product(factor("x^10+1"), default_maximal_polynomial(7))},
      // Cycles of 1 and 5 states beside long ones of 5 * (2^13 - 1): walks past the mark budget, then
      // the search for what the scan has not reached.
      {product(factor("x^5+1"), default_maximal_polynomial(13))},
      // Shortfall 31, past the limit: the unmarked walks are replayed.
      {product(factor("x^5+x^2+1"), default_maximal_polynomial(13))},
      // Galois form: no search, the walks are replayed.
      {product(factor("x+1"), default_maximal_polynomial(17)), Form::galois},
  };
  const auto sequential = make_sequential_runner();
  for (const Lfsr& lfsr : registers) {
    CAPTURE(lfsr.polynomial.to_string(), form_name(lfsr.form));
    const CycleStructure expected = brute_force_structure(successors_by_ntl(lfsr));
    const CycleStructure found = enumerate_listing(lfsr, *sequential);
    REQUIRE(found == expected);
    for (const auto& runner : {make_thread_runner(2), make_fork_runner(3)}) {
      for (const std::uint64_t chunk : {std::uint64_t{0}, std::uint64_t{1} << 12}) {
        CAPTURE(mode_name(runner->mode()), chunk);
        const CycleStructure again = enumerate_listing(lfsr, *runner, chunk);
        REQUIRE(again == expected);
        REQUIRE(again.cycle_list == found.cycle_list);
        REQUIRE(again.representatives == found.representatives);
      }
    }
  }
}
