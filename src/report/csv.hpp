// CSV output (RFC 4180, header row first, LF line ends) of a run, for spreadsheets and scripts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lfsr/report.hpp"

namespace lfsr {

// One CSV field: quoted, with its quotes doubled, when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view text);

// One record: the fields joined by commas, ended by "\n" (RFC 4180 writes CRLF; readers such as
// Python's csv module and spreadsheets accept both, and LF suits the Unix tools).
std::string csv_row(const std::vector<std::string>& fields);

// A single run: "length,count,states,representative", then one row per cycle length, ascending;
// exact integers; representative empty when the method found none.
std::string report_csv(const Report& report);

// --period-of: "state,tail,period,minimal_polynomial" and one row.
std::string state_report_csv(const StateReport& report);

// --trace: "step,state,digits,output", one row per state visited; digits most significant first.
std::string trace_report_csv(const TraceReport& report);

}  // namespace lfsr
