// Command-line options of lfsr-analyze: CLI11 declarations, value checks and the register they select.
#include "options.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <utility>

#include "lfsr/compare.hpp"
#include "lfsr/error.hpp"
#include "lfsr/feedback.hpp"
#include "lfsr/polynomial.hpp"
#include "lfsr/primitive_search.hpp"
#include "lfsr/trace.hpp"
#include "registers/feedback_refusals.hpp"
#include "text/printable_text.hpp"

namespace lfsr::cli {
namespace {

constexpr int max_workers = 1024;

constexpr const char* usage_examples = R"(Examples:
  lfsr-analyze --bits 12                       built-in maximal-length register of 12 bits
  lfsr-analyze --poly 'x^4+x^3+x^2+x+1'        any characteristic polynomial over GF(2)
  lfsr-analyze --poly 0x1053                   hex, bit i = coefficient of x^i: x^12+x^6+x^4+x+1
  lfsr-analyze --taps 12,6,4,1                 tap list of the published tables: x^12+x^6+x^4+x+1
  lfsr-analyze --field 3 --poly 'x^5+2*x^2-1'  a register over GF(3)
  lfsr-analyze --field 4 --poly 'x^3+a*x+1'    over GF(4) = GF(2)[a]/(a^2+a+1), the Conway modulus
  lfsr-analyze --field 9 --poly 'x^2+[4]*x+[5]'  coefficients as element numbers: [4] = a+1, [5] = a+2
  lfsr-analyze --field 256 --modulus 'a^8+a^4+a^3+a+1' --bits 3   GF(256) with the AES modulus
  lfsr-analyze --matrix rule90.txt             any linear map v -> A v, A read from a file
  lfsr-analyze --batch regs.txt --format json  one JSON line per register of the file, in order
  lfsr-analyze --scan --bits 16 --summary      every degree-16 register over GF(2), summarized
  lfsr-analyze --merge part*.jsonl             the whole run from its parts (--shard I/N --format json)
  lfsr-analyze --sequence 0001001101011110     the shortest register that outputs it, and its cycles
  lfsr-analyze --bits 16 --form galois --format json
  lfsr-analyze --poly 'x^6+x^3+1' --format csv     a CSV row per cycle length
  lfsr-analyze --poly 'x^4+x^3' --format dot | dot -Tsvg -o graph.svg   the state graph, drawn by Graphviz
  lfsr-analyze --bits 32 --mode fork --workers 2   enumerate with two forked worker processes
  lfsr-analyze --bits 24 --compare --repeat 5      seq, threads and fork timed against each other
  lfsr-analyze --bits 127 --method algebraic       2^127 states, from the factorization of f
  lfsr-analyze --bits 20 --method both             enumeration and factorization checked against each other
  lfsr-analyze --poly 'x^8+x^4+x^3+x^2' --period-of 0x13   period and tail of one state
  lfsr-analyze --poly 'x^4+x+1' --trace 1        the states from state 1 and the symbols output
  lfsr-analyze --poly 'x^16+1' --plot cycles.svg   also draw states per cycle length as SVG

Exit codes: 0 success, 2 bad usage or input, 3 not enough memory, state space too large or an
order that cannot be found, 4 two computations disagree (--compare, --method both), 5 a worker
failed, 6 internal error, 130 interrupted (SIGINT), 143 terminated (SIGTERM).
)";

// CLI11 converts with strto(u)ll in base 0, so it reads "010" as 8 and an unsigned "-3" as 2^64 - 3.
// Every numeric option goes through this transform, which rewrites the text as plain decimal.
CLI::Validator whole_number(std::int64_t min, std::int64_t max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        std::int64_t value = 0;
        const char* const end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        if (text.empty() || stop != end || error == std::errc::invalid_argument) {
          return fmt::format("'{}' is not a whole number", text);
        }
        if (error == std::errc::result_out_of_range && text.starts_with('-')) {
          return fmt::format("{} is below the minimum {}", text, min);
        }
        if (error == std::errc::result_out_of_range || value > max) {
          return fmt::format("{} is above the maximum {}", text, max);
        }
        if (value < min) {
          return fmt::format("{} is below the minimum {}", text, min);
        }
        text = std::to_string(value);
        return {};
      },
      "", "whole number");
}

// --factor-seconds: a positive decimal number of seconds up to max_factor_seconds ("0.5", "60", "1e3").
CLI::Validator factor_seconds_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        char* end = nullptr;
        errno = 0;
        const bool decimal = !text.empty() && text.find_first_not_of("0123456789.eE+-") == std::string::npos;
        const double value = decimal ? std::strtod(text.c_str(), &end) : std::nan("");
        if (std::isnan(value) || end != text.c_str() + text.size())
          return fmt::format("'{}' is not a number of seconds", text);
        if (value <= 0) return fmt::format("{} is not a positive number of seconds", text);
        if (!std::isfinite(value) || errno == ERANGE || value > max_factor_seconds)
          return fmt::format("{} is above the maximum of {:g} seconds", text, max_factor_seconds);
        return {};
      },
      "", "seconds");
}

}  // namespace

void add_options(CLI::App& app, Options& options) {
  constexpr std::int64_t max_int64 = std::numeric_limits<std::int64_t>::max();

  app.add_option("--bits", options.bits,
                 fmt::format("Register length n, 1 to {}; alone, picks a primitive (maximal-length) polynomial of "
                             "degree n over the field",
                             max_polynomial_degree))
      ->type_name("N")
      ->transform(whole_number(1, max_polynomial_degree));
  auto* poly = app.add_option("--poly", options.poly,
                              "Characteristic polynomial: x^12+x^6+x^4+x+1, x^5+2*x^2-1, hex 0x1053 (GF(2)), "
                              "x^3+(a+1)*x+[3] (GF(p^k): coefficients in the generator a, or element numbers [n])")
                   ->type_name("P");
  auto* taps = app.add_option("--taps", options.taps, "Tap list: 12,6,4,1 means x^12+x^6+x^4+x+1")->type_name("T");
  auto* matrix = app.add_option("--matrix", options.matrix,
                                "Analyze the linear map v -> A v for the n x n matrix A over GF(q) in FILE (- for "
                                "standard input): n rows of n elements separated by spaces or commas, # comments")
                     ->type_name("FILE");
  auto* feedback =
      app.add_option("--feedback", options.feedback,
                     "Nonlinear feedback shift register over GF(2) of --bits N cells: x_{n-1} <- F(x0..x_{n-1}) as "
                     "the register shifts toward x0, its output. F in algebraic normal form (x0+x1+x2*x3, also ^ "
                     "and &), as a term list 0,1,2,(1,2) = x0+x1+x2+x1*x2, or a truth table 0x... (n <= 20)")
          ->type_name("F");
  auto* search_nlfsr =
      app.add_option("--search-nlfsr", options.search_nlfsr,
                     "Every feedback function of FAMILY with --bits N cells whose register has maximum period 2^N-1 "
                     "(every nonzero state on one cycle) or 2^N (de Bruijn): x0+xa+xb+xc*xd, x0+xa+xb*xc+xd*xe, "
                     "x0+xa+xb+xc+xd+xe*xf (indices 1..N-1), or anf:T:D (x0 plus at most T-1 monomials of degree "
                     "at most D); text, JSON Lines or --summary")
          ->type_name("FAMILY");
  auto* batch = app.add_option("--batch", options.batch,
                               "Analyze every register in FILE (- for standard input): one polynomial per line as "
                               "--poly takes it, taps:12,6,4,1, or feedback:N:F for --feedback F --bits N; # "
                               "comments. JSON: one object per line")
                    ->type_name("FILE");
  auto* scan = app.add_flag("--scan", options.scan,
                            "Analyze every monic polynomial of degree --bits over the field, in increasing order "
                            "of sum c_i q^i");
  app.add_flag("--nonsingular", options.nonsingular, "With --scan: only the polynomials with c_0 != 0")->needs(scan);
  app.add_flag("--summary", options.summary,
               "With --scan or --batch: one summary (registers of each cycle type, maximal length, irreducible, "
               "singular) instead of a line per register");
  app.add_option("--shard", options.shard,
                 "With --scan or --batch FILE: run only part I of N (1 <= I <= N) of the scan order or of the "
                 "file's lines, contiguous parts that keep the whole run's line numbers; --merge combines the "
                 "parts' JSON outputs into the whole run's")
      ->type_name("I/N");
  auto* merge = app.add_option("--merge", options.merge,
                               "Combine the JSON Lines, or the JSON summaries, of parts 1..N of a run with --shard "
                               "(the files in any order) into the output of the whole run, after checking that they "
                               "are every part of one run, once each and whole")
                    ->type_name("FILE")
                    ->expected(1, -1);
  auto* sequence = app.add_option("--sequence", options.sequence,
                                  "Recover the shortest LFSR that generates this sequence (Berlekamp-Massey) and "
                                  "analyze it: elements separated by spaces or commas, over GF(2) also 0110...")
                       ->type_name("S");
  auto* sequence_file = app.add_option("--sequence-file", options.sequence_file,
                                       "The same with the sequence read from FILE (- for stdin)")
                            ->type_name("FILE");
  app.add_flag("--profile", options.profile, "With --sequence: also the linear complexity of every prefix");
  poly->excludes(taps);
  matrix->excludes(poly)->excludes(taps);
  sequence->excludes(sequence_file)->excludes(poly)->excludes(taps)->excludes(matrix);
  sequence_file->excludes(poly)->excludes(taps)->excludes(matrix);
  feedback->excludes(poly)->excludes(taps)->excludes(matrix)->excludes(sequence)->excludes(sequence_file);
  search_nlfsr->excludes(poly)->excludes(taps)->excludes(matrix)->excludes(feedback)->excludes(sequence)->excludes(
      sequence_file);
  batch->excludes(poly)
      ->excludes(taps)
      ->excludes(matrix)
      ->excludes(feedback)
      ->excludes(search_nlfsr)
      ->excludes(scan)
      ->excludes(sequence)
      ->excludes(sequence_file);
  scan->excludes(poly)
      ->excludes(taps)
      ->excludes(matrix)
      ->excludes(feedback)
      ->excludes(search_nlfsr)
      ->excludes(sequence)
      ->excludes(sequence_file);
  app.add_option("--field", options.field,
                 fmt::format("Field order q, a prime power up to {} (default 2)", max_field_order))
      ->type_name("q")
      ->transform(whole_number(0, max_int64));
  app.add_option("--modulus", options.modulus,
                 "Defining polynomial of GF(p^k) over GF(p), irreducible of degree k, in a (default: the Conway "
                 "polynomial)")
      ->type_name("M");
  app.add_option("--form", options.form, "Register form (default fibonacci)")
      ->type_name("fibonacci|galois")
      ->check(CLI::IsMember({"fibonacci", "galois"}).description(""));
  app.add_option("--format", options.format,
                 "Output format: text (default), json, csv (a row per cycle length, or per register with --batch "
                 "and --scan, or per cycle type with --summary), dot (the state-transition graph for Graphviz, up "
                 "to 4096 states)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "csv", "dot"}).description(""));
  app.add_option("--mode", options.mode,
                 "Who runs the chunks: seq, threads, fork (persistent worker processes) or auto (default): "
                 "seq for small state spaces, else threads")
      ->type_name("MODE")
      ->check(CLI::IsMember({"seq", "threads", "fork", "auto"}).description(""));
  app.add_option("--method", options.method,
                 "enumerate (visit every state), algebraic (from the factorization of the polynomial), both "
                 "(and check they agree), or auto (default): enumerate up to 2^24 states, else algebraic")
      ->type_name("METHOD")
      ->check(CLI::IsMember({"enumerate", "algebraic", "both", "auto"}).description(""));
  app.add_flag("--all-cycles", options.all_cycles,
               "List every cycle length in the text report (by default a long list is summarized)");
  auto* period_of =
      app.add_option("--period-of", options.period_of,
                     "Period and tail of one state, given by its index (decimal or 0x hex; index = sum s_i q^i), "
                     "from its minimal polynomial")
          ->type_name("STATE");
  auto* trace =
      app.add_option("--trace", options.trace,
                     "The states visited from STATE (index as for --period-of) and the symbol output at each step: "
                     "s_0 (Fibonacci), r_{n-1} (Galois), v_0 (matrix); until a state repeats, at most 10000 rows")
          ->type_name("STATE");
  app.add_option("--steps", options.steps, fmt::format("With --trace: exactly K steps, 1 to {}", max_trace_steps))
      ->type_name("K")
      ->transform(whole_number(1, static_cast<std::int64_t>(max_trace_steps)))
      ->needs(trace);
  auto* plot = app.add_option("--plot", options.plot,
                              "Also draw the result as an SVG picture in FILE: states per cycle length, registers "
                              "per cycle type (--summary) or the times of --compare")
                   ->type_name("FILE");
  app.add_option("--list-cycles", options.list_cycles,
                 fmt::format("List every cycle by its smallest state, in increasing order (enumeration only); "
                             "refused when there are more than N cycles (default {}, N at most {})",
                             default_list_cycles_limit, max_list_cycles_limit))
      ->type_name("[N]")
      ->expected(0, 1)
      ->default_str(std::to_string(default_list_cycles_limit))
      ->transform(whole_number(1, static_cast<std::int64_t>(max_list_cycles_limit)));
  app.add_option("--workers", options.workers,
                 fmt::format("Workers for threads and fork, 1 to {} (default: the online CPUs)", max_workers))
      ->type_name("K")
      ->transform(whole_number(1, max_workers));
  app.add_option("--chunk", options.chunk, "States per chunk of work (default: chosen by the engine)")
      ->type_name("S")
      ->transform(whole_number(1, std::int64_t{1} << 40));
  auto* compare = app.add_flag("--compare", options.compare,
                               "Run seq, threads and fork on the same register, check the results agree and time them");
  app.add_option("--repeat", options.repeat, "Runs per mode with --compare (default 3)")
      ->type_name("R")
      ->transform(whole_number(1, 1000));
  app.add_option("--warmup", options.warmup,
                 fmt::format("Untimed runs per mode with --compare before the timed ones, 0 to {} (default 1)",
                             max_warmup_runs))
      ->type_name("W")
      ->transform(whole_number(0, max_warmup_runs));
  trace->excludes(period_of)->excludes(batch)->excludes(scan)->excludes(compare);
  plot->excludes(trace)->excludes(period_of);
  auto* progress =
      app.add_flag("--progress", options.progress,
                   "Show a live progress line on stderr for runs over a second (default: when stderr is a terminal)");
  app.add_flag("--no-progress", options.no_progress, "Never show the progress line")->excludes(progress);
  app.add_option("--max-memory", options.max_memory,
                 "Memory the enumeration may use: 512M, 2G, 1024 (bytes); default MemAvailable")
      ->type_name("SIZE")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            try {
              parse_memory_size(text);
            } catch (const InputError& error) {
              return error.what();
            }
            return {};
          },
          "", "size"));
  app.add_option("--factor-seconds", options.factor_seconds,
                 fmt::format("Time bound of the factoring that the algebraic method needs, per register: past it "
                             "the run exits with code 3; more time also means a harder search (default {:g}, at "
                             "most {:g})",
                             default_factor_seconds, max_factor_seconds))
      ->type_name("S")
      ->check(factor_seconds_check());
  // --merge takes everything that decides the output from its parts.
  for (const char* decided_by_parts :
       {"--bits",    "--poly",        "--taps",   "--matrix",    "--feedback", "--search-nlfsr",  "--batch",
        "--scan",    "--nonsingular", "--shard",  "--summary",   "--sequence", "--sequence-file", "--field",
        "--modulus", "--form",        "--method", "--period-of", "--trace",    "--compare",       "--plot"})
    merge->excludes(decided_by_parts);
  app.footer(usage_examples);
}

namespace {

// A nonlinear register is a GF(2) shift register in Fibonacci form, known only by enumeration.
void check_feedback_combinations(const Options& options) {
  if (!options.bits) throw InputError("--feedback needs --bits N, the register length (F reads x0..x_{N-1})");
  refuse_feedback_field_or_form(options.field == 2 && !options.modulus,
                                options.form.value_or("fibonacci") == "fibonacci");
  if (options.method == "algebraic" || options.method == "both")
    refuse_feedback_algebra(options.method, parse_feedback_any(*options.feedback, *options.bits));
  if (options.period_of)
    throw InputError(
        "--period-of works from the minimal polynomial of a linear register: for --feedback, "
        "--trace STATE follows the state until it repeats");
}

// A search prints what it finds: options of one register's report, or of its algebra, are refused.
void check_search_combinations(const CLI::App& app, const Options& options) {
  if (!options.bits) throw InputError("--search-nlfsr needs --bits N, the register length of the family's members");
  if (options.field != 2 || options.modulus)
    throw InputError("--search-nlfsr searches registers over GF(2): not with --field or --modulus");
  for (const char* option : {"--form", "--method", "--period-of", "--trace", "--list-cycles", "--compare", "--plot",
                             "--chunk", "--all-cycles", "--progress", "--max-memory", "--factor-seconds"})
    if (app.count(option) > 0)
      throw InputError(fmt::format("--search-nlfsr lists the family's maximum-period members: not with {}", option));
  if (options.format == "dot") throw InputError("--search-nlfsr lists registers: not with --format dot");
}

}  // namespace

void check_combinations(const CLI::App& app, const Options& options) {
  const bool many = options.batch || options.scan || options.search_nlfsr;
  if (options.profile && !options.sequence && !options.sequence_file)
    throw InputError("--profile is the linear complexity profile of --sequence or --sequence-file: give one of them");
  if (options.shard && !many)
    throw InputError("--shard runs a part of a --scan, --batch or --search-nlfsr: give one of them");
  if (!options.merge.empty()) {
    if (app.count("--format") > 0 && options.format != "json")
      throw InputError(fmt::format("--merge prints JSON, as its parts hold: not --format {}", options.format));
    for (const CLI::Option* option : app.get_options()) {
      if (option->count() > 0 && option->get_name() != "--merge" && option->get_name() != "--format")
        throw InputError(fmt::format("--merge combines the parts as they are: not with {}", option->get_name()));
    }
  }
  if (options.summary && !many)
    throw InputError("--summary summarizes --batch or --scan; a single register gets its own report");
  if (app.count("--repeat") > 0 && !options.compare)
    throw InputError("--repeat sets the runs per mode of --compare: not without --compare");
  if (app.count("--warmup") > 0 && !options.compare)
    throw InputError("--warmup sets the untimed runs per mode of --compare: not without --compare");
  if (options.period_of && (options.compare || options.chunk || app.count("--method") > 0))
    throw InputError("--period-of works from the minimal polynomial: not with --compare, --chunk or --method");
  if (options.compare && app.count("--mode") > 0)
    throw InputError(fmt::format("--compare runs every mode: not with --mode {}", options.mode));
  if (options.all_cycles && (options.period_of || options.trace))
    throw InputError("--all-cycles lists the cycles of a whole analysis: not with --period-of or --trace");
  if (options.feedback) check_feedback_combinations(options);
  if (options.search_nlfsr) check_search_combinations(app, options);
  if (many && (options.progress || options.all_cycles))
    throw InputError("--progress and --all-cycles apply to the report of one register, not to --batch or --scan");
}

Field field_from(const Options& options) {
  return options.modulus ? Field::with_modulus(options.field, *options.modulus) : Field::from_order(options.field);
}

AlgebraOptions algebra_options(const Options& options) { return register_algebra_options(options.factor_seconds); }

Lfsr register_from(const Options& options, const Field& field, const AlgebraOptions& algebra) {
  Polynomial polynomial = [&] {
    if (options.poly) {
      return parse_polynomial(*options.poly, field);
    }
    if (options.taps) {
      return parse_taps(*options.taps, field);
    }
    if (!options.bits) {
      throw InputError("no register given: use --bits N, --poly P, --taps T or --matrix FILE (see --help)");
    }
    return default_primitive_polynomial(*options.bits, field, algebra);
  }();
  if (options.bits && *options.bits != polynomial.degree()) {
    throw InputError(fmt::format("--bits {} does not match the degree {} of {}", *options.bits, polynomial.degree(),
                                 polynomial.to_string()));
  }
  return Lfsr{std::move(polynomial), parse_form(options.form.value_or("fibonacci"))};
}

std::uint64_t parse_memory_size(std::string_view text) {
  const auto not_a_size = [&] {
    return InputError(fmt::format("'{}' is not a size: give bytes with an optional K, M, G or T suffix (512M, 2G)",
                                  printable_text(text)));
  };
  std::uint64_t value = 0;
  const char* const end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error == std::errc::invalid_argument) {
    throw not_a_size();
  }
  if (error == std::errc::result_out_of_range) {
    throw InputError(fmt::format("size {} is too large", printable_text(text)));
  }
  int shift = 0;
  if (stop != end) {
    static constexpr std::string_view suffixes = "KMGT";
    const auto unit = suffixes.find(static_cast<char>(std::toupper(static_cast<unsigned char>(*stop))));
    if (stop + 1 != end || unit == std::string_view::npos) {
      throw not_a_size();
    }
    shift = 10 * static_cast<int>(unit + 1);
  }
  if (value == 0) {
    throw InputError(fmt::format("size {} leaves no memory at all", printable_text(text)));
  }
  if (value > (std::numeric_limits<std::uint64_t>::max() >> shift)) {
    throw InputError(fmt::format("size {} is too large", printable_text(text)));
  }
  return value << shift;
}

std::string format_bytes(std::uint64_t bytes) {
  static constexpr std::array units{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  if (bytes < 1024) {
    return fmt::format("{} B", bytes);
  }
  auto value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < units.size()) {
    value /= 1024;
    ++unit;
  }
  return fmt::format("{:.1f} {}", value, units[unit]);
}

}  // namespace lfsr::cli
