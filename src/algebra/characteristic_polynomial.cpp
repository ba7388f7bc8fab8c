// chi(x) = det(xI - A) by reduction to Hessenberg form: NTL has no characteristic polynomial for
// its finite-field matrices (mat_GF2, mat_zz_p, mat_GF2E, mat_zz_pE).
#include "algebra/characteristic_polynomial.hpp"

#include <vector>

#include "algebra/log_table_matrix.hpp"
#include "algebra/prime_field_matrix.hpp"
#include "field/ntl_field.hpp"

namespace lfsr {

namespace {

// H = E A E^-1 upper Hessenberg (h[i][j] = 0 for i > j + 1), chi unchanged. Column m - 1 is cleared
// below row m by the row operations row_i -= u_i row_m; their inverse on the right is the one
// column operation col_m += sum_i u_i col_i, an inner product per row, so every step works on
// whole NTL rows (packed words over GF(2)).
template <class Poly>
void reduce_to_hessenberg(detail::NtlMatrix<Poly>& h) {
  using Element = detail::NtlElement<Poly>;
  const long n = h.NumRows();
  NTL::Vec<Element> multipliers;
  NTL::Vec<Element> scaled;
  for (long m = 1; m + 1 < n; ++m) {
    long pivot = m;
    while (pivot < n && NTL::IsZero(h[pivot][m - 1])) ++pivot;
    if (pivot == n) continue;
    if (pivot != m) {  // the permutation swaps rows and columns alike
      NTL::swap(h[pivot], h[m]);
      for (long r = 0; r < n; ++r) {
        const Element t = h[r][pivot];
        h[r][pivot] = Element(h[r][m]);
        h[r][m] = t;
      }
    }
    const Element inverse = NTL::inv(Element(h[m][m - 1]));
    multipliers.SetLength(n);
    NTL::clear(multipliers);
    for (long i = m + 1; i < n; ++i) {
      multipliers[i] = h[i][m - 1] * inverse;
      if (NTL::IsZero(multipliers[i])) continue;
      NTL::mul(scaled, h[m], Element(multipliers[i]));
      h[i] -= scaled;
    }
    for (long r = 0; r < n; ++r) h[r][m] += h[r] * multipliers;
  }
}

// chi of an upper Hessenberg H from its leading principal blocks: p_0 = 1 and, expanding the last
// column of xI - H[0..m)[0..m),
//   p_m = (x - h[m-1][m-1]) p_(m-1) - sum_(0 < i < m) h[i-1][m-1] (h[i][i-1] ... h[m-1][m-2]) p_(i-1).
template <class Poly>
Poly hessenberg_characteristic_polynomial(const detail::NtlMatrix<Poly>& h) {
  using Element = detail::NtlElement<Poly>;
  const long n = h.NumRows();
  std::vector<Poly> p(static_cast<std::size_t>(n) + 1);
  NTL::set(p[0]);
  for (long m = 1; m <= n; ++m) {
    const auto previous = static_cast<std::size_t>(m - 1);
    Poly& chi = p[previous + 1];
    NTL::LeftShift(chi, p[previous], 1);
    chi -= p[previous] * Element(h[m - 1][m - 1]);
    Element subdiagonal_product;
    NTL::set(subdiagonal_product);
    for (long i = m - 1; i >= 1; --i) {
      subdiagonal_product *= h[i][i - 1];
      if (NTL::IsZero(subdiagonal_product)) break;  // the block splits: no earlier term contributes
      chi -= p[static_cast<std::size_t>(i - 1)] * (h[i - 1][m - 1] * subdiagonal_product);
    }
  }
  return p.back();
}

}  // namespace

namespace detail {

Polynomial characteristic_polynomial_by_ntl(const Matrix& a) {
  check_matrix(a);
  return detail::with_ntl_field(a.field, [&]<class Poly>(std::type_identity<Poly>) {
    detail::NtlMatrix<Poly> h = detail::to_ntl_matrix<Poly>(a.entries, a.n);
    reduce_to_hessenberg<Poly>(h);
    return Polynomial(a.field, detail::from_ntl(hessenberg_characteristic_polynomial<Poly>(h)));
  });
}

}  // namespace detail

// GF(2) stays on NTL (packed rows); odd GF(p) runs on residues with Shoup's multiplication, where
// NTL's zz_p calls a function per element; GF(p^k) runs on tables, where each NTL element operation
// is a polynomial product modulo the field's modulus.
Polynomial characteristic_polynomial(const Matrix& a) {
  if (a.field.is_prime() && a.field.p() == 2) return detail::characteristic_polynomial_by_ntl(a);
  check_matrix(a);
  if (a.field.is_prime())
    return Polynomial(a.field, detail::prime_field_characteristic_polynomial(a.field, a.entries, a.n));
  const detail::LogTableField field(a.field);
  return Polynomial(a.field, detail::table_characteristic_polynomial(field, detail::table_matrix(a.entries, a.n)));
}

}  // namespace lfsr
