// Chains stitched into whole cycles, and the cycles found turned into a CycleStructure's histogram.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "engine/chunk_findings.hpp"
#include "lfsr/cycle_structure.hpp"

namespace lfsr {

// The cycles found, by length, before they become big integers.
struct FoundCycles {
  std::map<std::uint64_t, CycleTally> by_length;
  std::vector<ListedCycle> listed;  // with list_cycles only

  // A chunk's cycles closed inside it (its chains go to stitch_chains).
  void add_closed(const ChunkFindings& findings);
};

// Follows chain links start -> start until each cycle closes; every link must be used once (else
// InternalError). A cycle's smallest state is the least its chains report: the chain holding it
// reports it.
void stitch_chains(const std::vector<Chain>& chains, bool list_cycles, FoundCycles& found);

// Fills result.cycles, result.representatives (the smallest state per length) and
// result.cycle_list (sorted by smallest state) from `found`.
void add_found_cycles(FoundCycles& found, CycleStructure& result);

}  // namespace lfsr
