// Closed formulas and shared checks the tests compare against: necklace counts, Moebius and
// Euler functions, the worked examples of docs/theory.md, and the random-case multiplier.
#pragma once

#include <gmpxx.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <vector>

#include "lfsr/cycle_structure.hpp"
#include "lfsr/polynomial.hpp"

namespace lfsr::testing {

// Random cases per test, scaled by LFSR_TEST_MULTIPLIER so a long run can dig deeper.
inline int random_cases(int base) {
  const char* multiplier = std::getenv("LFSR_TEST_MULTIPLIER");
  return multiplier == nullptr ? base : base * std::max(1, std::atoi(multiplier));
}

inline mpz_class power(unsigned q, unsigned e) {
  mpz_class result;
  mpz_ui_pow_ui(result.get_mpz_t(), q, e);
  return result;
}

inline std::vector<unsigned> divisors(unsigned n) {
  std::vector<unsigned> out;
  for (unsigned d = 1; d <= n; ++d)
    if (n % d == 0) out.push_back(d);
  return out;
}

inline int moebius(unsigned n) {
  int sign = 1;
  for (unsigned r = 2; r * r <= n; ++r) {
    if (n % r != 0) continue;
    n /= r;
    if (n % r == 0) return 0;
    sign = -sign;
  }
  return n > 1 ? -sign : sign;
}

// Euler's phi of a 64-bit integer by trial division.
inline std::uint64_t euler_phi(std::uint64_t n) {
  std::uint64_t result = n;
  for (std::uint64_t r = 2; r * r <= n; ++r) {
    if (n % r != 0) continue;
    while (n % r == 0) n /= r;
    result -= result / r;
  }
  if (n > 1) result -= result / n;
  return result;
}

// All necklaces of length n over q letters, (1/n) sum_{d | n} phi(d) q^(n/d): the cycles of x^n - 1.
inline mpz_class necklace_count(unsigned q, unsigned n) {
  mpz_class total = 0;
  for (unsigned d : divisors(n)) total += static_cast<unsigned long>(euler_phi(d)) * power(q, n / d);
  return total / n;
}

// Aperiodic necklaces of length l, (1/l) sum_{d | l} mu(d) q^(l/d), for each l | n: x^n - 1
// rotates the state, so it has exactly that many cycles of length l.
inline std::map<mpz_class, mpz_class> rotation_cycles(unsigned q, unsigned n) {
  std::map<mpz_class, mpz_class> cycles;
  for (unsigned l : divisors(n)) {
    mpz_class words = 0;
    for (unsigned d : divisors(l)) words += moebius(d) * power(q, l / d);
    cycles[l] = words / l;
  }
  return cycles;
}

// Monic irreducible polynomials of degree n over GF(q): (1/n) sum_{d | n} mu(d) q^(n/d), the
// aperiodic necklaces of length n.
inline mpz_class irreducible_count(unsigned q, unsigned n) { return rotation_cycles(q, n).at(n); }

// Primitive polynomials of degree n over GF(q): phi(q^n - 1) / n (q^n < 2^64).
inline std::uint64_t primitive_count(unsigned q, unsigned n) { return euler_phi(power(q, n).get_ui() - 1) / n; }

inline Polynomial x_to_the_n_minus_one(const Field& field, unsigned n) {
  std::vector<std::uint32_t> coefficients(n + 1, 0);
  coefficients[0] = field.neg(1);
  coefficients[n] = 1;
  return Polynomial(field, coefficients);
}

// The small worked examples of docs/theory.md ("Worked examples") over GF(2), by any method.
inline void check_theory_examples(const std::function<CycleStructure(const char*)>& cycles_of) {
  using Histogram = std::map<mpz_class, mpz_class>;
  CHECK(cycles_of("x^4+x+1").cycles == Histogram{{1, 1}, {15, 1}});
  CHECK(cycles_of("x^4+x^3+x^2+x+1").cycles == Histogram{{1, 1}, {5, 3}});
  CHECK(cycles_of("x^4+1").cycles == Histogram{{1, 2}, {2, 1}, {4, 3}});
  const CycleStructure singular = cycles_of("x^3+x^2");
  CHECK(singular.cyclic_states == 2);
  CHECK(singular.transient_states == 6);
  CHECK(singular.max_tail == 2);
  CHECK(singular.fixed_points() == 2);
}

}  // namespace lfsr::testing
