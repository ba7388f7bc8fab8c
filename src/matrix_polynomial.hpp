// A polynomial evaluated at a square matrix: f(A).
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "ntl_field.hpp"

namespace lfsr::detail {

// f(A) by Paterson and Stockmeyer: with the powers A^0..A^s at hand, Horner's rule in A^s over
// blocks of s coefficients takes s + deg(f) / s products instead of deg(f). s <= 8 keeps the
// powers' memory small; a high-degree repeated factor (diag(C, C) has one) still gains 8 times.
template <class Poly>
NtlMatrix<Poly> evaluate(const Poly& f, const NtlMatrix<Poly>& a) {
  const long degree = NTL::deg(f);
  const long s = std::clamp<long>(std::lround(std::sqrt(static_cast<double>(degree))), 1, 8);
  std::vector<NtlMatrix<Poly>> powers(static_cast<std::size_t>(s) + 1);
  NTL::ident(powers[0], a.NumRows());
  for (std::size_t i = 1; i < powers.size(); ++i) powers[i] = powers[i - 1] * a;
  NtlMatrix<Poly> result;
  result.SetDims(a.NumRows(), a.NumRows());
  for (long block = degree / s; block >= 0; --block) {
    if (block < degree / s) result = result * powers.back();
    for (long i = 0; i < s && block * s + i <= degree; ++i) {
      const auto c = NTL::coeff(f, block * s + i);
      if (!NTL::IsZero(c)) result += powers[static_cast<std::size_t>(i)] * c;
    }
  }
  return result;
}

}  // namespace lfsr::detail
