// The characteristic polynomial of an n x n matrix over GF(p), odd p < 2^16, on machine integers.
#pragma once

#include <cstdint>
#include <vector>

#include "lfsr/field.hpp"

namespace lfsr::detail {

// chi(x) = det(xI - A), coefficients x^0 first (n + 1 of them, the last 1), for row-major entries
// 0..p-1 of an n x n matrix over the prime field GF(p), p odd: the Hessenberg reduction of
// characteristic_polynomial.cpp with residues where NTL's zz_p calls a function per element.
std::vector<std::uint32_t> prime_field_characteristic_polynomial(const Field& field, std::vector<std::uint32_t> a,
                                                                 long n);

}  // namespace lfsr::detail
