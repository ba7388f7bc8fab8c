// Cycle lengths the CLI tests pin, derived by FLINT alone: the orders of the irreducible factors of a
// squarefree register polynomial and the lcm of every subset of them.
#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <vector>

#include "flint_primitivity.hpp"
#include "lfsr/algebra.hpp"
#include "lfsr/polynomial.hpp"

namespace {

// The order of x modulo the irreducible g of degree d over GF(p): the least e | p^d - 1 with x^e = 1,
// found by dividing p^d - 1 by each of its primes while x to the quotient is still 1.
mpz_class order_of_x(const nmod_poly_t g, std::uint32_t p) {
  const auto d = static_cast<unsigned long>(nmod_poly_degree(g));
  const auto primes = lfsr::testing::flint::primes_of_power_minus_one(p, d);
  REQUIRE(primes);
  mpz_class order;
  mpz_ui_pow_ui(order.get_mpz_t(), p, d);
  order -= 1;
  nmod_poly_t x, power;
  nmod_poly_init(x, p);
  nmod_poly_init(power, p);
  nmod_poly_set_coeff_ui(x, 1, 1);
  nmod_poly_rem(x, x, g);
  for (const mpz_class& r : *primes) {
    while (order % r == 0) {
      lfsr::testing::flint::Integer e(mpz_class(order / r));
      nmod_poly_powmod_fmpz_binexp(power, x, e.get(), g);
      if (nmod_poly_is_one(power) == 0) break;
      order /= r;
    }
  }
  nmod_poly_clear(power);
  nmod_poly_clear(x);
  return order;
}

// The distinct cycle lengths of the register of f over GF(p), f squarefree with f(0) != 0: a state is
// a sum of components, one per irreducible factor g, each of period ord(g) unless zero; so the lengths
// are the lcms of the orders over every subset of the factors (1 for the empty one, the zero state).
std::set<mpz_class> cycle_lengths(const std::vector<std::uint32_t>& coefficients, std::uint32_t p) {
  nmod_poly_t f;
  nmod_poly_init(f, p);
  for (std::size_t i = 0; i < coefficients.size(); ++i)
    nmod_poly_set_coeff_ui(f, static_cast<slong>(i), coefficients[i]);
  nmod_poly_factor_t factors;
  nmod_poly_factor_init(factors);
  nmod_poly_factor(factors, f);
  std::set<mpz_class> lengths{1};
  for (slong i = 0; i < factors->num; ++i) {
    REQUIRE(factors->exp[i] == 1);                            // squarefree
    REQUIRE(nmod_poly_get_coeff_ui(factors->p + i, 0) != 0);  // not x
    const mpz_class order = order_of_x(factors->p + i, p);
    std::set<mpz_class> with = lengths;
    for (const mpz_class& length : lengths) {
      mpz_class joined;
      mpz_lcm(joined.get_mpz_t(), length.get_mpz_t(), order.get_mpz_t());
      with.insert(joined);
    }
    lengths = std::move(with);
  }
  nmod_poly_factor_clear(factors);
  nmod_poly_clear(f);
  return lengths;
}

}  // namespace

TEST_CASE("FLINT derives the cycle lengths of x^200+x^5+1 that the CLI tests pin", "[flint]") {
  // tests/cli/cli_tests.cmake: "24 of 31 cycle lengths shown", and a length 1601595281055.
  const lfsr::Polynomial f = lfsr::parse_polynomial("x^200+x^5+1", lfsr::Field::from_order(2));
  const std::set<mpz_class> lengths = cycle_lengths(f.coefficients(), 2);
  CHECK(lengths.size() == 31);
  CHECK(lengths.contains(mpz_class("1601595281055")));
  // And the library's algebraic method finds the same lengths.
  std::set<mpz_class> found;
  for (const auto& [length, count] : lfsr::algebraic_cycle_structure(f).cycles) found.insert(length);
  CHECK(found == lengths);
}
