// An LFSR: characteristic polynomial plus form, and its transition matrix over GF(q) as NTL holds it.
#pragma once

#include <NTL/mat_GF2.h>
#include <NTL/mat_GF2E.h>
#include <NTL/mat_lzz_p.h>
#include <NTL/mat_lzz_pE.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lfsr/polynomial.hpp"

namespace lfsr {

// Fibonacci: (s_0..s_{n-1}) -> (s_1..s_{n-1}, sum c_i s_i). Galois: r(x) -> x r(x) mod f(x).
enum class Form { fibonacci, galois };

std::string_view form_name(Form form);
// Throws InputError for anything but "fibonacci" or "galois".
Form parse_form(std::string_view text);

struct Lfsr {
  Polynomial polynomial;
  Form form = Form::fibonacci;

  int degree() const { return polynomial.degree(); }
  const Field& field() const { return polynomial.field(); }
};

// The transition matrix A, dense and row-major, entries in 0..q-1: next = A v.
// Fibonacci: v'_i = v_{i+1} (i < n-1), v'_{n-1} = sum c_i v_i.
// Galois:    v'_i = v_{i-1} + c_i v_{n-1} (v_{-1} = 0), i.e. x r(x) mod f with x^n = sum c_i x^i.
std::vector<std::uint32_t> transition_entries(const Lfsr& lfsr);

// Transition matrix A with next = A v, v the column vector of the state's coordinates
// (state index = sum v_i q^i). For q = 2.
NTL::mat_GF2 transition_matrix_gf2(const Lfsr& lfsr);

// The same over GF(p); the caller must have installed the zz_p modulus p (zz_p::init or a
// zz_pContext) in the calling thread.
NTL::mat_zz_p transition_matrix_zz_p(const Lfsr& lfsr);

// The same over GF(2^k), k >= 2; the caller must have installed the field's modulus as the GF2E
// modulus in the calling thread (GF2E::init or GF2EPush). Throws InternalError otherwise.
NTL::mat_GF2E transition_matrix_gf2e(const Lfsr& lfsr);

// The same over GF(p^k), p odd, k >= 2; the caller must have installed the zz_p modulus p and the
// field's modulus as the zz_pE modulus in the calling thread. Throws InternalError otherwise.
NTL::mat_zz_pE transition_matrix_zz_pe(const Lfsr& lfsr);

}  // namespace lfsr
