// The GF(p) Fibonacci kernel (digit shift plus one looked-up digit) agrees with the NTL transition
// matrix, with its lanes, and with the general table kernel, for every number of digit groups.
#include <NTL/mat_lzz_p.h>

#include <array>
#include <catch2/catch.hpp>
#include <random>
#include <type_traits>
#include <vector>

#include "brute_force.hpp"
#include "closed_formulas.hpp"
#include "engine/stepper.hpp"
#include "lfsr/enumerate.hpp"
#include "state_samples.hpp"

using namespace lfsr;

namespace {

Lfsr random_register(std::uint32_t p, int n, Form form, std::mt19937_64& random) {
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n) + 1);
  for (auto& c : coefficients) c = static_cast<std::uint32_t>(random() % p);
  coefficients.back() = 1;
  return Lfsr{Polynomial(Field::from_order(p), coefficients), form};
}

// A v by NTL over GF(p), v the digits of the state index, A built by the test's own reference.
std::uint64_t ntl_next(const NTL::mat_zz_p& a, std::uint64_t p, std::uint64_t state) {
  const long n = a.NumRows();
  NTL::vec_zz_p v;
  v.SetLength(n);
  for (long i = 0; i < n; ++i, state /= p) v[i] = static_cast<long>(state % p);
  const NTL::vec_zz_p w = a * v;
  std::uint64_t index = 0;
  for (long i = n; i-- > 0;) index = index * p + static_cast<std::uint64_t>(NTL::rep(w[i]));
  return index;
}

}  // namespace

TEST_CASE("with_stepper picks the GF(p) Fibonacci kernel for Fibonacci registers over odd prime fields", "[stepper]") {
  auto is_fibonacci_kernel = [](const Lfsr& lfsr) {
    return with_stepper(linear_map_of(lfsr), [](const auto& stepper) {
      return std::is_same_v<std::decay_t<decltype(stepper)>, GfpFibonacciStepper>;
    });
  };
  const Field gf3 = Field::from_order(3);
  CHECK(is_fibonacci_kernel(Lfsr{parse_polynomial("x^15+x^2+2*x+1", gf3), Form::fibonacci}));
  CHECK(is_fibonacci_kernel(Lfsr{parse_polynomial("x^4+x^2", gf3), Form::fibonacci}));  // singular too
  CHECK_FALSE(is_fibonacci_kernel(Lfsr{parse_polynomial("x^15+x^2+2*x+1", gf3), Form::galois}));
  CHECK_FALSE(is_fibonacci_kernel(Lfsr{parse_polynomial("x^5+x^2+1", Field::from_order(2)), Form::fibonacci}));
  // Over GF(9) a step shifts two GF(3) digits: the general kernel.
  CHECK_FALSE(is_fibonacci_kernel(Lfsr{parse_polynomial("x^3+x+1", Field::from_order(9)), Form::fibonacci}));
  // More than four digit groups: the general kernel.
  CHECK_FALSE(GfpFibonacciStepper::fits(
      linear_map_of(Lfsr{parse_polynomial("x^5+x+1", Field::from_order(251)), Form::fibonacci})));
  // Degree 1 is no shift at all.
  CHECK_FALSE(is_fibonacci_kernel(Lfsr{parse_polynomial("x+2", gf3), Form::fibonacci}));
}

TEST_CASE("the GF(p) Fibonacci kernel and its lanes agree with the NTL matrix for 1 to 4 digit groups", "[stepper]") {
  struct Case {
    std::uint32_t p;
    int n;
    int groups;
    bool narrow;
  };
  // The widest registers of each group count, 32- and 64-bit entries, and some of close to 2^40
  // states, the most any enumeration takes.
  const auto test_case = GENERATE(
      Case{3, 2, 1, true}, Case{3, 9, 1, true}, Case{3, 10, 2, true}, Case{3, 15, 2, true}, Case{3, 17, 3, false},
      Case{3, 25, 4, false}, Case{5, 10, 2, true}, Case{5, 17, 4, false}, Case{7, 5, 1, true}, Case{7, 9, 2, true},
      Case{7, 14, 4, false}, Case{11, 11, 4, false}, Case{13, 10, 4, false}, Case{101, 3, 2, true},
      Case{127, 4, 4, false}, Case{251, 4, 4, false}, Case{251, 2, 2, false});
  std::mt19937_64 random(test_case.p * 100 + static_cast<unsigned>(test_case.n));
  for (int trial = 0; trial < 3; ++trial) {
    const Lfsr lfsr = random_register(test_case.p, test_case.n, Form::fibonacci, random);
    const LinearMap map = linear_map_of(lfsr);
    REQUIRE(GfpFibonacciStepper::fits(map));
    const GfpFibonacciStepper stepper(map);
    CAPTURE(test_case.p, test_case.n, lfsr.polynomial.to_string());
    REQUIRE(stepper.group_count() == test_case.groups);
    REQUIRE(stepper.narrow() == test_case.narrow);
    NTL::zz_pPush push(test_case.p);
    const auto a = testing::ntl_transition_matrix<NTL::zz_pX>(lfsr);
    std::vector<std::uint64_t> samples = boundary_states(test_case.p, test_case.n);
    for (int i = 0; i < testing::random_cases(2000); ++i) samples.push_back(random() % map.state_count());
    std::array<std::uint64_t, 8> lanes{};
    for (std::size_t i = 0; i < samples.size(); ++i) {
      const std::uint64_t state = samples[i];
      CAPTURE(state);
      REQUIRE(stepper.next(state) == ntl_next(a, test_case.p, state));
      lanes[i % lanes.size()] = state;
      if (i % lanes.size() == lanes.size() - 1) {
        std::array<std::uint64_t, 8> stepped = lanes;
        stepper.next_lanes(stepped);
        for (std::size_t l = 0; l < lanes.size(); ++l) REQUIRE(stepped[l] == stepper.next(lanes[l]));
      }
    }
  }
}

TEST_CASE("the GF(p) Fibonacci kernel agrees with the general table kernel on every state", "[stepper]") {
  // Spaces of 2^13 - 2^16 states with one or two digit groups, singular registers included.
  std::mt19937_64 random(2024);
  for (const auto& [p, n] : std::vector<std::pair<std::uint32_t, int>>{{3, 9}, {3, 10}, {5, 6}, {7, 5}, {13, 4}}) {
    for (int trial = 0; trial < 3; ++trial) {
      const LinearMap map = linear_map_of(random_register(p, n, Form::fibonacci, random));
      CAPTURE(p, n, map.matrix);
      const GfpFibonacciStepper fibonacci(map);
      const GfpMatrixStepper general(map);
      for (std::uint64_t s = 0; s < map.state_count(); ++s)
        if (fibonacci.next(s) != general.next(s)) FAIL("next(" << s << ")");
    }
  }
}
