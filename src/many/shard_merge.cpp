// The checks --merge makes on a set of parts, and the combination of their summaries and ends.
#include "many/shard_merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "lfsr/error.hpp"
#include "many/scan.hpp"

namespace lfsr {

namespace {

// Missing parts named in messages; a run of 2^32 parts may miss billions.
constexpr std::size_t named_missing_parts = 10;

std::string missing_parts_text(const std::vector<std::uint64_t>& missing, std::uint64_t missing_count,
                               std::uint64_t count) {
  std::string listed;
  for (const std::uint64_t index : missing) listed += fmt::format("{}{}", listed.empty() ? "" : ", ", index);
  if (missing_count == 1) return fmt::format("part {} of {} is missing", listed, count);
  if (missing_count > missing.size()) listed += ", ...";
  return fmt::format("{} of the {} parts are missing: {}", missing_count, count, listed);
}

}  // namespace

std::vector<std::size_t> order_parts(const std::vector<ReadPart>& parts) {
  if (parts.empty()) throw InputError("--merge needs the files of the parts to merge");
  const ReadPart& first = parts.front();
  std::map<std::uint64_t, std::size_t> by_index;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const ReadPart& part = parts[i];
    if (part.label.run != first.label.run) {
      throw InputError(
          fmt::format("--merge: {} is a part of another run ({}) than {} ({}): the options or the "
                      "batch file differ",
                      part.file, part.label.run, first.file, first.label.run));
    }
    if (part.label.shard.count != first.label.shard.count) {
      throw InputError(
          fmt::format("--merge: {} is part {} of {}, but {} is part {} of {}: merge the parts of one "
                      "split",
                      part.file, part.label.shard.index, part.label.shard.count, first.file, first.label.shard.index,
                      first.label.shard.count));
    }
    const auto [found, added] = by_index.emplace(part.label.shard.index, i);
    if (!added) {
      throw InputError(fmt::format("--merge: {} and {} are both part {} of {}", parts[found->second].file, part.file,
                                   part.label.shard.index, part.label.shard.count));
    }
  }
  const std::uint64_t count = first.label.shard.count;
  if (by_index.size() != count) {
    std::vector<std::uint64_t> missing;
    std::uint64_t expected = 1;
    for (auto it = by_index.begin(); missing.size() < named_missing_parts && expected <= count; ++expected) {
      if (it != by_index.end() && it->first == expected) {
        ++it;
      } else {
        missing.push_back(expected);
      }
    }
    throw InputError("--merge: " + missing_parts_text(missing, count - by_index.size(), count));
  }
  std::vector<std::size_t> order;
  std::uint64_t next_line = 1;
  for (const auto& [index, i] : by_index) {
    const PartLabel& label = parts[i].label;
    // Parts of one run always tile its lines; anything else is a part edited by hand.
    if (label.first_line != next_line || label.last_line + 1 < label.first_line) {
      throw InputError(fmt::format("--merge: {} (part {} of {}) covers lines {} to {}, not from line {} on",
                                   parts[i].file, index, count, label.first_line, label.last_line, next_line));
    }
    next_line = label.last_line + 1;
    order.push_back(i);
  }
  return order;
}

PartEnd combine_ends(const std::vector<PartEnd>& in_order, std::size_t named) {
  PartEnd whole;
  for (const PartEnd& end : in_order) {
    whole.lines += end.lines;
    if (whole.exit_code == 0) whole.exit_code = end.exit_code;
    for (const std::uint64_t line : end.failed_lines)
      if (whole.failed_lines.size() < named) whole.failed_lines.push_back(line);
  }
  return whole;
}

nlohmann::ordered_json merge_summaries(const std::vector<const nlohmann::ordered_json*>& in_order) {
  const auto number = [](const nlohmann::ordered_json& summary, const char* key) {
    const auto found = summary.find(key);
    if (found == summary.end() || !found->is_number())
      throw InputError(fmt::format("the summary has no number \"{}\"", key));
    return *found;
  };
  CycleTypeSummary counts;
  std::uint64_t errors = 0;
  double seconds = 0;
  std::string mode;
  std::int64_t workers = 0;
  bool mixed = false;
  for (const nlohmann::ordered_json* part : in_order) {
    counts.add(CycleTypeSummary::from_json(*part));
    errors += number(*part, "errors").get<std::uint64_t>();
    seconds += number(*part, "seconds").get<double>();
    const auto part_mode = part->find("mode");
    if (part_mode == part->end() || !part_mode->is_string()) throw InputError("the summary has no string \"mode\"");
    const auto part_workers = number(*part, "workers").get<std::int64_t>();
    if (part == in_order.front()) mode = part_mode->get<std::string>();
    mixed = mixed || mode != part_mode->get<std::string>() || (workers != 0 && workers != part_workers);
    workers = std::max(workers, part_workers);
  }
  // The first part's object gives the keys in their order; those that differ are replaced in place.
  nlohmann::ordered_json whole = *in_order.front();
  whole.erase("shard");
  whole["mode"] = mixed ? "mixed" : mode;
  whole["workers"] = workers;
  whole.update(counts.json());
  whole["errors"] = errors;
  whole["seconds"] = std::round(seconds * 1e6) / 1e6;  // microseconds, as every report
  return whole;
}

}  // namespace lfsr
