// --batch and --scan: many registers through one runner, one output line each or one summary.
#pragma once

#include "options.hpp"

namespace lfsr::cli {

// Runs --batch or --scan and returns the exit code: 0, or the code a single run of the first
// failing register would have ended with (a malformed line: 2). Every other line is still done.
int run_many_registers(const Options& options);

}  // namespace lfsr::cli
