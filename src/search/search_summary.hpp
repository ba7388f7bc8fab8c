// The summary of a maximum-period search (--search-nlfsr --summary): made from what it found, and
// merged from the summaries of its --shard parts.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lfsr/feedback_family.hpp"
#include "lfsr/maximum_period_search.hpp"

namespace lfsr {

struct SearchSummary {
  std::string family;  // FeedbackFamily::name()
  int bits = 0;
  std::uint64_t candidates = 0;     // members of the family
  std::uint64_t searched = 0;       // members this run searched (a part's range, or all)
  std::uint64_t nonzero_cycle = 0;  // found with period 2^n - 1
  std::uint64_t de_bruijn = 0;      // found with period 2^n
  MaximumPeriodSearchCounts counts;
  std::string mode;
  int workers = 1;
  int ranks = 0;  // the MPI job's ranks when mode is "mpi"; 0 otherwise (no `ranks` key)
  double seconds = 0;
};

// The JSON object (docs/json.md): schema_version, version, search, bits, candidates, searched,
// maximum_period, nonzero_cycle, de_bruijn, short_cycle_rejects, walks, walk_steps, mode,
// workers, ranks (under mpirun), seconds.
nlohmann::ordered_json search_summary_json(const SearchSummary& summary);

// Whether a part's summary is a search's (it has the key "search").
bool is_search_summary(const nlohmann::ordered_json& summary);

// The whole search's summary from its parts' in order: counts added up, `shard` dropped, seconds
// summed, mode and workers the parts' when they agree, else "mixed" and the most workers. Throws
// InputError when a part lacks a key or the parts search different families or lengths.
nlohmann::ordered_json merge_search_summaries(const std::vector<const nlohmann::ordered_json*>& in_order);

}  // namespace lfsr
