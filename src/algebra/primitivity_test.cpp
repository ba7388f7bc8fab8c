// The primitivity test of searches (see primitivity_test.hpp): Ben-Or, the norm, a product tree of powers.
#include "algebra/primitivity_test.hpp"

#include <algorithm>
#include <cstddef>
#include <numeric>

#include "algebra/integer_factoring.hpp"
#include "field/ntl_field.hpp"

namespace lfsr::detail {

bool is_primitive_element(const Field& field, std::uint32_t x) {
  if (x == 0) return false;
  const std::uint32_t order = field.q() - 1;
  std::uint32_t rest = order;
  for (std::uint32_t r = 2; r <= rest; ++r) {
    if (rest % r != 0) continue;
    while (rest % r == 0) rest /= r;
    if (field.power(x, order / r) == 1) return false;
  }
  return true;
}

namespace {

template <class Poly>
using Modulus = typename NtlTraits<Poly>::Modulus;

// Ben-Or: f of degree n is irreducible iff gcd(f, x^(q^i) - x) = 1 for i = 1..n/2. The gcds come one
// per step while a factor of small degree is likely (i <= 2), then for batches of about i/2 steps (the
// product of the x^(q^i) - x modulo f): a gcd costs many products modulo f, and a factor of degree i
// is still found by step 1.5 i.
template <class Poly>
bool is_irreducible_ben_or(const Poly& f, const Modulus<Poly>& modulus, const NTL::ZZ& q) {
  const long n = NTL::deg(f);
  Poly x;
  NTL::SetX(x);
  Poly frobenius;  // x^(q^i) mod f
  NTL::PowerXMod(frobenius, q, modulus);
  Poly batch;
  NTL::set(batch);
  long batched = 0;
  Poly divisor;
  // x^(q^(i+1)) = (x^(q^i))^q costs log2(q) squarings, or x^(q^i) composed with x^q, after a table
  // of about 2 sqrt(n) products, about sqrt(n) products: the composition for large q, from the
  // second step on (most candidates have a root and stop at the first).
  const bool composes = NTL::NumBits(q) > 4;
  typename NtlTraits<Poly>::CompositionTable table;
  for (long i = 1; 2 * i <= n; ++i) {
    if (i == 2 && composes) NTL::build(table, frobenius, modulus, 2 * NTL::SqrRoot(n));
    if (i > 1 && composes) NTL::CompMod(frobenius, frobenius, table, modulus);
    if (i > 1 && !composes) NTL::PowerMod(frobenius, frobenius, q, modulus);
    const Poly difference = frobenius - x;
    if (i <= 2) {
      NTL::GCD(divisor, f, difference);
      if (!NTL::IsOne(divisor)) return false;
      continue;
    }
    NTL::MulMod(batch, batch, difference, modulus);
    if (++batched >= (i + 1) / 2 || 2 * (i + 1) > n) {
      NTL::GCD(divisor, f, batch);
      if (!NTL::IsOne(divisor)) return false;
      NTL::set(batch);
      batched = 0;
    }
  }
  return true;
}

// With y = x^(e / (r_first...r_last)) mod f: whether x^(e / r) != 1 for every r = r_first..r_last.
// Each half of the primes gets y raised to the product of the other half.
template <class Poly>
bool no_power_is_one(const Poly& y, const std::vector<mpz_class>& primes, std::size_t first, std::size_t last,
                     const Modulus<Poly>& modulus) {
  if (NTL::IsOne(y)) return false;
  if (last - first == 1) return true;
  const std::size_t middle = first + (last - first) / 2;
  const auto product = [&](std::size_t from, std::size_t to) {
    mpz_class result = 1;
    for (std::size_t i = from; i < to; ++i) result *= primes[i];
    return to_zz(result);
  };
  Poly half;
  NTL::PowerMod(half, y, product(middle, last), modulus);
  if (!no_power_is_one(half, primes, first, middle, modulus)) return false;
  NTL::PowerMod(half, y, product(first, middle), modulus);
  return no_power_is_one(half, primes, middle, last, modulus);
}

// Whether f(x) = g(x^d) for some d >= 2: then a root's d-th power lies in GF(q^(n/d)), so its order
// divides d (q^(n/d) - 1) < q^n - 1 and f is not primitive. Sparse candidates often have this form.
bool is_polynomial_in_a_power(const std::vector<std::uint32_t>& coefficients) {
  std::size_t d = 0;
  for (std::size_t i = 1; i < coefficients.size(); ++i) {
    if (coefficients[i] != 0) d = std::gcd(d, i);
  }
  return d >= 2;
}

// Whether f has a root in GF(q): each nonzero t = g^s, g a primitive element, by tables of g^i, for
// the nonzero terms only. For small q this is far cheaper than x^q mod f, Ben-Or's first step, which
// it spares most candidates (a random f has a root with probability about 1 - 1/e).
bool has_root(const Field& field, const std::vector<std::uint32_t>& coefficients) {
  const std::uint32_t order = field.q() - 1;
  std::uint32_t generator = 1;
  while (!is_primitive_element(field, generator)) ++generator;
  std::vector<std::uint32_t> power(order), log(field.q(), 0);
  for (std::uint32_t i = 0, value = 1; i < order; ++i, value = field.mul(value, generator)) {
    power[i] = value;
    log[value] = i;
  }
  struct Term {
    std::uint64_t exponent;
    std::uint32_t log_coefficient;
  };
  std::vector<Term> terms;
  for (std::size_t i = 0; i < coefficients.size(); ++i) {
    if (coefficients[i] != 0) terms.push_back({i % order, log[coefficients[i]]});
  }
  for (std::uint64_t s = 0; s < order; ++s) {
    std::uint32_t sum = 0;
    for (const Term& term : terms) {
      const std::uint32_t value = power[(term.log_coefficient + s * term.exponent) % order];
      sum = field.p() == 2 ? sum ^ value : field.add(sum, value);
    }
    if (sum == 0) return true;
  }
  return false;
}

// Fields small enough for has_root to pay: its tables and q evaluations against log2(q) products.
constexpr std::uint32_t max_root_sieve_order = 1024;

}  // namespace

bool is_primitive_with_primes(const Field& field, const std::vector<std::uint32_t>& coefficients,
                              const std::vector<mpz_class>& primes) {
  const long n = static_cast<long>(coefficients.size()) - 1;
  const std::uint32_t constant = coefficients.front();
  if (constant == 0) return false;
  if (!is_primitive_element(field, n % 2 == 0 ? constant : field.neg(constant))) return false;
  if (n >= 2 && is_polynomial_in_a_power(coefficients)) return false;
  if (n >= 2 && field.q() <= max_root_sieve_order && has_root(field, coefficients)) return false;
  // The primes the norm leaves open, ascending: the likeliest to fail first.
  std::vector<mpz_class> open;
  const mpz_class q_minus_one = field.q() - 1;
  for (const mpz_class& r : primes) {
    if (mpz_divisible_p(q_minus_one.get_mpz_t(), r.get_mpz_t()) == 0) open.push_back(r);
  }
  std::sort(open.begin(), open.end());
  return with_ntl_field(field, [&]<class Poly>(std::type_identity<Poly>) {
    const Poly f = to_ntl<Poly>(coefficients);
    const Modulus<Poly> modulus(f);
    if (n > 1 && !is_irreducible_ben_or(f, modulus, NTL::ZZ(field.q()))) return false;
    if (open.empty()) return true;
    mpz_class exponent = power_minus_one(field.p(), n * static_cast<long>(field.k()));
    for (const mpz_class& r : open) exponent /= r;
    Poly y;
    NTL::PowerXMod(y, to_zz(exponent), modulus);
    return no_power_is_one(y, open, 0, open.size(), modulus);
  });
}

}  // namespace lfsr::detail
