// Entry point of lfsr-analyze: read the options, check the run fits, enumerate, print the report.
#include <fmt/format.h>
#include <gmpxx.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <bit>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>

#include "cluster/launch.hpp"
#include "engine/enumerate_on.hpp"
#include "errors/ntl_errors.hpp"
#include "input_file.hpp"
#include "lfsr/berlekamp_massey.hpp"
#include "lfsr/compare.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/error.hpp"
#include "lfsr/linear_map.hpp"
#include "lfsr/report.hpp"
#include "lfsr/runner.hpp"
#include "lfsr/state_period.hpp"
#include "many_registers.hpp"
#include "memory_check.hpp"
#include "merge_parts.hpp"
#include "nlfsr_search.hpp"
#include "options.hpp"
#include "plot_file.hpp"
#include "progress_line.hpp"
#include "registers/state_text.hpp"
#include "report/csv.hpp"
#include "report/number_text.hpp"
#include "report/plot.hpp"
#include "report/state_graph.hpp"
#include "runner_choice.hpp"
#include "subject.hpp"
#include "termination_signals.hpp"
#include "version_text.hpp"
#ifdef LFSR_WITH_MPI
#include "cluster/mpi/mpi_session.hpp"
#include "cluster/mpi/rank_service.hpp"
#endif

namespace {
#ifdef LFSR_WITH_MPI
using ClusterSession = lfsr::cluster::MpiSession;
#else
struct ClusterSession {};  // built without MPI: a job of several ranks is refused
#endif
}  // namespace

namespace {

using lfsr::ExitCode;
using lfsr::cli::Subject;

// An exception where none may pass (a noexcept function of NTL, a destructor) ends the process
// through here: with the exit code of its kind and one stderr line, never SIGABRT.
[[noreturn]] void terminate_with_exit_code() {
  const lfsr::Failure failure = lfsr::current_failure();
  std::fprintf(stderr, "lfsr-analyze: %s\n", failure.message.c_str());
#ifdef LFSR_WITH_MPI
  lfsr::cluster::abort_job(static_cast<int>(failure.code));  // the other ranks cannot be released in order
#endif
  std::_Exit(static_cast<int>(failure.code));
}

int fail(ExitCode code, std::string_view message) {
  fmt::print(stderr, "lfsr-analyze: {}\n", message);
  return static_cast<int>(code);
}

// Checked on q^n before the map is built: a huge degree would otherwise first exhaust memory
// building the map's matrix.
void check_state_space(const Subject& subject) {
  if (subject.states() > lfsr::max_enumeration_states) {
    throw lfsr::ResourceError(fmt::format("state space of {} states is too large to enumerate (the limit is 2^{})",
                                          subject.state_space_name(),
                                          std::bit_width(lfsr::max_enumeration_states) - 1));
  }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// --list-cycles lists the cycles of one enumeration: refused beside what is not one.
void check_list_cycles_usage(const lfsr::cli::Options& options) {
  if (!options.list_cycles) return;
  const char* conflict = options.batch                   ? "--batch"
                         : options.scan                  ? "--scan"
                         : options.compare               ? "--compare"
                         : options.period_of             ? "--period-of"
                         : options.trace                 ? "--trace"
                         : options.format == "csv"       ? "--format csv (text and JSON list the cycles)"
                         : options.format == "dot"       ? "--format dot (the graph shows every cycle)"
                         : options.method == "algebraic" ? "--method algebraic (a list needs enumeration)"
                                                         : nullptr;
  if (conflict)
    throw lfsr::InputError(fmt::format("--list-cycles lists the cycles of one enumeration: not with {}", conflict));
}

void refuse_list_over_limit(const lfsr::cli::Options& options, const mpz_class& cycles) {
  if (cycles > *options.list_cycles)
    throw lfsr::InputError(fmt::format("--list-cycles: {} cycles, more than the limit {} (--list-cycles N raises it)",
                                       cycles.get_str(), *options.list_cycles));
}

// Counted by the algebraic method (milliseconds for any space small enough to enumerate), so that
// a list too long is refused before the enumeration starts.
void check_list_cycles_count(const lfsr::cli::Options& options, const Subject& subject) {
  refuse_list_over_limit(options, subject.algebraic_cycle_structure().total_cycles());
}

// --method auto enumerates while that is quick and factors the polynomial beyond.
std::string choose_method(const lfsr::cli::Options& options, const Subject& subject) {
  if (!subject.has_algebra()) return "enumerate";  // check_combinations refused algebraic and both
  if (options.list_cycles && options.method == "auto") return "enumerate";
  if (options.compare) {
    if (options.method == "algebraic")
      throw lfsr::InputError("--compare times the enumeration modes: not with --method algebraic");
    return options.method == "both" ? "both" : "enumerate";
  }
  if (options.method != "auto") return options.method;
  return lfsr::automatic_method(subject.states());
}

lfsr::Report analyze(const Subject& subject, const lfsr::cli::Options& options, lfsr::cli::ProgressLine& progress) {
  lfsr::RunInfo run = subject.describe();
  run.method = choose_method(options, subject);
  if (run.method == "algebraic") {
    const auto start = std::chrono::steady_clock::now();
    lfsr::CycleStructure result = subject.algebraic_cycle_structure();
    run.mode = "seq";
    run.workers = 1;
    run.seconds = seconds_since(start);
    return {std::move(run), std::move(result), {}};
  }

  check_state_space(subject);
  if (options.list_cycles && subject.has_algebra()) check_list_cycles_count(options, subject);
  const lfsr::Transition map = subject.transition();
  lfsr::EnumerationOptions enumeration{
      .chunk_states = options.chunk.value_or(0), .list_cycles = options.list_cycles.has_value(), .on_progress = {}};
  if (progress.enabled())
    enumeration.on_progress = [&progress](const lfsr::EnumerationProgress& p) { progress.update(p); };

  if (options.compare) {
    const int workers = lfsr::cli::worker_count(options);
    lfsr::cli::check_memory(subject.state_space_name(), map, workers, options.max_memory);
    lfsr::Comparison comparison = lfsr::compare_modes(map, workers, options.repeat, enumeration, options.warmup,
                                                      lfsr::cli::spread_runner_for(options, map.state_count()));
    progress.clear();
    subject.add_minimal_polynomials(comparison.result);
    if (run.method == "both") subject.check_against_algebra(comparison.result);
    run.mode = "seq";
    run.workers = 1;
    run.seconds = comparison.timings.front().median_seconds;
    return {std::move(run), std::move(comparison.result), std::move(comparison.timings)};
  }

  const std::unique_ptr<lfsr::Runner> runner = lfsr::cli::runner_for(options, map.state_count());
  const auto check_whole_enumeration = [&] {
    lfsr::cli::check_memory(subject.state_space_name(), map, runner->workers(), options.max_memory);
  };
  // Spread over ranks, a permutation's segments need no state bitset: its memory is checked only
  // if the engine has to find cycles without segment points in this process.
  if (runner->mode() == lfsr::Mode::mpi && map.is_invertible())
    enumeration.before_local_fallback = check_whole_enumeration;
  else
    check_whole_enumeration();
  const auto start = std::chrono::steady_clock::now();
  lfsr::CycleStructure result = lfsr::enumerate_on(map, *runner, enumeration);
  progress.clear();
  // Without algebra the cycles are counted only now: the list is refused after the enumeration.
  if (options.list_cycles) refuse_list_over_limit(options, result.total_cycles());
  subject.add_minimal_polynomials(result);
  if (run.method == "both") subject.check_against_algebra(result);
  run.mode = std::string(lfsr::mode_name(runner->mode()));
  run.workers = runner->workers();
  run.ranks = runner->mode() == lfsr::Mode::mpi ? runner->ranks() : 0;
  run.seconds = seconds_since(start);
  return {std::move(run), std::move(result), {}};
}

// Under mpirun: MPI starts, and ranks 1..K-1 serve rank 0's tasks until it is done (true: the
// process has nothing else to do). Launched alone, nothing happens: no MPI call is made.
bool start_cluster([[maybe_unused]] const lfsr::cli::Options& options,
                   [[maybe_unused]] std::optional<ClusterSession>& cluster) {
#ifdef LFSR_WITH_MPI
  if (!lfsr::cluster::launched_as_rank()) return false;
  // Forked before MPI starts: the pool's workers then hold nothing of MPI's and never call it.
  if (lfsr::parse_mode(options.mode) == lfsr::Mode::fork) lfsr::start_fork_workers(lfsr::cli::worker_count(options));
  cluster.emplace();
  if (cluster->rank() == 0) return false;
  const std::unique_ptr<lfsr::Runner> local = lfsr::cli::local_runner_for(options, lfsr::cli::many_registers_work);
  lfsr::cluster::serve_tasks(*local);
  return true;
#else
  if (const int ranks = lfsr::cluster::launch_size(); ranks > 1) {
    throw lfsr::InputError(fmt::format(
        "started as one of {} MPI ranks, but this lfsr-analyze was built without MPI: each rank would run the "
        "whole job (build with -DLFSR_MPI=ON, README \"Clusters\")",
        ranks));
  }
  return false;
#endif
}

// A state is checked before any work: its text, and with --bits its range 0..q^n - 1 (the space
// is known before the register is built or its default polynomial searched for).
void check_state_text(const lfsr::cli::Options& options, const std::string& text, std::string_view option) {
  const mpz_class state = lfsr::parse_state_index(text, option);
  if (!options.bits) return;
  const lfsr::Field field = lfsr::cli::field_from(options);
  mpz_class states;
  mpz_ui_pow_ui(states.get_mpz_t(), field.q(), static_cast<unsigned long>(*options.bits));
  if (state >= states) {
    const std::string shown = text.size() <= 40 ? text : fmt::format("of {} digits", text.size());
    throw lfsr::InputError(fmt::format("{}: state {} is out of range: --bits {} over {} gives states 0..{}^{}-1",
                                       option, shown, *options.bits, field.name(), field.q(), *options.bits));
  }
}

lfsr::StateReport analyze_state(const Subject& subject, const std::string& state_text) {
  lfsr::StateReport report{subject.describe(), lfsr::parse_state_index(state_text, "--period-of"), 0, 0, ""};
  report.run.method = "minimal_polynomial";
  const auto start = std::chrono::steady_clock::now();
  const lfsr::StatePeriod period = subject.state_period(report.state);
  report.run.seconds = seconds_since(start);
  report.tail = period.tail;
  report.period = period.period;
  report.minimal_polynomial = lfsr::minimal_polynomial_text(subject.field(), period.minimal_polynomial);
  return report;
}

lfsr::TraceReport trace_state(const Subject& subject, const lfsr::cli::Options& options) {
  lfsr::RunInfo run = subject.describe();
  run.method = "step";
  const auto start = std::chrono::steady_clock::now();
  lfsr::Trace trace = subject.trace(lfsr::parse_state_index(*options.trace, "--trace"), options.steps);
  run.seconds = seconds_since(start);
  return {std::move(run), std::move(trace)};
}

// A report that could not be written (a full disk) must not end with exit code 0.
void flush_output() {
  if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0)
    throw lfsr::WorkerError(fmt::format("writing the output: {}", std::strerror(errno)));
}

void print(const lfsr::Report& report, const lfsr::cli::Options& options) {
  const lfsr::cli::WholeWrite whole;  // a signal waits until the report is out
  if (options.format == "json") {
    fmt::print("{}\n", lfsr::dump_json(lfsr::report_json(report), 2));
  } else if (options.format == "csv") {
    fmt::print("{}", lfsr::report_csv(report));
  } else {
    fmt::print("{}", lfsr::report_text(report, options.all_cycles ? 0 : lfsr::default_cycle_rows));
  }
  flush_output();
}

void print(const lfsr::StateReport& report, const lfsr::cli::Options& options) {
  const lfsr::cli::WholeWrite whole;  // a signal waits until the report is out
  if (options.format == "json") {
    fmt::print("{}\n", lfsr::dump_json(lfsr::state_report_json(report), 2));
  } else if (options.format == "csv") {
    fmt::print("{}", lfsr::state_report_csv(report));
  } else {
    fmt::print("{}", lfsr::state_report_text(report));
  }
  flush_output();
}

void print(const lfsr::TraceReport& report, const lfsr::cli::Options& options) {
  const lfsr::cli::WholeWrite whole;  // a signal waits until the report is out
  if (options.format == "json") {
    // One line per row of the trace: a row of n digits would otherwise take n + 6 lines.
    fmt::print("{}\n", lfsr::dump_json(lfsr::trace_report_json(report), 2, 2));
  } else if (options.format == "csv") {
    fmt::print("{}", lfsr::trace_report_csv(report));
  } else {
    fmt::print("{}", lfsr::trace_report_text(report));
  }
  flush_output();
}

// --format dot: the whole state graph, refused before any work when it has too many states.
void print_state_graph(const Subject& subject, const lfsr::cli::Options& options) {
  if (options.period_of || options.compare || options.trace)
    throw lfsr::InputError("--format dot draws the state graph: not with --period-of, --trace or --compare");
  if (subject.states() > lfsr::max_graph_states) {
    const std::string count = subject.states().get_str();
    const std::string name = subject.state_space_name();
    throw lfsr::InputError(fmt::format(
        "--format dot draws every state: {} states is more than the limit of {}",
        count.size() > lfsr::max_plain_digits ? name : fmt::format("{} = {}", name, count), lfsr::max_graph_states));
  }
  std::string title = lfsr::heading_text(subject.describe());
  while (title.ends_with('\n')) title.pop_back();
  const lfsr::cli::WholeWrite whole;
  fmt::print("{}", lfsr::state_graph_dot(subject.transition(), subject.field().q(), subject.dimension(), title));
  flush_output();
}

// --sequence: Berlekamp-Massey, and the register as a Subject; nothing (the report printed here)
// for the all-zero sequence.
// After the report, so that an error is still the only line on stderr.
void warn_if_not_unique(const Subject& subject) {
  const std::optional<lfsr::SequenceInfo> info = subject.describe().sequence;
  if (!info || info->unique) return;
  fmt::print(stderr,
             "lfsr-analyze: warning: the sequence has {} elements, fewer than 2L = {}: other registers of length {} "
             "generate it too\n",
             info->sequence_length, 2 * info->linear_complexity, info->linear_complexity);
}

// After the report: a --compare mode whose runs spread more than unstable_spread times apart.
void warn_if_unstable(const lfsr::Report& report) {
  for (const lfsr::ModeTiming& timing : report.compare) {
    if (!timing.unstable()) continue;
    fmt::print(stderr,
               "lfsr-analyze: warning: --compare: the {} runs took {:.3g} s to {:.3g} s, more than {:g}x apart; the "
               "machine may be busy (more --repeat or --warmup runs help)\n",
               lfsr::mode_name(timing.mode), timing.min_seconds, timing.max_seconds, lfsr::unstable_spread);
  }
}

std::optional<Subject> recover_register(const lfsr::cli::Options& options) {
  if (options.form && *options.form != "fibonacci")
    throw lfsr::InputError("--form: the register of a sequence is in Fibonacci form");
  const lfsr::Field field = lfsr::cli::field_from(options);
  const auto parse = [&](const std::string& text) { return lfsr::parse_sequence(text, field); };
  const lfsr::LinearComplexity found = lfsr::berlekamp_massey(
      options.sequence ? parse(*options.sequence)
                       : lfsr::cli::parse_input_file(*options.sequence_file, "sequence file", parse),
      field, options.profile);
  // Berlekamp-Massey is bounded by the sequence length; the register it found, by the degree limit.
  if (found.complexity > lfsr::max_polynomial_degree) {
    throw lfsr::InputError(fmt::format("the sequence has linear complexity {}, above the degree limit {} of a register",
                                       found.complexity, lfsr::max_polynomial_degree));
  }
  if (options.bits && *options.bits != found.complexity) {
    throw lfsr::InputError(fmt::format("--bits {} does not match the linear complexity {} of the sequence",
                                       *options.bits, found.complexity));
  }
  lfsr::SequenceInfo info{found.complexity, found.sequence_length, found.unique(), found.profile};
  if (found.complexity == 0) {
    if (options.period_of) throw lfsr::InputError("--period-of: a sequence of zeros needs no register");
    if (options.trace) throw lfsr::InputError("--trace: a sequence of zeros needs no register");
    if (options.list_cycles) throw lfsr::InputError("--list-cycles: a sequence of zeros has no register to list");
    if (options.plot) throw lfsr::InputError("--plot: a sequence of zeros has no register to draw");
    lfsr::RunInfo run;
    run.field = field;
    run.input = "sequence";
    run.sequence = info;
    if (options.format == "dot") throw lfsr::InputError("--format dot: a sequence of zeros has no register to draw");
    const lfsr::cli::WholeWrite whole;
    if (options.format == "json") {
      fmt::print("{}\n", lfsr::dump_json(lfsr::zero_complexity_json(run), 2));
    } else if (options.format == "csv") {
      fmt::print("{}", lfsr::report_csv(lfsr::Report{run, {}, {}}));  // the header alone: no cycles
    } else {
      fmt::print("{}", lfsr::zero_complexity_text(run));
    }
    flush_output();
    return std::nullopt;
  }
  lfsr::Lfsr lfsr{lfsr::Polynomial(field, found.polynomial), lfsr::Form::fibonacci};
  return Subject::from_sequence(std::move(lfsr), std::move(info), lfsr::cli::algebra_options(options));
}

}  // namespace

int main(int argc, char** argv) {
#ifdef LFSR_MPI_PROGRAM
  // Started by mpirun: the program with MPI takes over (this one links no MPI library, so that
  // every other start stays fast).
  if (lfsr::cluster::launched_as_rank()) {
    const std::string reason = lfsr::cluster::exec_program_beside(LFSR_MPI_PROGRAM, LFSR_MPI_PROGRAM_FROM_BIN, argv);
    return fail(ExitCode::worker_failed,
                fmt::format("started by mpirun, but {} could not be started: {}", LFSR_MPI_PROGRAM, reason));
  }
#endif
  // Under mpirun, rank 0 alone prints (the output, and an error once, not once per rank).
  lfsr::cluster::silence_other_ranks();
  // `--version` alone is answered before the option parser is built, which is half the program's
  // own work at start-up (docs/benchmarks.md, "Start-up"); with other options CLI11 answers it.
  if (argc == 2 && std::string_view(argv[1]) == "--version") {
    fmt::print("{}\n", lfsr::cli::version_text());
    return std::fflush(stdout) == 0
               ? static_cast<int>(ExitCode::success)
               : fail(ExitCode::worker_failed, fmt::format("writing the output: {}", std::strerror(errno)));
  }
  // NTL as packaged prints and aborts on an error; here it throws (exit 3 for memory, else 6).
  const lfsr::NtlErrorScope ntl_errors;
  std::set_terminate(terminate_with_exit_code);
  lfsr::cli::install_termination_handlers();

  CLI::App app{
      "Cycle structure of a linear feedback shift register, or of any linear map, over a finite field GF(q):\n"
      "by enumerating its states (sequentially, by threads, or by a persistent pool of forked workers),\n"
      "or from the factorization of its characteristic polynomial.",
      "lfsr-analyze"};
  app.set_version_flag("--version", lfsr::cli::version_text);
  app.failure_message(
      [](const CLI::App*, const CLI::Error& error) { return fmt::format("lfsr-analyze: {}\n", error.what()); });
  lfsr::cli::Options options;
  lfsr::cli::add_options(app, options);
  // Declared before the try: every way out of it, an error's too, ends MPI in order (rank 0 first
  // releasing the other ranks).
  std::optional<ClusterSession> cluster;

  try {
    app.parse(argc, argv);
    lfsr::cli::check_combinations(app, options);
    if (start_cluster(options, cluster)) return static_cast<int>(ExitCode::success);
    if (!options.merge.empty()) return lfsr::cli::merge_parts(options.merge);
    // A state that is no number is refused before a default polynomial is searched for.
    if (options.period_of) check_state_text(options, *options.period_of, "--period-of");
    if (options.trace) check_state_text(options, *options.trace, "--trace");
    check_list_cycles_usage(options);
    if (options.plot && options.format == "dot")
      throw lfsr::InputError("--plot draws the analysis, --format dot the state graph: not both");
    if (options.compare && options.format == "csv")
      throw lfsr::InputError("--compare times the modes in a table that text and JSON carry: not with --format csv");
    if (options.plot) lfsr::cli::check_plot_file(*options.plot);
    if (options.search_nlfsr) return lfsr::cli::run_nlfsr_search(options);
    if (options.batch || options.scan) {
      if (options.format == "dot")
        throw lfsr::InputError("--format dot draws the state graph of one register, not of --batch or --scan");
      return lfsr::cli::run_many_registers(options);
    }
    std::optional<Subject> recovered;
    if (options.sequence || options.sequence_file) {
      recovered = recover_register(options);
      if (!recovered) return static_cast<int>(ExitCode::success);  // all zeros: printed, nothing to analyze
    }
    const Subject subject = recovered ? std::move(*recovered) : Subject::from_options(options);
    if (options.format == "dot") {
      print_state_graph(subject, options);
    } else if (options.period_of) {
      print(analyze_state(subject, *options.period_of), options);
    } else if (options.trace) {
      print(trace_state(subject, options), options);
    } else {
      lfsr::cli::ProgressLine progress(options.progress || (!options.no_progress && isatty(STDERR_FILENO)));
      const lfsr::Report report = analyze(subject, options, progress);
      print(report, options);
      if (options.plot) lfsr::cli::write_plot_file(*options.plot, lfsr::report_plot(report));
      warn_if_unstable(report);
    }
    warn_if_not_unique(subject);
    return static_cast<int>(ExitCode::success);
  } catch (const CLI::ParseError& error) {
    // --help and --version are ParseErrors that exit 0; every other CLI11 code means bad usage.
    return app.exit(error) == 0 ? static_cast<int>(ExitCode::success) : static_cast<int>(ExitCode::usage);
  } catch (...) {
    const lfsr::Failure failure = lfsr::current_failure();
    return fail(failure.code, failure.message);
  }
}
