// Chains stitched into whole cycles: shared by the claim-based engine and the segment enumeration.
#include "engine/stitch_chains.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "lfsr/error.hpp"

namespace lfsr {

namespace {

mpz_class big(std::uint64_t value) { return mpz_class(std::to_string(value)); }

}  // namespace

void FoundCycles::add_closed(const ChunkFindings& findings) {
  for (const auto& [length, tally] : findings.cycles) by_length[length].add(tally.count, tally.smallest);
  listed.insert(listed.end(), findings.listed.begin(), findings.listed.end());
}

void stitch_chains(const std::vector<Chain>& chains, bool list_cycles, FoundCycles& found) {
  std::unordered_map<std::uint64_t, const Chain*> by_start;
  for (const Chain& chain : chains)
    if (!by_start.emplace(chain.from, &chain).second)
      throw InternalError(fmt::format("two chains start at state {}", chain.from));
  std::unordered_map<std::uint64_t, bool> used;
  for (const Chain& chain : chains) {
    if (used[chain.from]) continue;
    std::uint64_t length = 0;  // at most the number of states, below 2^41
    std::uint64_t smallest = no_state;
    for (const Chain* link = &chain; !used[link->from];) {
      used[link->from] = true;
      length += link->length;
      smallest = std::min(smallest, link->smallest);
      const auto next = by_start.find(link->to);
      if (next == by_start.end()) throw InternalError(fmt::format("chain ends at unclaimed state {}", link->to));
      link = next->second;
    }
    if (smallest == no_state)
      throw InternalError(fmt::format("no smallest state on the cycle of state {}", chain.from));
    found.by_length[length].add(1, smallest);
    if (list_cycles) found.listed.push_back({smallest, length});
  }
}

void add_found_cycles(FoundCycles& found, CycleStructure& result) {
  for (const auto& [length, tally] : found.by_length) {
    result.add_cycles(big(length), big(tally.count));
    result.representatives[big(length)] = CycleRepresentative{big(tally.smallest), {}};
  }
  std::sort(found.listed.begin(), found.listed.end());
  result.cycle_list = std::move(found.listed);
}

}  // namespace lfsr
