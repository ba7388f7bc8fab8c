// Characteristic polynomials f(x) = x^n - sum c_i x^i: parsing, printing, the default table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lfsr/field.hpp"

namespace lfsr {

// Highest degree of any polynomial the tool accepts (parsed, recovered from a sequence, searched
// for): far beyond any register that can be analyzed, it keeps every coefficient vector small.
inline constexpr int max_polynomial_degree = 100000;

// A monic polynomial of degree n >= 1 over a field. coefficients[i] is the coefficient of x^i
// of f itself (so coefficients[n] == 1); the feedback taps are c_i = -coefficients[i].
class Polynomial {
 public:
  // Throws InputError unless the list is monic of degree 1..max_polynomial_degree with every entry < q.
  Polynomial(Field field, std::vector<std::uint32_t> coefficients);

  const Field& field() const { return field_; }
  int degree() const { return static_cast<int>(coefficients_.size()) - 1; }
  std::uint32_t coefficient(int i) const { return coefficients_.at(static_cast<std::size_t>(i)); }
  const std::vector<std::uint32_t>& coefficients() const { return coefficients_; }
  // The feedback tap c_i of x^n = sum c_i x^i.
  std::uint32_t tap(int i) const { return field_.neg(coefficient(i)); }
  // Number of low-order coefficients that are zero: f = x^e0 * g with g(0) != 0.
  int zero_low_terms() const;
  bool is_singular() const { return coefficients_[0] == 0; }

  // Algebraic text, highest power first: "x^12+x^6+x^4+x+1", "x^5+2*x^2+2", "x^2+(a+1)*x+2*a+2".
  std::string to_string() const;

  friend bool operator==(const Polynomial&, const Polynomial&) = default;

 private:
  Field field_;
  std::vector<std::uint32_t> coefficients_;
};

// Parses algebraic text ("x^5+2*x^2-1", terms in any order, like powers combined; over GF(p^k)
// coefficients in the generator a or as element numbers: "x^2+(a+1)*x+2*a+2", "x^3+[3]*x+[1]") or,
// over GF(2), hexadecimal "0x1053" (bit i = coefficient of x^i). Throws InputError naming the problem.
Polynomial parse_polynomial(std::string_view text, const Field& field);

// One element of GF(q): a plain integer 0..q-1 (its base-p digits are the coefficients in a) or
// the a form ("a+1", "2*a^2+[1]"). Throws InputError naming the problem.
std::uint32_t parse_element(std::string_view text, const Field& field);

// A tap list "12,6,4,1" as printed in the published maximal-length tables: the polynomial
// x^12 + x^6 + x^4 + x + 1, i.e. the listed exponents plus the constant term, all coefficients 1.
// The first (largest) entry is the degree. Throws InputError naming the problem.
Polynomial parse_taps(std::string_view text, const Field& field);

// Degrees covered by default_maximal_polynomial.
inline constexpr int min_default_bits = 2;
int max_default_bits();

// The built-in maximal-length (primitive) polynomial of degree bits over GF(2).
// Throws InputError when bits is outside [min_default_bits, max_default_bits()].
Polynomial default_maximal_polynomial(int bits);

}  // namespace lfsr
