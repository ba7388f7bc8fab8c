// Enumeration by segments (chunks that share no memory) against the claim-based engine, every field.
#include <atomic>
#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "lfsr/enumerate.hpp"
#include "lfsr/polynomial.hpp"
#include "random_matrices.hpp"
#include "sanitizers.hpp"

using namespace lfsr;
using namespace lfsr::testing;

namespace {

// Every field, not only the structure that CycleStructure's == compares.
void require_identical(const CycleStructure& got, const CycleStructure& expected) {
  REQUIRE(got == expected);
  REQUIRE(got.representatives == expected.representatives);
  REQUIRE(got.longest_tail_state == expected.longest_tail_state);
  REQUIRE(got.cycle_list == expected.cycle_list);
}

std::vector<std::unique_ptr<Runner>> spread_runners() {
  std::vector<std::unique_ptr<Runner>> runners;
  runners.push_back(make_sequential_runner());
  runners.push_back(make_thread_runner(2));
  runners.push_back(make_thread_runner(3));
  runners.push_back(make_fork_runner(2));
  return runners;
}

// enumerate_by_segments on every runner, with the default segments and with `small_bits` (many
// segments and chunk boundaries), equals enumerate in every field.
void check_map(const LinearMap& map, int small_bits, bool list_cycles = false) {
  const auto local = make_sequential_runner();
  EnumerationOptions options;
  options.list_cycles = list_cycles;
  const CycleStructure expected = enumerate(map, *local, options);
  for (const auto& spread : spread_runners()) {
    for (const int bits : {0, small_bits}) {
      CAPTURE(mode_name(spread->mode()), spread->workers(), bits);
      EnumerationOptions segments = options;
      segments.segment_bits = bits;
      // Chunks of a few segment points each where the points are many.
      if (bits != 0) segments.chunk_states = std::uint64_t{7} << bits;
      require_identical(enumerate_by_segments(map, *spread, *local, segments), expected);
    }
  }
}

LinearMap gf2_register(const char* text, Form form = Form::fibonacci) {
  return linear_map_of(Lfsr{parse_polynomial(text, Field::from_order(2)), form});
}

}  // namespace

TEST_CASE("segments: maximal-length GF(2) registers, both forms", "[segments][threads]") {
  // Sanitized builds run the smaller degrees only (each register runs 16 times).
  for (int n = 20; n <= (under_sanitizer ? 21 : 24); ++n) {
    for (const Form form : {Form::fibonacci, Form::galois}) {
      CAPTURE(n, form_name(form));
      check_map(linear_map_of(Lfsr{default_maximal_polynomial(n), form}), n - 8);
    }
  }
}

TEST_CASE("segments: (x+1) times a primitive polynomial, completed by the short-cycle search", "[segments][threads]") {
  // Two cycles of 2^17 - 1 and two fixed points (0 and all-ones, which holds no segment point).
  check_map(gf2_register("x^18+x^17+x^4+x^3+x+1"), 6);
  check_map(gf2_register("x^18+x^17+x^4+x^3+x+1", Form::galois), 6);
  check_map(gf2_register("x^21+x^20+x^4+x^3+x+1"), 9);
}

TEST_CASE("segments: x^n+1 falls back to the claim-based engine", "[segments][threads]") {
  check_map(gf2_register("x^18+1"), 5);
  check_map(gf2_register("x^17+1", Form::galois), 5);
  check_map(gf2_register("x^12+1"), 3, true);
}

TEST_CASE("segments: random GF(2) registers, invertible and singular", "[segments][threads]") {
  std::mt19937_64 random(1414);
  for (int trial = 0; trial < 12; ++trial) {
    const int n = 12 + trial % 7;
    std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n) + 1);
    for (auto& c : coefficients) c = static_cast<std::uint32_t>(random() & 1U);
    coefficients.back() = 1;
    if (trial % 3 != 0) coefficients.front() = 1;
    const Lfsr lfsr{Polynomial(Field::from_order(2), coefficients), trial % 2 == 0 ? Form::fibonacci : Form::galois};
    CAPTURE(lfsr.polynomial.to_string(), form_name(lfsr.form));
    check_map(linear_map_of(lfsr), 4, trial < 4);
  }
}

TEST_CASE("segments: singular registers with x^k factors", "[segments][threads]") {
  // (x^3) times primitive: tails of 3, one long cycle; and a factor x^2 beside (x+1).
  check_map(gf2_register("x^21+x^10+x^3"), 8);  // x^3 (x^18 + x^7 + 1), primitive
  check_map(gf2_register("x^21+x^10+x^3", Form::galois), 8);
  check_map(gf2_register("x^20+x^19+x^6+x^5+x^3+x^2"), 6, true);  // x^2 (x+1) (x^17+x^3+1)
  check_map(gf2_register("x^19+x^18+x^5+x^4+x^3+x^2"), 6);
}

TEST_CASE("segments: registers over GF(3), GF(5), GF(4) and GF(9)", "[segments][threads]") {
  const Field gf3 = Field::from_order(3);
  const Field gf5 = Field::from_order(5);
  const Field gf4 = Field::from_order(4);
  const Field gf9 = Field::from_order(9);
  check_map(linear_map_of(Lfsr{parse_polynomial("x^11+2*x^3+x+1", gf3)}), 6);
  check_map(linear_map_of(Lfsr{parse_polynomial("x^10+x^5+2*x^2", gf3), Form::galois}), 6, true);
  check_map(linear_map_of(Lfsr{parse_polynomial("x^7+x+3", gf5)}), 5);
  check_map(linear_map_of(Lfsr{parse_polynomial("x^6+x^5+2*x^2", gf5), Form::galois}), 5);
  check_map(linear_map_of(Lfsr{parse_polynomial("x^8+x^3+a*x+1", gf4)}), 6);
  check_map(linear_map_of(Lfsr{parse_polynomial("x^5+a*x^2+x", gf9)}), 5, true);
}

TEST_CASE("segments: matrices, invertible and singular", "[segments][threads]") {
  std::mt19937_64 random(2026);
  const Field gf2 = Field::from_order(2);
  const Field gf3 = Field::from_order(3);
  for (int kind = 0; kind < 6; ++kind) {
    CAPTURE(kind);
    const Matrix over_gf2 = random_shaped_matrix(gf2, 16, kind, random);
    check_map(linear_map_of(over_gf2.field, over_gf2.n, over_gf2.entries), 5, kind < 2);
    const Matrix over_gf3 = random_shaped_matrix(gf3, 9, kind, random);
    check_map(linear_map_of(over_gf3.field, over_gf3.n, over_gf3.entries), 5);
  }
}

TEST_CASE("segments: x^32+x^31+x^4+x^3+x+1 by segments and the short-cycle search", "[segments][threads]") {
  if (under_sanitizer) return;  // 2^32 states: Release builds only
  const LinearMap map = gf2_register("x^32+x^31+x^4+x^3+x+1");
  const auto spread = make_thread_runner(2);
  const auto local = make_sequential_runner();
  const CycleStructure got = enumerate_by_segments(map, *spread, *local);
  // (x+1)(x^31+x^3+1): two cycles of 2^31 - 1 and the fixed points 0 and all-ones (found by the
  // short-cycle search); the smallest states are 0 and 1, as enumerate finds them.
  REQUIRE(got.cycles == std::map<mpz_class, mpz_class>{{1, 2}, {mpz_class("2147483647"), 2}});
  REQUIRE(got.cyclic_states == got.states);
  REQUIRE(got.representatives.at(1).state == 0);
  REQUIRE(got.representatives.at(mpz_class("2147483647")).state == 1);
  REQUIRE_FALSE(got.longest_tail_state.has_value());
}

TEST_CASE("segments: with a progress callback the chunks' results are taken as they arrive", "[segments][threads]") {
  const LinearMap map = gf2_register("x^22+x^21+x^4+x^3+x+1");
  const auto local = make_sequential_runner();
  const CycleStructure expected = enumerate(map, *local);
  std::atomic<int> samples = 0;
  for (const auto& spread : spread_runners()) {
    CAPTURE(mode_name(spread->mode()), spread->workers());
    EnumerationOptions options;
    // Called from the monitor's thread, where Catch2 cannot assert: the samples are only counted.
    options.on_progress = [&samples](const EnumerationProgress&) { ++samples; };
    options.segment_bits = 9;
    require_identical(enumerate_by_segments(map, *spread, *local, options), expected);
  }
}

TEST_CASE("segments: every GF(2) register of degree 1 to 8, both forms", "[segments]") {
  // Tiny spaces: one segment point or a few, walks shorter than a word round, most cycles without
  // a segment point (the fallback), singular registers whose only cyclic state is 0.
  const Field gf2 = Field::from_order(2);
  const auto local = make_sequential_runner();
  for (int n = 1; n <= 8; ++n) {
    for (std::uint32_t low = 0; low < (1U << n); ++low) {
      std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n) + 1);
      for (int i = 0; i < n; ++i) coefficients[static_cast<std::size_t>(i)] = (low >> i) & 1U;
      coefficients.back() = 1;
      for (const Form form : {Form::fibonacci, Form::galois}) {
        const Lfsr lfsr{Polynomial(gf2, coefficients), form};
        CAPTURE(lfsr.polynomial.to_string(), form_name(form));
        const LinearMap map = linear_map_of(lfsr);
        const EnumerationOptions options{.chunk_states = 0, .list_cycles = true, .on_progress = {}, .segment_bits = 0};
        require_identical(enumerate_by_segments(map, *local, *local, options), enumerate(map, *local, options));
      }
    }
  }
}
