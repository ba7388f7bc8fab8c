// Renderings of a Report: the JSON contract of docs/json.md (exact big integers) and the text report.
#include "lfsr/report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <iterator>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "lfsr/polynomial.hpp"
#include "lfsr/version.hpp"
#include "registers/state_text.hpp"
#include "report/json_string.hpp"
#include "report/line_wrap.hpp"
#include "report/number_text.hpp"
#include "report/run_info.hpp"

namespace lfsr {
namespace {

static_assert(sizeof(unsigned long) == sizeof(std::uint64_t), "mpz_class::get_ui must cover uint64");

// Prefix of a string that stands for a big integer. It starts with a control character, which no
// report text contains, so no real string is mistaken for a number.
constexpr std::string_view big_number_marker =
    "\x1f"
    "lfsr-big-number:";

std::optional<std::string_view> big_number_digits(const nlohmann::ordered_json& value) {
  if (!value.is_string()) {
    return std::nullopt;
  }
  const std::string_view text = value.get_ref<const std::string&>();
  if (!text.starts_with(big_number_marker)) {
    return std::nullopt;
  }
  return text.substr(big_number_marker.size());
}

// A scalar as nlohmann's dump writes it; integers, booleans and null directly (a batch writes
// millions of them), floating point through nlohmann for its exact shortest form.
void write_scalar(std::string& out, const nlohmann::ordered_json& value) {
  using Type = nlohmann::ordered_json::value_t;
  switch (value.type()) {
    case Type::null:
      out += "null";
      return;
    case Type::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    case Type::number_unsigned:
      fmt::format_to(std::back_inserter(out), "{}", value.get<std::uint64_t>());
      return;
    case Type::number_integer:
      fmt::format_to(std::back_inserter(out), "{}", value.get<std::int64_t>());
      return;
    case Type::string:
      append_json_string(out, value.get_ref<const std::string&>());
      return;
    default:
      out += value.dump();
  }
}

// Mirrors nlohmann's serializer layout for objects and arrays and writes every scalar exactly as
// nlohmann's own dump does (write_scalar).
// Values nested `pretty_depth` levels deep or more are written compact, on one line.
void write_json(std::string& out, const nlohmann::ordered_json& value, int indent, int depth, int pretty_depth) {
  if (const std::optional<std::string_view> digits = big_number_digits(value)) {
    out += *digits;
    return;
  }
  const bool structured = (value.is_object() || value.is_array()) && !value.empty();
  if (!structured) {
    write_scalar(out, value);
    return;
  }
  if (depth >= pretty_depth) indent = -1;
  const bool pretty = indent >= 0;
  const auto new_line = [&](int level) {
    if (pretty) {
      out += '\n';
      out.append(static_cast<std::size_t>(level) * static_cast<std::size_t>(indent), ' ');
    }
  };
  const bool object = value.is_object();
  out += object ? '{' : '[';
  bool first = true;
  for (const auto& item : value.items()) {
    if (!first) {
      out += ',';
    }
    first = false;
    new_line(depth + 1);
    if (object) {
      append_json_string(out, item.key());
      out += pretty ? ": " : ":";
    }
    write_json(out, item.value(), indent, depth + 1, pretty_depth);
  }
  new_line(depth);
  out += object ? '}' : ']';
}

}  // namespace

nlohmann::ordered_json field_json(const Field& field) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  json["q"] = field.q();
  json["p"] = field.p();
  json["k"] = field.k();
  json["modulus"] = field.is_prime() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(field.modulus_text());
  return json;
}

namespace {

// A count, length or state for a text line: exact when short, in powers of the field's q or p
// when that is short too.
std::string readable(const mpz_class& value, const Field& field, DigitCount digit_count = DigitCount::shown) {
  return number_text(value, {field.q(), field.p()}, digit_count);
}

// The keys every object starts with: the contract's version and what was analyzed, how.
nlohmann::ordered_json register_json(const RunInfo& run) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  json["schema_version"] = json_schema_version;
  json["version"] = version();
  json["field"] = field_json(run.field);
  json["bits"] = run.bits;
  // A nonlinear register has no polynomial: null, and its feedback function after "input".
  json["polynomial"] = run.input == "feedback" ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(run.polynomial);
  json["form"] = run.form.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(run.form);
  json["input"] = run.input;
  if (run.input == "feedback") {
    json["feedback"] = run.feedback;
    json["invertible"] = run.invertible;
  }
  json["method"] = run.method;
  return json;
}

// --sequence: the keys of the register's recovery, after the register keys.
void add_sequence_keys(nlohmann::ordered_json& json, const RunInfo& run) {
  if (!run.sequence) return;
  json["linear_complexity"] = run.sequence->linear_complexity;
  json["sequence_length"] = run.sequence->sequence_length;
  json["unique"] = run.sequence->unique;
  if (!run.sequence->profile.empty()) json["profile"] = run.sequence->profile;
}

// "linear complexity 5 of 10 elements", and the profile when asked for.
std::string sequence_text(const RunInfo& run) {
  if (!run.sequence) return "";
  const SequenceInfo& sequence = *run.sequence;
  std::string out =
      wrap_line("",
                fmt::format("linear complexity {} of a sequence of {} elements{}", sequence.linear_complexity,
                            sequence.sequence_length,
                            sequence.unique ? "" : " (fewer than 2L: other registers of this length fit too)"),
                2, BreakAt::spaces) +
      "\n";
  if (!sequence.profile.empty())
    out += wrap_line("profile ", fmt::format("{}", fmt::join(sequence.profile, " ")), 8, BreakAt::spaces) + "\n";
  return out;
}

double microseconds(double seconds) { return std::round(seconds * 1e6) / 1e6; }

// "2^12 = 4096", or "2^127" alone when the count is too long to write out.
std::string state_space_text(const Report& report) {
  const std::string power = fmt::format("{}^{}", report.run.field.q(), report.run.bits);
  const std::string count = readable(report.result.states, report.run.field);
  return count == report.result.states.get_str() ? fmt::format("{} = {}", power, count) : power;
}

std::vector<std::size_t> column_widths(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths(rows.front().size());
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      widths[column] = std::max(widths[column], row[column].size());
    }
  }
  return widths;
}

// The width of the lines append_table writes in columns.
std::size_t table_width(const std::vector<std::vector<std::string>>& rows) {
  std::size_t line_width = 0;
  for (const std::size_t width : column_widths(rows)) line_width += 2 + width;
  return line_width;
}

// Right-aligned columns: the first row is the header, followed by a rule of dashes.
void append_table(std::string& out, const std::vector<std::vector<std::string>>& rows) {
  const std::vector<std::size_t> widths = column_widths(rows);
  const auto append_row = [&](const std::vector<std::string>& row) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      fmt::format_to(std::back_inserter(out), "  {:>{}}", row[column], widths[column]);
    }
    out += '\n';
  };
  append_row(rows.front());
  std::vector<std::string> rule;
  for (std::size_t width : widths) rule.emplace_back(width, '-');
  append_row(rule);
  std::for_each(rows.begin() + 1, rows.end(), append_row);
}

// The cycle-length table: length, number of cycles, states they cover and, when the method found
// them, a state on such a cycle. Past `max_rows` rows (0: no limit) it shows the shortest and the
// longest lengths and says how many it left out. Rounded numbers lose their digit counts when the
// table would not fit in max_line_width otherwise; then each cell has at most 25 characters (the
// longest short form, "1000 * (65536^99999 + 1)"; rounded, "1.0715e481647"), and the four
// columns fit unless three of them are such long short forms, which no cycle structure has.
void append_cycle_table(std::string& out, const CycleStructure& result, const Field& field, std::size_t max_rows) {
  const bool representatives = !result.representatives.empty();
  const std::size_t total = result.cycles.size();
  const bool summarize = max_rows != 0 && total > max_rows;
  const std::size_t head = summarize ? max_rows - max_rows / 3 : total;
  const std::size_t tail_start = summarize ? total - max_rows / 3 : total;
  const auto table_rows = [&](DigitCount digit_count) {
    std::vector<std::vector<std::string>> rows{{"length", "cycles", "states"}};
    if (representatives) rows.front().emplace_back("representative");
    std::size_t index = 0;
    for (const auto& [length, count] : result.cycles) {
      if (index == head && summarize) rows.emplace_back(rows.front().size(), "").front() = "...";
      if (index < head || index >= tail_start) {
        rows.push_back({readable(length, field, digit_count), readable(count, field, digit_count),
                        readable(mpz_class(length * count), field, digit_count)});
        if (representatives) {
          const auto found = result.representatives.find(length);
          rows.back().push_back(
              found == result.representatives.end() ? "" : readable(found->second.state, field, digit_count));
        }
      }
      ++index;
    }
    return rows;
  };
  std::vector<std::vector<std::string>> rows = table_rows(DigitCount::shown);
  if (table_width(rows) > max_line_width) rows = table_rows(DigitCount::omitted);
  append_table(out, rows);
  if (summarize)
    fmt::format_to(std::back_inserter(out), "  ({} of {} cycle lengths shown; --all-cycles lists them all)\n",
                   head + (total - tail_start), total);
}

// --list-cycles: one row per cycle, by smallest state, laid out as append_table does. Written
// directly: a list of millions of cycles would take gigabytes as a table of strings.
void append_cycle_list(std::string& out, const std::vector<ListedCycle>& cycles) {
  constexpr std::string_view state_header = "smallest state";
  constexpr std::string_view length_header = "length";
  std::uint64_t longest = 0;
  for (const ListedCycle& cycle : cycles) longest = std::max(longest, cycle.length);
  // Sorted by smallest state: the last one has the most digits.
  const std::size_t state_width = std::max(state_header.size(), std::to_string(cycles.back().smallest_state).size());
  const std::size_t length_width = std::max(length_header.size(), std::to_string(longest).size());
  auto to = std::back_inserter(out);
  fmt::format_to(to, "\n{} cycles by smallest state:\n", cycles.size());
  fmt::format_to(to, "  {:>{}}  {:>{}}\n", state_header, state_width, length_header, length_width);
  fmt::format_to(to, "  {}  {}\n", std::string(state_width, '-'), std::string(length_width, '-'));
  for (const ListedCycle& cycle : cycles)
    fmt::format_to(to, "  {:>{}}  {:>{}}\n", cycle.smallest_state, state_width, cycle.length, length_width);
}

// The --compare table: one row per mode.
void append_compare_table(std::string& out, const std::vector<ModeTiming>& timings) {
  std::vector<std::vector<std::string>> rows{{"mode", "workers", "median s", "min-max s", "states/s", "speedup"}};
  for (const ModeTiming& timing : timings) {
    rows.push_back({std::string(mode_name(timing.mode)), std::to_string(timing.workers),
                    fmt::format("{:.4f}", timing.median_seconds),
                    fmt::format("{:.4f}-{:.4f}", timing.min_seconds, timing.max_seconds),
                    fmt::format("{:.3g}", timing.states_per_second), fmt::format("{:.2f}x", timing.speedup)});
  }
  append_table(out, rows);
}

// Label and value pairs printed as two columns, values right-aligned.
void append_totals(std::string& out, const std::vector<std::pair<std::string_view, std::string>>& totals) {
  std::size_t label_width = 0;
  std::size_t value_width = 0;
  for (const auto& [label, value] : totals) {
    label_width = std::max(label_width, label.size());
    value_width = std::max(value_width, value.size());
  }
  for (const auto& [label, value] : totals) {
    fmt::format_to(std::back_inserter(out), "{:<{}}  {:>{}}\n", label, label_width, value, value_width);
  }
}

}  // namespace

std::string field_definition_text(const Field& field) {
  if (field.is_prime()) return "";
  return fmt::format("field {} = GF({})[a]/({})\n", field.name(), field.p(), field.modulus_text());
}

// "GF(4) register x^3+a*x+1, fibonacci form" and, over GF(p^k), the modulus that gives the
// coefficients their meaning. A long polynomial is broken between its terms.
std::string heading_text(const RunInfo& run) {
  constexpr std::size_t continued = 4;
  if (run.input == "feedback") {
    return wrap_line(fmt::format("GF(2) nonlinear feedback shift register, x{} <- F = ", run.bits - 1), run.feedback,
                     continued, BreakAt::spaces) +
           (run.invertible ? "\ninvertible: yes, a permutation of the states\n"
                           : "\ninvertible: no, some states have no predecessor\n");
  }
  const std::string first =
      run.input == "matrix"
          ? wrap_line(fmt::format("{} linear map v -> A v, A of size {} x {}, characteristic polynomial ",
                                  run.field.name(), run.bits, run.bits),
                      run.polynomial, continued, BreakAt::terms)
          : wrap_line(fmt::format("{} register ", run.field.name()),
                      fmt::format("{}, {} form", run.polynomial, run.form), continued, BreakAt::terms);
  return first + "\n" + field_definition_text(run.field);
}

std::string minimal_polynomial_text(const Field& field, const std::vector<std::uint32_t>& coefficients) {
  // The zero state's minimal polynomial is the constant 1, which is no register's polynomial.
  if (coefficients.size() == 1) return "1";
  return Polynomial(field, coefficients).to_string();
}

nlohmann::ordered_json big_number(const mpz_class& value) {
  if (sgn(value) >= 0 && value.fits_ulong_p()) {
    return static_cast<std::uint64_t>(value.get_ui());
  }
  if (value.fits_slong_p()) {
    return static_cast<std::int64_t>(value.get_si());
  }
  return std::string(big_number_marker) + value.get_str();
}

std::optional<mpz_class> big_number_value(const nlohmann::ordered_json& value) {
  if (value.is_number_unsigned()) return mpz_class(std::to_string(value.get<std::uint64_t>()));
  if (value.is_number_integer()) return mpz_class(std::to_string(value.get<std::int64_t>()));
  if (const std::optional<std::string_view> digits = big_number_digits(value)) return mpz_class(std::string(*digits));
  return std::nullopt;
}

std::string dump_json(const nlohmann::ordered_json& value, int indent, int pretty_depth) {
  std::string out;
  write_json(out, value, indent, 0, pretty_depth);
  return out;
}

nlohmann::ordered_json report_json(const Report& report) {
  const RunInfo& run = report.run;
  const CycleStructure& result = report.result;
  // Keys are set one by one: nlohmann's initializer lists copy every value, and a batch writes
  // tens of thousands of these objects a second.
  nlohmann::ordered_json cycles = nlohmann::ordered_json::array();
  for (const auto& [length, count] : result.cycles) {
    const auto found = result.representatives.find(length);
    const bool known = found != result.representatives.end();
    nlohmann::ordered_json& cycle = cycles.emplace_back(nlohmann::ordered_json::object());
    cycle["length"] = big_number(length);
    cycle["count"] = big_number(count);
    cycle["representative"] = known ? big_number(found->second.state) : nlohmann::ordered_json(nullptr);
    cycle["minimal_polynomial"] =
        known && !found->second.minimal_polynomial.empty()
            ? nlohmann::ordered_json(minimal_polynomial_text(run.field, found->second.minimal_polynomial))
            : nlohmann::ordered_json(nullptr);
  }
  nlohmann::ordered_json json = register_json(run);
  add_sequence_keys(json, run);
  json["mode"] = run.mode;
  json["workers"] = run.workers;
  if (run.ranks > 0) json["ranks"] = run.ranks;
  json["states"] = big_number(result.states);
  json["cyclic_states"] = big_number(result.cyclic_states);
  json["transient_states"] = big_number(result.transient_states);
  json["max_tail"] = big_number(result.max_tail);
  json["longest_tail_state"] = sgn(result.transient_states) > 0 && result.longest_tail_state
                                   ? big_number(*result.longest_tail_state)
                                   : nlohmann::ordered_json(nullptr);
  json["cycles"] = std::move(cycles);
  json["total_cycles"] = big_number(result.total_cycles());
  json["fixed_points"] = big_number(result.fixed_points());
  json["max_cycle_length"] = big_number(result.max_cycle_length());
  json["maximal_length"] = result.maximal_length();
  json["seconds"] = microseconds(run.seconds);  // microseconds are all a wall time can honestly claim
  if (!report.compare.empty()) {
    nlohmann::ordered_json modes = nlohmann::ordered_json::array();
    for (const ModeTiming& timing : report.compare) {
      modes.push_back({{"mode", mode_name(timing.mode)},
                       {"workers", timing.workers},
                       {"median_seconds", microseconds(timing.median_seconds)},
                       {"min_seconds", microseconds(timing.min_seconds)},
                       {"max_seconds", microseconds(timing.max_seconds)},
                       {"speedup", std::round(timing.speedup * 1000) / 1000},
                       {"states_per_second", static_cast<std::uint64_t>(std::llround(timing.states_per_second))},
                       {"warmup_runs", timing.warmup_runs},
                       {"unstable", timing.unstable()}});
    }
    json["compare"] = std::move(modes);
  }
  if (!result.cycle_list.empty()) {
    nlohmann::ordered_json listed = nlohmann::ordered_json::array();
    for (const ListedCycle& cycle : result.cycle_list)
      listed.push_back({{"smallest_state", cycle.smallest_state}, {"length", cycle.length}});
    json["cycle_list"] = std::move(listed);
  }
  return json;
}

nlohmann::ordered_json state_report_json(const StateReport& report) {
  const RunInfo& run = report.run;
  nlohmann::ordered_json json = register_json(run);
  json.update(nlohmann::ordered_json{
      {"state", big_number(report.state)},
      {"tail", big_number(report.tail)},
      {"period", big_number(report.period)},
      {"minimal_polynomial", report.minimal_polynomial},
      {"seconds", microseconds(run.seconds)},
  });
  return json;
}

std::string state_report_text(const StateReport& report) {
  const RunInfo& run = report.run;
  std::string out = heading_text(run) + "\n";
  std::vector<std::pair<std::string_view, std::string>> totals{{"state", readable(report.state, run.field)},
                                                               {"tail", readable(report.tail, run.field)},
                                                               {"period", readable(report.period, run.field)}};
  constexpr std::string_view polynomial_label = "minimal polynomial";
  // A polynomial too long for the column goes below its label, broken between terms.
  const bool own_lines = polynomial_label.size() + 2 + report.minimal_polynomial.size() > max_line_width;
  if (!own_lines) totals.emplace_back(polynomial_label, report.minimal_polynomial);
  append_totals(out, totals);
  if (own_lines)
    out += wrap_line(fmt::format("{}\n  ", polynomial_label), report.minimal_polynomial, 2, BreakAt::terms) + "\n";
  fmt::format_to(std::back_inserter(out), "\ncomputed from the minimal polynomial in {:.6f} s\n", run.seconds);
  return out;
}

nlohmann::ordered_json zero_complexity_json(const RunInfo& run) {
  nlohmann::ordered_json json{{"schema_version", json_schema_version},
                              {"version", version()},
                              {"field", field_json(run.field)},
                              {"bits", 0},
                              {"polynomial", nullptr},
                              {"input", "sequence"}};
  add_sequence_keys(json, run);
  return json;
}

std::string zero_complexity_text(const RunInfo& run) {
  return fmt::format("{} sequence of zeros: no register is needed\n", run.field.name()) + sequence_text(run);
}

std::string report_text(const Report& report, std::size_t cycle_rows) {
  const RunInfo& run = report.run;
  const CycleStructure& result = report.result;
  std::string out;
  out += heading_text(run);
  out += sequence_text(run);
  fmt::format_to(std::back_inserter(out), "{} {}, {} states\n\n",
                 run.input == "matrix" ? "dimension" : run.input == "feedback" ? "length" : "degree",
                 run.bits, state_space_text(report));
  append_cycle_table(out, result, run.field, cycle_rows);
  out += '\n';

  std::vector<std::pair<std::string_view, std::string>> totals{
      {"cycles", readable(result.total_cycles(), run.field)},
      {"fixed points", readable(result.fixed_points(), run.field)},
      {"longest cycle", readable(result.max_cycle_length(), run.field)},
      {"maximal length", result.maximal_length() ? "yes" : "no"},
  };
  if (sgn(result.transient_states) > 0) {
    totals.emplace_back("cyclic states", readable(result.cyclic_states, run.field));
    totals.emplace_back("transient states", readable(result.transient_states, run.field));
    totals.emplace_back("longest tail", readable(result.max_tail, run.field));
    if (result.longest_tail_state)
      totals.emplace_back("longest-tail state", readable(*result.longest_tail_state, run.field));
  } else {
    totals.emplace_back("transient states", "0");
  }
  append_totals(out, totals);

  const std::string done = run.method == "enumerate"   ? "enumerated"
                           : run.method == "algebraic" ? "computed from the factorization"
                                                       : "enumerated and computed from the factorization, agreeing,";
  // Milliseconds, or microseconds when the run took less than one.
  const int decimals = run.seconds < 1e-3 ? 6 : 3;
  if (run.method == "algebraic")
    fmt::format_to(std::back_inserter(out), "\n{} in {:.{}f} s\n", done, run.seconds, decimals);
  else
    fmt::format_to(std::back_inserter(out), "\n{} in {:.{}f} s ({})\n", done, run.seconds, decimals,
                   runner_text(run.mode, run.workers));
  if (run.ranks > 0) out += ranks_text(run.ranks, run.workers) + "\n";
  if (!report.compare.empty()) {
    out += "\nmodes compared, results identical:\n";
    append_compare_table(out, report.compare);
  }
  if (!result.cycle_list.empty()) append_cycle_list(out, result.cycle_list);
  return out;
}

namespace {

// Characters of a trace row's digits before they are abbreviated: the table stays within 100.
constexpr std::size_t trace_digits_width = 40;

// "s" for a Fibonacci register's cells, "r" for a Galois register's coefficients, "v" for a matrix.
std::string_view trace_digit_letter(const RunInfo& run) {
  if (run.input == "matrix") return "v";
  if (run.input == "feedback") return "x";
  return run.form == "galois" ? "r" : "s";
}

}  // namespace

nlohmann::ordered_json trace_report_json(const TraceReport& report) {
  const Trace& trace = report.trace;
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (std::size_t t = 0; t < trace.rows.size(); ++t) {
    const TraceRow& row = trace.rows[t];
    rows.push_back({{"step", t},
                    {"state", big_number(row.state)},
                    {"digits", std::vector<std::uint32_t>(row.digits.rbegin(), row.digits.rend())},
                    {"output", row.output}});
  }
  const auto optional_number = [](const std::optional<std::uint64_t>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json json = register_json(report.run);
  add_sequence_keys(json, report.run);
  json.update(nlohmann::ordered_json{
      {"state", big_number(trace.rows.front().state)},
      {"output_digit", trace.output_digit},
      {"trace", std::move(rows)},
      {"steps", trace.rows.size()},
      {"stop", trace_stop_name(trace.stop)},
      {"tail", optional_number(trace.tail)},
      {"period", optional_number(trace.period)},
      {"next_state", big_number(trace.next_state)},
      {"seconds", microseconds(report.run.seconds)},
  });
  return json;
}

std::string trace_report_text(const TraceReport& report) {
  const RunInfo& run = report.run;
  const Trace& trace = report.trace;
  const std::string_view letter = trace_digit_letter(run);
  const int n = run.bits;
  std::string out = heading_text(run) + sequence_text(run);
  const std::string output_name = fmt::format("{}_{}", letter, trace.output_digit);
  fmt::format_to(std::back_inserter(out), "output: {}, {}\n\n", output_name,
                 run.input == "matrix"  ? "the first coordinate of the state"
                 : run.form == "galois" ? fmt::format("the coefficient of x^{} that x r(x) carries out", n - 1)
                                        : std::string("the cell shifted out"));

  std::vector<std::vector<std::string>> rows{
      {"step", "state", n == 1 ? fmt::format("{}_0", letter) : fmt::format("{}_{}..{}_0", letter, n - 1, letter),
       fmt::format("output {}", output_name)}};
  for (std::size_t t = 0; t < trace.rows.size(); ++t) {
    const TraceRow& row = trace.rows[t];
    rows.push_back({std::to_string(t), number_text(row.state, {run.field.q(), run.field.p()}, DigitCount::omitted),
                    digits_text(row.digits, run.field.q(), trace_digits_width), std::to_string(row.output)});
  }
  append_table(out, rows);
  out += '\n';

  const std::size_t steps = trace.rows.size();
  if (trace.tail) {
    fmt::format_to(std::back_inserter(out), "after {} step{} the state of step {} comes back: tail {}, period {}\n",
                   *trace.tail + *trace.period, *trace.tail + *trace.period == 1 ? "" : "s", *trace.tail, *trace.tail,
                   *trace.period);
  } else {
    fmt::format_to(std::back_inserter(out), "no state repeats in {} step{}{}\n", steps, steps == 1 ? "" : "s",
                   trace.stop == TraceStop::limit ? " (the most a trace takes without --steps)" : "");
  }
  if (trace.stop != TraceStop::repeat)
    fmt::format_to(std::back_inserter(out), "next state {}\n",
                   number_text(trace.next_state, {run.field.q(), run.field.p()}));
  fmt::format_to(std::back_inserter(out), "\n{} step{} in {:.6f} s\n", steps, steps == 1 ? "" : "s", run.seconds);
  return out;
}

}  // namespace lfsr
