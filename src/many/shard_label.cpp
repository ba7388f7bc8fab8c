// Writing and reading the header and end lines of a part, and the `shard` key of its summary.
#include "many/shard_label.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "lfsr/error.hpp"
#include "lfsr/report.hpp"

namespace lfsr {

namespace {

nlohmann::ordered_json label_json(const PartLabel& label) {
  return {{"index", label.shard.index}, {"count", label.shard.count}, {"run", label.run}};
}

std::uint64_t whole_number(const nlohmann::ordered_json& object, const char* key, std::uint64_t max) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_number_unsigned() || found->get<std::uint64_t>() > max)
    throw InputError(fmt::format("its \"shard\" key has no whole number \"{}\"", key));
  return found->get<std::uint64_t>();
}

}  // namespace

std::string part_header_line(const PartLabel& label) {
  nlohmann::ordered_json shard = label_json(label);
  shard["first_line"] = label.first_line;
  shard["last_line"] = label.last_line;
  return dump_json(nlohmann::ordered_json{{"shard", std::move(shard)}});
}

std::string part_end_line(const PartLabel& label, const PartEnd& end) {
  nlohmann::ordered_json shard = label_json(label);
  shard["lines"] = end.lines;
  shard["exit_code"] = end.exit_code;
  return dump_json(nlohmann::ordered_json{{"shard_end", std::move(shard)}});
}

nlohmann::ordered_json part_summary_json(const PartLabel& label, const PartEnd& end) {
  nlohmann::ordered_json shard = label_json(label);
  shard["first_line"] = label.first_line;
  shard["last_line"] = label.last_line;
  shard["exit_code"] = end.exit_code;
  shard["failed_lines"] = end.failed_lines;
  return shard;
}

PartLabel parse_part_label(const nlohmann::ordered_json& shard) {
  if (!shard.is_object()) throw InputError("its \"shard\" key is not an object");
  PartLabel label;
  label.shard.count = whole_number(shard, "count", max_shard_count);
  label.shard.index = whole_number(shard, "index", label.shard.count);
  if (label.shard.index < 1 || label.shard.count < 1)
    throw InputError("its \"shard\" key has no part 1 <= index <= count");
  const auto run = shard.find("run");
  if (run == shard.end() || !run->is_string() || run->get<std::string>().size() != 16 ||
      run->get<std::string>().find_first_not_of("0123456789abcdef") != std::string::npos)
    throw InputError("its \"shard\" key has no \"run\" of 16 hexadecimal digits");
  label.run = run->get<std::string>();
  if (shard.contains("first_line")) {
    constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    label.first_line = whole_number(shard, "first_line", max);
    label.last_line = whole_number(shard, "last_line", max);
  }
  return label;
}

PartEnd parse_part_end(const nlohmann::ordered_json& shard) {
  PartEnd end;
  if (shard.contains("lines")) end.lines = whole_number(shard, "lines", std::numeric_limits<std::uint64_t>::max());
  end.exit_code = static_cast<int>(whole_number(shard, "exit_code", 255));
  if (shard.contains("failed_lines")) {
    const auto& failed = shard["failed_lines"];
    if (!failed.is_array() ||
        !std::all_of(failed.begin(), failed.end(), [](const auto& line) { return line.is_number_unsigned(); }))
      throw InputError("its \"shard\" key has no list of line numbers \"failed_lines\"");
    for (const auto& line : failed) end.failed_lines.push_back(line.get<std::uint64_t>());
  }
  return end;
}

}  // namespace lfsr
