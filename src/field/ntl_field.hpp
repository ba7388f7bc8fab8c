// Our fields in NTL: GF2 / zz_p for prime fields, GF2E / zz_pE for GF(p^k), with their polynomials
// and matrices, the contexts they need, and conversions from our integer elements.
#pragma once

#include <NTL/GF2E.h>
#include <NTL/GF2EX.h>
#include <NTL/GF2EXFactoring.h>
#include <NTL/GF2X.h>
#include <NTL/GF2XFactoring.h>
#include <NTL/ZZ.h>
#include <NTL/lzz_pE.h>
#include <NTL/lzz_pEX.h>
#include <NTL/lzz_pEXFactoring.h>
#include <NTL/lzz_pX.h>
#include <NTL/lzz_pXFactoring.h>
#include <NTL/mat_GF2.h>
#include <NTL/mat_GF2E.h>
#include <NTL/mat_lzz_p.h>
#include <NTL/mat_lzz_pE.h>
#include <gmpxx.h>

#include <cstdint>
#include <type_traits>
#include <vector>

#include "lfsr/field.hpp"

namespace lfsr::detail {

// The NTL types that go with one polynomial type. CompositionTable: the powers of h modulo f that
// composition g(h) mod f uses (Brent and Kung).
template <class Poly>
struct NtlTraits;
template <>
struct NtlTraits<NTL::GF2X> {
  using Element = NTL::GF2;
  using Matrix = NTL::mat_GF2;
  using Modulus = NTL::GF2XModulus;
  using CompositionTable = NTL::GF2XArgument;
  using Factors = NTL::vec_pair_GF2X_long;
};
template <>
struct NtlTraits<NTL::zz_pX> {
  using Element = NTL::zz_p;
  using Matrix = NTL::mat_zz_p;
  using Modulus = NTL::zz_pXModulus;
  using CompositionTable = NTL::zz_pXArgument;
  using Factors = NTL::vec_pair_zz_pX_long;
};
template <>
struct NtlTraits<NTL::GF2EX> {
  using Element = NTL::GF2E;
  using Matrix = NTL::mat_GF2E;
  using Modulus = NTL::GF2EXModulus;
  using CompositionTable = NTL::GF2EXArgument;
  using Factors = NTL::vec_pair_GF2EX_long;
};
template <>
struct NtlTraits<NTL::zz_pEX> {
  using Element = NTL::zz_pE;
  using Matrix = NTL::mat_zz_pE;
  using Modulus = NTL::zz_pEXModulus;
  using CompositionTable = NTL::zz_pEXArgument;
  using Factors = NTL::vec_pair_zz_pEX_long;
};

template <class Poly>
using NtlElement = typename NtlTraits<Poly>::Element;
template <class Poly>
using NtlMatrix = typename NtlTraits<Poly>::Matrix;
template <class Poly>
using NtlVector = NTL::Vec<NtlElement<Poly>>;

// sum digits[i] x^i over GF(p) as GF2X (p = 2) or zz_pX (the zz_p modulus p installed).
template <class BasePoly>
BasePoly base_polynomial(const std::vector<std::uint32_t>& digits) {
  BasePoly f;
  for (long i = static_cast<long>(digits.size()); i-- > 0;) {
    if (digits[static_cast<std::size_t>(i)] != 0)
      NTL::SetCoeff(f, i, static_cast<long>(digits[static_cast<std::size_t>(i)]));
  }
  return f;
}

// Runs body(std::type_identity<Poly>{}) with the NTL polynomial type of the field: GF2X, zz_pX,
// GF2EX or zz_pEX, with the contexts it needs (zz_p modulus p; GF2E / zz_pE modulus the field's
// defining polynomial) installed in this thread for the duration and restored after, also on a throw.
template <class Body>
decltype(auto) with_ntl_field(const Field& field, Body&& body) {
  if (field.q() == 2) return body(std::type_identity<NTL::GF2X>{});
  if (field.p() == 2) {
    const NTL::GF2EPush push(base_polynomial<NTL::GF2X>(field.modulus()));
    return body(std::type_identity<NTL::GF2EX>{});
  }
  const NTL::zz_pPush push_p(static_cast<long>(field.p()));
  if (field.is_prime()) return body(std::type_identity<NTL::zz_pX>{});
  const NTL::zz_pEPush push_e(base_polynomial<NTL::zz_pX>(field.modulus()));
  return body(std::type_identity<NTL::zz_pEX>{});
}

// Whether the polynomial with these coefficients (x^0 first, degree >= 1) is irreducible over
// `field`: NTL's iterated test, for a modulus as for a register's polynomial (field.cpp).
bool is_irreducible(const Field& field, const std::vector<std::uint32_t>& coefficients);

// Our element (base-p digits = coefficients in a) as the NTL element; the contexts installed.
template <class Element>
Element to_ntl_element(std::uint32_t value) {
  if constexpr (std::is_same_v<Element, NTL::GF2> || std::is_same_v<Element, NTL::zz_p>) {
    return Element(static_cast<long>(value));
  } else {
    using BasePoly = std::conditional_t<std::is_same_v<Element, NTL::GF2E>, NTL::GF2X, NTL::zz_pX>;
    const auto p = static_cast<std::uint32_t>(std::is_same_v<Element, NTL::GF2E> ? 2 : NTL::zz_p::modulus());
    std::vector<std::uint32_t> digits;
    for (; value != 0; value /= p) digits.push_back(value % p);
    return NTL::conv<Element>(base_polynomial<BasePoly>(digits));
  }
}

template <class Element>
std::uint32_t from_ntl_element(const Element& element) {
  if constexpr (std::is_same_v<Element, NTL::GF2> || std::is_same_v<Element, NTL::zz_p>) {
    return static_cast<std::uint32_t>(NTL::rep(element));
  } else {
    const auto p = static_cast<std::uint32_t>(std::is_same_v<Element, NTL::GF2E> ? 2 : NTL::zz_p::modulus());
    const auto& digits = NTL::rep(element);
    std::uint32_t value = 0;
    for (long i = NTL::deg(digits); i >= 0; --i)
      value = value * p + static_cast<std::uint32_t>(NTL::rep(NTL::coeff(digits, i)));
    return value;
  }
}

// sum coefficients[i] x^i, entries elements of the field.
template <class Poly>
Poly to_ntl(const std::vector<std::uint32_t>& coefficients) {
  Poly f;
  for (long i = static_cast<long>(coefficients.size()); i-- > 0;) {
    const std::uint32_t c = coefficients[static_cast<std::size_t>(i)];
    if (c != 0) NTL::SetCoeff(f, i, to_ntl_element<NtlElement<Poly>>(c));
  }
  return f;
}

// Coefficients, x^0 first; {} for the zero polynomial.
template <class Poly>
std::vector<std::uint32_t> from_ntl(const Poly& f) {
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(NTL::deg(f) + 1));
  for (long i = 0; i <= NTL::deg(f); ++i) {
    coefficients[static_cast<std::size_t>(i)] = from_ntl_element(NTL::coeff(f, i));
  }
  return coefficients;
}

// A dense row-major n x n matrix of field elements.
template <class Poly>
NtlMatrix<Poly> to_ntl_matrix(const std::vector<std::uint32_t>& entries, long n) {
  NtlMatrix<Poly> a;
  a.SetDims(n, n);
  for (long i = 0; i < n; ++i) {
    for (long j = 0; j < n; ++j)
      a[i][j] = to_ntl_element<NtlElement<Poly>>(entries[static_cast<std::size_t>(i * n + j)]);
  }
  return a;
}

// A state's coordinates as a column vector.
template <class Poly>
NtlVector<Poly> to_ntl_vector(const std::vector<std::uint32_t>& coordinates) {
  NtlVector<Poly> v;
  v.SetLength(static_cast<long>(coordinates.size()));
  for (long i = 0; i < v.length(); ++i)
    v[i] = to_ntl_element<NtlElement<Poly>>(coordinates[static_cast<std::size_t>(i)]);
  return v;
}

template <class Poly>
std::vector<std::uint32_t> from_ntl_vector(const NtlVector<Poly>& v) {
  std::vector<std::uint32_t> coordinates(static_cast<std::size_t>(v.length()));
  for (long i = 0; i < v.length(); ++i)
    coordinates[static_cast<std::size_t>(i)] = from_ntl_element(NtlElement<Poly>(v[i]));
  return coordinates;
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
