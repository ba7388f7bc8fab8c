// Matrices over GF(q): validation, the text form, and an LFSR's transition matrix.
#include "lfsr/matrix.hpp"

#include <fmt/format.h>

#include <string>

#include "lfsr/error.hpp"
#include "text/parsing.hpp"

namespace lfsr {

namespace {

// The entries of one line, comment removed: split at commas, then at spaces, so "1 0, 1" is three
// entries; an empty piece between commas is an error rather than a silent zero. Splitting stops
// past max_matrix_dimension entries: a file of one long line would otherwise make a list of
// millions of them before its length is checked.
std::vector<std::string_view> line_entries(std::string_view line, int line_number) {
  const auto too_many = [line_number] {
    return InputError(fmt::format("matrix line {}: more than {} entries, above the largest dimension {}", line_number,
                                  max_matrix_dimension, max_matrix_dimension));
  };
  line = trim(line.substr(0, line.find('#')));
  std::vector<std::string_view> entries;
  if (line.empty()) return entries;
  for (std::string_view rest = line;;) {
    const std::size_t comma = rest.find(',');
    std::string_view piece = trim(rest.substr(0, comma));
    if (piece.empty()) {
      throw InputError(
          fmt::format("matrix line {}: entry {} is empty (a stray comma)", line_number, entries.size() + 1));
    }
    while (!piece.empty()) {
      std::size_t end = 0;
      while (end < piece.size() && !is_space(piece[end])) ++end;
      if (entries.size() == static_cast<std::size_t>(max_matrix_dimension)) throw too_many();
      entries.push_back(piece.substr(0, end));
      piece = trim(piece.substr(end));
    }
    if (comma == std::string_view::npos) return entries;
    rest.remove_prefix(comma + 1);
  }
}

}  // namespace

void check_matrix(const Matrix& a) {
  if (a.n < 1 || a.n > max_matrix_dimension) {
    throw InputError(fmt::format("matrix dimension {} is outside 1..{}", a.n, max_matrix_dimension));
  }
  const auto n = static_cast<std::size_t>(a.n);
  if (a.entries.size() != n * n) {
    throw InputError(fmt::format("a {}x{} matrix needs {} entries, not {}", n, n, n * n, a.entries.size()));
  }
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    if (a.entries[i] >= a.field.q()) {
      throw InputError(fmt::format("matrix entry ({}, {}) = {} is not an element of {}", i / n + 1, i % n + 1,
                                   a.entries[i], a.field.name()));
    }
  }
}

Matrix parse_matrix(std::string_view text, const Field& field) {
  Matrix a{field, 0, {}};
  int rows = 0;
  int line_number = 0;
  for (std::string_view rest = text; !rest.empty();) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    ++line_number;
    const std::vector<std::string_view> entries = line_entries(line, line_number);
    if (entries.empty()) continue;
    const auto count = static_cast<int>(entries.size());
    if (rows == 0) {
      a.n = count;
    } else if (count != a.n) {
      throw InputError(fmt::format("matrix line {}: row {} has {} entries, expected {} like row 1", line_number,
                                   rows + 1, count, a.n));
    }
    if (rows == a.n) {
      throw InputError(fmt::format("matrix line {}: row {} of a matrix with {} columns: it must be square", line_number,
                                   rows + 1, a.n));
    }
    for (std::size_t col = 0; col < entries.size(); ++col) {
      try {
        a.entries.push_back(parse_element(entries[col], field));
      } catch (const InputError& e) {
        throw InputError(fmt::format("matrix line {}, entry {}: {}", line_number, col + 1, e.what()));
      }
    }
    ++rows;
  }
  if (rows == 0) throw InputError("empty matrix: no rows, only blank lines and comments");
  if (rows != a.n) {
    throw InputError(fmt::format("matrix ends at line {} after {} rows of {} entries: it must be square, {} rows",
                                 line_number, rows, a.n, a.n));
  }
  return a;
}

Matrix transition_matrix(const Lfsr& lfsr) { return {lfsr.field(), lfsr.degree(), transition_entries(lfsr)}; }

}  // namespace lfsr
