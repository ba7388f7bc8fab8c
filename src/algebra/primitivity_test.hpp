// A fast primitivity test for searches: early-abort irreducibility, the norm, then one large power and
// a product tree of small ones for the order.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <vector>

#include "lfsr/field.hpp"

namespace lfsr::detail {

// Whether x generates GF(q)^*: x^((q-1)/r) != 1 for every prime r | q - 1 (q is small: trial division).
bool is_primitive_element(const Field& field, std::uint32_t x);

// Whether the monic f = coefficients (x^0 first, degree n >= 1) is primitive over `field`, given
// `primes`, every prime of q^n - 1 (a complete factorization; ascending or not). Decides exactly as
// is_primitive, faster on the candidates of a search, most of which are reducible. Over GF(p^k), k >= 2,
// the tests after the root sieve run on the norm of f over GF(p) (degree nk), primitive exactly when f is:
// - irreducibility by Ben-Or's test, gcd(f, x^(q^i) - x) = 1 for i <= n/2, which stops at the degree
//   of the least factor of f (a random f has a small one);
// - the norm (-1)^n f(0) of a root primitive in GF(q), which settles every prime r | q - 1:
//   x^((q^n-1)/r) is the norm to the power (q-1)/r;
// - for the other primes r_1 < ... < r_k: y = x^((q^n-1)/(r_1...r_k)) once, then x^((q^n-1)/r_i) by a
//   product tree (y raised to the product of one half of the primes for the other half, and so on):
//   about log2(k) + 1 powers of the size of q^n instead of k, the smallest primes (the likeliest to
//   fail) reached first.
bool is_primitive_with_primes(const Field& field, const std::vector<std::uint32_t>& coefficients,
                              const std::vector<mpz_class>& primes);

}  // namespace lfsr::detail
