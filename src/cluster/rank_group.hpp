// The ranks of a cluster run, as the engine sees them: a fixed group of processes that exchange
// bytes and bitsets collectively. Open MPI implements it under mpirun; the engine needs no MPI.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lfsr {

class RankGroup {
 public:
  virtual ~RankGroup() = default;
  // This process's rank, 0 to size() - 1; rank 0 prints the result.
  virtual int rank() const = 0;
  virtual int size() const = 0;
  // Collective: every rank passes its bytes and receives every rank's, indexed by rank.
  virtual std::vector<std::string> all_gather(std::string_view bytes) = 0;
  // Collective: words[i] becomes the bitwise OR of words[i] over every rank.
  virtual void all_or(std::uint64_t* words, std::uint64_t count) = 0;
};

}  // namespace lfsr
