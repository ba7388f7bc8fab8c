// The LFSR, matrix or nonlinear register of one run, and the questions the analysis asks of it.
#include "subject.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <iterator>

#include "algebra/method_check.hpp"
#include "input_file.hpp"
#include "lfsr/error.hpp"
#include "report/run_info.hpp"

namespace lfsr::cli {

Subject Subject::from_options(const Options& options) {
  const Field field = field_from(options);
  AlgebraOptions algebra = algebra_options(options);
  if (options.feedback) {
    // check_combinations saw --bits.
    Feedback feedback = parse_feedback_any(*options.feedback, options.bits.value_or(0));
    return Subject(FeedbackRegister{field, std::move(feedback)}, "", std::move(algebra));
  }
  if (!options.matrix) {
    Lfsr lfsr = register_from(options, field, algebra);
    std::string polynomial = lfsr.polynomial.to_string();
    return Subject(std::move(lfsr), std::move(polynomial), std::move(algebra));
  }
  if (options.form) throw InputError("--form applies to registers (--poly, --taps, --bits), not to --matrix");
  Matrix matrix = parse_input_file(*options.matrix, "matrix file",
                                   [&](const std::string& text) { return parse_matrix(text, field); });
  if (options.bits && *options.bits != matrix.n) {
    throw InputError(fmt::format("--bits {} does not match the {} x {} matrix", *options.bits, matrix.n, matrix.n));
  }
  std::string polynomial = characteristic_polynomial(matrix).to_string();
  return Subject(std::move(matrix), std::move(polynomial), std::move(algebra));
}

Subject Subject::from_sequence(Lfsr lfsr, SequenceInfo sequence, AlgebraOptions algebra) {
  std::string polynomial = lfsr.polynomial.to_string();
  Subject subject(std::move(lfsr), std::move(polynomial), std::move(algebra));
  subject.sequence_ = std::move(sequence);
  return subject;
}

const Field& Subject::field() const {
  if (const Lfsr* lfsr = std::get_if<Lfsr>(&what_)) return lfsr->field();
  if (const Matrix* matrix = std::get_if<Matrix>(&what_)) return matrix->field;
  return std::get<FeedbackRegister>(what_).field;
}

int Subject::dimension() const {
  if (const Lfsr* lfsr = std::get_if<Lfsr>(&what_)) return lfsr->degree();
  if (const Matrix* matrix = std::get_if<Matrix>(&what_)) return matrix->n;
  return std::get<FeedbackRegister>(what_).feedback.bits();
}

mpz_class Subject::states() const {
  mpz_class states;
  mpz_ui_pow_ui(states.get_mpz_t(), field().q(), static_cast<unsigned long>(dimension()));
  return states;
}

std::string Subject::state_space_name() const { return fmt::format("{}^{}", field().q(), dimension()); }

RunInfo Subject::describe() const {
  if (const Lfsr* lfsr = std::get_if<Lfsr>(&what_)) {
    RunInfo run = register_run_info(*lfsr);
    if (sequence_) {
      run.input = "sequence";
      run.sequence = sequence_;
    }
    return run;
  }
  RunInfo run;
  run.field = field();
  run.bits = dimension();
  if (const FeedbackRegister* nonlinear = std::get_if<FeedbackRegister>(&what_)) {
    run.form = "fibonacci";
    run.input = "feedback";  // and no polynomial
    run.feedback = nonlinear->feedback.to_string();
    run.invertible = nonlinear->feedback.is_invertible();
    return run;
  }
  run.polynomial = polynomial_;  // the characteristic polynomial
  run.input = "matrix";          // and no form
  return run;
}

Transition Subject::transition() const {
  if (const Lfsr* lfsr = std::get_if<Lfsr>(&what_)) return linear_map_of(*lfsr);
  if (const Matrix* matrix = std::get_if<Matrix>(&what_))
    return linear_map_of(matrix->field, matrix->n, matrix->entries);
  return std::get<FeedbackRegister>(what_).feedback;
}

bool Subject::has_algebra() const { return !std::holds_alternative<FeedbackRegister>(what_); }

namespace {

// The linear kinds, for the questions only they can answer.
std::variant<const Lfsr*, const Matrix*> linear_kind(const std::variant<Lfsr, Matrix, FeedbackRegister>& what) {
  if (const Lfsr* lfsr = std::get_if<Lfsr>(&what)) return lfsr;
  if (const Matrix* matrix = std::get_if<Matrix>(&what)) return matrix;
  throw InputError(
      "a nonlinear feedback register has no characteristic polynomial: its cycles are found by enumeration");
}

}  // namespace

CycleStructure Subject::algebraic_cycle_structure() const {
  // Representatives in the register's form, or of the matrix.
  return std::visit([this](const auto& what) { return lfsr::algebraic_cycle_structure(*what, algebra_); },
                    linear_kind(what_));
}

StatePeriod Subject::state_period(const mpz_class& state) const {
  return std::visit([&](const auto& what) { return lfsr::state_period(*what, state, algebra_); }, linear_kind(what_));
}

Trace Subject::trace(const mpz_class& state, std::optional<std::uint64_t> steps) const {
  if (const FeedbackRegister* nonlinear = std::get_if<FeedbackRegister>(&what_))
    return trace_states(nonlinear->feedback, state, steps);
  return std::visit([&](const auto& what) { return trace_states(*what, state, steps); }, linear_kind(what_));
}

void Subject::add_minimal_polynomials(CycleStructure& result) const {
  if (!has_algebra()) return;  // a nonlinear register's states have no minimal polynomial
  std::visit([&](const auto& what) { lfsr::add_minimal_polynomials(*what, result, PeriodCheck::checked, algebra_); },
             linear_kind(what_));
}

void Subject::check_against_algebra(const CycleStructure& enumerated) const {
  std::visit([&](const auto& what) { lfsr::check_against_algebra(*what, enumerated, algebra_); }, linear_kind(what_));
}

}  // namespace lfsr::cli
