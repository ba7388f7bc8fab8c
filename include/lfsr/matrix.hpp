// Any square matrix over GF(q) as a linear map: its text form, an LFSR's matrix, its characteristic polynomial.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "lfsr/field.hpp"
#include "lfsr/lfsr.hpp"
#include "lfsr/polynomial.hpp"

namespace lfsr {

// An n x n matrix over GF(q): the linear map v -> A v on column vectors, state index sum v_i q^i.
struct Matrix {
  Field field;
  int n = 0;
  std::vector<std::uint32_t> entries;  // row-major, elements 0..q-1

  std::uint32_t entry(int row, int col) const {
    return entries[static_cast<std::size_t>(row) * static_cast<std::size_t>(n) + static_cast<std::size_t>(col)];
  }

  friend bool operator==(const Matrix&, const Matrix&) = default;
};

// Largest dimension accepted: the algebra is O(n^3) field operations on matrices of n^2 elements.
// At 1024 a characteristic polynomial takes about 0.02 s over GF(2) (NTL); over odd GF(p) residues
// and over GF(p^k), k >= 2, log tables make it about 0.2 s at 512 (docs/benchmarks.md).
inline constexpr int max_matrix_dimension = 1024;

// Throws InputError unless 1 <= n <= max_matrix_dimension and `entries` holds n * n elements 0..q-1.
void check_matrix(const Matrix& a);

// n rows of n elements separated by spaces or commas, each element as parse_element reads it (a
// plain integer 0..q-1 or the a form without spaces); '#' starts a comment to the end of the line,
// blank lines are ignored. Throws InputError naming the problem and its line: no rows, a row of
// another length than the first, not n rows, a bad element, n above max_matrix_dimension.
Matrix parse_matrix(std::string_view text, const Field& field);

// The LFSR's transition matrix (transition_entries): its characteristic polynomial is the register's.
Matrix transition_matrix(const Lfsr& lfsr);

// chi(x) = det(xI - A), monic of degree n. Throws InputError as check_matrix does.
Polynomial characteristic_polynomial(const Matrix& a);

}  // namespace lfsr
