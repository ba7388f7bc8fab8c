// The characteristic polynomial on NTL's element types, kept for every field as the reference that
// the table arithmetic of GF(p^k) is tested against.
#pragma once

#include "lfsr/matrix.hpp"

namespace lfsr::detail {

// chi(x) = det(xI - A) by Hessenberg reduction over NTL (GF2, zz_p, GF2E, zz_pE). Throws InputError
// as check_matrix does.
Polynomial characteristic_polynomial_by_ntl(const Matrix& a);

}  // namespace lfsr::detail
