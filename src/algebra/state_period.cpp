// The period and tail of one state from its minimal polynomial, without stepping the map: for an
// LFSR from the register's polynomial, for any matrix from the Krylov vectors of the state.
#include "lfsr/state_period.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "algebra/krylov.hpp"
#include "algebra/register_minimal_polynomial.hpp"
#include "field/ntl_field.hpp"
#include "lfsr/error.hpp"
#include "registers/state_coordinates.hpp"

namespace lfsr {

namespace {

// The minimal polynomial of the state v of the matrix map, coefficients x^0 first.
template <class Poly>
std::vector<std::uint32_t> minimal_polynomial_as(const Matrix& a, const std::vector<std::uint32_t>& v) {
  return detail::from_ntl(
      detail::krylov_sequence<Poly>(detail::to_ntl_matrix<Poly>(a.entries, a.n), detail::to_ntl_vector<Poly>(v), false)
          .minimal_polynomial);
}

}  // namespace

std::vector<std::uint32_t> state_minimal_polynomial(const Lfsr& lfsr, const mpz_class& state) {
  const std::vector<std::uint32_t> v =
      detail::state_coordinates(state, lfsr.field(), lfsr.degree(), fmt::format("a degree-{} register", lfsr.degree()));
  return detail::with_ntl_field(lfsr.field(), [&]<class Poly>(std::type_identity<Poly>) {
    return detail::from_ntl(detail::register_minimal_polynomial(detail::to_ntl<Poly>(lfsr.polynomial.coefficients()),
                                                                lfsr.form, detail::to_ntl<Poly>(v)));
  });
}

StatePeriod state_period(const Lfsr& lfsr, const mpz_class& state, const AlgebraOptions& options) {
  const Field& field = lfsr.field();
  StatePeriod result;
  result.minimal_polynomial = state_minimal_polynomial(lfsr, state);
  // g = x^tail * h, h(0) != 0: the state reaches its cycle after `tail` steps; the period is ord(h).
  std::size_t tail = 0;
  while (result.minimal_polynomial[tail] == 0) ++tail;
  result.tail = tail;
  const std::vector<std::uint32_t> h(result.minimal_polynomial.begin() + static_cast<std::ptrdiff_t>(tail),
                                     result.minimal_polynomial.end());
  result.period = h.size() == 1 ? mpz_class(1) : polynomial_order(Polynomial(field, h), options);
  return result;
}

std::vector<std::uint32_t> state_minimal_polynomial(const Matrix& a, const mpz_class& state) {
  check_matrix(a);
  const std::vector<std::uint32_t> v =
      detail::state_coordinates(state, a.field, a.n, fmt::format("the {} x {} matrix", a.n, a.n));
  return detail::with_ntl_field(
      a.field, [&]<class Poly>(std::type_identity<Poly>) { return minimal_polynomial_as<Poly>(a, v); });
}

StatePeriod state_period(const Matrix& a, const mpz_class& state, const AlgebraOptions& options) {
  const std::vector<std::uint32_t> g = state_minimal_polynomial(a, state);
  if (g.size() == 1) return {1, 0, g};  // the zero state
  // v, Av, ..., A^(d-1) v span a copy of GF(q)[x]/(g) with v = 1 and A = multiplication by x: the
  // Galois register of g in state 1, whose tail and period state_period(Lfsr) knows.
  return state_period(Lfsr{Polynomial(a.field, g), Form::galois}, 1, options);
}

}  // namespace lfsr
