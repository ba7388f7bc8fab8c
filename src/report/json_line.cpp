// A batch's JSON line by direct writing; the same bytes as report_json through dump_json (tested).
#include "report/json_line.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>
#include <type_traits>

#include "lfsr/version.hpp"
#include "report/json_string.hpp"

namespace lfsr {

namespace {

// Decimal digits of an integer, by to_chars: fmt's formatting costs more than the digits here.
template <class Integer>
void append_integer(std::string& out, Integer value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

// A count, length or state: bare decimal digits, as big_number and dump_json write it.
void append_number(std::string& out, const mpz_class& value) {
  if (value.fits_ulong_p()) {
    append_integer(out, value.get_ui());
    return;
  }
  out += value.get_str();
}

template <class Value>
void append_key(std::string& out, std::string_view key, const Value& value) {
  out += ",\"";
  out += key;
  out += "\":";
  if constexpr (std::is_same_v<Value, mpz_class>) {
    append_number(out, value);
  } else if constexpr (std::is_same_v<Value, bool>) {
    out += value ? "true" : "false";
  } else if constexpr (std::is_integral_v<Value>) {
    append_integer(out, value);
  } else {
    append_json_string(out, value);
  }
}

}  // namespace

void append_report_json_line(std::string& out, std::uint64_t line, const Report& report) {
  out += "{\"line\":";
  append_integer(out, line);
  out += ',';
  append_report_json_keys(out, report);
}

void append_json_line(std::string& out, std::uint64_t line, std::string_view keys) {
  out += "{\"line\":";
  append_integer(out, line);
  out += ',';
  out += keys;
}

void append_report_json_keys(std::string& out, const Report& report) {
  const RunInfo& run = report.run;
  const CycleStructure& result = report.result;
  if (run.sequence || !report.compare.empty()) {
    // Keys a batch never has: the general writer, with the same order of keys, without its '{'.
    out += std::string_view(dump_json(report_json(report))).substr(1);
    return;
  }
  out += "\"schema_version\":";
  append_integer(out, json_schema_version);
  append_key(out, "version", version());
  out += ",\"field\":{\"q\":";
  append_integer(out, run.field.q());
  append_key(out, "p", run.field.p());
  append_key(out, "k", run.field.k());
  out += ",\"modulus\":";
  if (run.field.is_prime()) {
    out += "null";
  } else {
    append_json_string(out, run.field.modulus_text());
  }
  out += '}';
  append_key(out, "bits", run.bits);
  // A feedback register has no polynomial, and its function after "input" (register_json).
  const bool feedback = run.input == "feedback";
  if (feedback) {
    out += ",\"polynomial\":null";
  } else {
    append_key(out, "polynomial", run.polynomial);
  }
  if (run.form.empty()) {
    out += ",\"form\":null";
  } else {
    append_key(out, "form", run.form);
  }
  append_key(out, "input", run.input);
  if (feedback) {
    append_key(out, "feedback", run.feedback);
    append_key(out, "invertible", run.invertible);
  }
  append_key(out, "method", run.method);
  append_key(out, "mode", run.mode);
  append_key(out, "workers", run.workers);
  if (run.ranks > 0) {
    // Appended piece by piece: GCC 12 warns (-Wrestrict, falsely) on append_key inlined here.
    out += ",\"ranks\":";
    append_integer(out, run.ranks);
  }
  append_key(out, "states", result.states);
  append_key(out, "cyclic_states", result.cyclic_states);
  append_key(out, "transient_states", result.transient_states);
  append_key(out, "max_tail", result.max_tail);
  if (sgn(result.transient_states) > 0 && result.longest_tail_state) {
    append_key(out, "longest_tail_state", *result.longest_tail_state);
  } else {
    out += ",\"longest_tail_state\":null";
  }
  out += ",\"cycles\":[";
  bool first = true;
  for (const auto& [length, count] : result.cycles) {
    out += first ? "{\"length\":" : ",{\"length\":";
    first = false;
    append_number(out, length);
    append_key(out, "count", count);
    const auto found = result.representatives.find(length);
    if (found == result.representatives.end()) {
      out += ",\"representative\":null,\"minimal_polynomial\":null}";
      continue;
    }
    append_key(out, "representative", found->second.state);
    if (found->second.minimal_polynomial.empty()) {
      out += ",\"minimal_polynomial\":null}";
    } else {
      append_key(out, "minimal_polynomial", minimal_polynomial_text(run.field, found->second.minimal_polynomial));
      out += '}';
    }
  }
  out += ']';
  append_key(out, "total_cycles", result.total_cycles());
  append_key(out, "fixed_points", result.fixed_points());
  append_key(out, "max_cycle_length", result.max_cycle_length());
  append_key(out, "maximal_length", result.maximal_length());
  // As report_json rounds it, in nlohmann's shortest form of a double.
  out += ",\"seconds\":";
  out += nlohmann::ordered_json(std::round(run.seconds * 1e6) / 1e6).dump();
  if (!result.cycle_list.empty()) {
    out += ",\"cycle_list\":[";
    for (std::size_t i = 0; i < result.cycle_list.size(); ++i)
      fmt::format_to(std::back_inserter(out), "{}{{\"smallest_state\":{},\"length\":{}}}", i ? "," : "",
                     result.cycle_list[i].smallest_state, result.cycle_list[i].length);
    out += ']';
  }
  out += '}';
}

}  // namespace lfsr
