// Error types and the process exit codes they map to: one documented table.
#pragma once

#include <stdexcept>
#include <string>

namespace lfsr {

// Exit codes of lfsr-analyze (README "Exit codes" lists the same table). A signal such as SIGINT
// ends the process by the signal itself, which shells report as 128 + its number: no code here.
enum class ExitCode : int {
  success = 0,
  usage = 2,          // bad command line or bad input (polynomial, field, sizes, files)
  resources = 3,      // the state space or a table does not fit in the memory allowed
  mismatch = 4,       // two computations that must agree did not (--compare, --method both)
  worker_failed = 5,  // a worker process died or a system call failed during a run
  internal = 6,       // an internal invariant failed or NTL reported an error
};

// Bad user input: the message names the offending value. Maps to ExitCode::usage.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A request that is well formed but too large for the memory allowed. Maps to ExitCode::resources.
class ResourceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Two computations that must agree did not (--compare, --method both). Maps to ExitCode::mismatch.
class MismatchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A worker died or a parallel run could not complete. Maps to ExitCode::worker_failed.
class WorkerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An internal consistency check failed: a bug, never bad input. Maps to ExitCode::internal.
class InternalError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// The exception being handled (in a catch block or a terminate handler) as the exit code of its
// kind and its message; an internal error's message says so ("internal error: ..."). The one place
// where an error type meets its exit code.
struct Failure {
  ExitCode code = ExitCode::internal;
  std::string message;
};
Failure current_failure();

}  // namespace lfsr
