// add_minimal_polynomials: the minimal polynomials of the representatives found by visiting states,
// each checked against the cycle it was found on.
#include <fmt/format.h>

#include <string>
#include <type_traits>
#include <vector>

#include "algebra/integer_factoring.hpp"
#include "algebra/krylov.hpp"
#include "algebra/register_minimal_polynomial.hpp"
#include "field/ntl_field.hpp"
#include "lfsr/error.hpp"
#include "lfsr/state_period.hpp"
#include "registers/state_coordinates.hpp"
#include "registers/state_text.hpp"

namespace lfsr {

namespace {

// Whether ord(g) = length for g(0) != 0: g | x^length - 1 and g does not divide x^(length/r) - 1
// for any prime r | length. Enumerated lengths fit a word, which word_prime_factors factors at
// once, where state_period would factor g and every q^deg - 1 its factors need.
template <class Poly>
bool has_order(const Poly& g, const mpz_class& length) {
  const typename detail::NtlTraits<Poly>::Modulus modulus(g);
  const auto x_power_is_one = [&modulus](const mpz_class& e) {
    Poly power;
    NTL::PowerXMod(power, detail::to_zz(e), modulus);
    return NTL::IsOne(power);
  };
  if (!x_power_is_one(length)) return false;
  for (const std::uint64_t r : detail::word_prime_factors(length.get_ui())) {
    if (x_power_is_one(length / r)) return false;
  }
  return true;
}

// Whether a state of minimal polynomial g = x^tail h has tail 0 and period `length`.
template <class Poly>
bool on_cycle_of_length(const Poly& g, const mpz_class& length, const Field& field, const AlgebraOptions& options) {
  if (NTL::IsZero(NTL::ConstTerm(g))) return false;  // tail > 0
  if (NTL::deg(g) == 0) return length == 1;          // the zero state
  if (length.fits_ulong_p()) return has_order(g, length);
  return polynomial_order(Polynomial(field, detail::from_ntl(g)), options) == length;
}

// Fills the empty minimal polynomials, minimal_polynomial_of(state) giving a state's, and checks
// each state against its cycle; on a mismatch state_period(subject) names what the state is.
template <class Poly, class Subject, class MinimalPolynomialOf>
void complete(const Subject& subject, const Field& field, const MinimalPolynomialOf& minimal_polynomial_of,
              CycleStructure& structure, PeriodCheck check, const AlgebraOptions& options) {
  for (auto& [length, representative] : structure.representatives) {
    if (!representative.minimal_polynomial.empty()) continue;
    const Poly g = minimal_polynomial_of(representative.state);
    if (check == PeriodCheck::checked && !on_cycle_of_length(g, length, field, options)) {
      const StatePeriod found = state_period(subject, representative.state, options);
      throw InternalError(fmt::format(
          "state {} was found on a cycle of length {}, but its minimal polynomial gives period {} and tail {}",
          state_index_text(representative.state), length.get_str(), found.period.get_str(), found.tail.get_str()));
    }
    representative.minimal_polynomial = detail::from_ntl(g);
  }
  if (structure.longest_tail_state) {
    // The tail is the number of factors x of the minimal polynomial.
    const Poly g = minimal_polynomial_of(*structure.longest_tail_state);
    long tail = 0;
    while (NTL::IsZero(NTL::coeff(g, tail))) ++tail;
    if (structure.max_tail != tail) {
      throw InternalError(
          fmt::format("state {} was found with the longest tail, {}, but its minimal polynomial gives {}",
                      state_index_text(*structure.longest_tail_state), structure.max_tail.get_str(), tail));
    }
  }
}

}  // namespace

// One NTL context and one conversion of the polynomial or matrix for all the states.
void add_minimal_polynomials(const Lfsr& lfsr, CycleStructure& structure, PeriodCheck check,
                             const AlgebraOptions& options) {
  detail::with_ntl_field(lfsr.field(), [&]<class Poly>(std::type_identity<Poly>) {
    const Poly f = detail::to_ntl<Poly>(lfsr.polynomial.coefficients());
    const auto minimal_polynomial_of = [&](const mpz_class& state) {
      const std::vector<std::uint32_t> v =
          detail::state_coordinates(state, lfsr.field(), lfsr.degree(), "the register");
      return detail::register_minimal_polynomial(f, lfsr.form, detail::to_ntl<Poly>(v));
    };
    complete<Poly>(lfsr, lfsr.field(), minimal_polynomial_of, structure, check, options);
  });
}

void add_minimal_polynomials(const Matrix& a, CycleStructure& structure, PeriodCheck check,
                             const AlgebraOptions& options) {
  check_matrix(a);
  detail::with_ntl_field(a.field, [&]<class Poly>(std::type_identity<Poly>) {
    const detail::NtlMatrix<Poly> m = detail::to_ntl_matrix<Poly>(a.entries, a.n);
    const auto minimal_polynomial_of = [&](const mpz_class& state) {
      const std::vector<std::uint32_t> v = detail::state_coordinates(state, a.field, a.n, "the matrix");
      return detail::krylov_sequence<Poly>(m, detail::to_ntl_vector<Poly>(v), false).minimal_polynomial;
    };
    complete<Poly>(a, a.field, minimal_polynomial_of, structure, check, options);
  });
}

}  // namespace lfsr
