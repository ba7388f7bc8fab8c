// The period and tail of one state of any matrix map, from the minimal polynomial of its Krylov vectors.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "algebra/krylov.hpp"
#include "lfsr/algebra.hpp"
#include "lfsr/error.hpp"
#include "field/ntl_field.hpp"
#include "registers/state_coordinates.hpp"

namespace lfsr {

namespace {

// The minimal polynomial of the state v, coefficients x^0 first.
template <class Poly>
std::vector<std::uint32_t> minimal_polynomial_as(const Matrix& a, const std::vector<std::uint32_t>& v) {
  return detail::from_ntl(
      detail::krylov_sequence<Poly>(detail::to_ntl_matrix<Poly>(a.entries, a.n), detail::to_ntl_vector<Poly>(v), false)
          .minimal_polynomial);
}

}  // namespace

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
