// Command-line options of lfsr-analyze: their CLI11 wiring and the register they describe.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lfsr/algebra.hpp"
#include "lfsr/lfsr.hpp"

namespace lfsr::cli {

// The command line as given, before any of it is validated against the mathematics.
struct Options {
  std::optional<int> bits;
  std::optional<std::string> poly;
  std::optional<std::string> taps;
  std::optional<std::string> matrix;  // a file name, "-" for standard input
  std::optional<std::string> feedback;  // F of a nonlinear register, any notation parse_feedback_any reads
  std::optional<std::string> search_nlfsr;  // a feedback family, as FeedbackFamily reads it
  std::optional<std::string> batch;   // a file name, "-" for standard input
  bool scan = false;
  bool nonsingular = false;
  bool summary = false;
  std::optional<std::string> shard;          // --shard I/N: part I of N of a scan
  std::vector<std::string> merge;            // --merge FILES...: the parts to combine
  std::optional<std::string> sequence;       // elements as text
  std::optional<std::string> sequence_file;  // a file name, "-" for standard input
  bool profile = false;
  std::uint64_t field = 2;
  std::optional<std::string> modulus;
  std::optional<std::string> form;  // default fibonacci; registers only
  std::string format = "text";
  std::string mode = "auto";
  std::string method = "auto";
  bool all_cycles = false;
  std::optional<std::string> period_of;      // a state index, decimal or 0x hex
  std::optional<std::string> trace;          // a state index, decimal or 0x hex
  std::optional<std::uint64_t> steps;        // --trace: rows; default until a state repeats
  std::optional<std::string> plot;           // an SVG file to write besides the report
  std::optional<std::uint64_t> list_cycles;  // --list-cycles [N]: list every cycle, at most N of them
  std::optional<int> workers;                // default: the number of online CPUs
  std::optional<std::uint64_t> chunk;
  bool compare = false;
  int repeat = 3;
  int warmup = 1;            // --compare: untimed runs per mode before the timed ones
  bool progress = false;     // --progress: always show the progress line
  bool no_progress = false;  // --no-progress: never; neither: when stderr is a terminal
  std::optional<std::string> max_memory;
  double factor_seconds = default_factor_seconds;  // the time bound of the factoring, per register
};

// Cycles --list-cycles lists when given no limit: beyond, it refuses (the list would be huge).
inline constexpr std::uint64_t default_list_cycles_limit = 100000;
// Largest N of --list-cycles N: the list is held in memory (16 bytes a cycle) and printed whole.
inline constexpr std::uint64_t max_list_cycles_limit = 10000000;

// Declares every option of `app`, bound to `options`, with usage examples in the help footer.
void add_options(CLI::App& app, Options& options);

// Refuses, naming the conflict, options that the rest of the command line would leave without
// effect (--repeat without --compare, --summary of a single run, ...). Throws InputError.
void check_combinations(const CLI::App& app, const Options& options);

// The field of --field and --modulus. Throws InputError naming the problem.
Field field_from(const Options& options);

// The register the options describe: --poly, --taps, or the default primitive polynomial for
// --bits alone, searched for within `algebra`. Throws InputError naming the problem (no register
// given, --bits not matching the degree, ...) and ResourceError when no default can be proven primitive.
Lfsr register_from(const Options& options, const Field& field, const AlgebraOptions& algebra);

// The factoring bound of one register (--factor-seconds), with a fresh budget: give each register its own.
AlgebraOptions algebra_options(const Options& options);

// "512M", "2G", "1024": bytes, with K/M/G/T meaning powers of 1024. Throws InputError.
std::uint64_t parse_memory_size(std::string_view text);

// Bytes in the largest binary unit that keeps the value >= 1: "1.5 GiB", "512 B".
std::string format_bytes(std::uint64_t bytes);

}  // namespace lfsr::cli
