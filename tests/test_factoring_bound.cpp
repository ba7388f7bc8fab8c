// The time bound of the factoring: deadlines, refusals by size, the effort it buys, the cache across bounds.
#include <NTL/GF2XFactoring.h>
#include <gmpxx.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "closed_formulas.hpp"
#include "algebra/integer_factoring.hpp"
#include "lfsr/algebra.hpp"
#include "lfsr/error.hpp"
#include "lfsr/primitive_search.hpp"

using namespace lfsr;
using namespace lfsr::testing;
using Catch::Matchers::Contains;

namespace {

// Checked with GMP alone (no FLINT): every prime is a probable prime dividing q^d - 1, and dividing
// them all out of q^d - 1 leaves 1.
bool is_complete_factorization(std::uint32_t q, long d, const detail::PowerMinusOneFactors& factors) {
  if (!factors.unfactored.empty()) return false;
  mpz_class rest = power(q, static_cast<unsigned>(d)) - 1;
  for (const mpz_class& r : factors.primes) {
    if (mpz_probab_prime_p(r.get_mpz_t(), 30) == 0 || !mpz_divisible_p(rest.get_mpz_t(), r.get_mpz_t())) return false;
    mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), r.get_mpz_t());
  }
  return rest == 1;
}

// A register's options with all but `left` seconds of its 10 s already spent.
AlgebraOptions nearly_spent(double left) {
  AlgebraOptions options = register_algebra_options(default_factor_seconds);
  options.budget->spend(default_factor_seconds - left);
  return options;
}

bool has_leftover(const detail::PowerMinusOneFactors& factors, detail::Leftover why) {
  return std::any_of(factors.unfactored.begin(), factors.unfactored.end(),
                     [why](const detail::Cofactor& c) { return c.why == why; });
}

}  // namespace

TEST_CASE("the effort limits grow and shrink with the time bound", "[factoring]") {
  const AlgebraOptions standard;
  const AlgebraOptions at_default = detail::effort_for(standard);
  CHECK(at_default.ecm_bits == standard.ecm_bits);
  CHECK(at_default.sieve_bits == standard.sieve_bits);
  CHECK(at_default.prove_bits == standard.prove_bits);

  AlgebraOptions doubled;
  doubled.factor_seconds = 2 * default_factor_seconds;
  const AlgebraOptions more = detail::effort_for(doubled);
  CHECK(more.ecm_bits == 56);
  CHECK(more.sieve_bits == 210);
  CHECK(more.prove_bits == 1546);  // 1300 * 2^(1/4)

  AlgebraOptions halved;
  halved.factor_seconds = default_factor_seconds / 2;
  const AlgebraOptions less = detail::effort_for(halved);
  CHECK(less.ecm_bits == 48);
  CHECK(less.sieve_bits == 190);
  CHECK(less.prove_bits == 1093);

  AlgebraOptions longest;
  longest.factor_seconds = max_factor_seconds;
  CHECK(detail::effort_for(longest).sieve_bits == 240);  // the sieve stops growing there

  AlgebraOptions no_ecm{.ecm_bits = 0, .sieve_bits = 120, .prove_bits = 1300};
  no_ecm.factor_seconds = max_factor_seconds;
  CHECK(detail::effort_for(no_ecm).ecm_bits == 0);  // no ECM stays no ECM
}

TEST_CASE("a budget is shared by the factorizations of one register and charged their time", "[factoring]") {
  const AlgebraOptions options = register_algebra_options(3);
  CHECK(options.factor_seconds == 3);
  CHECK(options.budget->left() == Approx(3));
  options.budget->spend(1.25);
  const AlgebraOptions copy = options;
  CHECK(copy.budget->left() == Approx(1.75));
  // 2^10007 - 1 has no factor among the trial candidates cheap enough to matter; its trial division
  // alone takes measurable time, which the budget is charged.
  const double before = options.budget->left();
  (void)detail::factor_power_minus_one(2, 10007, copy);
  CHECK(options.budget->left() < before);
}

TEST_CASE("q^d - 1 far beyond the bound is refused at once by its size", "[factoring]") {
  // 2^99999 - 1: Phi_11111(2) has 10800 bits (Phi_33333(2) 21600, Phi_99999(2) 64800), none of the
  // Mersenne shape. The pieces are taken in increasing m, and the first too large ends the work.
  const detail::PowerMinusOneFactors factors = detail::factor_power_minus_one(2, 99999, {});
  REQUIRE_FALSE(factors.unfactored.empty());
  CHECK(has_leftover(factors, detail::Leftover::too_large));
  CHECK(has_leftover(factors, detail::Leftover::not_attempted));  // Phi_33333(2) and Phi_99999(2)
  const std::string text = detail::unfactored_text(2, factors);
  CHECK_THAT(text, Contains("factor of Phi_11111(2) is too large to factor within the time bound of 10 s") &&
                       Contains("--factor-seconds"));
  // Every prime reported is still a prime factor of 2^99999 - 1.
  for (const mpz_class& r : factors.primes) {
    CHECK(mpz_probab_prime_p(r.get_mpz_t(), 30) != 0);
    CHECK(mpz_divisible_p(mpz_class(power(2, 99999) - 1).get_mpz_t(), r.get_mpz_t()));
  }

  // The same through the public functions: exit code 3's ResourceError, naming the piece.
  const Field gf2 = Field::from_order(2);
  REQUIRE_THROWS_AS(default_primitive_polynomial(4096, gf2), ResourceError);
  REQUIRE_THROWS_WITH(default_primitive_polynomial(4096, gf2),
                      Contains("2^4096-1 cannot be factored") && Contains("Phi_4096(2) is too large"));
}

TEST_CASE("a deadline passed in the quadratic sieve kills it; more time later finishes the number", "[factoring]") {
  // 2^211 - 1 = 15193 * (a 197-bit product of two primes): trial division, then the sieve for
  // seconds. With 0.05 s left the sieve's child is killed at the deadline.
  const detail::PowerMinusOneFactors cut = detail::factor_power_minus_one(2, 211, nearly_spent(0.05));
  REQUIRE(cut.unfactored.size() == 1);
  CHECK(cut.unfactored.front().why == detail::Leftover::out_of_time);
  CHECK(cut.unfactored.front().m == 211);
  CHECK(cut.unfactored.front().value.get_str().size() == 60);
  CHECK_THAT(detail::unfactored_text(2, cut),
             Contains("time bound of 10 s ran out on a 60-digit factor of Phi_211(2)"));

  // The cut result is cached with the 0.05 s it had: a register with its whole bound is not served it.
  const detail::PowerMinusOneFactors whole = detail::factor_power_minus_one(2, 211, register_algebra_options(10));
  CHECK(is_complete_factorization(2, 211, whole));
  // A complete result serves every later call, even one with no time left.
  CHECK(is_complete_factorization(2, 211, detail::factor_power_minus_one(2, 211, nearly_spent(0))));
}

TEST_CASE("an order whose factoring runs out of time is refused, never guessed", "[factoring]") {
  // A degree-1039 irreducible: 2^1039 - 1 = 2298041 * 9361973132609 * (a 1000-bit composite that
  // ECM hunts in vain). With 0.05 s left the curves stop at the deadline.
  NTL::GF2X irreducible;
  NTL::BuildIrred(irreducible, 1039);
  std::vector<std::uint32_t> coefficients(1040);
  for (long i = 0; i <= 1039; ++i) coefficients[static_cast<std::size_t>(i)] = NTL::IsOne(NTL::coeff(irreducible, i));
  const Polynomial f(Field::from_order(2), coefficients);
  REQUIRE_THROWS_AS(polynomial_order(f, nearly_spent(0.05)), ResourceError);
  REQUIRE_THROWS_WITH(polynomial_order(f, nearly_spent(0.05)), Contains("cannot factor 2^1039-1") &&
                                                                   Contains("ran out on a") &&
                                                                   Contains("Phi_1039(2)") && Contains("degree-1039"));
  REQUIRE_THROWS_WITH(is_primitive(f, nearly_spent(0)), Contains("cannot factor 2^1039-1"));
}
