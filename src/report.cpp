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

// Mirrors nlohmann's serializer layout for objects and arrays and delegates every scalar to
// nlohmann's own dump, so escaping and number formats are exactly nlohmann's.
void write_json(std::string& out, const nlohmann::ordered_json& value, int indent, int depth) {
  if (const std::optional<std::string_view> digits = big_number_digits(value)) {
    out += *digits;
    return;
  }
  const bool structured = (value.is_object() || value.is_array()) && !value.empty();
  if (!structured) {
    out += value.dump();
    return;
  }
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
      out += nlohmann::ordered_json(item.key()).dump();
      out += pretty ? ": " : ":";
    }
    write_json(out, item.value(), indent, depth + 1);
  }
  new_line(depth);
  out += object ? '}' : ']';
}

}  // namespace

nlohmann::ordered_json field_json(const Field& field) {
  return {
      {"q", field.q()},
      {"p", field.p()},
      {"k", field.k()},
      {"modulus", field.is_prime() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(field.modulus_text())},
  };
}

namespace {

// "GF(4) register x^3+a*x+1, fibonacci form" and, over GF(p^k), the modulus that gives the
// coefficients their meaning: "field GF(4) = GF(2)[a]/(a^2+a+1)".
std::string heading(const RunInfo& run) {
  std::string out = run.input == "matrix"
                        ? fmt::format("{} linear map v -> A v, A of size {} x {}, characteristic polynomial {}\n",
                                      run.field.name(), run.bits, run.bits, run.polynomial)
                        : fmt::format("{} register {}, {} form\n", run.field.name(), run.polynomial, run.form);
  if (!run.field.is_prime()) {
    out += fmt::format("field {} = GF({})[a]/({})\n", run.field.name(), run.field.p(), run.field.modulus_text());
  }
  return out;
}

// The keys every object starts with: the contract's version and what was analyzed, how.
nlohmann::ordered_json register_json(const RunInfo& run) {
  return {
      {"schema_version", json_schema_version},
      {"field", field_json(run.field)},
      {"bits", run.bits},
      {"polynomial", run.polynomial},
      {"form", run.form.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(run.form)},
      {"input", run.input},
      {"method", run.method},
  };
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
  std::string out = fmt::format("linear complexity {} of a sequence of {} elements{}\n", sequence.linear_complexity,
                                sequence.sequence_length,
                                sequence.unique ? "" : " (fewer than 2L: other registers of this length fit too)");
  if (!sequence.profile.empty()) out += fmt::format("profile {}\n", fmt::join(sequence.profile, " "));
  return out;
}

double microseconds(double seconds) { return std::round(seconds * 1e6) / 1e6; }

std::string state_space_text(const Report& report) {
  return fmt::format("{}^{} = {}", report.run.field.q(), report.run.bits, report.result.states.get_str());
}

// Right-aligned columns: the first row is the header, followed by a rule of dashes.
void append_table(std::string& out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths(rows.front().size());
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      widths[column] = std::max(widths[column], row[column].size());
    }
  }
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

// The cycle-length table: length, number of cycles, states they cover. Past `max_rows` rows
// (0: no limit) it shows the shortest and the longest lengths and says how many it left out.
void append_cycle_table(std::string& out, const CycleStructure& result, std::size_t max_rows) {
  std::vector<std::vector<std::string>> rows{{"length", "cycles", "states"}};
  const std::size_t total = result.cycles.size();
  const bool summarize = max_rows != 0 && total > max_rows;
  const std::size_t head = summarize ? max_rows - max_rows / 3 : total;
  const std::size_t tail_start = summarize ? total - max_rows / 3 : total;
  std::size_t index = 0;
  for (const auto& [length, count] : result.cycles) {
    if (index == head && summarize) rows.push_back({"...", "", ""});
    if (index < head || index >= tail_start)
      rows.push_back({length.get_str(), count.get_str(), mpz_class(length * count).get_str()});
    ++index;
  }
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

nlohmann::ordered_json big_number(const mpz_class& value) {
  if (sgn(value) >= 0 && value.fits_ulong_p()) {
    return static_cast<std::uint64_t>(value.get_ui());
  }
  if (value.fits_slong_p()) {
    return static_cast<std::int64_t>(value.get_si());
  }
  return std::string(big_number_marker) + value.get_str();
}

std::string dump_json(const nlohmann::ordered_json& value, int indent) {
  std::string out;
  write_json(out, value, indent, 0);
  return out;
}

nlohmann::ordered_json report_json(const Report& report) {
  const RunInfo& run = report.run;
  const CycleStructure& result = report.result;
  nlohmann::ordered_json cycles = nlohmann::ordered_json::array();
  for (const auto& [length, count] : result.cycles) {
    cycles.push_back({{"length", big_number(length)}, {"count", big_number(count)}});
  }
  nlohmann::ordered_json json = register_json(run);
  add_sequence_keys(json, run);
  json.update(nlohmann::ordered_json{
      {"mode", run.mode},
      {"workers", run.workers},
      {"states", big_number(result.states)},
      {"cyclic_states", big_number(result.cyclic_states)},
      {"transient_states", big_number(result.transient_states)},
      {"max_tail", big_number(result.max_tail)},
      {"cycles", std::move(cycles)},
      {"total_cycles", big_number(result.total_cycles())},
      {"fixed_points", big_number(result.fixed_points())},
      {"max_cycle_length", big_number(result.max_cycle_length())},
      {"maximal_length", result.maximal_length()},
      // Microseconds are all a wall time can honestly claim.
      {"seconds", microseconds(run.seconds)},
  });
  if (!report.compare.empty()) {
    nlohmann::ordered_json modes = nlohmann::ordered_json::array();
    for (const ModeTiming& timing : report.compare) {
      modes.push_back({{"mode", mode_name(timing.mode)},
                       {"workers", timing.workers},
                       {"median_seconds", microseconds(timing.median_seconds)},
                       {"min_seconds", microseconds(timing.min_seconds)},
                       {"max_seconds", microseconds(timing.max_seconds)},
                       {"speedup", std::round(timing.speedup * 1000) / 1000},
                       {"states_per_second", static_cast<std::uint64_t>(std::llround(timing.states_per_second))}});
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
  std::string out = heading(run) + "\n";
  append_totals(out, {{"state", report.state.get_str()},
                      {"tail", report.tail.get_str()},
                      {"period", report.period.get_str()},
                      {"minimal polynomial", report.minimal_polynomial}});
  fmt::format_to(std::back_inserter(out), "\ncomputed from the minimal polynomial in {:.6f} s\n", run.seconds);
  return out;
}

nlohmann::ordered_json zero_complexity_json(const RunInfo& run) {
  nlohmann::ordered_json json{{"schema_version", json_schema_version},
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
  out += heading(run);
  out += sequence_text(run);
  fmt::format_to(std::back_inserter(out), "{} {}, {} states\n\n", run.input == "matrix" ? "dimension" : "degree",
                 run.bits, state_space_text(report));
  append_cycle_table(out, result, cycle_rows);
  out += '\n';

  std::vector<std::pair<std::string_view, std::string>> totals{
      {"cycles", result.total_cycles().get_str()},
      {"fixed points", result.fixed_points().get_str()},
      {"longest cycle", result.max_cycle_length().get_str()},
      {"maximal length", result.maximal_length() ? "yes" : "no"},
  };
  if (sgn(result.transient_states) > 0) {
    totals.emplace_back("cyclic states", result.cyclic_states.get_str());
    totals.emplace_back("transient states", result.transient_states.get_str());
    totals.emplace_back("longest tail", result.max_tail.get_str());
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
    fmt::format_to(std::back_inserter(out), "\n{} in {:.{}f} s ({}, {} worker{})\n", done, run.seconds, decimals,
                   run.mode, run.workers, run.workers == 1 ? "" : "s");
  if (!report.compare.empty()) {
    out += "\nmodes compared, results identical:\n";
    append_compare_table(out, report.compare);
  }
  if (!result.cycle_list.empty()) append_cycle_list(out, result.cycle_list);
  return out;
}

}  // namespace lfsr
