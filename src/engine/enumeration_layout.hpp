// Where one enumeration keeps its shared state: sizes and offsets into the SharedArena.
#pragma once

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdint>

#include "engine/short_cycle_search.hpp"
#include "runners/shared_arena.hpp"

namespace lfsr {

// Counters every worker updates; lives in the shared arena so forked workers see it too.
struct SharedControl {
  std::atomic<std::uint64_t> accounted;  // states on cycles found so far (the count proof)
  std::atomic<std::uint64_t> scanned;    // start states the scan has passed (progress only)
  std::atomic<std::int64_t> long_walks;  // unmarked chain walks under way: the proof may still come
  std::uint64_t target;                  // states on cycles in all: the run is complete at target
  // Cycles without DPs of length <= short_cycle_search_limit, claimed by whoever counts them.
  std::uint64_t short_cycle_claims[short_cycle_claim_bits / 64];
};

// Plain data (no pointers), copied byte for byte into every worker's job spec.
struct EnumerationLayout {
  std::uint64_t states = 0;
  std::uint64_t chunk_states = 0;
  int block_bits = 0;           // marks are deferred per block of 2^block_bits states
  int dp_bits = 0;              // distinguished: the low dp_bits bits of the index are zero
  bool lazy_blocks = false;     // visited bits of a block are zeroed on its first use
  bool list_cycles = false;     // also report each cycle closed inside a chunk (ListedCycle)
  bool single_worker = false;   // one worker walks every chunk: a claim needs no atomic update
  std::size_t visited = 0;      // offset of the visited bitset (states bits)
  std::size_t claims = 0;       // offset of the distinguished-point claims (states >> dp_bits, + 1 bits)
  std::size_t block_ready = 0;  // offset of one std::atomic<std::uint32_t> per block: 0, 1 busy, 2 ready, 3 scanned
  std::size_t block_tally = 0;  // offset of one std::atomic<std::uint32_t> per block: chain states
  std::size_t control = 0;      // offset of the SharedControl
  std::size_t image_from = 0;   // singular maps: the current image set, and the next one
  std::size_t image_to = 0;

  std::uint64_t blocks() const { return ((states - 1) >> block_bits) + 1; }
  std::uint64_t chunks() const { return (states + chunk_states - 1) / chunk_states; }
};

// A bitset in shared memory. Marks are plain relaxed stores: a mark lost to a race only costs a
// redundant walk, never correctness. Claims and image bits use atomic read-modify-write.
class SharedBits {
 public:
  SharedBits() = default;
  explicit SharedBits(std::uint64_t* words) : words_(words) {}

  std::uint64_t* words() const { return words_; }
  bool test(std::uint64_t bit) const { return (load(bit >> 6) >> (bit & 63)) & 1U; }
  std::uint64_t load(std::uint64_t word) const { return std::atomic_ref(words_[word]).load(std::memory_order_relaxed); }
  void mark(std::uint64_t bit) const {
    std::atomic_ref word(words_[bit >> 6]);
    word.store(word.load(std::memory_order_relaxed) | (std::uint64_t{1} << (bit & 63)), std::memory_order_relaxed);
  }
  // Sets the bit without an atomic update, for a bitset no other worker writes; true when this
  // call set it.
  bool claim_alone(std::uint64_t bit) const {
    const std::uint64_t mask = std::uint64_t{1} << (bit & 63);
    std::atomic_ref word(words_[bit >> 6]);
    const std::uint64_t before = word.load(std::memory_order_relaxed);
    word.store(before | mask, std::memory_order_relaxed);
    return (before & mask) == 0;
  }
  // Sets the bit; true when this call set it (it was clear before).
  bool claim(std::uint64_t bit) const {
    const std::uint64_t mask = std::uint64_t{1} << (bit & 63);
    return (std::atomic_ref(words_[bit >> 6]).fetch_or(mask, std::memory_order_relaxed) & mask) == 0;
  }

 private:
  std::uint64_t* words_ = nullptr;
};

inline std::uint64_t words_for_bits(std::uint64_t bits) { return (bits + 63) / 64; }

// The bits of bitset word `word` that stand for states in [begin, end): none when the word lies
// wholly outside (a loop over pairs of words may reach one past either end).
inline std::uint64_t word_bits_in_range(std::uint64_t word, std::uint64_t begin, std::uint64_t end) {
  if (end <= word * 64 || begin >= word * 64 + 64) return 0;
  const std::uint64_t lo = std::max(begin, word * 64) - word * 64;
  const std::uint64_t hi = std::min(end, word * 64 + 64) - word * 64;
  return (hi == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << hi) - 1) & ~((std::uint64_t{1} << lo) - 1);
}

}  // namespace lfsr
