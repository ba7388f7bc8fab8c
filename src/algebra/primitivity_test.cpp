// The primitivity test of searches (see primitivity_test.hpp): the norm down to GF(p), Ben-Or, a product tree of
// powers.
#include "algebra/primitivity_test.hpp"

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <type_traits>
#include <utility>

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

// frobenius = frobenius^q mod f. Over a prime field GF(p), a(x)^p = a(x^p): the coefficients spread p
// apart, then one remainder, instead of log2(p) products modulo f.
template <class Poly>
void next_frobenius(Poly& frobenius, const NTL::ZZ& q, const Modulus<Poly>& modulus) {
  if constexpr (std::is_same_v<Poly, NTL::zz_pX>) {
    const long p = NTL::zz_p::modulus();
    if (q == p) {
      Poly spread;
      const long degree = NTL::deg(frobenius);
      spread.SetLength(degree * p + 1);
      for (long i = 0; i <= degree; ++i) spread[i * p] = frobenius[i];
      spread.normalize();
      NTL::rem(frobenius, spread, modulus);
      return;
    }
  }
  NTL::PowerMod(frobenius, frobenius, q, modulus);
}

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
    if (i > 1 && !composes) next_frobenius(frobenius, q, modulus);
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

// The norm of f from GF(p^k)[x] down to GF(p)[x]: the product of f's k conjugates sigma^j(f) (sigma the
// Frobenius a -> a^p on the coefficients), a polynomial of degree n k over GF(p); its coefficients as
// residues. A root of f is a root of the norm, and the norm is primitive over GF(p) exactly when f is
// primitive over GF(p^k): a root of order p^(nk) - 1 generates GF(p^(nk)) = GF(q^n), so its degree over
// GF(q) is n, and its minimal polynomial over GF(p) has degree nk and divides the norm, of degree nk.
std::vector<std::uint32_t> norm_to_prime_field(const Field& field, const std::vector<std::uint32_t>& coefficients) {
  return with_ntl_field(field, [&]<class Poly>(std::type_identity<Poly>) {
    std::vector<Poly> conjugates;
    std::vector<std::uint32_t> conjugate = coefficients;
    for (std::uint32_t j = 0; j < field.k(); ++j) {
      conjugates.push_back(to_ntl<Poly>(conjugate));
      for (std::uint32_t& c : conjugate) {
        if (c >= field.p()) c = field.power(c, field.p());  // GF(p) is fixed
      }
    }
    // A balanced product: NTL's products of large degree are far cheaper per coefficient.
    while (conjugates.size() > 1) {
      std::vector<Poly> products;
      for (std::size_t i = 0; i + 1 < conjugates.size(); i += 2) products.push_back(conjugates[i] * conjugates[i + 1]);
      if (conjugates.size() % 2 == 1) products.push_back(conjugates.back());
      conjugates = std::move(products);
    }
    return from_ntl(conjugates.front());
  });
}

// The body over NTL's polynomials of the prime field GF(p) (with_ntl_field would also instantiate
// it for the extension-field types, which the test never runs on: it works on the norm).
template <class Body>
decltype(auto) with_prime_field_polynomials(std::uint32_t p, Body&& body) {
  if (p == 2) return body(std::type_identity<NTL::GF2X>{});
  const NTL::zz_pPush push(static_cast<long>(p));
  return body(std::type_identity<NTL::zz_pX>{});
}

// Whether f over a prime field (coefficients residues, degree n >= 1) is primitive, the primes of
// p^n - 1 that its constant term does not settle given, ascending.
bool is_primitive_over_prime_field(const Field& prime_field, const std::vector<std::uint32_t>& coefficients,
                                   const std::vector<mpz_class>& open) {
  const long n = static_cast<long>(coefficients.size()) - 1;
  return with_prime_field_polynomials(prime_field.p(), [&]<class Poly>(std::type_identity<Poly>) {
    const Poly f = to_ntl<Poly>(coefficients);
    const Modulus<Poly> modulus(f);
    if (n > 1 && !is_irreducible_ben_or(f, modulus, NTL::ZZ(prime_field.p()))) return false;
    if (open.empty()) return true;
    mpz_class exponent = power_minus_one(prime_field.p(), n);
    for (const mpz_class& r : open) exponent /= r;
    Poly y;
    NTL::PowerXMod(y, to_zz(exponent), modulus);
    return no_power_is_one(y, open, 0, open.size(), modulus);
  });
}

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
  // Over GF(p^k), k >= 2, the whole test runs on the norm over GF(p): NTL's polynomials over GF(p) are
  // packed vectors with FFT products, where each coefficient of a GF(p^k) polynomial is itself a
  // polynomial (an allocation and a reduction per coefficient product). The primes of q - 1 are
  // settled above for f, hence for the norm.
  if (field.is_prime()) return is_primitive_over_prime_field(field, coefficients, open);
  return is_primitive_over_prime_field(Field::from_order(field.p()), norm_to_prime_field(field, coefficients), open);
}

}  // namespace lfsr::detail
