// A polynomial evaluated at a square matrix, f(A), and vectors of a given level in ker P(A)^t.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "field/ntl_field.hpp"
#include "lfsr/error.hpp"

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

// A vector of ker P(A)^t outside ker P(A)^(t-1), for P irreducible and t a level that has states
// (dim ker P(A)^t > dim ker P(A)^(t-1)): some vector of a basis of the first kernel is.
// Throws InternalError when t is no such level.
template <class Poly>
NtlVector<Poly> vector_of_level(const NtlMatrix<Poly>& a, const Poly& irreducible, long t) {
  const NtlMatrix<Poly> b = evaluate(irreducible, a);
  NtlMatrix<Poly> below;  // P(A)^(t-1)
  NTL::power(below, b, t - 1);
  NtlMatrix<Poly> kernel;  // rows x with x (below b)^T = 0: the vectors with below b x = 0
  NTL::kernel(kernel, NTL::transpose(NtlMatrix<Poly>(below * b)));
  for (long i = 0; i < kernel.NumRows(); ++i) {
    if (!NTL::IsZero(NtlVector<Poly>(below * kernel[i]))) return kernel[i];
  }
  throw InternalError(fmt::format("a matrix has no vector of level {} for an irreducible factor", t));
}

}  // namespace lfsr::detail
