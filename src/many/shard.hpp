// One of N contiguous parts of a run over many registers (--shard I/N), so that a scheduler without
// MPI can run the parts as separate jobs and their outputs, concatenated in order, are the whole run.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

namespace lfsr {

// Most parts a run may be split into: far beyond any job array, small enough that I and N stay exact.
inline constexpr std::uint64_t max_shard_count = std::uint64_t{1} << 32;

struct Shard {
  std::uint64_t index = 1;  // 1 <= index <= count
  std::uint64_t count = 1;

  // The positions [first, second) of this part among `size` in order: part I takes
  // floor(size (I-1) / N) up to floor(size I / N), so the parts are contiguous, cover every
  // position once and differ in length by at most one (a part may be empty when N > size).
  std::pair<std::uint64_t, std::uint64_t> range(std::uint64_t size) const;
};

// "I/N" with 1 <= I <= N <= max_shard_count, both plain decimal. Throws InputError naming what is wrong.
Shard parse_shard(const std::string& text);

}  // namespace lfsr
