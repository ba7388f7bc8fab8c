// The Krylov sequence v, Av, A^2 v, ... of one vector under a matrix, and its minimal polynomial.
#pragma once

#include <vector>

#include "field/ntl_field.hpp"

namespace lfsr::detail {

// g, the minimal polynomial of v (g(A) v = 0, monic of least degree), and when asked for the
// vectors A^t v for t < deg g, which span the cyclic subspace of v: h(A) v = sum h_t A^t v for
// deg h < deg g.
template <class Poly>
struct KrylovSequence {
  Poly minimal_polynomial;
  std::vector<NtlVector<Poly>> powers;
};

// Each u_t = A^t v is reduced against an echelon basis of u_0..u_(t-1), every basis vector w
// carrying its coefficients c in the u_i (w = sum c_i u_i); the first u_t that reduces to
// 0 = sum c_i u_i, c_t = 1, gives g = sum c_i x^i. O(n^2 deg g) field operations.
template <class Poly>
KrylovSequence<Poly> krylov_sequence(const NtlMatrix<Poly>& a, const NtlVector<Poly>& v, bool keep_powers) {
  using Element = NtlElement<Poly>;
  using Vector = NtlVector<Poly>;
  struct Reduced {
    Vector vector;
    Vector coefficients;
    long pivot;  // vector[pivot] = 1 and the later basis vectors are 0 there
  };
  const long n = a.NumRows();
  KrylovSequence<Poly> result;
  Vector u = v;
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
      for (long i = 0; i <= t; ++i) NTL::SetCoeff(result.minimal_polynomial, i, Element(w.coefficients[i]));
      return result;
    }
    const Element scale = NTL::inv(Element(w.vector[w.pivot]));
    w.vector *= scale;
    w.coefficients *= scale;
    basis.push_back(std::move(w));
    if (keep_powers) result.powers.push_back(u);
    u = a * u;
  }
}

// h(A) v = sum h_t A^t v from the powers of a Krylov sequence (deg h < powers.size()).
template <class Poly>
NtlVector<Poly> apply_polynomial(const Poly& h, const std::vector<NtlVector<Poly>>& powers, long n) {
  NtlVector<Poly> result;
  result.SetLength(n);
  for (long t = 0; t <= NTL::deg(h); ++t) {
    const NtlElement<Poly> c = NTL::coeff(h, t);
    if (!NTL::IsZero(c)) result += powers[static_cast<std::size_t>(t)] * c;
  }
  return result;
}

}  // namespace lfsr::detail
