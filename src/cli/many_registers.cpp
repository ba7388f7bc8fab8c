// Batch files and whole-degree scans: registers read or generated in windows, analyzed by one
// runner (the fork pool forked once serves them all), written in input order as they finish.
#include "many_registers.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gmpxx.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "batch_line.hpp"
#include "input_stream.hpp"
#include "lfsr/algebra.hpp"
#include "lfsr/error.hpp"
#include "lfsr/report.hpp"
#include "lfsr/runner.hpp"
#include "lfsr/version.hpp"
#include "many/batch.hpp"
#include "many/run_identity.hpp"
#include "many/scan.hpp"
#include "many/shard.hpp"
#include "many/shard_label.hpp"
#include "memory_check.hpp"
#include "plot_file.hpp"
#include "report/csv.hpp"
#include "report/json_line.hpp"
#include "report/line_wrap.hpp"
#include "report/number_text.hpp"
#include "report/plot.hpp"
#include "report/run_info.hpp"
#include "runner_choice.hpp"
#include "termination_signals.hpp"

namespace lfsr::cli {

namespace {

// Registers analyzed per call of analyze_batch: enough to keep every worker busy, few enough that
// output starts soon. Standard input is read in such windows too: a window's lines are written
// once it is full (or the input ends) and they are done. A window also ends at this many
// coefficients in all, so that a file of huge polynomials does not fill the memory.
constexpr std::size_t window_registers = 2048;
constexpr std::size_t window_coefficients = std::size_t{1} << 22;

// Longest line of a batch file: a polynomial of the largest degree (100000) written term by term
// fits with room to spare.
constexpr std::size_t max_batch_line_bytes = std::size_t{4} << 20;

// One input line or scan position: a register, or why there is none.
struct Entry {
  std::uint64_t line = 0;
  std::optional<BatchRegister> batch_register;
  std::string error;
};

class RegisterSource {
 public:
  virtual ~RegisterSource() = default;
  // Appends up to `count` entries; false when the source is exhausted.
  virtual bool read(std::vector<Entry>& entries, std::size_t count) = 0;
  // With --shard: the first and last line of the whole run that this part covers (first > last
  // for an empty part).
  virtual std::pair<std::uint64_t, std::uint64_t> part_lines() const = 0;
};

// --batch: "x^4+x+1", "0x13", "taps:4,1" or "feedback:4:x0+x1+x2+x1*x2" per line; '#' starts a comment. With --shard
// only the part's range of lines, counted in a first pass over the file, numbered as in the whole file; that pass also
// hashes the bytes the run reads, for the run's identity.
class BatchFile final : public RegisterSource {
 public:
  BatchFile(const std::string& path, const Field& field, Form form, const std::optional<Shard>& shard)
      : path_(path), field_(field), form_(form), in_(path, "batch file") {
    if (!shard) return;
    if (path == "-") throw InputError("--shard of a batch counts the lines of its file first: not standard input");
    InputStream counted(path, "batch file");
    std::string text;
    std::uint64_t lines = 0;
    // Counted as read() reads them: up to and including a line past the bound, where reading ends.
    bool any_entry = false;  // a register or a malformed line: what makes the whole run's output
    while (read_line(counted, text, &bytes_)) {
      ++lines;
      if (text.size() > max_batch_line_bytes) {
        any_entry = true;
        break;
      }
      if (any_entry) continue;
      try {
        any_entry = parse_batch_line(text, field, form).has_value();
      } catch (const InputError&) {
        any_entry = true;
      }
    }
    // As the whole run refuses a file of only blank lines and comments, every part does; a part
    // of such lines within a file that holds registers is merely empty.
    if (!any_entry) {
      throw InputError(
          fmt::format("batch file {} holds no register: it is empty or has only blank lines and comments", path));
    }
    ended_ = false;
    std::tie(first_line_, last_line_) = shard->range(lines);
    ++first_line_;  // lines are numbered from 1
  }

  std::pair<std::uint64_t, std::uint64_t> part_lines() const override { return {first_line_, last_line_}; }
  // With --shard: the bytes of the file up to where the whole run stops reading it.
  const Fnv1a64& bytes() const { return bytes_; }

  bool read(std::vector<Entry>& entries, std::size_t count) override {
    std::string text;
    std::size_t coefficients = 0;
    for (std::size_t read = 0;
         read < count && coefficients < window_coefficients && !past_part() && read_line(in_, text);) {
      ++line_;
      if (line_ < first_line_) continue;  // before this part
      if (text.size() > max_batch_line_bytes) {
        // Past the bound nothing more is read (/dev/zero has no line ends); the lines before stand.
        entries.push_back({line_, std::nullopt,
                           fmt::format("line {} is longer than {} bytes, the limit of a batch line; the rest of {} "
                                       "is not read",
                                       line_, max_batch_line_bytes, path_ == "-" ? "standard input" : path_)});
        exhausted_ = true;
        break;
      }
      Entry entry{line_, std::nullopt, ""};
      try {
        entry.batch_register = parse_batch_line(text, field_, form_);
        if (!entry.batch_register) continue;
        const Lfsr* lfsr = entry.batch_register->lfsr();
        coefficients +=
            lfsr ? lfsr->polynomial.coefficients().size() : entry.batch_register->feedback()->monomials().size();
      } catch (const InputError& error) {
        entry.error = error.what();
      }
      entries.push_back(std::move(entry));
      ++read;
    }
    return !exhausted_ && !ended_ && !past_part();
  }

 private:
  bool past_part() const { return line_ >= last_line_; }

  // std::getline that stops storing one byte past max_batch_line_bytes; false at the end of input.
  // Every byte taken from `in` goes into `hash` when there is one.
  bool read_line(InputStream& in, std::string& text, Fnv1a64* hash = nullptr) {
    text.clear();
    for (int c = in.get(); c >= 0; c = in.get()) {
      if (hash != nullptr) hash->add(static_cast<char>(c));
      if (c == '\n') return true;
      text += static_cast<char>(c);
      if (text.size() > max_batch_line_bytes) return true;
    }
    ended_ = true;
    return !text.empty();
  }

  std::string path_;
  Field field_;
  Form form_;
  InputStream in_;
  std::uint64_t line_ = 0;
  bool exhausted_ = false;                                               // a line past the bound ended the reading
  bool ended_ = false;                                                   // the input has no more bytes
  std::uint64_t first_line_ = 1;                                         // of this part
  std::uint64_t last_line_ = std::numeric_limits<std::uint64_t>::max();  // of this part
  Fnv1a64 bytes_;
};

// --scan: the polynomials of PolynomialScan, in its order; with --shard only the part's range of
// positions, numbered as in the whole scan so that the parts' lines concatenate into the whole's.
class Scan final : public RegisterSource {
 public:
  Scan(const Field& field, int n, Form form, bool nonsingular, const Shard& shard)
      : scan_(field, n, nonsingular), form_(form) {
    std::tie(next_, end_) = shard.range(scan_.size());
    first_line_ = next_ + 1;
  }

  std::pair<std::uint64_t, std::uint64_t> part_lines() const override { return {first_line_, end_}; }

  bool read(std::vector<Entry>& entries, std::size_t count) override {
    for (std::size_t read = 0; read < count && next_ < end_; ++read, ++next_)
      entries.push_back({next_ + 1, Lfsr{scan_.at(next_), form_}, ""});
    return next_ < end_;
  }

 private:
  PolynomialScan scan_;
  Form form_;
  std::uint64_t next_ = 0;
  std::uint64_t end_ = 0;  // one past the last position to read
  std::uint64_t first_line_ = 1;
};

// Whole lines, flushed: a reader sees the lines of a batch task (up to 64 small registers) as soon
// as the task is done, with one write for all of them. A failed write (a full disk) ends the run
// rather than leaving a silently truncated output.
void write_line(const std::string& text) {
  const WholeWrite whole;  // a signal waits until the line is out
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
    throw WorkerError(fmt::format("writing the output: {}", std::strerror(errno)));
}

// Where the polynomial column of the text table starts; a long polynomial continues below it.
constexpr std::size_t polynomial_column = 56;

// "GF(2) registers of degree 4: every monic polynomial, fibonacci form" and, over GF(p^k), the
// field's definition: what the lines below are about, as a single run's heading says.
std::string many_registers_heading(const Options& options, const Field& field) {
  const std::string form = options.form.value_or("fibonacci");
  const std::string what = options.scan ? fmt::format("registers of degree {}: every monic polynomial{}, {} form",
                                                      *options.bits, options.nonsingular ? " with c_0 != 0" : "", form)
                                        : fmt::format("registers of {}, {} form",
                                                      *options.batch == "-" ? "standard input" : *options.batch, form);
  return wrap_line(field.name() + " ", what, 4, BreakAt::spaces) + "\n" + field_definition_text(field);
}

// Writes each entry as it is done: a JSON line, a table row, a CSV row, or (--summary) nothing
// until the end.
class Output {
 public:
  // `part`: the label of a --shard part, which its JSON lines start with and its summary carries.
  Output(const Options& options, const Runner& runner, const Field& field, std::optional<PartLabel> part)
      : options_(options), runner_(runner), field_(field), part_(std::move(part)) {
    if (part_ && json_lines() && !options.summary) write_line(part_header_line(*part_) + "\n");
    if (csv() && !options.summary) {
      write_line(csv_row({"line", "polynomial", "cycles", "longest_cycle", "maximal_length", "cyclic_states",
                          "transient_states", "seconds", "error"}));
    }
    if (!json_lines() && !csv()) {
      write_line(many_registers_heading(options, field) + (options.summary ? "" : "\n"));
      if (!options.summary)
        write_line(fmt::format("{:>6}  {:>10}  {:>14}  {:<7}  {:>9}  {}\n", "line", "cycles", "longest cycle",
                               "maximal", "seconds", "polynomial"));
    }
  }

  void failed(const Entry& entry, const std::string& error, ExitCode code) {
    if (exit_code_ == ExitCode::success) exit_code_ = code;
    ++errors_;
    if (failed_lines_.size() < named_failed_lines) failed_lines_.push_back(entry.line);
    if (options_.summary) return;
    if (json_lines()) {
      emit(dump_json(nlohmann::ordered_json{{"line", entry.line}, {"error", error}}) + "\n");
    } else if (csv()) {
      emit(csv_row({std::to_string(entry.line), "", "", "", "", "", "", "", error}));
    } else {
      emit(wrap_line(fmt::format("{:>6}  error: ", entry.line), error, 8, BreakAt::spaces) + "\n");
    }
  }

  void done(const Entry& entry, const BatchRegister& batch_register, BatchOutcome&& outcome) {
    if (outcome.task_summary) summary_.add(*outcome.task_summary);  // its task's, summarized by a worker
    if (!outcome.ok()) {
      failed(entry, outcome.error, outcome.error_code);
      return;
    }
    ++done_;
    if (outcome.summarized) return;
    if (!outcome.json_keys.empty()) {
      append_json_line(pending_, entry.line, outcome.json_keys);  // written by the worker (json_lines)
      pending_ += '\n';
      return;
    }
    maximal_ += outcome.result.maximal_length() ? 1 : 0;
    if (options_.summary) {
      summary_.add(batch_register, outcome.result);
      return;
    }
    const CycleStructure& result = outcome.result;
    if (csv()) {
      emit(csv_row({std::to_string(entry.line), batch_register.text(), result.total_cycles().get_str(),
                    result.max_cycle_length().get_str(), result.maximal_length() ? "true" : "false",
                    result.cyclic_states.get_str(), result.transient_states.get_str(),
                    fmt::format("{:.6f}", outcome.seconds), ""}));
      return;
    }
    if (!json_lines()) {
      const std::string row =
          fmt::format("{:>6}  {:>10}  {:>14}  {:<7}  {:>9.6f}  ", entry.line, readable(result.total_cycles()),
                      readable(result.max_cycle_length()), result.maximal_length() ? "yes" : "no", outcome.seconds);
      emit(wrap_line(row, batch_register.text(), polynomial_column, BreakAt::terms) + "\n");
      return;
    }
    const Report report{run_info(batch_register, outcome.method, outcome.seconds), std::move(outcome.result), {}};
    append_report_json_line(pending_, entry.line, report);
    pending_ += '\n';
  }

  // Writes the lines gathered since the last call: whole lines, flushed.
  void flush() {
    if (pending_.empty()) return;
    write_line(pending_);
    pending_.clear();
  }

  void finish(const Field& field, double seconds) {
    flush();
    if (options_.summary) {
      nlohmann::ordered_json summary{
          {"schema_version", json_schema_version}, {"version", version()}, {"field", field_json(field)}};
      if (options_.scan) {
        summary["bits"] = *options_.bits;
        summary["scan"] = options_.nonsingular ? "nonsingular" : "all";
      }
      // A part's counts are not the whole run's: the summary says which part it counts.
      if (part_) summary["shard"] = part_summary_json(*part_, part_end());
      summary.update(nlohmann::ordered_json{{"form", options_.form.value_or("fibonacci")},
                                            {"method", options_.method},
                                            {"mode", mode_name(runner_.mode())},
                                            {"workers", runner_.workers()}});
      if (runner_.mode() == Mode::mpi) summary["ranks"] = runner_.ranks();
      // Moved in, not copied (update copies): a summary may hold thousands of cycle types.
      nlohmann::ordered_json counts = summary_.json();
      for (auto item = counts.begin(); item != counts.end(); ++item) summary[item.key()] = std::move(item.value());
      summary["errors"] = errors_;
      summary["seconds"] = std::round(seconds * 1e6) / 1e6;  // microseconds, as every report
      if (json_lines()) {
        write_line(dump_json(summary, 2) + "\n");
      } else if (csv()) {
        write_line(summary_csv(summary));
      } else {
        write_line(summary_text(summary));
      }
      if (options_.plot) write_plot_file(*options_.plot, cycle_type_plot(summary, plot_subject()));
      return;
    }
    if (part_ && json_lines()) write_line(part_end_line(*part_, part_end()) + "\n");
    if (!json_lines() && !csv()) {
      write_line(fmt::format("\n{} register{}, {} maximal length, {} failed, in {:.3f} s ({})\n", errors_ + done_,
                             errors_ + done_ == 1 ? "" : "s", maximal_, errors_, seconds,
                             runner_text(mode_name(runner_.mode()), runner_.workers())));
      if (runner_.mode() == Mode::mpi) write_line(ranks_text(runner_.ranks(), runner_.workers()) + "\n");
    }
  }

  ExitCode exit_code() const { return exit_code_; }

  // One stderr line after the output when lines failed: how many, and the first few of them.
  void report_failures() const { report_failed_lines(errors_, errors_ + done_, failed_lines_); }

 private:
  PartEnd part_end() const { return {errors_ + done_, static_cast<int>(exit_code_), failed_lines_}; }

  void emit(const std::string& text) { pending_ += text; }

  bool json_lines() const { return options_.format == "json"; }
  bool csv() const { return options_.format == "csv"; }

  // Without digit counts, so that a rounded count ("1.7144e302") still fits its column.
  std::string readable(const mpz_class& value) const {
    return number_text(value, {field_.q(), field_.p()}, DigitCount::omitted);
  }

  // What the summary plot's title says was summarized.
  std::string plot_subject() const {
    if (!options_.scan) return fmt::format("batch {}", options_.batch.value_or("-"));
    return fmt::format("scan of the {}degree-{} polynomials", options_.nonsingular ? "nonsingular " : "",
                       *options_.bits);
  }

  RunInfo run_info(const BatchRegister& batch_register, const std::string& method, double seconds) const {
    RunInfo run = batch_register.run_info();
    run.method = method;
    run.mode = std::string(mode_name(runner_.mode()));
    run.workers = runner_.workers();
    run.ranks = runner_.mode() == Mode::mpi ? runner_.ranks() : 0;
    run.seconds = seconds;
    return run;
  }

  // "1^1 7^2": each length^count of a cycle type, a number with spaces in parentheses.
  std::string cycle_type_text(const nlohmann::ordered_json& cycles) const {
    const auto item = [&](const nlohmann::ordered_json& number) {
      const std::string text = readable(mpz_class(dump_json(number)));
      return text.find(' ') == std::string::npos ? text : "(" + text + ")";
    };
    std::string out;
    for (const auto& cycle : cycles)
      out += fmt::format("{}{}^{}", out.empty() ? "" : " ", item(cycle["length"]), item(cycle["count"]));
    return out;
  }

  // The counts, then a row per cycle type with its first register: in three columns when they
  // fit in max_line_width, else the example on a line of its own below the type.
  std::string summary_text(const nlohmann::ordered_json& json) const {
    const auto registers = json["registers"].get<std::uint64_t>();
    std::string out = fmt::format("{} register{}, {} maximal length, {} irreducible, {} singular, {} failed\n\n",
                                  registers, registers == 1 ? "" : "s", json["maximal_length"].get<std::uint64_t>(),
                                  json["irreducible"].get<std::uint64_t>(), json["singular"].get<std::uint64_t>(),
                                  json["errors"].get<std::uint64_t>());
    constexpr std::string_view type_header = "cycle type (length^count ...)";
    std::vector<std::pair<std::string, std::string>> types;  // cycle type, example
    std::size_t type_width = type_header.size();
    std::size_t example_width = 0;
    for (const auto& type : json["cycle_types"]) {
      types.emplace_back(cycle_type_text(type["cycles"]), type["example"].get<std::string>());
      type_width = std::max(type_width, types.back().first.size());
      example_width = std::max(example_width, types.back().second.size());
    }
    constexpr std::size_t type_column = 12;
    const bool columns = type_column + type_width + 2 + example_width <= max_line_width;
    if (columns) {
      out += fmt::format("{:>10}  {:<{}}  {}\n", "registers", type_header, type_width, "example");
    } else {
      out += fmt::format("{:>10}  {}\n{:>{}}example\n", "registers", type_header, "", type_column);
    }
    std::size_t row = 0;
    for (const auto& type : json["cycle_types"]) {
      const auto& [cycles, example] = types[row++];
      const std::string registers = fmt::format("{:>10}  ", type["registers"].get<std::uint64_t>());
      if (columns) {
        out += fmt::format("{}{:<{}}  {}\n", registers, cycles, type_width, example);
        continue;
      }
      out += wrap_line(registers, cycles, type_column, BreakAt::spaces) + "\n";
      out += wrap_line(std::string(type_column, ' '), example, type_column + 2, BreakAt::terms) + "\n";
    }
    out += fmt::format("\nin {:.3f} s ({})\n", json["seconds"].get<double>(),
                       runner_text(json["mode"].get<std::string>(), json["workers"].get<int>()));
    if (json.contains("ranks")) out += ranks_text(json["ranks"].get<int>(), json["workers"].get<int>()) + "\n";
    return out;
  }

  // "registers,cycle_type,example": a row per cycle type, the most common first, numbers exact.
  static std::string summary_csv(const nlohmann::ordered_json& json) {
    std::string out = csv_row({"registers", "cycle_type", "example"});
    for (const auto& type : json["cycle_types"]) {
      std::string cycles;
      for (const auto& cycle : type["cycles"])
        cycles +=
            fmt::format("{}{}^{}", cycles.empty() ? "" : " ", dump_json(cycle["length"]), dump_json(cycle["count"]));
      out +=
          csv_row({std::to_string(type["registers"].get<std::uint64_t>()), cycles, type["example"].get<std::string>()});
    }
    return out;
  }

  const Options& options_;
  const Runner& runner_;
  Field field_;
  CycleTypeSummary summary_;
  std::optional<PartLabel> part_;
  std::uint64_t errors_ = 0;
  std::vector<std::uint64_t> failed_lines_;  // the first named_failed_lines of them
  std::uint64_t maximal_ = 0;
  std::uint64_t done_ = 0;
  ExitCode exit_code_ = ExitCode::success;
  std::string pending_;  // whole lines not yet written (see flush)
};

// With --shard: the part's label, with the identity of the whole run.
PartLabel part_label(const Options& options, const Field& field, const RegisterSource& source) {
  RunSettings settings{.field = field,
                       .form = options.form.value_or("fibonacci"),
                       .method = options.method,
                       .scan = options.scan,
                       .bits = options.bits.value_or(0),
                       .nonsingular = options.nonsingular,
                       .batch_bytes = {},
                       .search_family = {}};
  if (!options.scan) settings.batch_bytes = dynamic_cast<const BatchFile&>(source).bytes();
  const auto [first_line, last_line] = source.part_lines();
  return {parse_shard(*options.shard), run_identity(settings), first_line, last_line};
}

}  // namespace

void report_failed_lines(std::uint64_t errors, std::uint64_t lines, const std::vector<std::uint64_t>& first_failed) {
  if (errors == 0) return;
  fmt::print(stderr, "lfsr-analyze: {} of {} line{} failed: line{} {}{}\n", errors, lines, lines == 1 ? "" : "s",
             errors == 1 ? "" : "s", fmt::join(first_failed, ", "), errors > first_failed.size() ? ", ..." : "");
}

int run_many_registers(const Options& options) {
  const Field field = field_from(options);
  const Form form = parse_form(options.form.value_or("fibonacci"));
  if (options.period_of || options.compare || options.chunk) {
    throw InputError("--period-of, --compare and --chunk apply to a single register, not to --batch or --scan");
  }
  if (options.plot && !options.summary)
    throw InputError("--plot with --batch or --scan draws the summary: add --summary");
  std::unique_ptr<RegisterSource> source;
  if (options.scan) {
    if (!options.bits) throw InputError("--scan needs --bits N, the degree of the polynomials to scan");
    const Shard shard = options.shard ? parse_shard(*options.shard) : Shard{};
    source = std::make_unique<Scan>(field, *options.bits, form, options.nonsingular, shard);
  } else {
    if (options.bits) throw InputError("--bits does not apply to --batch: every line gives its own polynomial");
    const std::optional<Shard> shard = options.shard ? std::optional<Shard>(parse_shard(*options.shard)) : std::nullopt;
    source = std::make_unique<BatchFile>(*options.batch, field, form, shard);
  }
  const std::unique_ptr<Runner> runner = runner_for(options, many_registers_work);
  BatchOptions batch_options;
  batch_options.method = options.method;
  batch_options.factor_seconds = options.factor_seconds;
  batch_options.named_states = options.format == "json" && !options.summary;  // only JSON lines show states
  batch_options.json_lines = batch_options.named_states;
  batch_options.summary = options.summary;
  batch_options.check_memory = [&](const BatchRegister& batch_register, const Transition& map) {
    check_memory(fmt::format("{}^{}", batch_register.field().q(), batch_register.bits()), map, runner->workers(),
                 options.max_memory);
  };
  // Under mpirun a window per rank: each window is one run, whose last tasks leave ranks idle.
  const std::size_t window = window_registers * static_cast<std::size_t>(runner->ranks());
  const auto start = std::chrono::steady_clock::now();
  // The first window is read before the heading: an input that cannot be read, or holds nothing,
  // fails with its one stderr line and an empty stdout.
  std::vector<Entry> entries;
  bool more = source->read(entries, window);
  // A part of a scan may be empty (more parts than registers): its output is then just the heading.
  if (entries.empty() && !more && !options.scan && !options.shard) {
    throw InputError(fmt::format("batch file {} holds no register: it is empty or has only blank lines and comments",
                                 *options.batch == "-" ? "(standard input)" : *options.batch));
  }
  Output output(options, *runner, field,
                options.shard ? std::optional<PartLabel>(part_label(options, field, *source)) : std::nullopt);
  batch_options.on_reported = [&output] { output.flush(); };
  for (bool first = true; first || more; first = false) {
    if (!first) {
      entries.clear();
      more = source->read(entries, window);
    }
    std::vector<BatchRegister> registers;
    std::vector<std::size_t> entry_of;  // registers[i] is entries[entry_of[i]]
    for (std::size_t e = 0; e < entries.size(); ++e) {
      if (!entries[e].batch_register) continue;
      registers.push_back(std::move(*entries[e].batch_register));  // the entry keeps its line number only
      entry_of.push_back(e);
    }
    // A scan's window is the positions from its first line on: tasks name registers by position.
    if (options.scan && !entries.empty())
      batch_options.scan = BatchOptions::ScanPositions{*options.bits, options.nonsingular, entries.front().line - 1};
    std::size_t written = 0;  // entries before this one are out
    const auto flush_errors_before = [&](std::size_t e) {
      for (; written < e; ++written) output.failed(entries[written], entries[written].error, ExitCode::usage);
    };
    analyze_batch(registers, *runner, batch_options, [&](std::size_t i, BatchOutcome&& outcome) {
      flush_errors_before(entry_of[i]);
      output.done(entries[entry_of[i]], registers[i], std::move(outcome));
      written = entry_of[i] + 1;
    });
    flush_errors_before(entries.size());
    output.flush();
  }
  output.finish(field, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  output.report_failures();
  return static_cast<int>(output.exit_code());
}

}  // namespace lfsr::cli
