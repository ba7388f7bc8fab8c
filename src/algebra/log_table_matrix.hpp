// Rank, characteristic polynomial and product of n x n matrices over GF(p^k) on LogTableField's
// tables: each row operation is one lookup per entry, where NTL's GF2E / zz_pE multiply polynomials.
#pragma once

#include <cstdint>
#include <vector>

#include "algebra/log_table_field.hpp"

namespace lfsr::detail {

// A dense row-major n x n matrix of elements 0..q-1.
struct TableMatrix {
  long n = 0;
  std::vector<TableElement> entries;

  TableElement* row(long i) { return entries.data() + i * n; }
  const TableElement* row(long i) const { return entries.data() + i * n; }
};

// Our row-major entries (elements 0..q-1) as a TableMatrix.
TableMatrix table_matrix(const std::vector<std::uint32_t>& entries, long n);

// rank(A) by Gaussian elimination.
long table_rank(const LogTableField& field, TableMatrix a);

// chi(x) = det(xI - A), coefficients x^0 first (n + 1 of them, the last 1), by reduction to
// Hessenberg form as characteristic_polynomial.cpp does it over NTL.
std::vector<std::uint32_t> table_characteristic_polynomial(const LogTableField& field, TableMatrix a);

// A B.
TableMatrix table_product(const LogTableField& field, const TableMatrix& a, const TableMatrix& b);

// f(A), f's coefficients x^0 first, by Paterson and Stockmeyer as evaluate() in matrix_polynomial.hpp.
TableMatrix table_evaluate(const LogTableField& field, const std::vector<std::uint32_t>& f, const TableMatrix& a);

}  // namespace lfsr::detail
