// The minimal polynomial of one state of an LFSR, from the register's polynomial alone.
#pragma once

#include "field/ntl_field.hpp"
#include "lfsr/lfsr.hpp"

namespace lfsr::detail {

// The minimal polynomial g of the state v (coordinates v_0..v_(n-1) as a polynomial sum v_i x^i),
// g(A) v = 0 of least degree, as f / gcd(f, r):
// - Galois: v is r(x) = sum v_i x^i in GF(q)[x]/(f) and A multiplies by x, so g r = 0 mod f.
// - Fibonacci: v = (s_0..s_{n-1}) starts the sequence with sum_j f_j s_(t+j) = 0 for all t >= 0,
//   and g(A) v = 0 iff g annihilates that sequence, iff g S is a polynomial for the series
//   S(z) = sum_t s_t z^(-t-1) = r(z) / f(z), r = polynomial part of f(z) * sum_(t<n) s_t z^(-t-1).
template <class Poly>
Poly register_minimal_polynomial(const Poly& f, Form form, const Poly& v) {
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
