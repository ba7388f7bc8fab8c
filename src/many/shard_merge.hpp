// Combining the parts of a sharded run (--merge): checking that they are every part of one run
// once, and the whole run's summary and ending from theirs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "many/shard_label.hpp"

namespace lfsr {

// A part as read from its file: what it says it is, and how it ended.
struct ReadPart {
  std::string file;
  PartLabel label;
  PartEnd end;
};

// The parts' positions in `parts` in the order of their index, after checking that they are
// parts 1..N of one run, each once, and that each starts at the line after the one before it.
// Throws InputError naming the file whose run or N differs from the first file's, the two files
// of one part, or the missing parts.
std::vector<std::size_t> order_parts(const std::vector<ReadPart>& parts);

// How the whole run ended, from its parts' ends in order: the lines and failed lines add up, the
// exit code is the first part's that failed (that of the run's first failed line), and the failed
// lines named are the first `named` of all.
PartEnd combine_ends(const std::vector<PartEnd>& in_order, std::size_t named);

// The summary the whole run prints, from its parts' summaries in order: counts added up
// (CycleTypeSummary::add), the key `shard` dropped, `seconds` the sum of the parts' (the time the
// parts took one after another), `mode` and `workers` the parts' when they agree, else "mixed"
// and the most workers of any part. Throws InputError when a part lacks a key of the summary.
nlohmann::ordered_json merge_summaries(const std::vector<const nlohmann::ordered_json*>& in_order);

}  // namespace lfsr
