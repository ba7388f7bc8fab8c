// Following one state: the states a register (linear or not) or a matrix visits from it and the symbols it outputs.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "lfsr/feedback.hpp"
#include "lfsr/lfsr.hpp"
#include "lfsr/matrix.hpp"

namespace lfsr {

// Rows of a trace given no step count: it stops earlier, at the first state that repeats.
inline constexpr std::uint64_t default_trace_steps = 10000;
// Most steps a trace may be asked for.
inline constexpr std::uint64_t max_trace_steps = 1000000;
// Most digits a trace keeps (rows times n): a trace given no step count stops at
// max_trace_digits / n rows when that is below default_trace_steps.
inline constexpr std::uint64_t max_trace_digits = std::uint64_t{1} << 25;

struct TraceRow {
  mpz_class state;                    // index, sum v_i q^i
  std::vector<std::uint32_t> digits;  // v_0..v_{n-1}, in index order (reports print v_{n-1} first)
  std::uint32_t output = 0;           // the symbol the step from this state outputs
};

// Why a trace ended: at a state seen before (no step count given), after the steps asked for, or
// at the cap of a trace given no step count, no state having repeated.
enum class TraceStop { repeat, steps, limit };

std::string_view trace_stop_name(TraceStop stop);

struct Trace {
  // The coordinate the output symbol is: 0 for a Fibonacci register (s_0, the digit shifted out)
  // and a matrix (v_0), n - 1 for a Galois register (r_{n-1}, the coefficient x r(x) carries
  // past x^(n-1)).
  int output_digit = 0;
  std::vector<TraceRow> rows;  // rows[t]: the state after t steps
  mpz_class next_state;        // the state after the last row's step
  TraceStop stop = TraceStop::steps;
  // When a state repeated among the states after 0..rows.size() steps: the first state of the cycle
  // is the one after `tail` steps and it comes back `period` steps later.
  std::optional<std::uint64_t> tail;
  std::optional<std::uint64_t> period;
};

// The trace of `start` under the register: `steps` rows, or, without a step count, rows until the
// next state is one already listed (at most default_trace_steps, and max_trace_digits / n). Each
// step costs O(n) field operations, on the digit vector, for any n. Throws InputError for a state
// outside 0..q^n - 1, and for a step count of 0, above max_trace_steps or with more than
// max_trace_digits digits in all.
Trace trace_states(const Lfsr& lfsr, const mpz_class& start, std::optional<std::uint64_t> steps);

// The same for v -> A v; a step costs one product by the nonzero entries of A, O(n^2) at most.
Trace trace_states(const Matrix& matrix, const mpz_class& start, std::optional<std::uint64_t> steps);
// The same for a nonlinear feedback register: x_0 is output, F(x_0..x_{n-1}) enters x_{n-1}.
Trace trace_states(const Feedback& feedback, const mpz_class& start, std::optional<std::uint64_t> steps);

}  // namespace lfsr
