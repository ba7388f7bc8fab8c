// The search summary's JSON, and its merge from the parts of a sharded search.
#include "search/search_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "lfsr/error.hpp"
#include "lfsr/report.hpp"
#include "lfsr/version.hpp"

namespace lfsr {

namespace {

constexpr const char* counted_keys[] = {
    "searched", "maximum_period", "nonzero_cycle", "de_bruijn", "short_cycle_rejects", "walks", "walk_steps"};

const nlohmann::ordered_json& key_of(const nlohmann::ordered_json& summary, const char* key, bool number) {
  const auto found = summary.find(key);
  if (found == summary.end() || found->is_number() != number)
    throw InputError(fmt::format("the search summary has no {} \"{}\"", number ? "number" : "string", key));
  return *found;
}

}  // namespace

nlohmann::ordered_json search_summary_json(const SearchSummary& summary) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  json["schema_version"] = json_schema_version;
  json["version"] = version();
  json["search"] = summary.family;
  json["bits"] = summary.bits;
  json["candidates"] = summary.candidates;
  json["searched"] = summary.searched;
  json["maximum_period"] = summary.nonzero_cycle + summary.de_bruijn;
  json["nonzero_cycle"] = summary.nonzero_cycle;
  json["de_bruijn"] = summary.de_bruijn;
  json["short_cycle_rejects"] = summary.counts.short_cycle_rejects;
  json["walks"] = summary.counts.walks;
  json["walk_steps"] = summary.counts.walk_steps;
  json["mode"] = summary.mode;
  json["workers"] = summary.workers;
  if (summary.ranks > 0) json["ranks"] = summary.ranks;
  json["seconds"] = std::round(summary.seconds * 1e6) / 1e6;
  return json;
}

bool is_search_summary(const nlohmann::ordered_json& summary) {
  return summary.is_object() && summary.contains("search");
}

nlohmann::ordered_json merge_search_summaries(const std::vector<const nlohmann::ordered_json*>& in_order) {
  if (in_order.empty()) throw InputError("no search summaries to merge");
  // The first part's object gives the keys in their order; those that add up are replaced in place.
  nlohmann::ordered_json whole = *in_order.front();
  whole.erase("shard");
  for (const char* key : counted_keys) whole[key] = std::uint64_t{0};
  double seconds = 0;
  bool mixed = false;
  for (const nlohmann::ordered_json* part : in_order) {
    for (const auto& [key, number] :
         {std::pair{"search", false}, std::pair{"bits", true}, std::pair{"candidates", true}})
      if (key_of(*part, key, number) != key_of(*in_order.front(), key, number))
        throw InputError(fmt::format("parts of different searches: their \"{}\" differs", key));
    for (const char* key : counted_keys)
      whole[key] = whole[key].get<std::uint64_t>() + key_of(*part, key, true).get<std::uint64_t>();
    seconds += key_of(*part, "seconds", true).get<double>();
    mixed = mixed || key_of(*part, "mode", false) != whole["mode"] ||
            key_of(*part, "workers", true) != key_of(*in_order.front(), "workers", true);
    whole["workers"] =
        std::max(whole["workers"].get<std::int64_t>(), key_of(*part, "workers", true).get<std::int64_t>());
  }
  if (mixed) whole["mode"] = "mixed";
  whole["seconds"] = std::round(seconds * 1e6) / 1e6;  // microseconds, as every report
  return whole;
}

}  // namespace lfsr
