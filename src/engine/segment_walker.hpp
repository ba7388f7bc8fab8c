// The chunk job of enumeration by segments: from each segment point of a chunk, the walk to the
// next segment point. It keeps no marks, claims or shared counters, so its chunks can run on
// machines that share no memory (cluster ranks) as well as on threads or forked workers.
//
// A segment point is a state whose low `segment_bits` index bits are zero. Every cyclic segment
// point starts exactly one walk, which stops at the first segment point after it; in a permutation
// of the cyclic states that point is the start of another walk, so the segments of a cycle link
// start -> start and stitch into the whole cycle (stitch_chains), each state walked exactly once.
// A walk that comes back to its own start before any other segment point has gone round a cycle
// holding one segment point, and is a cycle at once. Cycles holding no segment point are not
// walked at all: the driver sees them as a shortfall of the count proof (enumerate_by_segments.cpp).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/chunk_findings.hpp"
#include "engine/short_cycles.hpp"
#include "lfsr/runner.hpp"

namespace lfsr {

// Plain data copied byte for byte into the job spec (followed by the map and the cyclic points).
struct SegmentPlan {
  std::uint64_t states = 0;
  std::uint64_t points = 0;            // segment points: the indexes i << segment_bits below states
  std::uint64_t points_per_chunk = 0;  // chunk c walks from points [c * points_per_chunk, ...)
  int segment_bits = 0;
  bool list_cycles = false;  // also report each one-point cycle (ListedCycle)
  bool all_cyclic = true;    // invertible map: no bitset of cyclic segment points follows

  std::uint64_t chunks() const { return (points + points_per_chunk - 1) / points_per_chunk; }
};

template <class Stepper>
class SegmentWalker final : public ChunkWorker {
 public:
  // `cyclic_points`: bit i set when segment point i is cyclic (ignored when plan.all_cyclic).
  SegmentWalker(const Stepper& stepper, const SegmentPlan& plan,
                std::shared_ptr<const std::vector<std::uint64_t>> cyclic_points)
      : stepper_(stepper),
        plan_(plan),
        cyclic_points_(std::move(cyclic_points)),
        segment_mask_((std::uint64_t{1} << plan.segment_bits) - 1),
        byte_filter_(plan.segment_bits >= 15),
        ignored_high_bytes_(ignored_high_bytes(plan.segment_bits)) {}

  std::string run_chunk(std::uint64_t chunk) override {
    findings_ = {};
    const std::uint64_t begin = chunk * plan_.points_per_chunk;
    const std::uint64_t end = std::min(plan_.points, begin + plan_.points_per_chunk);
    if constexpr (by_words) {
      // The word-level walk needs every window it tests inside 128 sequence bits (n >= bits) and
      // compares the windows k = n - bits states before a segment point (k >= 1).
      if (stepper_.bits() > plan_.segment_bits) {
        walk_by_words(begin, end);
        return findings_.serialize();
      }
    }
    walk_in_lanes(begin, end);
    return findings_.serialize();
  }

 private:
  static constexpr bool by_words = requires(const Stepper& stepper) { stepper.next_output_word(std::uint64_t{0}); };
  static constexpr std::size_t walk_lanes = 8;
  static constexpr bool interleaves = requires(const Stepper& stepper, std::array<std::uint64_t, walk_lanes>& states) {
    stepper.next_lanes(states);
  };

  bool cyclic(std::uint64_t point) const {
    return plan_.all_cyclic || (((*cyclic_points_)[point >> 6] >> (point & 63)) & 1U) != 0;
  }
  bool is_segment_point(std::uint64_t state) const { return (state & segment_mask_) == 0; }

  void record(std::uint64_t from, std::uint64_t to, std::uint64_t length, std::uint64_t smallest) {
    if (to != from) {
      findings_.chains.push_back({from, to, length, smallest});
      return;
    }
    findings_.cycles[length].add(1, smallest);
    if (plan_.list_cycles) findings_.listed.push_back({smallest, length});
  }

  // Fibonacci GF(2), 64 states per round of table lookups (as walk_unmarked_by_words in
  // cycle_walker.hpp): the states are the n-bit windows of the output sequence, and the first
  // segment point among the next 64 is the first run of segment_bits zero bits. A round's lookups
  // depend on the previous round's, so word_lanes walks go side by side, one round each in turn,
  // free to overlap (on the 2-core test machine 1, 2 and 4 walks measured alike: the out-of-order
  // core already hides most of the latency).
  //
  // The smallest state: a cycle with a segment point has its smallest state s below 2^k,
  // k = n - segment_bits (the window k states before any segment point is), so the state k steps
  // after s is a segment point, and s lies among the last k states of the segment that holds it.
  // Each segment thus compares its last min(k, length) windows only, read at its end from the 64
  // sequence bits behind the end state.
  struct WordWalk {
    std::uint64_t start = 0;
    std::uint64_t state = 0;
    std::uint64_t behind = 0;  // bit 63 is the sequence bit just before `state`; valid for `steps` bits
    std::uint64_t steps = 0;
  };
  static constexpr std::size_t word_lanes = 2;

  void walk_by_words(std::uint64_t begin, std::uint64_t end) {
    std::array<WordWalk, word_lanes> walks{};
    std::array<bool, word_lanes> busy{};
    std::uint64_t next_point = begin;
    const auto refill = [&](std::size_t lane) {
      for (; next_point < end; ++next_point) {
        if (!cyclic(next_point)) continue;
        const std::uint64_t start = next_point++ << plan_.segment_bits;
        walks[lane] = {start, start, 0, 0};
        return true;
      }
      return false;
    };
    std::size_t active = 0;
    for (std::size_t lane = 0; lane < word_lanes; ++lane) active += (busy[lane] = refill(lane)) ? 1 : 0;
    const int n = stepper_.bits();
    const std::uint64_t state_mask = n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
    while (active > 0) {
      for (std::size_t lane = 0; lane < word_lanes; ++lane) {
        if (!busy[lane]) continue;
        if (!word_round(walks[lane], n, state_mask)) continue;
        finish_word_walk(walks[lane], n, state_mask);
        if (!(busy[lane] = refill(lane))) --active;
      }
    }
  }

  // One round of 64 states; true when the walk reached a segment point (then walk.state).
  bool word_round(WordWalk& walk, int n, std::uint64_t state_mask) const {
    const Bits128 sequence = walk.state | static_cast<Bits128>(stepper_.next_output_word(walk.state)) << n;
    if (byte_filter_) {
      // A run of segment_bits >= 15 zeros holds an aligned zero byte: without one among the bits a
      // run starting at 1..64 can cover, the round has no segment point (most rounds, cheaply).
      const auto low = static_cast<std::uint64_t>(sequence);
      const auto high = static_cast<std::uint64_t>(sequence >> 64) | ignored_high_bytes_;
      if (!has_zero_byte(low) && !has_zero_byte(high)) [[likely]] {
        walk.behind = low;
        walk.state = static_cast<std::uint64_t>(sequence >> 64) & state_mask;
        walk.steps += 64;
        return false;
      }
    }
    // Bit j: the (j+1)-th successor starts with segment_bits zeros.
    const auto points = static_cast<std::uint64_t>(zero_run_starts(~sequence, plan_.segment_bits) >> 1);
    if (points == 0) [[likely]] {
      walk.behind = static_cast<std::uint64_t>(sequence);
      walk.state = static_cast<std::uint64_t>(sequence >> 64) & state_mask;
      walk.steps += 64;
      return false;
    }
    const int taken = std::countr_zero(points) + 1;
    walk.behind = taken == 64 ? static_cast<std::uint64_t>(sequence)
                              : (walk.behind >> taken) | (static_cast<std::uint64_t>(sequence) << (64 - taken));
    walk.steps += static_cast<std::uint64_t>(taken);
    walk.state = static_cast<std::uint64_t>(sequence >> taken) & state_mask;
    return true;
  }

  void finish_word_walk(const WordWalk& walk, int n, std::uint64_t state_mask) {
    const auto k = static_cast<std::uint64_t>(n - plan_.segment_bits);
    const Bits128 tail = walk.behind | static_cast<Bits128>(walk.state) << 64;
    std::uint64_t smallest = no_state;
    for (std::uint64_t back = 1; back <= std::min(k, walk.steps); ++back)
      smallest = std::min(smallest, static_cast<std::uint64_t>(tail >> (64 - back)) & state_mask);
    record(walk.start, walk.state, walk.steps, smallest);
  }

  // Any kernel: several segments walked at once, one per lane, so that the steps' latencies
  // overlap (next_lanes where the kernel has it, independent next() calls otherwise). A lane that
  // reaches a segment point reports its segment and takes the chunk's next cyclic segment point.
  // Every state walked is compared for the smallest.
  void walk_in_lanes(std::uint64_t begin, std::uint64_t end) {
    std::array<std::uint64_t, walk_lanes> state{};
    std::array<std::uint64_t, walk_lanes> start{};
    std::array<std::uint64_t, walk_lanes> least{};
    std::array<std::uint64_t, walk_lanes> origin{};
    std::array<bool, walk_lanes> busy{};
    std::uint64_t round = 0;
    std::uint64_t next_point = begin;
    const auto refill = [&](std::size_t lane) {
      for (; next_point < end; ++next_point) {
        if (!cyclic(next_point)) continue;
        start[lane] = state[lane] = next_point++ << plan_.segment_bits;
        least[lane] = no_state;
        origin[lane] = round;
        return true;
      }
      return false;
    };
    std::size_t active = 0;
    for (std::size_t lane = 0; lane < walk_lanes; ++lane) active += (busy[lane] = refill(lane)) ? 1 : 0;
    while (active > 1 || (active == 1 && next_point < end)) {
      for (std::size_t lane = 0; lane < walk_lanes; ++lane) least[lane] = std::min(least[lane], state[lane]);
      if constexpr (interleaves) {
        stepper_.next_lanes(state);
      } else {
        for (std::size_t lane = 0; lane < walk_lanes; ++lane) state[lane] = stepper_.next(state[lane]);
      }
      ++round;
      bool reached = false;
      for (std::size_t lane = 0; lane < walk_lanes; ++lane) reached |= busy[lane] && is_segment_point(state[lane]);
      if (!reached) continue;
      for (std::size_t lane = 0; lane < walk_lanes; ++lane) {
        if (!busy[lane] || !is_segment_point(state[lane])) continue;
        record(start[lane], state[lane], round - origin[lane], least[lane]);
        if (!(busy[lane] = refill(lane))) --active;
      }
    }
    // The last walk alone: stepping idle lanes beside it would only cost.
    for (std::size_t lane = 0; lane < walk_lanes; ++lane) {
      if (!busy[lane]) continue;
      std::uint64_t s = state[lane];
      std::uint64_t smallest = least[lane];
      std::uint64_t length = round - origin[lane];
      do {
        smallest = std::min(smallest, s);
        s = stepper_.next(s);
        ++length;
      } while (!is_segment_point(s));
      record(start[lane], s, length, smallest);
    }
  }

  static bool has_zero_byte(std::uint64_t word) {
    return ((word - 0x0101010101010101) & ~word & 0x8080808080808080) != 0;
  }
  // The high word's bytes that lie wholly inside a run of segment_bits starting at bit 1..64:
  // those below bit 63 + segment_bits. The others are set, so they never pass for zero bytes.
  static std::uint64_t ignored_high_bytes(int segment_bits) {
    const int bytes = segment_bits / 8;
    return bytes >= 8 ? 0 : ~std::uint64_t{0} << (8 * bytes);
  }

  Stepper stepper_;
  SegmentPlan plan_;
  std::shared_ptr<const std::vector<std::uint64_t>> cyclic_points_;
  std::uint64_t segment_mask_;
  bool byte_filter_;
  std::uint64_t ignored_high_bytes_;
  ChunkFindings findings_;
};

}  // namespace lfsr
