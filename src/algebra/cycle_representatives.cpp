// A state on a cycle of each length: a component of a chosen level in every primary part, so that
// the state's minimal polynomial M = prod P_i^(j_i) has ord(M) = lcm ord(P_i^(j_i)) = the length.
#include "algebra/cycle_representatives.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <type_traits>

#include "algebra/krylov.hpp"
#include "algebra/matrix_polynomial.hpp"
#include "algebra/polynomial_order.hpp"
#include "field/ntl_field.hpp"
#include "lfsr/error.hpp"
#include "registers/state_coordinates.hpp"

namespace lfsr::detail {

namespace {

// A level of a part where the period ord(P^j) = ord(P) p^ceil(log_p j) changes: the least level
// with that period, so that the representatives' minimal polynomials are of least degree.
template <class Poly>
struct PeriodStep {
  mpz_class period;  // ord(P^j)
  Poly power;        // P^j
};

// Level 0 (the zero component, period 1) first; the periods divide one another.
template <class Poly>
std::vector<PeriodStep<Poly>> period_steps(const RepresentedPart& part, std::uint32_t p) {
  const Poly irreducible = to_ntl<Poly>(part.irreducible);
  std::vector<PeriodStep<Poly>> steps(1);
  steps[0].period = 1;
  NTL::set(steps[0].power);
  for (long j = 1; j <= part.top_level; ++j) {
    mpz_class period = power_order(part.order, p, j);
    if (period != steps.back().period) steps.push_back({std::move(period), NTL::power(irreducible, j)});
  }
  return steps;
}

// M = prod P_i^(j_i) with lcm ord(P_i^(j_i)) = length: in each part the longest period that
// divides `length` (level 0 always does). A part's periods form a divisor chain, so this period
// is a multiple of the one any choice reaching `length` takes there; the lcm of the longest ones
// is then a multiple of `length`, and it divides `length`: it is `length`.
template <class Poly>
Poly minimal_polynomial_of_length(const std::vector<std::vector<PeriodStep<Poly>>>& parts, const mpz_class& length) {
  Poly m;
  NTL::set(m);
  mpz_class reached = 1;
  for (const std::vector<PeriodStep<Poly>>& steps : parts) {
    const auto step = std::find_if(steps.rbegin(), steps.rend(), [&length](const PeriodStep<Poly>& s) {
      return mpz_divisible_p(length.get_mpz_t(), s.period.get_mpz_t()) != 0;
    });
    reached = lcm(reached, step->period);
    if (NTL::deg(step->power) > 0) m *= step->power;
  }
  if (reached != length) {
    throw InternalError(fmt::format("algebraic method: no state of the primary parts has period {}", length.get_str()));
  }
  return m;
}

// Whether the representatives of the structure stay within max_represented_coefficients.
bool representable(const CycleStructure& structure, int n) {
  return structure.cycles.size() <= max_represented_coefficients / (static_cast<std::size_t>(n) + 1);
}

// For every cycle length, the state state_of(M) with the minimal polynomial M of that length.
template <class Poly, class StateOf>
std::map<mpz_class, CycleRepresentative> representatives_by_length(const std::vector<RepresentedPart>& parts,
                                                                   const CycleStructure& structure, std::uint32_t p,
                                                                   const StateOf& state_of) {
  std::vector<std::vector<PeriodStep<Poly>>> steps;
  for (const RepresentedPart& part : parts) steps.push_back(period_steps<Poly>(part, p));
  std::map<mpz_class, CycleRepresentative> representatives;
  for (const auto& [length, count] : structure.cycles) {
    const Poly m = minimal_polynomial_of_length(steps, length);
    representatives.emplace_hint(representatives.end(), length, CycleRepresentative{state_of(m), from_ntl(m)});
  }
  return representatives;
}

mpz_class power(std::uint32_t q, long exponent) {
  mpz_class result;
  mpz_ui_pow_ui(result.get_mpz_t(), q, static_cast<unsigned long>(exponent));
  return result;
}

// A state with minimal polynomial M | f, by the correspondence state_period() uses (a state's
// minimal polynomial is f / gcd(f, r)); with r = f / M it is M.
// - Galois: the state is r(x) itself.
// - Fibonacci: r / f = 1 / M is the generating function sum s_t z^(-t-1) of the sequence the state
//   starts: the impulse response of M, deg(M) - 1 zeros and then, with z = 1/w, the power series
//   w^deg(M) / reverse(M)(w). M = f gives the state (0, ..., 0, 1).
template <class Poly>
std::vector<std::uint32_t> lfsr_state_of(const Lfsr& lfsr, const Poly& f, const Poly& m) {
  const long n = lfsr.degree();
  std::vector<std::uint32_t> digits(static_cast<std::size_t>(n), 0);
  const long d = NTL::deg(m);
  if (d == 0) return digits;  // M = 1: the zero state
  if (lfsr.form == Form::galois) {
    const std::vector<std::uint32_t> r = from_ntl(Poly(f / m));
    std::copy(r.begin(), r.end(), digits.begin());
  } else {
    const Poly impulse = NTL::InvTrunc(NTL::reverse(m, d), n - d + 1);
    for (long k = 0; k <= NTL::deg(impulse); ++k)
      digits[static_cast<std::size_t>(d - 1 + k)] = from_ntl_element(NTL::coeff(impulse, k));
  }
  return digits;
}

template <class Poly>
void add_lfsr_representatives_as(const Lfsr& lfsr, const std::vector<RepresentedPart>& parts,
                                 CycleStructure& structure) {
  const Poly f = to_ntl<Poly>(lfsr.polynomial.coefficients());
  const std::uint32_t q = lfsr.field().q();
  if (representable(structure, lfsr.degree())) {
    structure.representatives = representatives_by_length<Poly>(
        parts, structure, lfsr.field().p(), [&](const Poly& m) { return state_index(lfsr_state_of(lfsr, f, m), q); });
  }
  // The state of minimal polynomial f is x^e0 away from its cycle, e0 = max_tail.
  if (structure.transient_states > 0)
    structure.longest_tail_state = lfsr.form == Form::galois ? mpz_class(1) : power(q, lfsr.degree() - 1);
}

template <class Poly>
mpz_class index_of(const NtlVector<Poly>& v, std::uint32_t q) {
  return state_index(from_ntl_vector<Poly>(v), q);
}

// A subspace as an echelon basis of the vectors added: which vectors it holds.
template <class Poly>
class SpannedSubspace {
 public:
  // v reduced against the basis: zero iff v lies in the subspace.
  NtlVector<Poly> reduced(NtlVector<Poly> v) const {
    // Each basis vector is 0 at the pivots of the earlier ones, so the pivots cleared stay clear.
    for (const auto& [row, pivot] : rows_) {
      const NtlElement<Poly> c = v[pivot];
      if (!NTL::IsZero(c)) v -= row * c;
    }
    return v;
  }
  void add(const NtlVector<Poly>& v) {
    NtlVector<Poly> row = reduced(v);
    long pivot = 0;
    while (pivot < row.length() && NTL::IsZero(row[pivot])) ++pivot;
    if (pivot == row.length()) return;
    row *= NTL::inv(NtlElement<Poly>(row[pivot]));
    rows_.emplace_back(std::move(row), pivot);
  }

 private:
  std::vector<std::pair<NtlVector<Poly>, long>> rows_;  // row[pivot] = 1
};

// The least k such that e_k has the longest tail t = max_tail, i.e. A^(t-1) e_k is not cyclic. The
// cyclic states are the image of A^t (A^t kills the nilpotent part and is invertible on the
// rest), so: the first column of A^(t-1) outside the column space of A^t.
template <class Poly>
long first_basis_vector_of_longest_tail(const NtlMatrix<Poly>& a, long max_tail) {
  NtlMatrix<Poly> below;
  NTL::power(below, a, max_tail - 1);
  const NtlMatrix<Poly> columns_below = NTL::transpose(below);
  const NtlMatrix<Poly> cyclic_columns = NTL::transpose(NtlMatrix<Poly>(below * a));
  SpannedSubspace<Poly> cyclic;
  for (long k = 0; k < a.NumRows(); ++k) cyclic.add(cyclic_columns[k]);
  for (long k = 0; k < a.NumRows(); ++k) {
    if (!NTL::IsZero(cyclic.reduced(columns_below[k]))) return k;
  }
  throw InternalError("algebraic method: no basis vector has the longest tail");
}

// A vector with minimal polynomial mu = prod P_i^(t_i), t_i the top levels: the sum of one
// component of top level from each part, components in distinct primary parts adding up to a
// vector whose minimal polynomial is the product of theirs. The Krylov sequence of e_k, minimal
// polynomial g, yields (g / prod P_i^(t_i))(A) e_k for the parts where g reaches t_i: e_0 alone
// does for a cyclic matrix. The next e_k are tried while the parts are not all found, skipping
// those inside the span W of the sequences so far (W is A-invariant, so its vectors reach only
// the levels its generators did), within 2n Krylov steps; a part still missing then gets a
// kernel vector, which costs products of n x n matrices.
template <class Poly>
NtlVector<Poly> vector_of_top_levels(const NtlMatrix<Poly>& a, const std::vector<RepresentedPart>& parts,
                                     const KrylovSequence<Poly>& first) {
  const long n = a.NumRows();
  std::vector<Poly> tops;  // P_i^(t_i)
  for (const RepresentedPart& part : parts) tops.push_back(NTL::power(to_ntl<Poly>(part.irreducible), part.top_level));
  std::vector<bool> found(parts.size(), false);
  NtlVector<Poly> w;
  w.SetLength(n);
  const auto take_components = [&](const KrylovSequence<Poly>& krylov) {
    Poly reached;  // the product of the tops g reaches
    NTL::set(reached);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (!found[i] && NTL::divide(krylov.minimal_polynomial, tops[i])) {
        found[i] = true;
        reached *= tops[i];
      }
    }
    if (NTL::deg(reached) > 0) w += apply_polynomial(Poly(krylov.minimal_polynomial / reached), krylov.powers, n);
  };
  const auto all_found = [&found] { return std::find(found.begin(), found.end(), false) == found.end(); };

  take_components(first);
  SpannedSubspace<Poly> spanned;
  for (const NtlVector<Poly>& power : first.powers) spanned.add(power);
  long steps = static_cast<long>(first.powers.size());
  for (long k = 1; k < n && !all_found() && steps < 2 * n; ++k) {
    NtlVector<Poly> basis_vector;
    basis_vector.SetLength(n);
    NTL::set(basis_vector[k]);
    if (NTL::IsZero(spanned.reduced(basis_vector))) continue;
    const KrylovSequence<Poly> krylov = krylov_sequence<Poly>(a, basis_vector, true);
    take_components(krylov);
    for (const NtlVector<Poly>& power : krylov.powers) spanned.add(power);
    steps += static_cast<long>(krylov.powers.size());
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!found[i]) w += vector_of_level(a, to_ntl<Poly>(parts[i].irreducible), parts[i].top_level);
  }
  return w;
}

// The states (mu / M)(A) w, w of minimal polynomial mu (vector_of_top_levels), have minimal
// polynomial M for every M | mu: those of the lengths.
template <class Poly>
void add_matrix_representatives_as(const Matrix& matrix, const std::vector<RepresentedPart>& parts,
                                   CycleStructure& structure) {
  const long n = matrix.n;
  const std::uint32_t q = matrix.field.q();
  const NtlMatrix<Poly> a = to_ntl_matrix<Poly>(matrix.entries, n);
  NtlVector<Poly> first_basis_vector;
  first_basis_vector.SetLength(n);
  NTL::set(first_basis_vector[0]);
  const bool representatives = representable(structure, matrix.n);
  if (structure.transient_states == 0 && !representatives) return;
  const KrylovSequence<Poly> first = krylov_sequence<Poly>(a, first_basis_vector, true);
  if (structure.transient_states > 0) {
    const long max_tail = structure.max_tail.get_si();
    long tail_of_first = 0;  // the x-valuation of e_0's minimal polynomial
    while (NTL::IsZero(NTL::coeff(first.minimal_polynomial, tail_of_first))) ++tail_of_first;
    const long k = tail_of_first == max_tail ? 0 : first_basis_vector_of_longest_tail<Poly>(a, max_tail);
    structure.longest_tail_state = power(q, k);
  }
  if (!representatives) return;

  Poly mu;
  NTL::set(mu);
  for (const RepresentedPart& part : parts) mu *= NTL::power(to_ntl<Poly>(part.irreducible), part.top_level);
  std::vector<NtlVector<Poly>> powers;  // A^t w, t < deg mu
  NtlVector<Poly> u = vector_of_top_levels(a, parts, first);
  for (long t = 0; t < NTL::deg(mu); ++t) {
    powers.push_back(u);
    u = a * u;
  }
  // mu(A) w = (mu mod x^deg mu)(A) w + A^deg(mu) w must vanish.
  if (!NTL::IsZero(NtlVector<Poly>(apply_polynomial(NTL::trunc(mu, NTL::deg(mu)), powers, n) + u)))
    throw InternalError("algebraic method: the vector built from the primary parts is not annihilated by them");
  structure.representatives =
      representatives_by_length<Poly>(parts, structure, matrix.field.p(), [&](const Poly& m) -> mpz_class {
        if (NTL::deg(m) == 0) return 0;
        return index_of<Poly>(apply_polynomial(Poly(mu / m), powers, n), q);
      });
}

}  // namespace

void add_lfsr_representatives(const Lfsr& lfsr, const std::vector<RepresentedPart>& parts, CycleStructure& structure) {
  with_ntl_field(lfsr.field(), [&]<class Poly>(std::type_identity<Poly>) {
    add_lfsr_representatives_as<Poly>(lfsr, parts, structure);
  });
}

void add_matrix_representatives(const Matrix& a, const std::vector<RepresentedPart>& parts, CycleStructure& structure) {
  with_ntl_field(
      a.field, [&]<class Poly>(std::type_identity<Poly>) { add_matrix_representatives_as<Poly>(a, parts, structure); });
}

}  // namespace lfsr::detail
