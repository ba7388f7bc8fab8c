// An LFSR: characteristic polynomial plus form, and its transition matrix over GF(q).
#pragma once

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

}  // namespace lfsr
