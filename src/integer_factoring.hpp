// Prime factors of q^d - 1, split by cyclotomic values and factored with FLINT within set limits.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <vector>

#include "lfsr/algebra.hpp"

namespace lfsr::detail {

// A factor of Phi_m(q) left composite, or probably prime but too large to prove, within the limits.
struct Cofactor {
  long m = 0;
  mpz_class value;
  bool probable_prime = false;
};

// q^d - 1 = prod_{r in primes} r^(a_r) * prod_{c in unfactored} c^(b_c), a_r, b_c >= 1.
struct PowerMinusOneFactors {
  std::vector<mpz_class> primes;     // distinct and proven prime, ascending
  std::vector<Cofactor> unfactored;  // empty when the factorization is complete
};

// The prime factors of q^d - 1 (q >= 2, d >= 1) as far as `limits` reach. Results are cached for
// the life of the process, per (q, m) of each Phi_m(q); safe to call from several threads.
PowerMinusOneFactors factor_power_minus_one(std::uint32_t q, long d, const AlgebraOptions& limits);

// q^d - 1 as a big integer.
mpz_class power_minus_one(std::uint32_t q, long d);

}  // namespace lfsr::detail
