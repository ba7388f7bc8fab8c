// One register's report as a JSON line of a batch, written straight into a string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lfsr/report.hpp"

namespace lfsr {

// Appends to `out` exactly what dump_json writes for {"line": line} followed by the keys of
// report_json(report), without building the JSON object: a batch writes a hundred thousand of
// these a second, and the object's allocations cost more than the analysis of a small register.
// No newline is appended.
void append_report_json_line(std::string& out, std::uint64_t line, const Report& report);

// The same line cut in two: append_report_json_keys appends what follows `{"line":N,` (the keys of
// report_json(report) and the closing brace), append_json_line the whole line from those keys. A
// batch's worker writes the keys of the registers it analyzed, in parallel with the others, and
// the writer, which alone knows the line numbers, only puts them in front.
void append_report_json_keys(std::string& out, const Report& report);
void append_json_line(std::string& out, std::uint64_t line, std::string_view keys);

}  // namespace lfsr
