// Independent reference: the functional graph of an LFSR built by NTL matrix products over GF(q),
// analyzed with the textbook colouring walk. Shares no code with the engine: the matrix is built
// here from the polynomial, the elements converted here.
#pragma once

#include <NTL/mat_GF2.h>
#include <NTL/mat_GF2E.h>
#include <NTL/mat_lzz_p.h>
#include <NTL/mat_lzz_pE.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <type_traits>
#include <vector>

#include "lfsr/cycle_structure.hpp"
#include "lfsr/lfsr.hpp"
#include "field/ntl_field.hpp"

namespace lfsr::testing {

// Our element (base-p digits = coefficients in a) as an NTL element and back, written here rather
// than taken from src/field/ntl_field.hpp, so the reference does not share the conversions it checks.
template <class Element>
Element ntl_element(std::uint64_t value, std::uint64_t p) {
  if constexpr (std::is_same_v<Element, NTL::GF2> || std::is_same_v<Element, NTL::zz_p>) {
    return Element(static_cast<long>(value));
  } else {
    std::conditional_t<std::is_same_v<Element, NTL::GF2E>, NTL::GF2X, NTL::zz_pX> digits;
    for (long i = 0; value != 0; ++i, value /= p) NTL::SetCoeff(digits, i, static_cast<long>(value % p));
    return NTL::conv<Element>(digits);
  }
}

template <class Element>
std::uint64_t element_value(const Element& element, std::uint64_t p) {
  if constexpr (std::is_same_v<Element, NTL::GF2> || std::is_same_v<Element, NTL::zz_p>) {
    return static_cast<std::uint64_t>(NTL::rep(element));
  } else {
    std::uint64_t value = 0;
    for (long i = NTL::deg(NTL::rep(element)); i >= 0; --i)
      value = value * p + static_cast<std::uint64_t>(NTL::rep(NTL::coeff(NTL::rep(element), i)));
    return value;
  }
}

// The transition matrix in the NTL type of the field (its contexts installed), built from the
// coefficients f_i of f by the definition of each form rather than by the library's transition_entries:
// Fibonacci v'_i = v_{i+1} (i < n-1), v'_{n-1} = -sum f_i v_i; Galois v'_i = v_{i-1} - f_i v_{n-1}.
template <class Poly>
detail::NtlMatrix<Poly> ntl_transition_matrix(const Lfsr& lfsr) {
  using Element = detail::NtlElement<Poly>;
  const long n = lfsr.degree();
  detail::NtlMatrix<Poly> a;
  a.SetDims(n, n);
  for (long i = 0; i < n; ++i) {
    const Element tap = -ntl_element<Element>(lfsr.polynomial.coefficient(static_cast<int>(i)), lfsr.field().p());
    if (lfsr.form == Form::fibonacci) {
      if (i + 1 < n) a[i][i + 1] = 1;
      a[n - 1][i] = tap;
    } else {
      if (i > 0) a[i][i - 1] = 1;
      a[i][n - 1] = tap;
    }
  }
  return a;
}

// The field's elements 0..q-1 in the NTL type of the field, its contexts installed.
template <class Element>
std::vector<Element> ntl_elements(std::uint64_t q, std::uint64_t p) {
  std::vector<Element> elements;
  for (std::uint64_t value = 0; value < q; ++value) elements.push_back(ntl_element<Element>(value, p));
  return elements;
}

// next[s] = A v for every state index s = sum v_i q^i of GF(q)^n, A an n x n NTL matrix over GF(q).
template <class Element, class NtlMatrix>
std::vector<std::uint64_t> ntl_successors(const NtlMatrix& a, const std::vector<Element>& elements, std::uint64_t p,
                                          long n) {
  const std::uint64_t q = elements.size();
  std::uint64_t states = 1;
  for (long i = 0; i < n; ++i) states *= q;
  std::vector<std::uint64_t> next(states);
  NTL::Vec<Element> v;
  v.SetLength(n);
  for (std::uint64_t s = 0; s < states; ++s) {
    std::uint64_t digits = s;
    for (long i = 0; i < n; ++i, digits /= q) v[i] = elements[digits % q];
    const NTL::Vec<Element> image = a * v;
    std::uint64_t index = 0;
    for (long i = n; i-- > 0;) index = index * q + element_value(image[i], p);
    next[s] = index;
  }
  return next;
}

// next[s] for every state index s = sum v_i q^i, computed as A v with NTL over GF(q) itself (GF2,
// zz_p, GF2E or zz_pE), where the engine works on the base-p digits.
inline std::vector<std::uint64_t> successors_by_ntl(const Lfsr& lfsr) {
  std::vector<std::uint64_t> next;
  detail::with_ntl_field(lfsr.field(), [&]<class Poly>(std::type_identity<Poly>) {
    using Element = detail::NtlElement<Poly>;
    next = ntl_successors(ntl_transition_matrix<Poly>(lfsr), ntl_elements<Element>(lfsr.field().q(), lfsr.field().p()),
                          lfsr.field().p(), lfsr.degree());
  });
  return next;
}

// next[s] = A v for the n x n matrix A (row-major `entries`, elements 0..q-1) and every state index
// s = sum v_i q^i, by NTL over GF(q).
inline std::vector<std::uint64_t> matrix_successors_by_ntl(const Field& field, int n,
                                                           const std::vector<std::uint32_t>& entries) {
  std::vector<std::uint64_t> next;
  detail::with_ntl_field(field, [&]<class Poly>(std::type_identity<Poly>) {
    using Element = detail::NtlElement<Poly>;
    const std::vector<Element> elements = ntl_elements<Element>(field.q(), field.p());
    detail::NtlMatrix<Poly> a;
    a.SetDims(n, n);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) a[i][j] = elements[entries[static_cast<std::size_t>(i * n + j)]];
    next = ntl_successors(a, elements, field.p(), n);
  });
  return next;
}

// The states the engine names: every cycle with its smallest state, the smallest state on a cycle
// of each length, and the smallest state whose tail is the longest (when some state has a tail).
struct BruteForceStates {
  std::vector<ListedCycle> cycles;  // sorted by smallest state
  std::map<std::uint64_t, std::uint64_t> smallest_by_length;
  std::optional<std::uint64_t> longest_tail_state;
  std::uint64_t longest_tail = 0;
};

// Every cycle by colour walks (unseen, on the current path, done), with the least state of each,
// and every state's tail by memoized depths.
inline BruteForceStates brute_force_states(const std::vector<std::uint64_t>& next) {
  const std::uint64_t states = next.size();
  enum : std::uint8_t { unseen, on_path, done };
  std::vector<std::uint8_t> colour(states, unseen);
  std::vector<bool> cyclic(states, false);
  BruteForceStates found;
  for (std::uint64_t s = 0; s < states; ++s) {
    std::vector<std::uint64_t> path;
    std::uint64_t x = s;
    while (colour[x] == unseen) {
      colour[x] = on_path;
      path.push_back(x);
      x = next[x];
    }
    if (colour[x] == on_path) {  // closed a new cycle at x
      std::uint64_t length = 0, least = x;
      std::uint64_t y = x;
      do {
        cyclic[y] = true;
        least = std::min(least, y);
        y = next[y];
        ++length;
      } while (y != x);
      found.cycles.push_back({least, length});
      const auto [entry, added] = found.smallest_by_length.emplace(length, least);
      if (!added) entry->second = std::min(entry->second, least);
    }
    for (std::uint64_t y : path) colour[y] = done;
  }
  std::sort(found.cycles.begin(), found.cycles.end());
  std::vector<std::int64_t> depth(states, -1);
  for (std::uint64_t s = 0; s < states; ++s)
    if (cyclic[s]) depth[s] = 0;
  std::int64_t longest = 0;
  for (std::uint64_t s = 0; s < states; ++s) {
    std::vector<std::uint64_t> path;
    for (std::uint64_t x = s; depth[x] < 0; x = next[x]) path.push_back(x);
    for (auto it = path.rbegin(); it != path.rend(); ++it) depth[*it] = depth[next[*it]] + 1;
    if (depth[s] > longest) {
      longest = depth[s];
      found.longest_tail_state = s;
    }
  }
  found.longest_tail = static_cast<std::uint64_t>(longest);
  return found;
}

// Cycle structure of an arbitrary functional graph, from the cycles and tails brute_force_states finds.
inline CycleStructure brute_force_structure(const std::vector<std::uint64_t>& next) {
  const BruteForceStates found = brute_force_states(next);
  std::uint64_t cyclic_count = 0;
  CycleStructure result;
  for (const ListedCycle& cycle : found.cycles) {
    result.add_cycles(mpz_class(std::to_string(cycle.length)), 1);
    cyclic_count += cycle.length;
  }
  result.states = mpz_class(std::to_string(next.size()));
  result.cyclic_states = mpz_class(std::to_string(cyclic_count));
  result.transient_states = mpz_class(std::to_string(next.size() - cyclic_count));
  result.max_tail = mpz_class(std::to_string(found.longest_tail));
  return result;
}

// Every monic polynomial of degree n over GF(q), coefficients counted up in base q.
inline std::vector<Polynomial> all_polynomials(const Field& field, int n) {
  std::vector<Polynomial> all;
  std::uint64_t count = 1;
  for (int i = 0; i < n; ++i) count *= field.q();
  for (std::uint64_t code = 0; code < count; ++code) {
    std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n) + 1, 1);
    std::uint64_t digits = code;
    for (int i = 0; i < n; ++i, digits /= field.q())
      coefficients[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(digits % field.q());
    all.emplace_back(field, coefficients);
  }
  return all;
}

}  // namespace lfsr::testing
