// Orders of polynomials over GF(q) (of each irreducible factor from the prime factors of q^d - 1, of f
// from its factorization), irreducibility and primitivity.
#include "algebra/polynomial_order.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "algebra/integer_factoring.hpp"
#include "field/ntl_field.hpp"
#include "lfsr/error.hpp"

namespace lfsr {

namespace detail {

namespace {

template <class Poly>
bool x_power_is_one(const mpz_class& e, const typename NtlTraits<Poly>::Modulus& modulus) {
  Poly power;
  NTL::PowerXMod(power, to_zz(e), modulus);
  return NTL::IsOne(power);
}

// e with every prime it shares with an unfactored cofactor removed: what is left is a product of
// known primes only.
mpz_class known_part(mpz_class e, const PowerMinusOneFactors& factors) {
  for (const Cofactor& cofactor : factors.unfactored) {
    mpz_class shared = gcd(e, cofactor.value);
    while (shared > 1) {
      e /= shared;
      shared = gcd(e, shared);
    }
  }
  return e;
}

// "cannot factor 2^1187-1 (a 300-digit composite factor remains)", naming the leftover that stops it.
std::string unfactored_reason(std::uint32_t q, long d, const PowerMinusOneFactors& factors) {
  return fmt::format("cannot factor {}^{}-1 ({})", q, d, unfactored_text(q, factors));
}

// ord(P) for P irreducible of degree d, P != x: a divisor of e = q^d - 1. Invariant of the loop:
// ord(P) | e; r is removed from e while x^(e/r) = 1 mod P.
template <class Poly>
mpz_class irreducible_order(const Poly& irreducible, const Field& field, const AlgebraOptions& limits) {
  // q^d - 1 = p^(kd) - 1: factored as a power of p, which splits it into more cyclotomic parts.
  const std::uint32_t q = field.p();
  const long d = NTL::deg(irreducible) * field.k();
  const typename NtlTraits<Poly>::Modulus modulus(irreducible);
  const PowerMinusOneFactors factors = factor_power_minus_one(q, d, limits);
  mpz_class e = power_minus_one(q, d);
  if (!factors.unfactored.empty()) {
    // The unfactored primes do not matter when x^(known part) = 1 already; otherwise no guessing.
    e = known_part(e, factors);
    if (!x_power_is_one<Poly>(e, modulus)) {
      throw ResourceError(fmt::format("{} to find the order of a degree-{} irreducible factor",
                                      unfactored_reason(q, d, factors), NTL::deg(irreducible)));
    }
  }
  for (const mpz_class& r : factors.primes) {
    while (mpz_divisible_p(e.get_mpz_t(), r.get_mpz_t()) != 0 && x_power_is_one<Poly>(e / r, modulus)) e /= r;
  }
  return e;
}

template <class Poly>
OrderedFactorization factor_with_orders_as(const Polynomial& f, const AlgebraOptions& limits) {
  OrderedFactorization result;
  result.nilpotent_degree = f.zero_low_terms();
  const auto& coefficients = f.coefficients();
  const std::vector<std::uint32_t> cyclic_part(coefficients.begin() + result.nilpotent_degree, coefficients.end());
  if (cyclic_part.size() == 1) return result;  // f = x^n
  typename NtlTraits<Poly>::Factors factors;
  NTL::CanZass(factors, to_ntl<Poly>(cyclic_part));
  for (long i = 0; i < factors.length(); ++i) {
    result.factors.push_back({NTL::deg(factors[i].a), factors[i].b, irreducible_order(factors[i].a, f.field(), limits),
                              from_ntl(factors[i].a)});
  }
  return result;
}

}  // namespace

OrderedFactorization factor_with_orders(const Polynomial& f, const AlgebraOptions& limits) {
  return with_ntl_field(f.field(),
                        [&]<class Poly>(std::type_identity<Poly>) { return factor_with_orders_as<Poly>(f, limits); });
}

mpz_class power_order(const mpz_class& order, std::uint32_t p, long j) {
  mpz_class power = 1;
  while (power < j) power *= p;
  return order * power;
}

}  // namespace detail

mpz_class polynomial_order(const Polynomial& f, const AlgebraOptions& options) {
  if (f.is_singular()) {
    throw InputError(fmt::format("{} has no order: x divides it (f(0) = 0)", f.to_string()));
  }
  mpz_class order = 1;
  for (const detail::PrimaryFactor& factor : detail::factor_with_orders(f, options).factors) {
    order = lcm(order, detail::power_order(factor.order, f.field().p(), factor.multiplicity));
  }
  return order;
}

bool is_irreducible(const Polynomial& f) { return detail::is_irreducible(f.field(), f.coefficients()); }

bool is_primitive(const Polynomial& f, const AlgebraOptions& options) {
  if (f.is_singular()) return false;
  return detail::with_ntl_field(f.field(), [&]<class Poly>(std::type_identity<Poly>) {
    const Poly g = detail::to_ntl<Poly>(f.coefficients());
    if (NTL::IterIrredTest(g) == 0) return false;
    // Irreducible: ord(g) | e = q^n - 1 = p^(kn) - 1, and ord(g) = e unless x^(e/r) = 1 for a prime r | e.
    const typename detail::NtlTraits<Poly>::Modulus modulus(g);
    const std::uint32_t q = f.field().p();
    const long exponent = f.degree() * static_cast<long>(f.field().k());
    const mpz_class e = detail::power_minus_one(q, exponent);
    const detail::PowerMinusOneFactors factors = detail::factor_power_minus_one(q, exponent, options);
    for (const mpz_class& r : factors.primes) {
      if (detail::x_power_is_one<Poly>(e / r, modulus)) return false;
    }
    if (!factors.unfactored.empty()) {
      if (detail::x_power_is_one<Poly>(detail::known_part(e, factors), modulus)) return false;
      throw ResourceError(fmt::format("{} to decide whether a degree-{} polynomial is primitive",
                                      detail::unfactored_reason(q, exponent, factors), f.degree()));
    }
    return true;
  });
}

}  // namespace lfsr
