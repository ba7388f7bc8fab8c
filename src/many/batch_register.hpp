// One register of a batch or scan: an LFSR given by its polynomial, or a nonlinear feedback shift register.
#pragma once

#include <gmpxx.h>

#include <string>
#include <string_view>
#include <variant>

#include "lfsr/feedback.hpp"
#include "lfsr/field.hpp"
#include "lfsr/lfsr.hpp"
#include "lfsr/report.hpp"
#include "lfsr/transition.hpp"

namespace lfsr {

// A batch line names either kind ("x^4+x+1", "feedback:4:x0+x1+x2+x1*x2"); both are enumerated by
// the same engine, and only an LFSR has the algebra (a polynomial to factor, minimal polynomials of
// its states). Both constructors convert implicitly, so an Lfsr is passed wherever a BatchRegister is.
class BatchRegister {
 public:
  BatchRegister(Lfsr lfsr) : what_(std::move(lfsr)) {}              // NOLINT(google-explicit-constructor)
  BatchRegister(Feedback feedback) : what_(std::move(feedback)) {}  // NOLINT(google-explicit-constructor)

  // Nothing for a nonlinear register.
  const Lfsr* lfsr() const { return std::get_if<Lfsr>(&what_); }
  // Nothing for an LFSR.
  const Feedback* feedback() const { return std::get_if<Feedback>(&what_); }

  // The LFSR's field; GF(2) for a feedback register.
  const Field& field() const;
  // Cells of the register: the polynomial's degree, the feedback's bits.
  int bits() const;
  // q^bits.
  mpz_class states() const;
  // What the enumeration engine steps.
  Transition transition() const;
  // The register keys of its report: those of --poly for an LFSR, of --feedback for a feedback
  // register (input "feedback", its canonical F, invertible, no polynomial).
  RunInfo run_info() const;
  // The register as a batch line reads it back: the polynomial ("x^4+x+1"), or "feedback:N:F" with
  // F in canonical algebraic normal form ("feedback:4:x0 + x1 + x2 + x1*x2"). The text and CSV rows
  // and a summary's examples name registers so.
  std::string text() const;

  friend bool operator==(const BatchRegister& a, const BatchRegister& b);

 private:
  std::variant<Lfsr, Feedback> what_;
};

// The prefix of a feedback register's batch line: "feedback:N:F".
inline constexpr std::string_view feedback_line_prefix = "feedback:";

}  // namespace lfsr
