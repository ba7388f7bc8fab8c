// Families of feedback functions for one register length, members numbered and unranked one by one:
// what a search for maximum-period nonlinear feedback shift registers tries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lfsr/feedback.hpp"

namespace lfsr {

// Only a register whose feedback is F = x0 + g(x1..x_{n-1}) is a permutation of its 2^n states
// (Feedback::is_invertible), and the maximum-period registers searched for are permutations: a
// cycle of all nonzero states with state 0 fixed (period 2^n - 1), or one cycle of all states
// (period 2^n, de Bruijn). So every family below holds only such functions: x0 plus a choice of
// monomials over x1..x_{n-1}. (A register that is no permutation may still have a cycle through
// every nonzero state, with state 0 transient, such as F = 0x5657 on 4 bits; such registers are
// left out, as the published lists leave them out.)
//
// The members of a family are numbered 0..count()-1. A k-element subset {c_1 < ... < c_k} of
// {0, 1, 2, ...} is ranked colexicographically: rank = C(c_1, 1) + C(c_2, 2) + ... + C(c_k, k),
// so the pairs go {0,1}, {0,2}, {1,2}, {0,3}, {1,3}, {2,3}, ... . Variables x1..x_{n-1} are the
// elements 0..n-2; m = n - 1 below, P = C(m, 2) the number of products x_i*x_j, i < j.
//
//   "x0+xa+xb+xc*xd"          1 <= a < b <= m, 1 <= c < d <= m (the product may share variables
//                             with the linear terms). count = P^2;
//                             index = rank{a,b} * P + rank{c,d}.
//   "x0+xa+xb*xc+xd*xe"       1 <= a <= m and two distinct products, ranks p < q among the P
//                             products. count = m * C(P, 2); index = (a - 1) * C(P, 2) + rank{p,q}.
//   "x0+xa+xb+xc+xd+xe*xf"    1 <= a < b < c < d <= m, 1 <= e < f <= m. count = C(m, 4) * P;
//                             index = rank{a,b,c,d} * P + rank{e,f}.
//   "anf:T:D"                 x0 + g, g a sum of at most T - 1 distinct monomials of degree at most
//                             D over x1..x_m; the constant 1 is the monomial of degree 0 (T >= 1,
//                             D >= 1). The M monomials are ranked by degree, then colexicographically
//                             by their variables (1, x1, x2, ..., x_m, x1*x2, x1*x3, x2*x3, ...);
//                             members by their number t of monomials in g, then by the colex rank
//                             of the t ranks. count = sum_{t < T} C(M, t).
//
// Members of one family are distinct functions (the algebraic normal form is unique).
class FeedbackFamily {
 public:
  enum class Kind {
    two_linear_one_product,   // x0+xa+xb+xc*xd
    one_linear_two_products,  // x0+xa+xb*xc+xd*xe
    four_linear_one_product,  // x0+xa+xb+xc+xd+xe*xf
    anf,                      // anf:T:D
  };

  // Shortest and longest registers a family is built for: 2^63 still fits the period in 64 bits.
  static constexpr int min_bits = 2;
  static constexpr int max_bits = 63;
  // Largest count accepted: a family with more members is refused with InputError.
  static constexpr std::uint64_t max_count = std::uint64_t{1} << 62;

  // The family named by `text` (spaces anywhere; '^' for '+' and '&' for '*' too) for `bits`-bit
  // registers. Throws InputError naming the text and listing the accepted families, for bits
  // outside min_bits..max_bits, and when the family has more than max_count members.
  FeedbackFamily(std::string_view text, int bits);

  Kind kind() const { return kind_; }
  int bits() const { return bits_; }
  // T and D of "anf:T:D"; 0 for the other families.
  int max_terms() const { return max_terms_; }
  int max_degree() const { return max_degree_; }
  // The number of members (0 when n is too small for the family).
  std::uint64_t count() const { return count_; }
  // Member `index` (0 <= index < count()); InputError otherwise. Costs a few binomial
  // coefficients, never a table of the members.
  Feedback member(std::uint64_t index) const;
  // The canonical spelling: "x0+xa+xb+xc*xd", "anf:3:2" (parses back to the same family).
  std::string name() const;

  // Compact binary form, so that a forked worker or another rank rebuilds the same family.
  std::string serialize() const;
  // Throws InternalError when the bytes are not a serialized FeedbackFamily.
  static FeedbackFamily deserialize(std::string_view bytes);

  friend bool operator==(const FeedbackFamily& a, const FeedbackFamily& b) {
    return a.kind_ == b.kind_ && a.bits_ == b.bits_ && a.max_terms_ == b.max_terms_ && a.max_degree_ == b.max_degree_;
  }

 private:
  FeedbackFamily(Kind kind, int bits, int max_terms, int max_degree);
  void count_members();
  // The monomial of rank r in the anf order (a mask of x1..x_m).
  Feedback::Monomial anf_monomial(std::uint64_t rank) const;

  Kind kind_;
  int bits_;
  int max_terms_ = 0;
  int max_degree_ = 0;
  std::uint64_t count_ = 0;
  std::uint64_t anf_monomials_ = 0;  // M of "anf:T:D"
};

// The accepted family names, for messages and help: "x0+xa+xb+xc*xd, x0+xa+xb*xc+xd*xe, ...".
std::string feedback_family_names();

}  // namespace lfsr
