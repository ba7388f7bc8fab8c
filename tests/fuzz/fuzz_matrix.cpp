// Fuzzes the matrix-file parser: what parses is a valid square matrix, its rows printed back parse
// to it, and a small map's cycle structure (algebraic, from its characteristic polynomial and kernel
// ranks) equals the state-by-state walk.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz_support.hpp"
#include "lfsr/error.hpp"
#include "lfsr/matrix.hpp"
#include "structure_check.hpp"

using namespace lfsr;
using namespace lfsr::fuzz;

namespace {

std::string matrix_text(const Matrix& a) {
  std::string text = "# printed back\n";
  for (int row = 0; row < a.n; ++row) {
    for (int col = 0; col < a.n; ++col) text += (col == 0 ? "" : ", ") + a.field.element_text(a.entry(row, col));
    text += "\n\n";
  }
  return text;
}

}  // namespace

// Byte 0: the field (see fuzz_fields). The rest: the file's text.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const Field& field = field_for(data[0]);
  std::optional<Matrix> a;
  try {
    a = parse_matrix(as_text(data + 1, size - 1), field);
  } catch (const InputError& error) {
    check_message(error);
    return 0;
  }
  check_matrix(*a);
  require(a->field == field, "matrix over another field");
  require(parse_matrix(matrix_text(*a), field) == *a, "printed matrix parses to another:", matrix_text(*a));
  check_matrix_map(*a);
  return 0;
}
