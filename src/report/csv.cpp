// CSV renderings of a single run, of one state and of a trace: the numbers exact, as in JSON.
#include "report/csv.hpp"

#include "registers/state_text.hpp"

namespace lfsr {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& field : fields) {
    if (&field != &fields.front()) out += ',';
    out += csv_field(field);
  }
  return out + '\n';
}

std::string report_csv(const Report& report) {
  const CycleStructure& result = report.result;
  std::string out = csv_row({"length", "count", "states", "representative"});
  for (const auto& [length, count] : result.cycles) {
    const auto found = result.representatives.find(length);
    out += csv_row({length.get_str(), count.get_str(), mpz_class(length * count).get_str(),
                    found == result.representatives.end() ? "" : found->second.state.get_str()});
  }
  return out;
}

std::string state_report_csv(const StateReport& report) {
  return csv_row({"state", "tail", "period", "minimal_polynomial"}) +
         csv_row({report.state.get_str(), report.tail.get_str(), report.period.get_str(), report.minimal_polynomial});
}

std::string trace_report_csv(const TraceReport& report) {
  const std::uint32_t q = report.run.field.q();
  std::string out = csv_row({"step", "state", "digits", "output"});
  for (std::size_t step = 0; step < report.trace.rows.size(); ++step) {
    const TraceRow& row = report.trace.rows[step];
    out += csv_row({std::to_string(step), row.state.get_str(), digits_text(row.digits, q), std::to_string(row.output)});
  }
  return out;
}

}  // namespace lfsr
