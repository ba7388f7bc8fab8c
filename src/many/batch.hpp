// Many registers in one run: small ones analyzed whole, one per task, by the workers of one runner
// (the fork pool serves the whole batch), large ones chunked over all workers; results in order.
// LFSRs and nonlinear feedback registers mix freely (BatchRegister).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lfsr/algebra.hpp"
#include "lfsr/cycle_structure.hpp"
#include "lfsr/error.hpp"
#include "lfsr/lfsr.hpp"
#include "lfsr/linear_map.hpp"
#include "lfsr/runner.hpp"
#include "lfsr/transition.hpp"
#include "many/batch_register.hpp"
#include "many/scan.hpp"

namespace lfsr {

// How one register of a batch ended: its result, or the one-line error a single run would print.
struct BatchOutcome {
  CycleStructure result;  // when ok()
  std::string method;     // resolved: "enumerate", "algebraic" or "both"
  double seconds = 0;     // analysis time of this register in its worker
  std::string error;
  ExitCode error_code = ExitCode::success;
  // With BatchOptions::json_lines, the register's JSON line from after `{"line":N,` on
  // (append_report_json_keys), written by the worker that analyzed it; `result` is then left empty.
  std::string json_keys;
  // With BatchOptions::summary: the register was added to its task's summary in its worker, and
  // `result` is left empty.
  bool summarized = false;
  // With BatchOptions::summary, on the outcome of each task's first register: the summary of the
  // task's registers that were summarized. Added in the order report is called, they make the
  // summary of every register summarized.
  std::optional<CycleTypeSummary> task_summary;

  bool ok() const { return error_code == ExitCode::success; }
};

struct BatchOptions {
  std::string method = "auto";  // enumerate | algebraic | both | auto, as --method
  // The factoring time bound of each register (AlgebraOptions::factor_seconds): a register that
  // needs more fails alone with ExitCode::resources.
  double factor_seconds = default_factor_seconds;
  // Registers with at most this many states (enumerated) go to one worker whole; larger ones are
  // cut into chunks for all workers, one register at a time.
  std::uint64_t whole_register_states = std::uint64_t{1} << 22;
  // Representatives of the algebraic method and the (checked) minimal polynomial of every
  // representative. Off, results carry only the states enumeration names for free: a summary or a
  // table that shows no states skips their cost (about 15 us for a degree-10 register).
  bool named_states = true;
  // Each register's JSON line is written by the worker that analyzed it (BatchOutcome::json_keys),
  // with the runner's mode and workers: thousands of lines a second are then written in parallel,
  // and only their text, not the result, crosses back from a worker.
  bool json_lines = false;
  // The registers a worker analyzes whole and successfully are added to a summary of its task in
  // the worker (BatchOutcome::summarized, BatchOutcome::task_summary): the calling process then
  // adds one summary per task instead of one result per register.
  bool summary = false;
  // Called before a register is chunked over the workers; throws ResourceError when the memory
  // cannot hold its enumeration (that register then fails, not the batch).
  std::function<void(const BatchRegister&, const Transition&)> check_memory;
  // Called each time report has been handed the registers of a finished task (up to 64 small
  // registers, or one large one): a caller that gathers its output writes it out then, one write
  // per task rather than per register, and no line waits on a register still being analyzed.
  std::function<void()> on_reported;
  // Set when registers[i] is the polynomial at position first_position + i of the PolynomialScan
  // of this degree (--scan), all of one form: a task then names its registers by their positions
  // rather than their coefficients, a few bytes instead of every register of the window for every
  // rank a runner spread over MPI ranks sends the job to.
  struct ScanPositions {
    int degree = 0;
    bool nonsingular = false;
    std::uint64_t first_position = 0;
  };
  std::optional<ScanPositions> scan;
};

// The method `auto` picks for one register: enumerate up to 2^24 states, else algebraic; always
// enumerate for a feedback register, which has no algebra (asked for algebraic or both, it fails
// as a single --feedback run does).
std::string resolve_method(const std::string& method, const BatchRegister& batch_register);

// Analyzes registers[0..n) with runner's workers and calls report(i, outcome) for i = 0, 1, ... in
// order, each as soon as it and every register before it are done. A register's own failure (an
// order that cannot be found, a mismatch, too little memory) is its outcome, not an exception. A
// worker that dies is replaced and its registers are analyzed again, once; a second failure throws
// WorkerError, after every register before the lost ones has been reported. Exceptions from report
// propagate.
void analyze_batch(const std::vector<BatchRegister>& registers, Runner& runner, const BatchOptions& options,
                   const std::function<void(std::size_t, BatchOutcome&&)>& report);

}  // namespace lfsr
