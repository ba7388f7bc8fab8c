// Primitivity proven by FLINT alone: nmod_poly / fq_nmod_poly irreducibility and powering, FLINT's
// Conway polynomials and FLINT's factorization of q^n - 1. Shares no code with the library's NTL path.
#pragma once

#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpz_factor.h>
#include <flint/fmpz_poly.h>
#include <flint/fq_nmod.h>
#include <flint/fq_nmod_poly.h>
#include <flint/fq_nmod_poly_factor.h>
#include <flint/nmod_poly.h>
#include <flint/nmod_poly_factor.h>
#include <fmt/format.h>
#include <gmpxx.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lfsr::testing::flint {

// RAII holders: every FLINT object needs init and clear.
class Integer {
 public:
  Integer() { fmpz_init(value_); }
  explicit Integer(const mpz_class& value) : Integer() { fmpz_set_mpz(value_, value.get_mpz_t()); }
  ~Integer() { fmpz_clear(value_); }
  Integer(const Integer&) = delete;
  Integer& operator=(const Integer&) = delete;
  fmpz* get() { return value_; }
  mpz_class value() const {
    mpz_class out;
    fmpz_get_mpz(out.get_mpz_t(), value_);
    return out;
  }

 private:
  fmpz_t value_;
};

// The distinct primes of q^n - 1 with FLINT's own arithmetic: q^n - 1 = prod_{m | n} Phi_m(q), each
// Phi_m from fmpz_poly_cyclotomic, evaluated at q and split by fmpz_factor (proven primes). The
// product of the prime powers found is checked to be q^n - 1: nothing when it is not.
inline std::optional<std::vector<mpz_class>> primes_of_power_minus_one(unsigned long q, unsigned long n) {
  std::set<mpz_class> primes;
  mpz_class product = 1;
  Integer at(mpz_class(static_cast<unsigned long>(q)));
  for (unsigned long m = 1; m <= n; ++m) {
    if (n % m != 0) continue;
    fmpz_poly_t cyclotomic;
    fmpz_poly_init(cyclotomic);
    fmpz_poly_cyclotomic(cyclotomic, m);
    Integer value;
    fmpz_poly_evaluate_fmpz(value.get(), cyclotomic, at.get());
    fmpz_poly_clear(cyclotomic);
    fmpz_factor_t factors;
    fmpz_factor_init(factors);
    fmpz_factor(factors, value.get());
    for (slong i = 0; i < factors->num; ++i) {
      mpz_class prime;
      fmpz_get_mpz(prime.get_mpz_t(), factors->p + i);
      primes.insert(prime);
      mpz_class power;
      mpz_pow_ui(power.get_mpz_t(), prime.get_mpz_t(), factors->exp[i]);
      product *= power;
    }
    fmpz_factor_clear(factors);
  }
  mpz_class expected;
  mpz_ui_pow_ui(expected.get_mpz_t(), q, n);
  expected -= 1;
  if (product != expected) return std::nullopt;
  return std::vector<mpz_class>(primes.begin(), primes.end());
}

// FLINT's Conway polynomial of GF(p^k) as coefficients c_0..c_k, or nothing when FLINT has none.
inline std::optional<std::vector<std::uint32_t>> conway_polynomial(std::uint32_t p, std::uint32_t k) {
  Integer prime(mpz_class(static_cast<unsigned long>(p)));
  fq_nmod_ctx_t ctx;
  if (_fq_nmod_ctx_init_conway(ctx, prime.get(), k, "a") == 0) return std::nullopt;
  std::vector<std::uint32_t> coefficients;
  for (slong i = 0; i <= static_cast<slong>(k); ++i)
    coefficients.push_back(static_cast<std::uint32_t>(nmod_poly_get_coeff_ui(ctx->modulus, i)));
  fq_nmod_ctx_clear(ctx);
  return coefficients;
}

// Why f = sum coefficients[i] x^i over GF(p^k) is not primitive, or "primitive": f irreducible,
// x^(q^n-1) = 1 and x^((q^n-1)/r) != 1 mod f for every prime r | q^n - 1. Elements are integers
// 0..q-1 whose base-p digits are the coefficients of a^0, a^1, ... in GF(p)[a]/(modulus); for k = 1
// the modulus is ignored. Over GF(p) nmod_poly does the work, over GF(p^k) fq_nmod_poly.
inline std::string primitivity_verdict(std::uint32_t p, std::uint32_t k, const std::vector<std::uint32_t>& modulus,
                                       const std::vector<std::uint32_t>& coefficients) {
  const unsigned long n = coefficients.size() - 1;
  unsigned long q = 1;
  for (std::uint32_t i = 0; i < k; ++i) q *= p;
  const std::optional<std::vector<mpz_class>> factored = primes_of_power_minus_one(q, n);
  if (!factored) return "q^n - 1 not factored";
  const std::vector<mpz_class>& primes = *factored;
  mpz_class order;
  mpz_ui_pow_ui(order.get_mpz_t(), q, n);
  order -= 1;
  std::vector<mpz_class> exponents{order};  // the first must give 1, the others must not
  for (const mpz_class& r : primes) exponents.push_back(order / r);

  std::string verdict = "primitive";
  if (k == 1) {
    nmod_poly_t f, x, power;
    nmod_poly_init(f, p);
    nmod_poly_init(x, p);
    nmod_poly_init(power, p);
    for (unsigned long i = 0; i <= n; ++i) nmod_poly_set_coeff_ui(f, static_cast<slong>(i), coefficients[i]);
    nmod_poly_set_coeff_ui(x, 1, 1);
    nmod_poly_rem(x, x, f);
    // 1 / reverse(f) as a power series: x^e mod f by sliding windows, fast enough for degree 1000.
    nmod_poly_t inverse;
    nmod_poly_init(inverse, p);
    nmod_poly_reverse(inverse, f, f->length);
    nmod_poly_inv_series(inverse, inverse, f->length);
    if (nmod_poly_is_irreducible(f) == 0) verdict = "reducible";
    for (std::size_t i = 0; i < exponents.size() && verdict == "primitive"; ++i) {
      Integer e(exponents[i]);
      if (n >= 2)
        nmod_poly_powmod_x_fmpz_preinv(power, e.get(), f, inverse);
      else
        nmod_poly_powmod_fmpz_binexp(power, x, e.get(), f);
      if ((nmod_poly_is_one(power) != 0) != (i == 0))
        verdict = i == 0 ? "x^(q^n-1) != 1" : fmt::format("x^((q^n-1)/{}) = 1", primes[i - 1].get_str());
    }
    nmod_poly_clear(inverse);
    nmod_poly_clear(power);
    nmod_poly_clear(x);
    nmod_poly_clear(f);
    return verdict;
  }

  nmod_poly_t defining;
  nmod_poly_init(defining, p);
  for (std::size_t i = 0; i < modulus.size(); ++i) nmod_poly_set_coeff_ui(defining, static_cast<slong>(i), modulus[i]);
  fq_nmod_ctx_t ctx;
  fq_nmod_ctx_init_modulus(ctx, defining, "a");
  nmod_poly_clear(defining);
  fq_nmod_poly_t f, x, power;
  fq_nmod_poly_init(f, ctx);
  fq_nmod_poly_init(x, ctx);
  fq_nmod_poly_init(power, ctx);
  fq_nmod_t element;
  fq_nmod_init(element, ctx);
  for (unsigned long i = 0; i <= n; ++i) {
    fq_nmod_zero(element, ctx);
    std::uint32_t digits = coefficients[i];
    for (slong j = 0; digits != 0; ++j, digits /= p) nmod_poly_set_coeff_ui(element, j, digits % p);
    fq_nmod_poly_set_coeff(f, static_cast<slong>(i), element, ctx);
  }
  fq_nmod_poly_gen(x, ctx);
  fq_nmod_poly_rem(x, x, f, ctx);
  if (fq_nmod_poly_is_irreducible(f, ctx) == 0) verdict = "reducible";
  for (std::size_t i = 0; i < exponents.size() && verdict == "primitive"; ++i) {
    Integer e(exponents[i]);
    fq_nmod_poly_powmod_fmpz_binexp(power, x, e.get(), f, ctx);
    if ((fq_nmod_poly_is_one(power, ctx) != 0) != (i == 0))
      verdict = i == 0 ? "x^(q^n-1) != 1" : fmt::format("x^((q^n-1)/{}) = 1", primes[i - 1].get_str());
  }
  fq_nmod_clear(element, ctx);
  fq_nmod_poly_clear(power, ctx);
  fq_nmod_poly_clear(x, ctx);
  fq_nmod_poly_clear(f, ctx);
  fq_nmod_ctx_clear(ctx);
  return verdict;
}

}  // namespace lfsr::testing::flint
