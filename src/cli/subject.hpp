// What one run analyzes: an LFSR (polynomial and form), any linear map given by its matrix, or a
// nonlinear feedback shift register.
#pragma once

#include <gmpxx.h>

#include <optional>
#include <string>
#include <variant>

#include "lfsr/algebra.hpp"
#include "lfsr/cycle_structure.hpp"
#include "lfsr/feedback.hpp"
#include "lfsr/lfsr.hpp"
#include "lfsr/linear_map.hpp"
#include "lfsr/matrix.hpp"
#include "lfsr/report.hpp"
#include "lfsr/state_period.hpp"
#include "lfsr/trace.hpp"
#include "lfsr/transition.hpp"
#include "options.hpp"

namespace lfsr::cli {

// A nonlinear feedback shift register (--feedback F --bits N), over GF(2).
struct FeedbackRegister {
  Field field;
  Feedback feedback;
};

// The linear kinds answer the same questions; only the algebra behind them differs (an LFSR's
// primary parts follow from its polynomial alone, a matrix's need ranks). A nonlinear register has
// no algebra: it is enumerated and traced, and asking it for algebra is an InputError.
class Subject {
 public:
  // --matrix FILE, --feedback F, or the register of --poly / --taps / --bits, with the factoring bound of the
  // options. Throws InputError naming the problem.
  static Subject from_options(const Options& options);
  // The register Berlekamp-Massey recovered from --sequence (linear complexity >= 1).
  static Subject from_sequence(Lfsr lfsr, SequenceInfo sequence, AlgebraOptions algebra);

  const Field& field() const;
  int dimension() const;
  // q^n.
  mpz_class states() const;
  // "2^12", "9^5": the size of the state space as the user thinks of it.
  std::string state_space_name() const;
  // The register keys of a report (field, bits, polynomial, form, input).
  RunInfo describe() const;
  // What the engine steps.
  Transition transition() const;
  // Whether the algebraic method applies (a linear register or map).
  bool has_algebra() const;
  CycleStructure algebraic_cycle_structure() const;
  StatePeriod state_period(const mpz_class& state) const;
  // The states visited from `state` (see trace_states). Throws InputError as trace_states does.
  Trace trace(const mpz_class& state, std::optional<std::uint64_t> steps) const;
  // Minimal polynomials for the representatives enumeration found, each checked (add_minimal_polynomials).
  void add_minimal_polynomials(CycleStructure& result) const;
  // --method both: throws MismatchError (exit 4) unless the algebraic method agrees with `enumerated`.
  void check_against_algebra(const CycleStructure& enumerated) const;

 private:
  explicit Subject(std::variant<Lfsr, Matrix, FeedbackRegister> what, std::string polynomial, AlgebraOptions algebra)
      : what_(std::move(what)), polynomial_(std::move(polynomial)), algebra_(std::move(algebra)) {}

  std::variant<Lfsr, Matrix, FeedbackRegister> what_;
  std::string polynomial_;  // the characteristic polynomial as text
  std::optional<SequenceInfo> sequence_;
  AlgebraOptions algebra_;  // the factoring bound of this run, one budget for all its questions
};

}  // namespace lfsr::cli
