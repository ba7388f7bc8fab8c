// What a nonlinear feedback register refuses, in the same words for a single --feedback run and a
// batch line: it is over GF(2), in Fibonacci form, and has no characteristic polynomial.
#pragma once

#include <string_view>

#include "lfsr/feedback.hpp"

namespace lfsr {

// Throws InputError unless the register is over GF(2) and in Fibonacci form.
void refuse_feedback_field_or_form(bool over_gf2, bool fibonacci);

// Throws InputError when `method` is "algebraic" or "both": a nonlinear F has no characteristic
// polynomial; a linear one is named as the --poly register that has one.
void refuse_feedback_algebra(std::string_view method, const Feedback& feedback);

}  // namespace lfsr
