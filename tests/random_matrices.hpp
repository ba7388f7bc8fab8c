// Random matrices over GF(q) of the shapes that stress the primary decomposition, and small helpers
// to build and step them by the field's own arithmetic.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "lfsr/cycle_structure.hpp"
#include "lfsr/field.hpp"
#include "lfsr/lfsr.hpp"
#include "lfsr/matrix.hpp"
#include "lfsr/polynomial.hpp"

namespace lfsr::testing {

using Entries = std::vector<std::uint32_t>;

inline std::uint32_t random_element(const Field& field, std::mt19937_64& random) {
  return static_cast<std::uint32_t>(random() % field.q());
}

inline Polynomial random_polynomial(const Field& field, int degree, std::mt19937_64& random) {
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(degree) + 1);
  for (auto& c : coefficients) c = random_element(field, random);
  coefficients.back() = 1;
  return Polynomial(field, coefficients);
}

inline Matrix random_matrix(const Field& field, int n, std::mt19937_64& random) {
  Matrix a{field, n, Entries(static_cast<std::size_t>(n * n))};
  for (auto& entry : a.entries) entry = random_element(field, random);
  return a;
}

// The rows x cols product of a (rows x inner) and b (inner x cols), by the field's own arithmetic.
inline Entries product(const Field& field, const Entries& a, const Entries& b, int rows, int inner, int cols) {
  Entries c(static_cast<std::size_t>(rows * cols), 0);
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < cols; ++j) {
      std::uint32_t sum = 0;
      for (int t = 0; t < inner; ++t)
        sum = field.add(
            sum, field.mul(a[static_cast<std::size_t>(i * inner + t)], b[static_cast<std::size_t>(t * cols + j)]));
      c[static_cast<std::size_t>(i * cols + j)] = sum;
    }
  }
  return c;
}

// S A S^-1 for a random S, built from elementary operations: row_i += c row_j is undone on the right
// by col_j -= c col_i, and a swap of rows i and j by the swap of columns i and j.
inline Matrix conjugated(Matrix a, std::mt19937_64& random) {
  const Field& field = a.field;
  const auto at = [&](int row, int col) -> std::uint32_t& {
    return a.entries[static_cast<std::size_t>(row * a.n + col)];
  };
  for (int step = 0; step < 4 * a.n; ++step) {
    const int i = static_cast<int>(random() % static_cast<unsigned>(a.n));
    const int j = static_cast<int>(random() % static_cast<unsigned>(a.n));
    if (i == j) continue;
    if (random() % 4 == 0) {
      for (int t = 0; t < a.n; ++t) std::swap(at(i, t), at(j, t));
      for (int t = 0; t < a.n; ++t) std::swap(at(t, i), at(t, j));
      continue;
    }
    const std::uint32_t c = random_element(field, random);
    for (int t = 0; t < a.n; ++t) at(i, t) = field.add(at(i, t), field.mul(c, at(j, t)));
    for (int t = 0; t < a.n; ++t) at(t, j) = field.sub(at(t, j), field.mul(c, at(t, i)));
  }
  return a;
}

// diag(blocks...), each block square.
inline Matrix block_diagonal(const Field& field, const std::vector<Matrix>& blocks) {
  int n = 0;
  for (const Matrix& block : blocks) n += block.n;
  Matrix a{field, n, Entries(static_cast<std::size_t>(n * n), 0)};
  int offset = 0;
  for (const Matrix& block : blocks) {
    for (int i = 0; i < block.n; ++i) {
      for (int j = 0; j < block.n; ++j)
        a.entries[static_cast<std::size_t>((offset + i) * n + offset + j)] = block.entry(i, j);
    }
    offset += block.n;
  }
  return a;
}

inline Matrix strictly_upper_triangular(const Field& field, int n, std::mt19937_64& random) {
  Matrix a{field, n, Entries(static_cast<std::size_t>(n * n), 0)};
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) a.entries[static_cast<std::size_t>(i * n + j)] = random_element(field, random);
  }
  return a;
}

inline Matrix companion(const Polynomial& f) { return transition_matrix({f, Form::galois}); }

inline Polynomial polynomial_power(const Polynomial& f, int e) {
  std::vector<std::uint32_t> result{1};
  for (int i = 0; i < e; ++i) {
    std::vector<std::uint32_t> next(result.size() + f.coefficients().size() - 1, 0);
    for (std::size_t a = 0; a < result.size(); ++a) {
      for (std::size_t b = 0; b < f.coefficients().size(); ++b)
        next[a + b] = f.field().add(next[a + b], f.field().mul(result[a], f.coefficients()[b]));
    }
    result = next;
  }
  return Polynomial(f.field(), result);
}

// A random n x n matrix of one of the shapes that stress the primary decomposition, by `kind`:
// plain random; rank-deficient; nilpotent; a random block beside a nilpotent one; similar to the
// companion matrix of x^k g; and blocks companion(h^m) sharing one small h, so D(j) != deg(h) j.
inline Matrix random_shaped_matrix(const Field& field, int n, int kind, std::mt19937_64& random) {
  const auto below = [&](int bound) { return static_cast<int>(random() % static_cast<unsigned>(bound)); };
  switch (kind) {
    case 0:
      return random_matrix(field, n, random);
    case 1: {
      const int rank = below(n);
      const Matrix left = random_matrix(field, n, random);
      const Matrix right = random_matrix(field, n, random);
      // Only the first `rank` columns of left and rows of right take part.
      Entries l(static_cast<std::size_t>(n * rank)), r(static_cast<std::size_t>(rank * n));
      for (int i = 0; i < n; ++i) {
        for (int t = 0; t < rank; ++t) {
          l[static_cast<std::size_t>(i * rank + t)] = left.entry(i, t);
          r[static_cast<std::size_t>(t * n + i)] = right.entry(t, i);
        }
      }
      return {field, n, product(field, l, r, n, rank, n)};
    }
    case 2:
      return conjugated(strictly_upper_triangular(field, n, random), random);
    case 3: {
      if (n == 1) return strictly_upper_triangular(field, 1, random);
      const int nilpotent = 1 + below(n - 1);
      return conjugated(block_diagonal(field, {random_matrix(field, n - nilpotent, random),
                                               strictly_upper_triangular(field, nilpotent, random)}),
                        random);
    }
    case 4: {
      const int k = below(n + 1);
      std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(k), 0);
      if (k < n) coefficients.push_back(1 + below(static_cast<int>(field.q()) - 1));  // g(0) != 0
      for (int i = k + 1; i < n; ++i) coefficients.push_back(random_element(field, random));
      coefficients.push_back(1);
      return conjugated(companion(Polynomial(field, coefficients)), random);
    }
    default: {
      const Polynomial h = random_polynomial(field, 1 + below(std::min(n, 2)), random);
      std::vector<Matrix> blocks;
      int left = n;
      while (left >= h.degree()) {
        const int m = 1 + below(left / h.degree());
        blocks.push_back(companion(polynomial_power(h, m)));
        left -= h.degree() * m;
      }
      if (left > 0) blocks.push_back(random_matrix(field, left, random));
      return conjugated(block_diagonal(field, blocks), random);
    }
  }
}

inline std::string matrix_text(const Matrix& a) {
  std::string text;
  for (int i = 0; i < a.n; ++i) {
    for (int j = 0; j < a.n; ++j) text += fmt::format("{}{}", j == 0 ? "" : " ", a.entry(i, j));
    text += "\n";
  }
  return text;
}

// next[s] = A v for every state index s, by the field's own arithmetic on base-q digits.
inline std::vector<std::uint64_t> matrix_successors(const Matrix& a) {
  std::uint64_t states = 1;
  for (int i = 0; i < a.n; ++i) states *= a.field.q();
  std::vector<std::uint64_t> next(states);
  Entries v(static_cast<std::size_t>(a.n));
  for (std::uint64_t s = 0; s < states; ++s) {
    std::uint64_t digits = s;
    for (auto& digit : v) {
      digit = static_cast<std::uint32_t>(digits % a.field.q());
      digits /= a.field.q();
    }
    const Entries image = product(a.field, a.entries, v, a.n, a.n, 1);
    std::uint64_t index = 0;
    for (int i = a.n; i-- > 0;) index = index * a.field.q() + image[static_cast<std::size_t>(i)];
    next[s] = index;
  }
  return next;
}

// The structure of X (+) Y from those of X and Y: m_X(a) m_Y(b) gcd(a, b) cycles of length lcm(a, b),
// cyclic states and states multiply, the longer tail wins.
inline CycleStructure direct_sum(const CycleStructure& x, const CycleStructure& y) {
  CycleStructure sum;
  sum.states = x.states * y.states;
  sum.cyclic_states = x.cyclic_states * y.cyclic_states;
  sum.transient_states = sum.states - sum.cyclic_states;
  sum.max_tail = std::max(x.max_tail, y.max_tail);
  for (const auto& [a, count_a] : x.cycles) {
    for (const auto& [b, count_b] : y.cycles) sum.add_cycles(lcm(a, b), count_a * count_b * gcd(a, b));
  }
  return sum;
}

// Largest n with q^n <= states.
inline int largest_dimension(std::uint32_t q, std::uint64_t states) {
  int n = 0;
  for (std::uint64_t count = q; count <= states; count *= q) ++n;
  return n;
}

}  // namespace lfsr::testing
