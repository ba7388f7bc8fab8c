// One register's report as a JSON line of a batch, written straight into a string.
#pragma once

#include <cstdint>
#include <string>

#include "lfsr/report.hpp"

namespace lfsr {

// Appends to `out` exactly what dump_json writes for {"line": line} followed by the keys of
// report_json(report), without building the JSON object: a batch writes a hundred thousand of
// these a second, and the object's allocations cost more than the analysis of a small register.
// No newline is appended.
void append_report_json_line(std::string& out, std::uint64_t line, const Report& report);

}  // namespace lfsr
