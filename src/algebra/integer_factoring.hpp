// Prime factors of q^d - 1, split by cyclotomic values and factored with FLINT within a time bound;
// prime factors of a word.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <string>
#include <vector>

#include "lfsr/algebra.hpp"

namespace lfsr::detail {

// Why a factor of Phi_m(q) was left unfactored.
enum class Leftover {
  composite,       // the effort limits (ECM's reach, the sieve's size) did not split it
  unproven_prime,  // a probable prime too large to prove prime
  out_of_time,     // the time bound ran out while it was worked on
  too_large,       // its size alone shows that it cannot be finished within the time bound
  not_attempted,   // another factor of the same q^d - 1 was too large, so this one was not tried
};

// A factor of Phi_m(q) left composite, or probably prime but not proven, within the limits.
struct Cofactor {
  long m = 0;
  mpz_class value;
  Leftover why = Leftover::composite;
};

// q^d - 1 = prod_{r in primes} r^(a_r) * prod_{c in unfactored} c^(b_c), a_r, b_c >= 1.
struct PowerMinusOneFactors {
  std::vector<mpz_class> primes;     // distinct and proven prime, ascending
  std::vector<Cofactor> unfactored;  // empty when the factorization is complete
  double seconds = 0;                // the time bound it was factored within
};

// The effort limits for a time bound: `limits` (ecm_bits, sieve_bits, prove_bits) hold at
// default_factor_seconds; per doubling of the bound ECM reaches 4 bits further, the sieve takes 10
// bits more and the proofs 2^(1/4) times as many bits (each costs about twice the time), and as
// much less per halving. The sieve stops growing at 240 bits.
AlgebraOptions effort_for(const AlgebraOptions& limits);

// The prime factors of q^d - 1 (q >= 2, d >= 1) as far as `limits` reach within its time bound
// (limits.budget's time left, else limits.factor_seconds), which a budget is charged. Results are
// cached for the life of the process, per (q, m) of each Phi_m(q), with the limits and time they had:
// a complete one serves every later call, an incomplete one the calls with no more effort and time.
// Safe to call from several threads.
PowerMinusOneFactors factor_power_minus_one(std::uint32_t q, long d, const AlgebraOptions& limits);

// What stops the factorization, for an error message: "a 422-digit composite factor remains",
// naming the most telling leftover (a factor too large or out of time before the others). Requires
// a non-empty factors.unfactored.
std::string unfactored_text(std::uint32_t q, const PowerMinusOneFactors& factors);

// q^d - 1 as a big integer.
mpz_class power_minus_one(std::uint32_t q, long d);

// The distinct prime factors of n >= 1, ascending: by trial division up to 2^16, which completes
// every n below 2^32 and every n with at most one prime factor above 2^16; FLINT's n_factor for
// what is left (loading FLINT then). A small register's cycle lengths so never load FLINT.
std::vector<std::uint64_t> word_prime_factors(std::uint64_t n);

}  // namespace lfsr::detail
