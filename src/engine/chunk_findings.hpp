// What a chunk of an enumeration job hands back: cycles closed inside it, and chains (walks from
// one distinguished point to the next) left for stitching.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lfsr/cycle_structure.hpp"
#include "runners/byte_io.hpp"

namespace lfsr {

// Stands for "no state compared yet": above every state index (at most 2^40).
inline constexpr std::uint64_t no_state = ~std::uint64_t{0};

// A walk that reached a DP claimed by another walk: first DP -> stopping DP, states in between.
struct Chain {
  std::uint64_t from;
  std::uint64_t to;
  std::uint64_t length;
  // The smallest of the chain's states that the walk compared: all of them, except in a word-level
  // walk, which compares only the states that can be their cycle's smallest (no_state if none).
  std::uint64_t smallest;
};

// The cycles of one length found in a chunk: how many, and the smallest state on any of them.
struct CycleTally {
  std::uint64_t count = 0;
  std::uint64_t smallest = no_state;

  void add(std::uint64_t cycles, std::uint64_t state) {
    count += cycles;
    smallest = std::min(smallest, state);
  }
};

// What one chunk found: cycles closed inside it and chains left for stitching.
struct ChunkFindings {
  std::map<std::uint64_t, CycleTally> cycles;  // by length
  std::vector<Chain> chains;
  std::vector<ListedCycle> listed;  // with list_cycles: each cycle closed inside the chunk

  std::string serialize() const {
    ByteWriter out;
    out.put(cycles.size());
    for (const auto& [length, tally] : cycles) out.put(length).put(tally);
    out.put(chains.size());
    for (const Chain& chain : chains) out.put(chain);
    out.put(listed.size());
    for (const ListedCycle& cycle : listed) out.put(cycle);
    return out.take();
  }
  static ChunkFindings deserialize(std::string_view bytes) {
    ByteReader in(bytes);
    ChunkFindings findings;
    for (auto n = in.get<std::size_t>(); n > 0; --n) {
      const auto length = in.get<std::uint64_t>();
      const auto tally = in.get<CycleTally>();
      findings.cycles[length].add(tally.count, tally.smallest);
    }
    for (auto n = in.get<std::size_t>(); n > 0; --n) findings.chains.push_back(in.get<Chain>());
    for (auto n = in.get<std::size_t>(); n > 0; --n) findings.listed.push_back(in.get<ListedCycle>());
    return findings;
  }
};

}  // namespace lfsr
