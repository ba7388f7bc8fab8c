// One line of a --batch file: a polynomial in any syntax the tool reads, a feedback register, or a comment.
#pragma once

#include <optional>
#include <string_view>

#include "lfsr/field.hpp"
#include "lfsr/lfsr.hpp"
#include "many/batch_register.hpp"

namespace lfsr::cli {

// The register on one line: a polynomial, algebraic ("x^4+x+1"), hex over GF(2) ("0x13") or a tap
// list ("taps:4,1"), an LFSR of `form` over `field`; or a nonlinear feedback register over GF(2),
// "feedback:N:F" with N its length and F as --feedback reads it ("feedback:4:x0+x1+x2+x1*x2",
// "feedback:4:0,1,2,(1,2)", "feedback:3:0x6a"). '#' starts a comment; spaces around the line and
// around N are ignored. Nothing for a line that is blank or only a comment. Throws InputError as
// parse_polynomial, parse_taps and parse_feedback_any do, and as a single --feedback run refuses a
// field other than GF(2) or the Galois form.
std::optional<BatchRegister> parse_batch_line(std::string_view line, const Field& field, Form form);

}  // namespace lfsr::cli
