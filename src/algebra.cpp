// The cycle structure as the gcd/lcm product of the primary parts of the characteristic polynomial.
#include "lfsr/algebra.hpp"

#include <fmt/format.h>

#include <utility>

#include "integer_factoring.hpp"
#include "lfsr/error.hpp"
#include "polynomial_order.hpp"

namespace lfsr {

namespace {

using Histogram = std::map<mpz_class, mpz_class>;  // cycle length -> number of cycles

mpz_class power(std::uint32_t q, long exponent) {
  mpz_class result;
  mpz_ui_pow_ui(result.get_mpz_t(), q, static_cast<unsigned long>(exponent));
  return result;
}

// The cycles of V = ker P(A)^e, dim V = d e: the zero vector is a fixed point, and level j
// (1 <= j <= e) holds q^(dj) - q^(d(j-1)) states, each of period ord(P^j).
Histogram primary_part_cycles(const detail::PrimaryFactor& factor, const Field& field) {
  Histogram cycles{{1, 1}};
  const mpz_class level_growth = power(field.q(), factor.degree);
  mpz_class below = 1;  // q^(d(j-1)) = states of level < j
  for (long j = 1; j <= factor.multiplicity; ++j) {
    const mpz_class up_to = below * level_growth;
    const mpz_class period = detail::power_order(factor.order, field.p(), j);
    mpz_class count;
    mpz_divexact(count.get_mpz_t(), mpz_class(up_to - below).get_mpz_t(), period.get_mpz_t());
    cycles[period] += count;
    below = up_to;
  }
  return cycles;
}

// X (+) Y: m_X(a) * m_Y(b) * gcd(a, b) cycles of length lcm(a, b) for each pair.
Histogram product(const Histogram& x, const Histogram& y) {
  Histogram result;
  for (const auto& [a, count_a] : x) {
    for (const auto& [b, count_b] : y) {
      const mpz_class g = gcd(a, b);
      result[a / g * b] += count_a * count_b * g;
    }
    if (result.size() > max_cycle_lengths) {
      throw ResourceError(
          fmt::format("the cycle structure has more than {} distinct cycle lengths", max_cycle_lengths));
    }
  }
  return result;
}

}  // namespace

CycleStructure algebraic_cycle_structure(const Polynomial& f, const AlgebraOptions& options) {
  const detail::OrderedFactorization factorization = detail::factor_with_orders(f, options);
  Histogram cycles{{1, 1}};
  for (const detail::PrimaryFactor& factor : factorization.factors) {
    cycles = product(cycles, primary_part_cycles(factor, f.field()));
  }
  CycleStructure result;
  result.states = power(f.field().q(), f.degree());
  result.cyclic_states = power(f.field().q(), f.degree() - factorization.nilpotent_degree);
  result.transient_states = result.states - result.cyclic_states;
  result.max_tail = factorization.nilpotent_degree;
  result.cycles = std::move(cycles);
  if (result.states_on_cycles() != result.cyclic_states) {
    throw InternalError(fmt::format("algebraic method: the cycles of {} cover {} states, not the {} cyclic ones",
                                    f.to_string(), result.states_on_cycles().get_str(),
                                    result.cyclic_states.get_str()));
  }
  return result;
}

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

}  // namespace lfsr
