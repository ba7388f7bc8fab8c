// Polynomials over GF(p) in NTL: GF2X for p = 2, zz_pX otherwise, and conversions from ours.
#pragma once

#include <NTL/GF2X.h>
#include <NTL/ZZ.h>
#include <NTL/lzz_pX.h>
#include <gmpxx.h>

#include <cstdint>
#include <type_traits>
#include <vector>

namespace lfsr::detail {

// Runs body(std::type_identity<Poly>{}) with Poly = NTL::GF2X for p = 2, else NTL::zz_pX with the
// zz_p modulus p installed in this thread for the duration (restored after, also on a throw).
template <class Body>
decltype(auto) with_ntl_polynomials(std::uint32_t p, Body&& body) {
  if (p == 2) return body(std::type_identity<NTL::GF2X>{});
  const NTL::zz_pPush push(static_cast<long>(p));
  return body(std::type_identity<NTL::zz_pX>{});
}

// sum coefficients[i] x^i, entries < p.
template <class Poly>
Poly to_ntl(const std::vector<std::uint32_t>& coefficients) {
  Poly f;
  for (long i = static_cast<long>(coefficients.size()); i-- > 0;) {
    if (coefficients[static_cast<std::size_t>(i)] != 0)
      NTL::SetCoeff(f, i, static_cast<long>(coefficients[static_cast<std::size_t>(i)]));
  }
  return f;
}

// Coefficients, x^0 first; {} for the zero polynomial.
template <class Poly>
std::vector<std::uint32_t> from_ntl(const Poly& f) {
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(NTL::deg(f) + 1));
  for (long i = 0; i <= NTL::deg(f); ++i) {
    coefficients[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(NTL::rep(NTL::coeff(f, i)));
  }
  return coefficients;
}

// An exact conversion through the magnitude's bytes (n >= 0).
inline NTL::ZZ to_zz(const mpz_class& n) {
  const std::size_t size = (mpz_sizeinbase(n.get_mpz_t(), 2) + 7) / 8;
  std::vector<unsigned char> bytes(size);
  std::size_t written = 0;
  mpz_export(bytes.data(), &written, -1, 1, 0, 0, n.get_mpz_t());
  return NTL::ZZFromBytes(bytes.data(), static_cast<long>(written));
}

}  // namespace lfsr::detail
