// The chunk job of enumeration: scan a range of start states and walk the cycles they lie on.
//
// Correctness never depends on the visited marks; they only prune start states:
// - A distinguished point (DP) is claimed by exactly one walker (atomic test-and-set). The claimer
//   walks the segment to the next DP and tries to claim that one too; a chain of segments ends at
//   a DP claimed before. In a permutation that DP is the first of another chain (its predecessor
//   DP is ours), so chains link start -> start and stitch into whole cycles at the end.
// - A cycle without DPs is counted only by the walk that starts at its smallest state, and that
//   state is never marked, so the scan always reaches it (walk_from).
// - `accounted` sums the lengths of completed chains and counted cycles. They are disjoint, so
//   when it reaches the number of cyclic states every cycle has been found (the count proof) and
//   the scan stops: a maximal-length register needs one walk, marked only for its first states.
// - Chain states are also tallied per block. A block whose tally is full holds only states of
//   accounted chains and is skipped whole, so the long walks of (x+1)*primitive need no marks there.
// - Every cycle's smallest state comes for free: a cycle without DPs is counted from its smallest
//   state, and a chain keeps the smallest state it walked (see walk_unmarked_by_words for the one
//   place that compares only some states), so a stitched cycle's is the least over its chains.
#pragma once

#include <sched.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/chunk_findings.hpp"
#include "engine/enumeration_layout.hpp"
#include "engine/short_cycle_search.hpp"
#include "engine/short_cycles.hpp"
#include "lfsr/cycle_structure.hpp"
#include "lfsr/runner.hpp"
#include "runners/byte_io.hpp"

namespace lfsr {

// Marks a worker may defer per block: lists long enough that applying one touches each cache line
// of the block's bitset several times, within about 256 MiB per worker.
inline std::uint32_t pending_marks_per_block(const EnumerationLayout& layout) {
  const std::uint64_t budget = (std::uint64_t{256} << 20) / sizeof(std::uint32_t) / layout.blocks();
  return static_cast<std::uint32_t>(
      std::clamp<std::uint64_t>(budget, 256, (std::uint64_t{1} << layout.block_bits) / 8));
}

template <class Stepper>
class CycleWalker final : public ChunkWorker {
 public:
  CycleWalker(const Stepper& stepper, const EnumerationLayout& layout)
      : stepper_(stepper),
        layout_(layout),
        visited_(SharedArena::instance().at<std::uint64_t>(layout.visited)),
        claims_(SharedArena::instance().at<std::uint64_t>(layout.claims)),
        block_ready_(SharedArena::instance().at<std::atomic<std::uint32_t>>(layout.block_ready)),
        block_tally_(SharedArena::instance().at<std::atomic<std::uint32_t>>(layout.block_tally)),
        control_(*SharedArena::instance().at<SharedControl>(layout.control)),
        dp_mask_((std::uint64_t{1} << layout.dp_bits) - 1),
        block_mask_((std::uint64_t{1} << layout.block_bits) - 1),
        pending_capacity_(layout.blocks() == 1 ? 0 : pending_marks_per_block(layout)),
        pending_(new std::uint32_t[layout.blocks() * pending_capacity_]),  // untouched until used
        pending_count_(layout.blocks()),
        local_tally_(layout.blocks()),
        new_top_bits_(new_top_bits(stepper)),
        claimed_cycle_length_(searches_short_cycles() ? short_cycle_search_limit : 0),
        short_cycle_scan_(scan_bits(stepper)),
        low_bits_outputs_(low_bits_outputs(stepper)) {}

  std::string run_chunk(std::uint64_t chunk) override {
    findings_ = {};
    const std::uint64_t begin = chunk * layout_.chunk_states;
    const std::uint64_t end = std::min(layout_.states, begin + layout_.chunk_states);
    for (std::uint64_t block = begin >> layout_.block_bits; !finished() && block <= (end - 1) >> layout_.block_bits;
         ++block) {
      const std::uint64_t first = std::max(begin, block << layout_.block_bits);
      const std::uint64_t last = std::min(end, (block + 1) << layout_.block_bits);
      scan_block(block, first, last);
      // Marks for a block whose every start has been tried are useless from now on.
      if (first == block << layout_.block_bits && last == std::min(layout_.states, (block + 1) << layout_.block_bits))
        block_ready_[block].store(block_scanned_state, std::memory_order_relaxed);
      control_.scanned.fetch_add(last - first, std::memory_order_relaxed);
    }
    scan_block_ = no_block;
    publish();
    // Pass our deferred marks on to the workers scanning those blocks, unless the run is complete.
    if (!finished())
      for (std::uint64_t block = 0; block < pending_count_.size(); ++block) flush_block(block);
    for (std::uint64_t length = 1; length < short_cycle_limit; ++length)
      if (short_cycles_[length].count != 0) {
        const CycleTally tally = std::exchange(short_cycles_[length], {});
        findings_.cycles[length].add(tally.count, tally.smallest);
      }
    return findings_.serialize();
  }

 private:
  static constexpr std::uint64_t no_block = ~std::uint64_t{0};
  // States of a block's entry in block_ready: 0 untouched, 1 being zeroed, then these.
  static constexpr std::uint32_t block_ready_state = 2;
  static constexpr std::uint32_t block_scanned_state = 3;
  // A chain marks its first states as it goes; the rest of a longer chain is remembered and marked
  // only if the count proof fails (a maximal-length cycle is marked for these states alone).
  static constexpr std::uint64_t mark_budget = 1 << 12;
  // After this many fruitless starts in a row, with no long walk under way, the unmarked long
  // walks are marked after all.
  static constexpr int failures_before_marking = 64;
  static constexpr std::uint64_t publish_batch = 1 << 16;
  static constexpr std::uint64_t short_cycle_limit = 256;

  // The part of one of our accounted chains that was neither marked nor tallied.
  struct UnmarkedWalk {
    std::uint64_t start;
    std::uint64_t length;
  };

  // Our own unpublished count included: a lone worker sees the proof complete at once.
  bool finished() const { return control_.accounted.load(std::memory_order_relaxed) + unpublished_ >= control_.target; }

  // Adds to `accounted` in batches: a locked add per short cycle would cost more than its walk.
  void account(std::uint64_t states) {
    unpublished_ += states;
    if (unpublished_ >= publish_batch) publish();
  }
  void publish() {
    control_.accounted.fetch_add(unpublished_, std::memory_order_relaxed);
    unpublished_ = 0;
    if (!tallied_) return;
    for (std::uint64_t block = 0; block < local_tally_.size(); ++block)
      if (local_tally_[block] != 0)
        block_tally_[block].fetch_add(std::exchange(local_tally_[block], 0), std::memory_order_relaxed);
    tallied_ = false;
  }
  // Every state of the block lies on a chain already accounted: nothing in it can start a new cycle.
  bool block_full(std::uint64_t block) const {
    const std::uint64_t first = block << layout_.block_bits;
    return block_tally_[block].load(std::memory_order_relaxed) == std::min(layout_.states - first, block_mask_ + 1);
  }
  void tally(std::uint64_t state) { ++local_tally_[state >> layout_.block_bits]; }
  void record_cycle(std::uint64_t length, std::uint64_t smallest) {
    // A cycle without DPs short enough for the short-cycle search may be found by it too, out of
    // scan order: whoever claims the cycle first counts it. (A cycle with DPs is recorded once by
    // its claims anyway, so its claim here always succeeds; the check stays out of the walks' loops.)
    if (length <= claimed_cycle_length_ &&
        !SharedBits(control_.short_cycle_claims).claim(short_cycle_claim_index(length, smallest)))
      return;
    if (length < short_cycle_limit)
      short_cycles_[length].add(1, smallest);
    else
      findings_.cycles[length].add(1, smallest);
    if (layout_.list_cycles) findings_.listed.push_back({smallest, length});
    account(length);
  }
  bool is_distinguished(std::uint64_t state) const { return (state & dp_mask_) == 0; }
  // One worker alone needs no atomic claim: an atomic update costs as much as several steps, and a
  // feedback register claims one state in 8.
  bool claim(std::uint64_t dp) const {
    return layout_.single_worker ? claims_.claim_alone(dp >> layout_.dp_bits) : claims_.claim(dp >> layout_.dp_bits);
  }

  void ensure_ready(std::uint64_t block) {
    if (!layout_.lazy_blocks) return;
    std::atomic<std::uint32_t>& ready = block_ready_[block];
    if (ready.load(std::memory_order_acquire) >= block_ready_state) return;
    std::uint32_t expected = 0;
    if (ready.compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) {
      const std::uint64_t first = block << layout_.block_bits;
      const std::uint64_t last = std::min(layout_.states, first + block_mask_ + 1);
      std::memset(visited_.words() + first / 64, 0, words_for_bits(last - first) * 8);
      ready.store(block_ready_state, std::memory_order_release);
      return;
    }
    while (ready.load(std::memory_order_acquire) < block_ready_state) sched_yield();
  }

  bool block_scanned(std::uint64_t block) const {
    return block_ready_[block].load(std::memory_order_relaxed) == block_scanned_state;
  }

  void flush_block(std::uint64_t block) {
    std::uint32_t& count = pending_count_[block];
    if (count == 0) return;
    if (block_scanned(block)) {  // no start state of it is left to prune
      count = 0;
      return;
    }
    ensure_ready(block);
    const std::uint64_t base = block << layout_.block_bits;
    const std::uint32_t* offsets = &pending_[block * pending_capacity_];
    // Applied in one go, so the block's part of the bitset is fetched into cache once per list.
    for (std::uint32_t i = 0; i < count; ++i) visited_.mark(base + offsets[i]);
    count = 0;
  }

  void mark(std::uint64_t state) {
    const std::uint64_t block = state >> layout_.block_bits;
    if (block == scan_block_ || pending_capacity_ == 0) {
      visited_.mark(state);
      return;
    }
    if (block_scanned(block)) return;
    std::uint32_t& count = pending_count_[block];
    pending_[block * pending_capacity_ + count] = static_cast<std::uint32_t>(state & block_mask_);
    if (++count == pending_capacity_) flush_block(block);
  }

  void scan_block(std::uint64_t block, std::uint64_t begin, std::uint64_t end) {
    publish();
    if (block_full(block)) return;
    ensure_ready(block);
    flush_block(block);
    scan_block_ = block;
    for (std::uint64_t word = begin / 64; word <= (end - 1) / 64; ++word) {
      const std::uint64_t range = word_bits_in_range(word, begin, end);
      std::uint64_t tried = ~start_candidates(word);
      // Re-read the word after every walk: the walk may have marked states of this word.
      for (std::uint64_t open; (open = ~visited_.load(word) & range & ~tried) != 0;) {
        if (finished()) return;
        const std::uint64_t bit = open & (0 - open);
        tried |= bit;
        walk_from(word * 64 + static_cast<std::uint64_t>(std::countr_zero(bit)));
      }
    }
  }

  // Fibonacci GF(2): the kernel gives 64 sequence bits at once, and the walks and the scan work a
  // word of states at a time.
  static constexpr bool by_words = requires(const Stepper& stepper) { stepper.next_output_word(std::uint64_t{0}); };

  // The states of scan word `word` that may be their cycle's smallest. A state whose successor is
  // below it never is, and it needs no walk: the walk from its cycle's smallest state finds the
  // cycle (a cycle with DPs too, whose chains that walk starts). For Fibonacci GF(2) the successor
  // of s is s >> 1 with the new top bit on top, below s exactly when that bit is 0 (and s > 0);
  // the bit is linear in s, so the word's 64 new bits are those of its first state XOR a fixed word.
  std::uint64_t start_candidates(std::uint64_t word) const {
    if constexpr (by_words) {
      const int top = stepper_.bits() - 1;
      const std::uint64_t first_bit = (stepper_.next(word * 64) >> top) & 1U;
      const std::uint64_t candidates = (new_top_bits_ ^ (0 - first_bit)) | static_cast<std::uint64_t>(word == 0);
      // And by their own bits (short_cycles.hpp): a zero run longer than the leading one.
      return word == 0 ? candidates : candidates & short_cycle_scan_.candidates(word);
    }
    return ~std::uint64_t{0};
  }
  // Bit i: the new top bit of state i's successor (i < 64), for start_candidates.
  static ShortCycleScan scan_bits(const Stepper& stepper) {
    if constexpr (by_words) return ShortCycleScan(stepper.bits());
    return ShortCycleScan(0);
  }
  // [i]: the output word of state i < 64, for settled_without_walk.
  static std::array<std::uint64_t, 64> low_bits_outputs(const Stepper& stepper) {
    std::array<std::uint64_t, 64> outputs{};
    if constexpr (by_words)
      for (std::uint64_t i = 0; i < 64; ++i) outputs[i] = stepper.next_output_word(i);
    return outputs;
  }
  static std::uint64_t new_top_bits(const Stepper& stepper) {
    std::uint64_t bits = 0;
    if constexpr (by_words) {
      const int top = stepper.bits() - 1;
      for (std::uint64_t i = 0; i < 64; ++i) bits |= ((stepper.next(i) >> top) & 1U) << i;
    }
    return bits;
  }

  // Fibonacci GF(2), whose states are n-bit windows of the output sequence: the sequence from
  // `state`'s first bit, the state itself, then the 64 bits that follow it. n = stepper_.bits(),
  // read once by the caller: in a walk's loop the compiler cannot keep the member in a register.
  Bits128 output_sequence(std::uint64_t state, int n) const {
    return state | static_cast<Bits128>(stepper_.next_output_word(state)) << n;
  }
  // The n low bits of a shifted sequence: the window there, a state.
  std::uint64_t window_mask() const {
    const int n = stepper_.bits();
    return n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
  }
  // Bit j: the (j+1)-th successor in `sequence` starts with dp_bits zeros, i.e. is distinguished.
  std::uint64_t distinguished_successors(Bits128 sequence) const {
    // Bit j of runs: bits j .. j+width-1 of the sequence are zero; widths double up to dp_bits.
    Bits128 runs = ~sequence;
    int width = 1;
    for (; 2 * width <= layout_.dp_bits; width *= 2) runs &= runs >> width;
    if (width < layout_.dp_bits) runs &= runs >> (layout_.dp_bits - width);
    return static_cast<std::uint64_t>(runs >> 1);
  }

  void walk_from(std::uint64_t start) {
    if constexpr (by_words) {
      if (settled_without_walk(start)) return;
    }
    if (is_distinguished(start)) {
      note_attempt(walk_chain(start));
      return;
    }
    if constexpr (by_words) {
      if (stepper_.bits() >= layout_.dp_bits) {
        walk_from_by_words(start);
        return;
      }
    }
    // Walk to the first DP; back at `start` first means a cycle without DPs. Every state is marked
    // as the walk goes except the smallest seen so far, so the smallest state of a cycle without
    // DPs is never marked: the scan reaches it, and only the walk from it counts the cycle.
    std::uint64_t state = start;
    std::uint64_t smallest = start;
    std::uint64_t steps = 0;
    for (;;) {
      state = stepper_.next(state);
      ++steps;
      if (state == start) {
        if (smallest == start) record_cycle(steps, start);
        return;
      }
      if (is_distinguished(state)) break;
      if (state < smallest) {
        mark(smallest);
        smallest = state;
      } else {
        mark(state);
      }
    }
    // The prefix lies on a cycle with DPs: whoever claims the DP before `state` covers it.
    mark(smallest);
    note_attempt(walk_chain(state));
  }

  // Fibonacci GF(2): the start judged from its bits and the 64 output bits after it (short_cycles.hpp).
  // True when that settles it: it is not its cycle's smallest state, or it is and the cycle closes
  // within 64 steps (counted here). Every state of a cycle that short is settled so, so no walk or
  // claim ever touches the cycle, and none of its states is marked. Registers with very many short
  // cycles (x^n+1) spend their time here.
  bool settled_without_walk(std::uint64_t start) {
    const int n = stepper_.bits();
    // The output word is linear in the state: that of the scan word's first state (kept while the
    // scan stays in the word) XOR that of the low 6 bits, one lookup instead of one per byte.
    if (start >> 6 != output_word_of_) {
      output_word_of_ = start >> 6;
      scan_word_output_ = stepper_.next_output_word(start & ~std::uint64_t{63});
    }
    const std::uint64_t output = scan_word_output_ ^ low_bits_outputs_[start & 63];
    const ShortCycleVerdict verdict = judge_start(start | static_cast<Bits128>(output) << n, start, n);
    switch (verdict.kind) {
      case ShortCycleVerdict::Kind::not_smallest:
        return true;
      case ShortCycleVerdict::Kind::smallest_of_short_cycle:
        record_cycle(verdict.length, start);
        return true;
      case ShortCycleVerdict::Kind::undecided:
        return false;
    }
    return false;
  }

  // walk_from for Fibonacci GF(2), 64 states per output word: the states are windows of the
  // sequence, taken by shifts rather than by a chain of dependent steps, and the first DP among the
  // next 64 is found for all of them at once (as in walk_unmarked_by_words). The marks are those of
  // walk_from: every state but the smallest so far. Its cycles are longer than 64 states: the
  // shorter ones are settled without a walk.
  void walk_from_by_words(std::uint64_t start) {
    if (pending_capacity_ == 0) {
      // One block, in the caches: the marks go straight into the bitset, one pass marks them all.
      walk_from_by_words_marking_all(start, [this](std::uint64_t s) { visited_.mark(s); });
    } else {
      // Deferred marks cost memory traffic: two passes, marking only what the scan would try.
      walk_from_by_words(start, [this](std::uint64_t s) { mark(s); });
    }
  }

  template <class Mark>
  void walk_from_by_words_marking_all(std::uint64_t start, Mark&& mark_state) {
    const int n = stepper_.bits();
    const std::uint64_t state_mask = window_mask();
    std::uint64_t smallest = start;
    std::uint64_t steps = 0;
    for (std::uint64_t current = start;;) {
      Bits128 sequence = output_sequence(current, n);
      const std::uint64_t distinguished = distinguished_successors(sequence);
      // Successors 1 .. plain are not distinguished.
      const int plain = distinguished == 0 ? 64 : std::countr_zero(distinguished);
      for (int j = 1; j <= plain; ++j) {
        sequence >>= 1;
        const std::uint64_t state = static_cast<std::uint64_t>(sequence) & state_mask;
        // One comparison serves both rare events: back at the start, or below it.
        if (state <= start) [[unlikely]] {
          if (state == start) {
            if (smallest == start) record_cycle(steps + static_cast<std::uint64_t>(j), start);
            return;
          }
          if (state < smallest) {
            mark_state(smallest);
            smallest = state;
            continue;
          }
        }
        mark_state(state);
      }
      if (distinguished != 0) {
        // The prefix lies on a cycle with DPs: whoever claims the DP before it covers it.
        mark_state(smallest);
        note_attempt(walk_chain(static_cast<std::uint64_t>(sequence >> 1) & state_mask));
        return;
      }
      current = static_cast<std::uint64_t>(sequence) & state_mask;
      steps += 64;
    }
  }

  template <class Mark>
  void walk_from_by_words(std::uint64_t start, Mark&& mark_state) {
    const int n = stepper_.bits();
    const std::uint64_t state_mask = window_mask();
    const auto window = [state_mask](Bits128 sequence, int j) {
      return static_cast<std::uint64_t>(sequence >> j) & state_mask;
    };
    std::uint64_t smallest = start;
    std::uint64_t steps = 0;
    for (std::uint64_t current = start;;) {
      const Bits128 sequence = output_sequence(current, n);
      const std::uint64_t distinguished = distinguished_successors(sequence);
      // Successors 1 .. plain are not distinguished.
      const int plain = distinguished == 0 ? 64 : std::countr_zero(distinguished);
      // First pass, in registers: back at the start (closed), or below it. One comparison serves both.
      const std::uint64_t smallest_before = smallest;
      int closed = 0;
      int smallest_at = 0;
      Bits128 shifted = sequence;
      for (int j = 1; j <= plain; ++j) {
        shifted >>= 1;
        const std::uint64_t state = static_cast<std::uint64_t>(shifted) & state_mask;
        if (state <= start) [[unlikely]] {
          if (state == start) {
            closed = j;
            break;
          }
          if (state < smallest) {
            smallest = state;
            smallest_at = j;
          }
        }
      }
      // Second pass: the marks, only of successors 1 .. last that start_candidates keeps (their
      // own successor's new bit, sequence bit j + n, is 1), except the smallest state so far.
      const int last = closed != 0 ? closed - 1 : plain;
      std::uint64_t marks = static_cast<std::uint64_t>(sequence >> (n + 1));
      if (last < 64) marks &= (std::uint64_t{1} << last) - 1;
      if (smallest_at != 0) {
        marks &= ~(std::uint64_t{1} << (smallest_at - 1));
        mark_state(smallest_before);
      }
      for (; marks != 0; marks &= marks - 1) mark_state(window(sequence, std::countr_zero(marks) + 1));
      if (closed != 0) {
        if (smallest == start) record_cycle(steps + static_cast<std::uint64_t>(closed), start);
        return;
      }
      if (distinguished != 0) {
        // The prefix lies on a cycle with DPs: whoever claims the DP before it covers it.
        mark_state(smallest);
        note_attempt(walk_chain(window(sequence, plain + 1)));
        return;
      }
      current = window(sequence, 64);
      steps += 64;
    }
  }

  // Claims `first` and walks the chain from it; false when `first` was claimed already.
  bool walk_chain(std::uint64_t first) {
    if (!claim(first)) return false;
    tallied_ = true;
    std::uint64_t state = first;
    std::uint64_t length = 0;
    std::uint64_t smallest = first;
    // Stop at the first DP whose claim fails; a DP we claim just extends the chain.
    auto at_chain_end = [this](std::uint64_t s) { return is_distinguished(s) && !claim(s); };
    do {
      mark(state);
      tally(state);
      smallest = std::min(smallest, state);
      state = stepper_.next(state);
      ++length;
    } while (length < mark_budget && !at_chain_end(state));
    if (length == mark_budget && !at_chain_end(state)) {
      if constexpr (interleaves) {
        walk_interleaved(first, state, length, smallest);
        return true;
      }
      const std::uint64_t unmarked_start = state;
      control_.long_walks.fetch_add(1, std::memory_order_relaxed);
      const std::uint64_t unmarked_length = walk_unmarked(state, smallest, at_chain_end);
      length += unmarked_length;
      unmarked_.push_back({unmarked_start, unmarked_length});
      // Accounted (and published, being long) before the walk stops counting as under way, so
      // that a worker who sees no long walk sees its states in `accounted`.
      close_chain(first, state, length, smallest);
      control_.long_walks.fetch_sub(1, std::memory_order_relaxed);
      return true;
    }
    close_chain(first, state, length, smallest);
    return true;
  }

  void close_chain(std::uint64_t first, std::uint64_t end, std::uint64_t length, std::uint64_t smallest) {
    if (end == first) {
      record_cycle(length, smallest);
    } else {
      findings_.chains.push_back({first, end, length, smallest});
      account(length);
    }
  }

  // Walks on from `state` without marks or tallies until at_chain_end; returns the steps and
  // leaves `state` at the end. Only a failed count proof makes these states worth a second look.
  // Lowers `smallest` to the least state walked (the comparison is off the step's dependency chain).
  template <class AtChainEnd>
  std::uint64_t walk_unmarked(std::uint64_t& state, std::uint64_t& smallest, AtChainEnd&& at_chain_end) {
    if constexpr (by_words) {
      if (stepper_.bits() >= layout_.dp_bits) return walk_unmarked_by_words(state, smallest, at_chain_end);
    }
    std::uint64_t steps = 0;
    std::uint64_t least = smallest;
    if constexpr (std::is_trivially_copyable_v<Stepper> && sizeof(Stepper) <= 32) {
      // A step of a few instructions (GF(2) Galois): two states a round, one loop branch and one
      // counter update for two steps, keep the comparison almost free beside the step.
      for (;;) {
        least = std::min(least, state);
        state = stepper_.next(state);
        if (is_distinguished(state) && at_chain_end(state)) {
          steps += 1;
          break;
        }
        least = std::min(least, state);
        state = stepper_.next(state);
        steps += 2;
        if (is_distinguished(state) && at_chain_end(state)) break;
      }
    } else {
      // A table step is long beside the comparison; one copy of it keeps it inlined.
      do {
        least = std::min(least, state);
        state = stepper_.next(state);
        ++steps;
      } while (!at_chain_end(state));
    }
    smallest = least;
    return steps;
  }

  // The same for Fibonacci GF(2), 64 states per round: the states are windows of the output
  // sequence, a DP is a run of dp_bits zero bits in it, and only DPs need a state of their own.
  //
  // A minimum over the 64 windows of every round would cost more than the round. But this walk
  // lies on a cycle with DPs: the window k = n - dp_bits states before a DP ends with that DP's
  // dp_bits zeros, so it is below 2^k. The cycle's smallest state is thus such a window, k states
  // before a DP, and only those are compared. Each DP of the walk ends a round, and the window k
  // states back is read from `behind`, the 64 sequence bits before the current state (moved along
  // at no cost in the rounds without a DP). Windows k states or less before a DP that lies past
  // the walk's end are compared at the end; windows before the walk's start lie in the chain's
  // marked part, where every state was compared.
  template <class AtChainEnd>
  std::uint64_t walk_unmarked_by_words(std::uint64_t& state, std::uint64_t& smallest, AtChainEnd&& at_chain_end) {
    const int n = stepper_.bits();
    const std::uint64_t state_mask = window_mask();
    const int k = n - layout_.dp_bits;
    std::uint64_t behind = 0;  // bit 63 is the sequence bit just before `state`; valid for `steps` bits
    std::uint64_t steps = 0;
    for (;;) {
      const Bits128 sequence = output_sequence(state, n);
      const std::uint64_t distinguished = distinguished_successors(sequence);
      if (distinguished == 0) {
        behind = static_cast<std::uint64_t>(sequence);
        state = static_cast<std::uint64_t>(sequence >> 64) & state_mask;
        steps += 64;
        continue;
      }
      const int taken = std::countr_zero(distinguished) + 1;
      behind = taken == 64 ? static_cast<std::uint64_t>(sequence)
                           : (behind >> taken) | (static_cast<std::uint64_t>(sequence) << (64 - taken));
      steps += static_cast<std::uint64_t>(taken);
      state = static_cast<std::uint64_t>(sequence >> taken) & state_mask;
      // `state` is a DP: the window k states back is its k preceding bits under dp_bits zeros.
      if (steps >= static_cast<std::uint64_t>(k)) smallest = std::min(smallest, (behind >> 1) >> (63 - k));
      if (at_chain_end(state)) {
        // The last windows of the walk, whose DP k states on lies past its end: bits from 64
        // before the end state on.
        const Bits128 tail = behind | static_cast<Bits128>(state) << 64;
        for (std::uint64_t back = 1; back <= std::min<std::uint64_t>(k, steps); ++back)
          smallest = std::min(smallest, static_cast<std::uint64_t>(tail >> (64 - back)) & state_mask);
        return steps;
      }
    }
  }

  void note_attempt(bool productive) {
    // While a long walk is under way the count proof may still come through, and a start that
    // lands ahead of that walk takes over part of its work: keep trying starts. Mark only after
    // a run of failed starts during which no long walk was seen at all.
    const bool quiet = control_.long_walks.load(std::memory_order_relaxed) == 0;
    quiet_failures_ = productive || !quiet ? 0 : quiet_failures_ + 1;
    if (quiet_failures_ < failures_before_marking || unmarked_.empty()) return;
    // Cycles no walk has reached yet, found by their DPs; then what is missing lies on cycles
    // without DPs.
    walk_from_unclaimed_dps();
    // Few states missing: they lie on short cycles, found at once by the short-cycle search.
    if (!finished()) search_short_cycles();
    if (!finished()) mark_unmarked_walks();
  }

  // A permutation's cycles that hold a DP no chain has claimed yet: every DP of the space is tested
  // (one claim bit each, 2^-dp_bits of the states) and a chain walked from each unclaimed one, once
  // per worker. Random starts find a cycle with probability its share of the states, which for the
  // last medium cycles of a nonlinear register's permutation leaves them to the marks and the scan;
  // their DPs find them at once. The claims keep every chain exact whoever walks it.
  // Not for Fibonacci GF(2), whose cycles of up to 64 states are counted from their bits alone,
  // their DPs left unclaimed (settled_without_walk).
  void walk_from_unclaimed_dps() {
    if constexpr (by_words) return;
    if (!layout_.lazy_blocks || swept_dps_) return;  // a singular map's DPs may be transient
    swept_dps_ = true;
    const std::uint64_t step = std::uint64_t{1} << layout_.dp_bits;
    for (std::uint64_t dp = 0; dp < layout_.states && !finished(); dp += step)
      if (!claims_.test(dp >> layout_.dp_bits)) walk_chain(dp);
  }

  // A GF(2) shift register (Fibonacci LFSR or NLFSR) with n above the search limit: states on
  // cycles of length L <= limit < n are L-periodic windows (short_cycle_search.hpp).
  static constexpr bool shift_register = by_words || requires { Stepper::shift_register; };
  bool searches_short_cycles() const {
    if constexpr (shift_register) return stepper_.bits() > short_cycle_search_limit;
    return false;
  }

  // When the states not yet accounted are at most short_cycle_search_limit, every cycle not yet
  // found is at most that long: try each periodic window of period up to the shortfall. A window
  // that comes back to itself after exactly `period` steps and is its cycle's smallest state stands
  // for that cycle: one with DPs is walked as a chain from its first DP (the claims keep it exact),
  // one without is claimed in short_cycle_claims, as the scan does, and counted by the claimer.
  // Published counts may lag, so the shortfall read is an upper bound: the search is still
  // exhaustive. Each shortfall is searched once by each worker.
  void search_short_cycles() {
    if constexpr (shift_register) search_short_cycles_by_windows();
  }
  void search_short_cycles_by_windows() {
    if (claimed_cycle_length_ == 0) return;
    // Our unpublished count included, so that most calls end here without an atomic update.
    const std::uint64_t accounted = control_.accounted.load(std::memory_order_relaxed) + unpublished_;
    if (accounted >= control_.target) return;
    const std::uint64_t shortfall = control_.target - accounted;
    if (shortfall > short_cycle_search_limit || shortfall == searched_shortfall_) return;
    searched_shortfall_ = shortfall;
    publish();
    for_each_short_cycle(
        stepper_.bits(), static_cast<int>(shortfall), [this](std::uint64_t s) { return stepper_.next(s); },
        [this] { return finished(); },
        [this](std::uint64_t window, int period) {
          std::uint64_t first_dp = no_state;
          std::uint64_t state = window;
          for (int step = 0; step < period && first_dp == no_state; ++step, state = stepper_.next(state))
            if (is_distinguished(state)) first_dp = state;
          if (first_dp != no_state) {
            walk_chain(first_dp);
          } else {
            record_cycle(static_cast<std::uint64_t>(period), window);  // counts only if its claim succeeds
          }
        });
    publish();
  }

  // The count proof has not come through yet, and starts keep landing on walked cycles. First
  // tally our chains, so that blocks wholly on accounted chains are skipped, then mark the rest.
  void mark_unmarked_walks() {
    if (layout_.blocks() == 1) {
      // One block: its tally is the walks' length, without a walk.
      for (const UnmarkedWalk& walk : unmarked_) local_tally_[0] += static_cast<std::uint32_t>(walk.length);
    } else {
      visit_unmarked_walks([this](std::uint64_t s) { tally(s); });
    }
    tallied_ = true;
    publish();
    visit_unmarked_walks([this](std::uint64_t s) {
      if (!block_full(s >> layout_.block_bits)) mark(s);
    });
    unmarked_.clear();
    quiet_failures_ = 0;
  }

  // Calls visit(state) for every state of the unmarked walks; stops early once the run is finished.
  // A kernel that steps several walks at once walks them in lanes, a walk per lane, each lane taking
  // the next walk when its own ends: one walk at a time is bound by the step's latency, and a
  // permutation with many long cycles (a nonlinear register's) leaves most of its states here.
  template <class Visit>
  void visit_unmarked_walks(Visit&& visit) {
    if constexpr (interleaves && !by_words) {
      std::array<std::uint64_t, walk_lanes> state{};
      std::array<std::uint64_t, walk_lanes> left{};
      std::size_t next_walk = 0;
      for (;;) {
        for (std::size_t lane = 0; lane < walk_lanes; ++lane) {
          for (; left[lane] == 0 && next_walk < unmarked_.size(); ++next_walk) {
            state[lane] = unmarked_[next_walk].start;
            left[lane] = unmarked_[next_walk].length;
          }
        }
        // Every lane busy: the steps until the first of them ends, with no test in the loop.
        const std::uint64_t run = *std::min_element(left.begin(), left.end());
        if (run == 0) break;
        for (std::uint64_t done = 0; done < run; ++done) {
          if ((done & 0xFFFF) == 0 && finished()) return;
          for (const std::uint64_t s : state) visit(s);
          stepper_.next_lanes(state);
        }
        for (std::uint64_t& steps : left) steps -= run;
      }
      // Fewer walks left than lanes: the rest one at a time.
      for (std::size_t lane = 0; lane < walk_lanes; ++lane)
        if (left[lane] != 0) visit_walk(state[lane], left[lane], visit);
    } else {
      for (const UnmarkedWalk& walk : unmarked_) visit_walk(walk.start, walk.length, visit);
    }
  }

  // Calls visit(state) for `length` states from `start`; stops early once the run is finished.
  template <class Visit>
  void visit_walk(std::uint64_t start, std::uint64_t length, Visit&& visit) {
    std::uint64_t state = start;
    if constexpr (by_words) {
      const int n = stepper_.bits();
      const std::uint64_t state_mask = window_mask();
      for (std::uint64_t done = 0; done < length;) {
        if ((done & 0xFFFF) < 64 && finished()) return;
        const Bits128 sequence = output_sequence(state, n);
        const int taken = static_cast<int>(std::min<std::uint64_t>(64, length - done));
        for (int j = 0; j < taken; ++j) visit(static_cast<std::uint64_t>(sequence >> j) & state_mask);
        state = static_cast<std::uint64_t>(sequence >> taken) & state_mask;
        done += static_cast<std::uint64_t>(taken);
      }
      return;
    }
    for (std::uint64_t i = 0; i < length; ++i) {
      if ((i & 0xFFFF) == 0 && finished()) return;
      visit(state);
      state = stepper_.next(state);
    }
  }

  // Kernels that step several independent walks at once (next_lanes) walk long chains in lanes.
  static constexpr std::size_t walk_lanes = 8;
  static constexpr std::uint64_t unmarked_piece = std::uint64_t{1} << 16;
  static constexpr bool interleaves = requires(const Stepper& stepper, std::array<std::uint64_t, walk_lanes>& states) {
    stepper.next_lanes(states);
  };

  // One of the walks stepped together. A lane first walks from a start state to its first DP (the
  // prefix, covered by whoever claims the DP before it), then, once it claims that DP, walks the
  // chain from it exactly as walk_chain does, unmarked.
  enum class LanePhase : std::uint8_t { idle, prefix, chain };
  struct Lanes {
    std::array<std::uint64_t, walk_lanes> state{};
    std::array<std::uint64_t, walk_lanes> least{};
    // Steps since the start, or chain states so far, are round - origin (modulo 2^64): one
    // counter for all lanes instead of one per lane.
    std::array<std::uint64_t, walk_lanes> origin{};
    std::uint64_t round = 0;
    // Starts in a row that gave up without a claim. Cycles without DPs are counted by the scan
    // alone, so lanes stop starting once this is high: without it, states on such cycles would
    // keep the lanes starting for ever.
    int fruitless_starts = 0;
    std::uint64_t length(std::size_t lane) const { return round - origin[lane]; }
    std::array<std::uint64_t, walk_lanes> first{};
    // The chain's unmarked states from unmarked_start on are those from position marked[lane] on
    // (the states marked and tallied before the lanes began, then the pieces already recorded).
    std::array<std::uint64_t, walk_lanes> marked{};
    std::array<std::uint64_t, walk_lanes> unmarked_start{};
    std::array<LanePhase, walk_lanes> phase{};
  };

  // A long chain whose kernel has next_lanes. One walk is bound by the step's latency; lanes hide
  // it. The chain goes on in lane 0, and the other lanes walk from random start states: a start on
  // a part of a cycle no chain has reached claims a DP there and takes over the walk up to the
  // next claimed DP, so the lanes split the long cycles between them. The claims keep every chain
  // exact whoever walks it; a start on a walked part only costs its prefix. Lanes are refilled
  // while many states are still unaccounted, and the chains they close are accounted like any.
  void walk_interleaved(std::uint64_t first, std::uint64_t state, std::uint64_t length, std::uint64_t smallest) {
    control_.long_walks.fetch_add(1, std::memory_order_relaxed);
    Lanes lanes;
    lanes.phase[0] = LanePhase::chain;
    lanes.state[0] = state;
    lanes.least[0] = smallest;
    lanes.origin[0] = lanes.round - length;
    lanes.first[0] = first;
    lanes.marked[0] = length;
    lanes.unmarked_start[0] = state;
    for (std::size_t lane = 1; lane < walk_lanes; ++lane) refill(lanes, lane);
    // A prefix this long most likely lies on a cycle without DPs: the scan counts those.
    const std::uint64_t prefix_limit = std::uint64_t{64} << layout_.dp_bits;
    for (;;) {
      for (int round = 0; round < 256; ++round) {
        for (std::size_t lane = 0; lane < walk_lanes; ++lane)
          lanes.least[lane] = std::min(lanes.least[lane], lanes.state[lane]);
        stepper_.next_lanes(lanes.state);
        ++lanes.round;
        bool any_distinguished = false;
        for (std::size_t lane = 0; lane < walk_lanes; ++lane) any_distinguished |= is_distinguished(lanes.state[lane]);
        if (any_distinguished)
          for (std::size_t lane = 0; lane < walk_lanes; ++lane)
            if (is_distinguished(lanes.state[lane])) lane_reached_dp(lanes, lane);
      }
      // A chain's unmarked states are recorded in pieces of about unmarked_piece states, so that
      // marking them later (visit_unmarked_walks) runs in lanes even when one chain holds most of a
      // cycle: the piece's first state is all a later walk needs to start from.
      if ((lanes.round & (unmarked_piece - 1)) == 0)
        for (std::size_t lane = 0; lane < walk_lanes; ++lane)
          if (lanes.phase[lane] == LanePhase::chain && lanes.length(lane) > lanes.marked[lane]) {
            unmarked_.push_back({lanes.unmarked_start[lane], lanes.length(lane) - lanes.marked[lane]});
            lanes.unmarked_start[lane] = lanes.state[lane];
            lanes.marked[lane] = lanes.length(lane);
          }
      bool active = false;
      for (std::size_t lane = 0; lane < walk_lanes; ++lane) {
        // Only prefixes are given up: a chain lane holds claims that its chain must answer for.
        if (lanes.phase[lane] == LanePhase::prefix && (lanes.length(lane) > prefix_limit || finished()))
          refill(lanes, lane);
        active |= lanes.phase[lane] != LanePhase::idle;
      }
      if (!active) break;
    }
    control_.long_walks.fetch_sub(1, std::memory_order_relaxed);
  }

  void lane_reached_dp(Lanes& lanes, std::size_t lane) {
    const std::uint64_t dp = lanes.state[lane];
    switch (lanes.phase[lane]) {
      case LanePhase::idle:
        return;
      case LanePhase::prefix:
        if (claim(dp))
          start_lane_chain(lanes, lane, dp);
        else
          refill(lanes, lane);
        return;
      case LanePhase::chain:
        if (claim(dp)) return;  // the chain goes on through a DP of its own
        if (dp == lanes.first[lane]) {
          record_cycle(lanes.length(lane), lanes.least[lane]);
        } else {
          findings_.chains.push_back({lanes.first[lane], dp, lanes.length(lane), lanes.least[lane]});
          account(lanes.length(lane));
        }
        if (lanes.length(lane) > lanes.marked[lane])
          unmarked_.push_back({lanes.unmarked_start[lane], lanes.length(lane) - lanes.marked[lane]});
        refill(lanes, lane);
        return;
    }
  }

  void start_lane_chain(Lanes& lanes, std::size_t lane, std::uint64_t dp) {
    lanes.fruitless_starts = 0;
    lanes.phase[lane] = LanePhase::chain;
    lanes.least[lane] = no_state;
    lanes.origin[lane] = lanes.round;
    lanes.first[lane] = dp;
    lanes.marked[lane] = 0;
    lanes.unmarked_start[lane] = dp;
  }

  // Gives the lane a new random start, or leaves it idle once few states are left unaccounted
  // (a start then most likely lands on a walked part).
  void refill(Lanes& lanes, std::size_t lane) {
    if (lanes.phase[lane] == LanePhase::prefix) ++lanes.fruitless_starts;
    lanes.phase[lane] = LanePhase::idle;
    if (finished() || lanes.fruitless_starts >= 64) return;
    std::uint64_t covered = control_.accounted.load(std::memory_order_relaxed) + unpublished_;
    for (std::size_t other = 0; other < walk_lanes; ++other)
      if (lanes.phase[other] == LanePhase::chain) covered += lanes.length(other);
    if (covered + (std::uint64_t{16} << layout_.dp_bits) >= control_.target) return;
    for (int attempt = 0; attempt < 4; ++attempt) {
      const std::uint64_t start = random_state();
      if (!may_start_from(start)) continue;
      lanes.state[lane] = start;
      lanes.origin[lane] = lanes.round;
      lanes.least[lane] = no_state;
      if (!is_distinguished(start)) {
        lanes.phase[lane] = LanePhase::prefix;
        return;
      }
      if (claim(start)) {
        start_lane_chain(lanes, lane, start);
        return;
      }
    }
  }

  // Lanes start on cyclic states only (a transient state is marked visited from the outset, and
  // such a map zeroes no block lazily); a mark that is set means the state is walked already.
  bool may_start_from(std::uint64_t state) const {
    if (layout_.lazy_blocks &&
        block_ready_[state >> layout_.block_bits].load(std::memory_order_acquire) < block_ready_state)
      return true;  // the block's marks are not set up yet: nothing is known of it
    return !visited_.test(state);
  }

  std::uint64_t random_state() {
    random_ ^= random_ << 13;
    random_ ^= random_ >> 7;
    random_ ^= random_ << 17;
    __extension__ using Product = unsigned __int128;
    return static_cast<std::uint64_t>((static_cast<Product>(random_) * layout_.states) >> 64);
  }

  Stepper stepper_;
  EnumerationLayout layout_;
  SharedBits visited_;
  SharedBits claims_;
  std::atomic<std::uint32_t>* block_ready_;
  std::atomic<std::uint32_t>* block_tally_;  // per block: states on published chains
  SharedControl& control_;
  std::uint64_t dp_mask_;
  std::uint64_t block_mask_;
  std::uint32_t pending_capacity_;
  std::unique_ptr<std::uint32_t[]> pending_;
  std::vector<std::uint32_t> pending_count_;
  std::uint64_t scan_block_ = no_block;
  std::vector<UnmarkedWalk> unmarked_;
  int quiet_failures_ = 0;
  bool swept_dps_ = false;                // walk_from_unclaimed_dps has run
  std::uint64_t searched_shortfall_ = 0;  // the shortfall last searched for short cycles
  std::uint64_t unpublished_ = 0;
  std::vector<std::uint32_t> local_tally_;  // per block: states on our chains not yet published
  bool tallied_ = false;
  std::uint64_t new_top_bits_;
  // Cycles without DPs up to this length are claimed before they are counted: the short-cycle
  // search may find them too (0: no search, no claims, cycles have length >= 1).
  std::uint64_t claimed_cycle_length_;
  ShortCycleScan short_cycle_scan_;  // Fibonacci GF(2) only, and the three below
  std::array<std::uint64_t, 64> low_bits_outputs_;
  std::uint64_t output_word_of_ = no_state;  // the scan word whose first state's output word is kept
  std::uint64_t scan_word_output_ = 0;
  std::uint64_t random_ = 0x9E3779B97F4A7C15;  // xorshift state for the lanes' start states
  std::array<CycleTally, short_cycle_limit> short_cycles_{};
  ChunkFindings findings_;
};

}  // namespace lfsr
