// One line of a --batch file: a polynomial in any syntax the tool reads, or a comment.
#pragma once

#include <optional>
#include <string_view>

#include "lfsr/field.hpp"
#include "lfsr/polynomial.hpp"

namespace lfsr::cli {

// The polynomial on one line: algebraic ("x^4+x+1"), hex over GF(2) ("0x13") or a tap list
// ("taps:4,1"); '#' starts a comment. Nothing for a line that is blank or only a comment. Throws
// InputError as parse_polynomial and parse_taps do.
std::optional<Polynomial> parse_batch_line(std::string_view line, const Field& field);

}  // namespace lfsr::cli
