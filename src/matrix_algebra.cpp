// The period and tail of one state of any matrix map, from the minimal polynomial of its Krylov vectors.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "lfsr/algebra.hpp"
#include "lfsr/error.hpp"
#include "ntl_field.hpp"
#include "state_coordinates.hpp"

namespace lfsr {

namespace {

// The minimal polynomial g of v (g(A) v = 0, monic of least degree), coefficients x^0 first. Each
// u_t = A^t v is reduced against an echelon basis of u_0..u_(t-1), every basis vector w carrying
// its coefficients c in the u_i (w = sum c_i u_i); the first u_t that reduces to 0 = sum c_i u_i,
// c_t = 1, gives g = sum c_i x^i.
template <class Poly>
std::vector<std::uint32_t> minimal_polynomial_as(const Matrix& a, const std::vector<std::uint32_t>& v) {
  using Element = detail::NtlElement<Poly>;
  using Vector = NTL::Vec<Element>;
  struct Reduced {
    Vector vector;
    Vector coefficients;
    long pivot;  // vector[pivot] = 1 and the later basis vectors are 0 there
  };
  const long n = a.n;
  const detail::NtlMatrix<Poly> m = detail::to_ntl_matrix<Poly>(a.entries, n);
  Vector u;
  u.SetLength(n);
  for (long i = 0; i < n; ++i) u[i] = detail::to_ntl_element<Element>(v[static_cast<std::size_t>(i)]);
  std::vector<Reduced> basis;
  for (long t = 0;; ++t) {
    Reduced w{u, {}, 0};
    w.coefficients.SetLength(n + 1);
    NTL::set(w.coefficients[t]);
    for (const Reduced& b : basis) {
      const Element factor = w.vector[b.pivot];
      if (NTL::IsZero(factor)) continue;
      w.vector -= b.vector * factor;
      w.coefficients -= b.coefficients * factor;
    }
    while (w.pivot < n && NTL::IsZero(w.vector[w.pivot])) ++w.pivot;
    if (w.pivot == n) {
      std::vector<std::uint32_t> g(static_cast<std::size_t>(t) + 1);
      for (long i = 0; i <= t; ++i)
        g[static_cast<std::size_t>(i)] = detail::from_ntl_element(Element(w.coefficients[i]));
      return g;
    }
    const Element scale = NTL::inv(Element(w.vector[w.pivot]));
    w.vector *= scale;
    w.coefficients *= scale;
    basis.push_back(std::move(w));
    u = m * u;
  }
}

}  // namespace

StatePeriod state_period(const Matrix& a, const mpz_class& state, const AlgebraOptions& options) {
  check_matrix(a);
  const std::vector<std::uint32_t> v =
      detail::state_coordinates(state, a.field, a.n, fmt::format("the {} x {} matrix", a.n, a.n));
  const std::vector<std::uint32_t> g = detail::with_ntl_field(
      a.field, [&]<class Poly>(std::type_identity<Poly>) { return minimal_polynomial_as<Poly>(a, v); });
  if (g.size() == 1) return {1, 0, g};  // the zero state
  // v, Av, ..., A^(d-1) v span a copy of GF(q)[x]/(g) with v = 1 and A = multiplication by x: the
  // Galois register of g in state 1, whose tail and period state_period(Lfsr) knows.
  return state_period(Lfsr{Polynomial(a.field, g), Form::galois}, 1, options);
}

}  // namespace lfsr
