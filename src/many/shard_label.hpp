// How a part of a sharded run names itself in its output: which part of which run, the lines it
// covers, and (at its end) what it wrote and how it exited, so that --merge can check the parts.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "many/shard.hpp"

namespace lfsr {

struct PartLabel {
  Shard shard;
  std::string run;               // run_identity of the whole run
  std::uint64_t first_line = 1;  // the part's lines of the whole run, from 1; first_line > last_line
  std::uint64_t last_line = 0;   // for an empty part
};

// How a part ended: what --merge needs to reproduce the whole run's exit code and failure message.
struct PartEnd {
  std::uint64_t lines = 0;                  // register and error lines written
  int exit_code = 0;                        // the part's: that of its first failed line, else 0
  std::vector<std::uint64_t> failed_lines;  // the first few failed lines (the stderr message names them)
};

// The first line of a sharded run's JSON Lines, without the newline:
// {"shard":{"index":I,"count":N,"run":"...","first_line":a,"last_line":b}}.
std::string part_header_line(const PartLabel& label);

// The last line: {"shard_end":{"index":I,"count":N,"run":"...","lines":L,"exit_code":c}}. A part
// without it was cut short.
std::string part_end_line(const PartLabel& label, const PartEnd& end);

// The key `shard` of a sharded run's summary: the label's keys, "exit_code" and "failed_lines".
nlohmann::ordered_json part_summary_json(const PartLabel& label, const PartEnd& end);

// The label in a header line's or a summary's `shard` object. Throws InputError naming the key
// that is missing or wrong.
PartLabel parse_part_label(const nlohmann::ordered_json& shard);

// "lines" (end line) or "failed_lines" (summary) and "exit_code", as present. Throws InputError.
PartEnd parse_part_end(const nlohmann::ordered_json& shard);

}  // namespace lfsr
