// --batch and --scan: many registers through one runner, one output line each or one summary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "options.hpp"

namespace lfsr::cli {

// Runs --batch or --scan and returns the exit code: 0, or the code a single run of the first
// failing register would have ended with (a malformed line: 2). Every other line is still done.
int run_many_registers(const Options& options);

// Failed lines the stderr message after a batch or scan names; more are shown as "...".
inline constexpr std::size_t named_failed_lines = 5;

// "lfsr-analyze: 2 of 6 lines failed: lines 3, 7" on stderr, when `errors` > 0: written after the
// output of a batch or scan (and of --merge, which reproduces it) with the first failed lines.
void report_failed_lines(std::uint64_t errors, std::uint64_t lines, const std::vector<std::uint64_t>& first_failed);

}  // namespace lfsr::cli
