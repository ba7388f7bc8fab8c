// The cycle structure as the gcd/lcm product of the primary parts of a linear map: an LFSR's
// characteristic polynomial, or any matrix with the kernel dimensions of its primary parts.
#include "lfsr/algebra.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <functional>
#include <string>
#include <utility>

#include "algebra/cycle_representatives.hpp"
#include "algebra/integer_factoring.hpp"
#include "algebra/log_table_matrix.hpp"
#include "algebra/matrix_polynomial.hpp"
#include "algebra/polynomial_order.hpp"
#include "field/ntl_field.hpp"
#include "lfsr/error.hpp"

namespace lfsr {

namespace {

using Histogram = std::map<mpz_class, mpz_class>;  // cycle length -> number of cycles

mpz_class power(std::uint32_t q, long exponent) {
  mpz_class result;
  mpz_ui_pow_ui(result.get_mpz_t(), q, static_cast<unsigned long>(exponent));
  return result;
}

// V = ker P(A)^e for an irreducible P != x: ord(P), and D(j) = dim ker P(A)^j for j = 0..e, with
// D(0) = 0 and D(e) = dim V = deg(P) e.
struct PrimaryPart {
  std::vector<std::uint32_t> irreducible;  // P, x^0 first
  mpz_class order;
  std::vector<long> kernel_dimensions;
};

// GF(q)^n = V_0 (+) V_1 (+) ..., V_0 = ker A^e0 the nilpotent part, the other parts primary.
struct Decomposition {
  long nilpotent_dimension = 0;  // e0 = dim V_0
  long max_tail = 0;             // the nilpotency index of A on V_0
  std::vector<PrimaryPart> parts;
};

// The part as the representatives need it: its top level is the largest j with D(j) > D(j-1).
std::vector<detail::RepresentedPart> represented(const std::vector<PrimaryPart>& parts) {
  std::vector<detail::RepresentedPart> result;
  for (const PrimaryPart& part : parts) {
    const std::vector<long>& dimensions = part.kernel_dimensions;
    long top = 0;
    while (static_cast<std::size_t>(top) + 1 < dimensions.size() &&
           dimensions[static_cast<std::size_t>(top) + 1] > dimensions[static_cast<std::size_t>(top)])
      ++top;
    result.push_back({part.irreducible, part.order, top});
  }
  return result;
}

// The cycles of V: the zero vector is a fixed point, and level j (1 <= j <= e) holds
// q^D(j) - q^D(j-1) states, each of period ord(P^j); none past the largest block (D(j) = D(j-1)).
Histogram primary_part_cycles(const PrimaryPart& part, const Field& field) {
  Histogram cycles{{1, 1}};
  const std::vector<long>& dimensions = part.kernel_dimensions;
  for (std::size_t j = 1; j < dimensions.size() && dimensions[j] > dimensions[j - 1]; ++j) {
    const mpz_class period = detail::power_order(part.order, field.p(), static_cast<long>(j));
    const mpz_class states = power(field.q(), dimensions[j]) - power(field.q(), dimensions[j - 1]);
    mpz_class count;
    mpz_divexact(count.get_mpz_t(), states.get_mpz_t(), period.get_mpz_t());
    cycles[period] += count;
  }
  return cycles;
}

// X (+) Y: m_X(a) * m_Y(b) * gcd(a, b) cycles of length lcm(a, b) for each pair.
Histogram product(const Histogram& x, const Histogram& y) {
  Histogram result;
  for (const auto& [a, count_a] : x) {
    for (const auto& [b, count_b] : y) {
      const mpz_class g = gcd(a, b);
      result[a / g * b] += count_a * count_b * g;
    }
    if (result.size() > max_cycle_lengths) {
      throw ResourceError(
          fmt::format("the cycle structure has more than {} distinct cycle lengths", max_cycle_lengths));
    }
  }
  return result;
}

// V = V_0 (+) V_1 (+) ... on GF(q)^n: the cycles are the product of the parts V_i (i >= 1); every
// cyclic state has an in-tree of q^dim V_0 states, the deepest max_tail steps from the cycle.
CycleStructure structure_of_parts(const Field& field, long n, const Decomposition& decomposition,
                                  const std::string& subject) {
  Histogram cycles{{1, 1}};
  for (const PrimaryPart& part : decomposition.parts) cycles = product(cycles, primary_part_cycles(part, field));
  CycleStructure result;
  result.states = power(field.q(), n);
  result.cyclic_states = power(field.q(), n - decomposition.nilpotent_dimension);
  result.transient_states = result.states - result.cyclic_states;
  result.max_tail = decomposition.max_tail;
  result.cycles = std::move(cycles);
  if (result.states_on_cycles() != result.cyclic_states) {
    throw InternalError(fmt::format("algebraic method: the cycles of {} cover {} states, not the {} cyclic ones",
                                    subject, result.states_on_cycles().get_str(), result.cyclic_states.get_str()));
  }
  return result;
}

// D(j) = dim ker B^j for j = 0..e, given D(e) = top. D grows to top at the nilpotency index
// s <= e and stays there, so squarings B^(2^t) find a power of two >= s, one product each. Below
// it D is concave: D(j) - D(j-1) counts the Jordan blocks of size >= j, which only shrink as j
// grows. So where D(mid) lies on the chord between two known values, D is linear between them:
// ranks are needed at O(breakpoints * log s) points, not at every j (one block needs one).
// Ranks and products are the arithmetic's (MatrixArithmetic below): NTL's, or the log tables' over GF(p^k).
template <class Arithmetic>
std::vector<long> kernel_dimensions(const Arithmetic& arithmetic, const typename Arithmetic::SquareMatrix& b, long n,
                                    long e, long top) {
  using SquareMatrix = typename Arithmetic::SquareMatrix;
  std::vector<long> d(static_cast<std::size_t>(e) + 1, -1);  // -1: not known yet
  const auto at = [&](long j) -> long& { return d[static_cast<std::size_t>(j)]; };
  const auto kernel_dimension = [&](const SquareMatrix& power) { return n - arithmetic.rank(power); };
  const auto power_of = [&](long exponent) {  // B^exponent, exponent >= 1, by squarings
    SquareMatrix result = b, base = b;
    for (--exponent; exponent > 0; exponent >>= 1) {
      if (exponent & 1) result = arithmetic.multiply(result, base);
      if (exponent > 1) base = arithmetic.multiply(base, base);
    }
    return result;
  };
  at(0) = 0;
  long high = 1;
  SquareMatrix square = b;  // B^high
  while (high < e) {
    at(high) = kernel_dimension(square);
    if (at(high) == top) break;
    high *= 2;
    if (high < e) square = arithmetic.multiply(square, square);
  }
  high = std::min(high, e);
  std::fill(d.begin() + high, d.end(), top);
  const std::function<void(long, long)> fill = [&](long left, long right) {
    if (right - left < 2) return;
    const long mid = left + (right - left) / 2;
    if (at(mid) < 0) at(mid) = kernel_dimension(power_of(mid));
    if ((at(mid) - at(left)) * (right - left) != (at(right) - at(left)) * (mid - left)) {
      fill(left, mid);
      fill(mid, right);
      return;
    }
    const long slope = (at(right) - at(left)) / (right - left);
    assert(slope * (right - left) == at(right) - at(left));
    for (long j = left + 1; j < right; ++j) at(j) = at(left) + slope * (j - left);
  };
  fill(0, high);
  return d;
}

// The matrix in the arithmetic that suits its field: NTL's packed GF(2) and word-sized GF(p), or
// the log tables over GF(p^k), where an NTL element operation is a polynomial product.
template <class Poly>
struct MatrixArithmetic {
  using SquareMatrix = detail::NtlMatrix<Poly>;
  explicit MatrixArithmetic(const Field&) {}
  SquareMatrix matrix(const Matrix& a) const { return detail::to_ntl_matrix<Poly>(a.entries, a.n); }
  long rank(SquareMatrix m) const { return NTL::gauss(m); }
  SquareMatrix multiply(const SquareMatrix& x, const SquareMatrix& y) const { return x * y; }
  SquareMatrix evaluate(const std::vector<std::uint32_t>& f, const SquareMatrix& m) const {
    return detail::evaluate(detail::to_ntl<Poly>(f), m);
  }
};

struct TableArithmetic {
  using SquareMatrix = detail::TableMatrix;
  explicit TableArithmetic(const Field& field) : tables(field) {}
  SquareMatrix matrix(const Matrix& a) const { return detail::table_matrix(a.entries, a.n); }
  long rank(SquareMatrix m) const { return detail::table_rank(tables, std::move(m)); }
  SquareMatrix multiply(const SquareMatrix& x, const SquareMatrix& y) const {
    return detail::table_product(tables, x, y);
  }
  SquareMatrix evaluate(const std::vector<std::uint32_t>& f, const SquareMatrix& m) const {
    return detail::table_evaluate(tables, f, m);
  }
  detail::LogTableField tables;
};
template <>
struct MatrixArithmetic<NTL::GF2EX> : TableArithmetic {
  using TableArithmetic::TableArithmetic;
};
template <>
struct MatrixArithmetic<NTL::zz_pEX> : TableArithmetic {
  using TableArithmetic::TableArithmetic;
};

template <class Poly>
Decomposition matrix_decomposition_as(const Matrix& a, const Polynomial& chi, const AlgebraOptions& options) {
  const MatrixArithmetic<Poly> arithmetic(a.field);
  const typename MatrixArithmetic<Poly>::SquareMatrix m = arithmetic.matrix(a);
  // V_0 = ker A^e0: the tail is the least j with dim ker A^j = e0, the nilpotency index on V_0.
  Decomposition decomposition;
  const long e0 = decomposition.nilpotent_dimension = chi.zero_low_terms();
  const std::vector<long> nilpotent = kernel_dimensions(arithmetic, m, a.n, e0, e0);
  while (nilpotent[static_cast<std::size_t>(decomposition.max_tail)] < e0) ++decomposition.max_tail;

  std::vector<PrimaryPart>& parts = decomposition.parts;
  for (const detail::PrimaryFactor& factor : detail::factor_with_orders(chi, options).factors) {
    const long dimension = factor.degree * factor.multiplicity;
    PrimaryPart part{factor.coefficients, factor.order, {0, dimension}};
    // For e = 1, V = ker P(A) and {0, dim V} is all there is to know.
    if (factor.multiplicity > 1) {
      part.kernel_dimensions = kernel_dimensions(arithmetic, arithmetic.evaluate(factor.coefficients, m), a.n,
                                                 factor.multiplicity, dimension);
    }
    parts.push_back(std::move(part));
  }
  return decomposition;
}

// A companion matrix is cyclic: V_i is one block, D(j) = deg(P) j, and x^e0 is one block of e0.
Decomposition lfsr_decomposition(const detail::OrderedFactorization& factorization) {
  Decomposition decomposition{factorization.nilpotent_degree, factorization.nilpotent_degree, {}};
  for (const detail::PrimaryFactor& factor : factorization.factors) {
    PrimaryPart part{factor.coefficients, factor.order, {}};
    for (long j = 0; j <= factor.multiplicity; ++j) part.kernel_dimensions.push_back(factor.degree * j);
    decomposition.parts.push_back(std::move(part));
  }
  return decomposition;
}

}  // namespace

CycleStructure algebraic_cycle_structure(const Polynomial& f, const AlgebraOptions& options) {
  return structure_of_parts(f.field(), f.degree(), lfsr_decomposition(detail::factor_with_orders(f, options)),
                            f.to_string());
}

CycleStructure algebraic_cycle_structure(const Lfsr& lfsr, const AlgebraOptions& options) {
  const Polynomial& f = lfsr.polynomial;
  const Decomposition decomposition = lfsr_decomposition(detail::factor_with_orders(f, options));
  CycleStructure result = structure_of_parts(f.field(), f.degree(), decomposition, f.to_string());
  detail::add_lfsr_representatives(lfsr, represented(decomposition.parts), result);
  return result;
}

CycleStructure algebraic_cycle_structure(const Matrix& a, const AlgebraOptions& options) {
  const Polynomial chi = characteristic_polynomial(a);
  const Decomposition decomposition = detail::with_ntl_field(
      a.field, [&]<class Poly>(std::type_identity<Poly>) { return matrix_decomposition_as<Poly>(a, chi, options); });
  CycleStructure result = structure_of_parts(
      a.field, a.n, decomposition, fmt::format("the matrix with characteristic polynomial {}", chi.to_string()));
  detail::add_matrix_representatives(a, represented(decomposition.parts), result);
  return result;
}

}  // namespace lfsr
