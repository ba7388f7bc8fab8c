// Feedback functions of nonlinear feedback shift registers: F(x0..x_{n-1}) over GF(2) in algebraic normal form.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lfsr/polynomial.hpp"

namespace lfsr {

// Widest register a feedback function drives: a state is one 64-bit index.
inline constexpr int max_feedback_bits = 64;
// Widest register whose feedback is accepted or printed as a truth table (2^20 bits, 262144 hex digits).
inline constexpr int max_truth_table_bits = 20;

// The register (Fibonacci configuration): state index s holds x_j in bit j; a step shifts toward
// x0, which is the output, and writes F(s) into x_{n-1}:
//     s' = (s >> 1) | (F(s) << (n - 1))
//   n = 4, F = x0 + x1 + x2 + x1*x2:
//     x3 x2 x1 x0           x3 x2 x1 x0
//      0  1  1  1  (s = 7)   F  0  1  1  (s' = 8 F + 3), F = 1 + 1 + 1 + 1 = 0, s' = 3
// With a linear F = sum_{i in T} x_i this is exactly the Fibonacci LFSR of x^n + sum_{i in T} x^i.
//
// F is a sum (XOR) of distinct monomials; a monomial is a product (AND) of distinct variables,
// held as the set of their indexes: bit j of the mask stands for x_j, the empty set for the constant 1.
class Feedback {
 public:
  using Monomial = std::uint64_t;

  // The sum of the monomials, reduced: a monomial listed twice cancels (x1 + x1 = 0). Throws
  // InputError when bits is outside 1..max_feedback_bits or a monomial names a variable x_j, j >= bits.
  Feedback(int bits, std::vector<Monomial> monomials);

  int bits() const { return bits_; }
  // The distinct monomials in canonical order: by degree, then by their sorted index lists
  // (x0 < x1 < x0*x5 < x1*x2 < x1*x3); the constant 1 first.
  const std::vector<Monomial>& monomials() const { return monomials_; }
  // Highest number of variables in one monomial; 0 for a constant (or zero) function.
  int degree() const;

  // F at the state index s (bit j = x_j): the parity of the monomials whose variables are all 1.
  bool value(std::uint64_t state) const;
  // The register's step: (s >> 1) | (F(s) << (n - 1)).
  std::uint64_t next(std::uint64_t state) const;

  // F = x0 + g(x1..x_{n-1}): the step is a permutation of the 2^n states exactly then (F(0, y) and
  // F(1, y) differ for every y exactly when the monomials holding x0 sum to x0 alone).
  bool is_invertible() const;
  // Every monomial is one variable (no constant, no product): the register is an LFSR.
  bool is_linear() const;
  // For a linear F, bit i set when x_i is a term: the taps of the LFSR's c_i (LinearMap::gf2_taps).
  // Throws InputError naming F when it is not linear.
  std::uint64_t linear_taps() const;
  // For a linear F = sum_{i in T} x_i, the polynomial x^n + sum_{i in T} x^i over GF(2), whose
  // Fibonacci LFSR (--poly) steps exactly as this register. Throws InputError when F is not linear.
  Polynomial characteristic_polynomial() const;

  // Canonical algebraic normal form, monomials in canonical order: "x0 + x1 + x2 + x1*x2",
  // "1 + x0 + x3", "0" for the zero function. parse_feedback reads it back to the same function.
  std::string to_string() const;
  // The term-list notation of the published lists: "0,1,2,(1,2)" (see parse_feedback_terms).
  // Throws InputError for the zero function and when F has the constant term: that notation
  // writes neither.
  std::string to_term_list() const;
  // The truth table as parse_feedback_truth_table reads it. Throws InputError above max_truth_table_bits.
  std::string to_truth_table() const;

  // Compact binary form, so that a forked worker or another rank rebuilds the same function.
  std::string serialize() const;
  // Throws InternalError when the bytes are not a serialized Feedback.
  static Feedback deserialize(std::string_view bytes);

  friend bool operator==(const Feedback&, const Feedback&) = default;

 private:
  int bits_;
  std::vector<Monomial> monomials_;
};

// Algebraic normal form over GF(2): terms joined by '+' or '^', factors by '*' or '&', each factor
// x<j> (0 <= j < bits), 0 or 1; spaces anywhere between tokens. "x0 + x1 + x2*x3", "x0^x1^x2&x3",
// "1+x0+x1*x1" (= 1 + x0 + x1). Repeated terms cancel, repeated variables in a product collapse.
// Throws InputError naming the problem and its column, or the variable outside x0..x_{bits-1}.
Feedback parse_feedback(std::string_view text, int bits);

// The term-list notation of Dubrova's lists of maximum-period NLFSRs: comma-separated terms, a
// plain index j for the variable x_j, a parenthesized index list for the product of those variables.
//   "0,1,2,(1,2)" = x0 + x1 + x2 + x1*x2      "0,3,(1,2),(2,4)" = x0 + x3 + x1*x2 + x2*x4
// Spaces are allowed between tokens. Throws InputError as parse_feedback does.
Feedback parse_feedback_terms(std::string_view text, int bits);

// A truth table in hexadecimal, for bits <= max_truth_table_bits: the 2^bits-bit number
// T = sum_s F(s) 2^s over the state indexes s, written most significant digit first, optional "0x".
// The last digit holds F(0..3), F(0) its lowest bit; there are exactly max(1, 2^bits / 4) digits
// (for bits = 1 one digit below 4). bits = 2, F = x0: T = 0b1010 = "a"; bits = 3, F = x0 + x1*x2:
// "6a". Throws InputError naming the expected length when the number of digits differs.
Feedback parse_feedback_truth_table(std::string_view text, int bits);

// Any of the three notations, told apart by their characters: "0x..." is a truth table; text with
// ',' or '(' (and no 'x') is a term list; anything else is algebraic normal form. So "1" is the
// constant 1, and a term list of one variable is written "(3)". Throws InputError as the parser
// of the notation chosen does.
Feedback parse_feedback_any(std::string_view text, int bits);

}  // namespace lfsr
