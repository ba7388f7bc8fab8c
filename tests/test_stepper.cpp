// The packed kernels agree with multiplication by the NTL transition matrix.
#include <catch2/catch.hpp>

#include <random>

#include "brute_force.hpp"
#include "lfsr/stepper.hpp"

using namespace lfsr;

namespace {

std::vector<std::uint64_t> kernel_successors(const LinearMap& map) {
  return with_stepper(map, [&](const auto& stepper) {
    std::vector<std::uint64_t> next(map.state_count());
    for (std::uint64_t s = 0; s < next.size(); ++s) next[s] = stepper.next(s);
    return next;
  });
}

}  // namespace

TEST_CASE("kernels agree with the NTL matrix on every state of small registers", "[stepper]") {
  const auto q = GENERATE(2U, 3U, 5U, 7U);
  const auto form = GENERATE(Form::fibonacci, Form::galois);
  const Field field = Field::from_order(q);
  const int max_degree = q == 2 ? 9 : q == 3 ? 5 : 3;
  for (int n = 1; n <= max_degree; ++n) {
    for (const Polynomial& f : testing::all_polynomials(field, n)) {
      const Lfsr lfsr{f, form};
      CAPTURE(q, f.to_string(), form_name(form));
      REQUIRE(kernel_successors(linear_map_of(lfsr)) == testing::successors_by_ntl(lfsr));
    }
  }
}

TEST_CASE("GF(2) kernels agree with the NTL matrix on random states of wide registers", "[stepper]") {
  std::mt19937_64 random(12345);
  const auto form = GENERATE(Form::fibonacci, Form::galois);
  for (int n : {17, 31, 32, 33, 48, 63}) {
    std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n) + 1);
    for (auto& c : coefficients) c = static_cast<std::uint32_t>(random() & 1U);
    coefficients.back() = 1;
    const Lfsr lfsr{Polynomial(Field::from_order(2), coefficients), form};
    const NTL::mat_GF2 a = transition_matrix_gf2(lfsr);
    const LinearMap map = linear_map_of(lfsr);
    CAPTURE(lfsr.polynomial.to_string(), form_name(form));
    with_stepper(map, [&](const auto& stepper) {
      for (int trial = 0; trial < 200; ++trial) {
        const std::uint64_t state = random() & ((std::uint64_t{1} << n) - 1);
        NTL::vec_GF2 v;
        v.SetLength(n);
        for (int i = 0; i < n; ++i) v[i] = static_cast<long>((state >> i) & 1U);
        const NTL::vec_GF2 w = a * v;
        std::uint64_t expected = 0;
        for (int i = 0; i < n; ++i) expected |= static_cast<std::uint64_t>(NTL::rep(w[i])) << i;
        REQUIRE(stepper.next(state) == expected);
      }
    });
  }
}

TEST_CASE("the general digit kernel agrees with the NTL matrix over GF(2) too", "[stepper]") {
  const Lfsr lfsr{parse_polynomial("x^8+x^4+x^3+x^2+1", Field::from_order(2)), Form::galois};
  LinearMap map = linear_map_of(lfsr);
  map.kind = LinearMap::Kind::general;
  REQUIRE(kernel_successors(map) == testing::successors_by_ntl(lfsr));
}

TEST_CASE("the Fibonacci output word holds the next 64 top bits", "[stepper]") {
  std::mt19937_64 random(99);
  for (int n : {2, 5, 8, 13, 28, 32, 40, 63}) {
    const std::uint64_t mask = (std::uint64_t{1} << n) - 1;
    const Gf2FibonacciStepper stepper(n, (random() & mask) | 1U);
    for (int trial = 0; trial < 50; ++trial) {
      std::uint64_t state = random() & mask;
      const std::uint64_t word = stepper.next_output_word(state);
      for (int j = 0; j < 64; ++j) {
        state = stepper.next(state);
        CAPTURE(n, j);
        REQUIRE((state >> (n - 1)) == ((word >> j) & 1U));
      }
    }
  }
}
