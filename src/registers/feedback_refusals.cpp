// The refusals of a feedback register, worded once.
#include "registers/feedback_refusals.hpp"

#include <fmt/format.h>

#include "lfsr/error.hpp"

namespace lfsr {

void refuse_feedback_field_or_form(bool over_gf2, bool fibonacci) {
  if (!over_gf2) throw InputError("--feedback registers are over GF(2): not with --field or --modulus");
  if (!fibonacci) throw InputError("--feedback registers shift toward x0 (Fibonacci form): not with --form galois");
}

void refuse_feedback_algebra(std::string_view method, const Feedback& feedback) {
  if (method != "algebraic" && method != "both") return;
  if (feedback.is_linear())
    throw InputError(
        fmt::format("--method {} needs a characteristic polynomial: this linear F is the register "
                    "--poly '{}', which has one",
                    method, feedback.characteristic_polynomial().to_string()));
  throw InputError(
      fmt::format("--method {} factors the characteristic polynomial of a linear register; a "
                  "nonlinear register has none: its cycles are found by --method enumerate",
                  method));
}

}  // namespace lfsr
