// The LFSR or matrix of one run, and the questions the analysis asks of it.
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
  return std::visit(
      [](const auto& what) -> const Field& {
        if constexpr (std::is_same_v<std::decay_t<decltype(what)>, Lfsr>)
          return what.field();
        else
          return what.field;
      },
      what_);
}

int Subject::dimension() const {
  return std::visit(
      [](const auto& what) {
        if constexpr (std::is_same_v<std::decay_t<decltype(what)>, Lfsr>)
          return what.degree();
        else
          return what.n;
      },
      what_);
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
  run.polynomial = polynomial_;  // the characteristic polynomial
  run.input = "matrix";          // and no form
  return run;
}

LinearMap Subject::linear_map() const {
  if (const Lfsr* lfsr = std::get_if<Lfsr>(&what_)) return linear_map_of(*lfsr);
  const Matrix& matrix = std::get<Matrix>(what_);
  return linear_map_of(matrix.field, matrix.n, matrix.entries);
}

CycleStructure Subject::algebraic_cycle_structure() const {
  // Representatives in the register's form, or of the matrix.
  return std::visit([this](const auto& what) { return lfsr::algebraic_cycle_structure(what, algebra_); }, what_);
}

StatePeriod Subject::state_period(const mpz_class& state) const {
  return std::visit([&](const auto& what) { return lfsr::state_period(what, state, algebra_); }, what_);
}

Trace Subject::trace(const mpz_class& state, std::optional<std::uint64_t> steps) const {
  return std::visit([&](const auto& what) { return trace_states(what, state, steps); }, what_);
}

void Subject::add_minimal_polynomials(CycleStructure& result) const {
  std::visit([&](const auto& what) { lfsr::add_minimal_polynomials(what, result, PeriodCheck::checked, algebra_); },
             what_);
}

void Subject::check_against_algebra(const CycleStructure& enumerated) const {
  std::visit([&](const auto& what) { lfsr::check_against_algebra(what, enumerated, algebra_); }, what_);
}

}  // namespace lfsr::cli
