// The factorization of a polynomial over GF(p) with the order of every irreducible factor.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <vector>

#include "lfsr/algebra.hpp"
#include "lfsr/polynomial.hpp"

namespace lfsr::detail {

// P^multiplicity for an irreducible P != x of the given degree and order ord(P).
struct PrimaryFactor {
  long degree = 0;
  long multiplicity = 0;
  mpz_class order;
  std::vector<std::uint32_t> coefficients;  // of P, x^0 first
};

// f = x^nilpotent_degree * prod P_i^(e_i), the P_i distinct monic irreducible and != x.
struct OrderedFactorization {
  long nilpotent_degree = 0;
  std::vector<PrimaryFactor> factors;
};

// Factors f (NTL's Cantor-Zassenhaus) and finds ord(P) for each factor. Throws ResourceError when
// some q^d - 1 cannot be factored far enough within `limits`.
OrderedFactorization factor_with_orders(const Polynomial& f, const AlgebraOptions& limits);

// ord(P^j) = ord(P) * p^t, t the least integer with p^t >= j.
mpz_class power_order(const mpz_class& order, std::uint32_t p, long j);

}  // namespace lfsr::detail
