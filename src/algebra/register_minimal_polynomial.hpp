// The minimal polynomial of one state of an LFSR, from the register's polynomial alone.
#pragma once

#include <NTL/GF2X.h>

#include <bit>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "field/ntl_field.hpp"
#include "lfsr/lfsr.hpp"

namespace lfsr::detail {

// The minimal polynomial g of the state v (coordinates v_0..v_(n-1) as a polynomial sum v_i x^i),
// g(A) v = 0 of least degree, as f / gcd(f, r):
// - Galois: v is r(x) = sum v_i x^i in GF(q)[x]/(f) and A multiplies by x, so g r = 0 mod f.
// - Fibonacci: v = (s_0..s_{n-1}) starts the sequence with sum_j f_j s_(t+j) = 0 for all t >= 0,
//   and g(A) v = 0 iff g annihilates that sequence, iff g S is a polynomial for the series
//   S(z) = sum_t s_t z^(-t-1) = r(z) / f(z), r = polynomial part of f(z) * sum_(t<n) s_t z^(-t-1).
// GF(2) polynomials of degree < 64 as words, bit i the coefficient of x^i.
namespace gf2_word {

inline int degree(std::uint64_t a) { return 63 - std::countl_zero(a); }  // a != 0

inline std::uint64_t product(std::uint64_t a, std::uint64_t b) {  // degrees adding up to < 64
  std::uint64_t result = 0;
  for (; b != 0; b &= b - 1) result ^= a << std::countr_zero(b);
  return result;
}

inline std::uint64_t remainder(std::uint64_t a, std::uint64_t b) {
  for (const int db = degree(b); a != 0 && degree(a) >= db;) a ^= b << (degree(a) - db);
  return a;
}

inline std::uint64_t gcd(std::uint64_t a, std::uint64_t b) {
  while (b != 0) a = std::exchange(b, remainder(a, b));
  return a;
}

inline std::uint64_t exact_quotient(std::uint64_t a, std::uint64_t b) {
  std::uint64_t quotient = 0;
  for (const int db = degree(b); a != 0 && degree(a) >= db;) {
    const int shift = degree(a) - db;
    quotient |= std::uint64_t{1} << shift;
    a ^= b << shift;
  }
  return quotient;
}

// The formula below on words, for deg f = n <= 32 (the Fibonacci product stays below x^64).
inline std::uint64_t register_minimal_polynomial(std::uint64_t f, Form form, std::uint64_t v) {
  const int n = degree(f);
  std::uint64_t r = v;
  if (form != Form::galois) {
    std::uint64_t reversed = 0;  // reverse(v, n - 1)
    for (int i = 0; i < n; ++i) reversed |= ((v >> i) & 1U) << (n - 1 - i);
    r = product(f, reversed) >> n;
  }
  return exact_quotient(f, gcd(f, r));
}

inline std::uint64_t to_word(const NTL::GF2X& a) {
  unsigned char bytes[8] = {};
  NTL::BytesFromGF2X(bytes, a, 8);
  std::uint64_t word = 0;
  for (int i = 7; i >= 0; --i) word = (word << 8) | bytes[i];
  return word;
}

inline NTL::GF2X from_word(std::uint64_t word) {
  unsigned char bytes[8];
  for (unsigned char& byte : bytes) {
    byte = static_cast<unsigned char>(word & 0xFF);
    word >>= 8;
  }
  NTL::GF2X a;
  NTL::GF2XFromBytes(a, bytes, 8);
  return a;
}

}  // namespace gf2_word

template <class Poly>
Poly register_minimal_polynomial(const Poly& f, Form form, const Poly& v) {
  if constexpr (std::is_same_v<Poly, NTL::GF2X>) {
    // Small GF(2) registers (a batch names thousands a second): word arithmetic, no allocation.
    if (NTL::deg(f) <= 32 && NTL::deg(v) < NTL::deg(f))
      return gf2_word::from_word(
          gf2_word::register_minimal_polynomial(gf2_word::to_word(f), form, gf2_word::to_word(v)));
  }
  Poly r;
  if (form == Form::galois) {
    r = v;
  } else {
    const long n = NTL::deg(f);
    r = NTL::RightShift(f * NTL::reverse(v, n - 1), n);  // reverse: z^n * sum s_t z^(-t-1)
  }
  return f / NTL::GCD(f, r);
}

}  // namespace lfsr::detail
