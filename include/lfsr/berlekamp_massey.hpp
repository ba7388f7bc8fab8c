// Linear complexity: the shortest LFSR that generates a given sequence over GF(q) (Berlekamp-Massey).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "lfsr/field.hpp"

namespace lfsr {

// The shortest LFSR that generates a sequence s_0..s_{N-1} over GF(q).
struct LinearComplexity {
  int complexity = 0;               // L
  std::size_t sequence_length = 0;  // N
  // The register's characteristic polynomial in the tool's convention f(x) = x^L - sum c_i x^i, so that
  // the Fibonacci register of f started from s_0..s_{L-1} regenerates the whole sequence
  // (s_{t+L} = sum c_i s_{t+i}). Monic of degree L, coefficients x^0 first; empty when L = 0. It may
  // be singular (f(0) = 0) when the sequence has a transient, as 0,0,1,0,0,0 (f = x^3) does.
  std::vector<std::uint32_t> polynomial;
  // profile[t] = L of s_0..s_t; filled only when asked for, else empty.
  std::vector<int> profile;
  // N >= 2L: no other register of length L generates the sequence.
  bool unique() const { return 2 * static_cast<std::size_t>(complexity) <= sequence_length; }
};

// Berlekamp-Massey, O(N^2) field operations (over GF(2) on 64-bit words). Throws InputError when an
// element is not below q. The empty sequence and the all-zero one have L = 0.
LinearComplexity berlekamp_massey(const std::vector<std::uint32_t>& sequence, const Field& field,
                                  bool with_profile = false);

// The longest sequence parse_sequence accepts over this field, so that berlekamp_massey takes at most
// a few seconds on one core (figures in src/registers/berlekamp_massey.cpp).
std::size_t max_sequence_length(const Field& field);

// A sequence as text: elements separated by spaces, commas and newlines, each as parse_element reads
// it (a plain integer 0..q-1 or the a form without spaces); over GF(2) a run of two or more digits is
// a bit string, one element per digit ("0110" = 0, 1, 1, 0). '#' starts a comment to the end of the
// line; a comma may end a line. Throws InputError "sequence element <number> (line <line>): <problem>"
// for a bad element, an empty one (",,", a leading comma) and more than max_sequence_length(field)
// elements, and "empty sequence: ..." when there is none.
std::vector<std::uint32_t> parse_sequence(std::string_view text, const Field& field);

}  // namespace lfsr
