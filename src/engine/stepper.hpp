// Packed-state kernels: one step of the transition on a state index, with no NTL call per state.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "engine/feedback_stepper.hpp"
#include "engine/gfp_fibonacci_stepper.hpp"
#include "lfsr/linear_map.hpp"
#include "lfsr/transition.hpp"

namespace lfsr {

// GF(2) Fibonacci: shift right, the new top bit is the parity of the tapped bits.
// The states are the n-bit windows of the output sequence, so the kernel can also produce the
// next 64 sequence bits at once (a linear function of the state, read from byte tables as CRC
// code does): 64 steps for a few table lookups.
class Gf2FibonacciStepper {
 public:
  Gf2FibonacciStepper(int bits, std::uint64_t taps);
  int bits() const { return top_ + 1; }
  std::uint64_t next(std::uint64_t state) const { return step(state, taps_, top_); }
  // The step alone, for callers that never need the output tables (whose set-up costs more than
  // the enumeration of a small register).
  static std::uint64_t step(std::uint64_t state, std::uint64_t taps, int top) {
    return (state >> 1) | (static_cast<std::uint64_t>(std::popcount(state & taps) & 1) << top);
  }
  // Bit j is the new top bit of the (j+1)-th successor: the state after 64 steps is
  // (state | word << n) >> 64, the j-th successor is the n-bit window at bit j.
  std::uint64_t next_output_word(std::uint64_t state) const {
    std::uint64_t word = 0;
    for (int byte = 0; byte < byte_count_; ++byte, state >>= 8) word ^= output_tables_[byte][state & 0xFF];
    return word;
  }

 private:
  static constexpr int max_table_bytes = 8;
  std::uint64_t taps_;
  int top_;
  int byte_count_;
  std::array<std::array<std::uint64_t, 256>, max_table_bytes> output_tables_;
};

// GF(2) Galois: multiply by x, and where x^n appears replace it by sum c_i x^i.
class Gf2GaloisStepper {
 public:
  Gf2GaloisStepper(int bits, std::uint64_t taps) : taps_(taps), mask_((std::uint64_t{1} << bits) - 1), top_(bits - 1) {}
  std::uint64_t next(std::uint64_t state) const { return ((state << 1) & mask_) ^ (taps_ & (0 - (state >> top_))); }

 private:
  std::uint64_t taps_;
  std::uint64_t mask_;
  int top_;
};

// Any linear map over GF(2), as CRC code computes a CRC: the state splits into groups of at most 8
// bits, table entry [g][u] = M * (u placed at group g) as a state index, and by linearity the next
// state is the XOR of one entry per group.
class Gf2MatrixStepper {
 public:
  explicit Gf2MatrixStepper(const LinearMap& map);
  std::uint64_t next(std::uint64_t state) const {
    const std::uint64_t* table = table_.data();
    std::uint64_t next = 0;
    for (int group = 0, shift = 0; group < groups_; ++group, shift += group_bits_, table += group_mask_ + 1)
      next ^= table[(state >> shift) & group_mask_];
    return next;
  }

 private:
  int groups_;
  int group_bits_;
  std::uint64_t group_mask_;
  std::vector<std::uint64_t> table_;  // groups_ tables of 2^group_bits_ entries
};

// Any linear map over GF(p) on base-p digits (used for odd p; exact for p = 2 as well), for
// p^dimension <= 2^40. A step has three stages, by tables and multiplications, no division:
// 1. Split the index x into groups of at most 1024 values. The top group [b, n) is the quotient
//    floor(x / p^b), by a multiply-high with a precomputed reciprocal; any other group [b, e) is
//    floor(frac(x / p^e) p^(e-b)), frac(x / p^e) being the low part of x ceil(2^L / p^e): one
//    multiply for the fraction, one for the value (the constructor shows why both are exact).
//    Above p = 256 a group is one digit, looked up by its two bytes (v = lo + 256 hi is linear).
// 2. Add the tables' images of the group values. An image is M times the group's part of the
//    digit vector, output digit i in lane i of one or two words; the lanes are wide enough that
//    the sum over all groups of values < p cannot carry into the next lane.
// 3. Reduce the lanes mod p and convert them to the index. Tables over the lanes of up to 10 bits
//    at a time give sum (lane_i mod p) p^i with the reduction folded in; lanes too wide for a
//    table are reduced by conditional subtractions of p 2^s and scaled by p^i.
class GfpMatrixStepper {
 public:
  explicit GfpMatrixStepper(const LinearMap& map);
  std::uint64_t next(std::uint64_t state) const {
    switch (shape_) {
      case Shape::one_word:
        return step<1, false, false>(state);
      case Shape::two_words:
        return step<2, false, false>(state);
      case Shape::reduced:
        return step<1, false, true>(state);
      case Shape::bytes_reduced:
        return step<1, true, true>(state);
    }
    return 0;
  }
  // One step of each of several independent walks: the steps' latencies overlap, and the kernel's
  // shape is chosen once for all of them.
  template <std::size_t Lanes>
  void next_lanes(std::array<std::uint64_t, Lanes>& states) const {
    switch (shape_) {
      case Shape::one_word:
        return step_lanes<1, false, false>(states);
      case Shape::two_words:
        return step_lanes<2, false, false>(states);
      case Shape::reduced:
        return step_lanes<1, false, true>(states);
      case Shape::bytes_reduced:
        return step_lanes<1, true, true>(states);
    }
  }

 private:
  __extension__ using Product = unsigned __int128;
  static std::uint64_t high_product(std::uint64_t a, std::uint64_t b) {
    return static_cast<std::uint64_t>((static_cast<Product>(a) * b) >> 64);
  }

  // two_words: lanes in two words. reduced: lanes reduced by subtraction, else by tables. bytes:
  // digits looked up by their bytes.
  enum class Shape : std::uint8_t { one_word, two_words, reduced, bytes_reduced };
  static constexpr int max_groups = 8;
  static constexpr int max_lanes = 40;
  static constexpr int max_reduce_steps = 3;

  // How the value of the digits [b, e) is found, fastest first: a lone group is x itself; the top
  // group is the quotient floor(x / p^b); the others are floor(frac(x / p^e) * radix), radix =
  // p^(e-b), with the fraction in 64 bits where that is exact, else in 128.
  enum class Split : std::uint8_t { whole, quotient, fraction, wide_fraction };
  struct Group {
    // quotient: m = ceil(2^(64 + shift) / p^b); fraction: ceil(2^64 / p^e); wide: ceil(2^128 / p^e)
    std::uint64_t reciprocal_low;
    std::uint64_t reciprocal_high;
    std::uint64_t radix;
    const std::uint64_t* images;  // by bytes: the low byte's 256 images, then the high byte's
    Split split;
    std::uint8_t shift;
  };
  // Lanes of one word, (word >> shift) & mask: a table index, or, reduced, one lane i.
  struct Chunk {
    const std::uint64_t* table;
    std::uint64_t mask;
    std::uint64_t power;  // reduced: p^i
    std::uint8_t shift;
  };

  static std::uint64_t group_value(const Group& group, std::uint64_t state) {
    switch (group.split) {
      case Split::whole:
        return state;
      case Split::quotient:
        return high_product(state, group.reciprocal_low) >> group.shift;
      case Split::fraction:
        return high_product(state * group.reciprocal_low, group.radix);
      case Split::wide_fraction: {
        // floor((x c mod 2^128) / 2^64) + 1, an upper bound of the exact fraction * 2^64
        const std::uint64_t fraction = high_product(state, group.reciprocal_low) + (state * group.reciprocal_high + 1);
        return high_product(fraction, group.radix);
      }
    }
    return 0;
  }

  template <int Words, bool Bytes, bool Reduced>
  std::uint64_t step(std::uint64_t state) const {
    std::array<std::uint64_t, Words> lanes{};
    for (int g = 0; g < group_count_; ++g) {
      const Group& group = groups_[static_cast<std::size_t>(g)];
      const std::uint64_t value = group_value(group, state);
      if constexpr (Bytes) {
        lanes[0] += group.images[value & 0xFF] + group.images[256 + (value >> 8)];
      } else {
        for (int w = 0; w < Words; ++w) lanes[static_cast<std::size_t>(w)] += group.images[value * Words + w];
      }
    }
    // Two sums, so that the additions after the last lookup form a short chain. The chunks of
    // the first word come first.
    std::array<std::uint64_t, 2> index{};
    add_chunks<Reduced>(lanes[0], 0, Words == 1 ? chunk_count_ : first_word_chunks_, index);
    if constexpr (Words == 2) add_chunks<Reduced>(lanes[1], first_word_chunks_, chunk_count_, index);
    return index[0] + index[1];
  }

  // step() for every lane, stage by stage with the lanes innermost: each stage's lookups for all
  // lanes are independent, so they issue together instead of waiting on one walk's chain.
  template <int Words, bool Bytes, bool Reduced, std::size_t Lanes>
  void step_lanes(std::array<std::uint64_t, Lanes>& states) const {
    std::array<std::array<std::uint64_t, Words>, Lanes> lanes{};
    for (int g = 0; g < group_count_; ++g) {
      const Group& group = groups_[static_cast<std::size_t>(g)];
      std::array<std::uint64_t, Lanes> values{};
      // The split once per group, not per lane: each case is a plain loop over the lanes.
      switch (group.split) {
        case Split::whole:
          values = states;
          break;
        case Split::quotient:
          for (std::size_t l = 0; l < Lanes; ++l)
            values[l] = high_product(states[l], group.reciprocal_low) >> group.shift;
          break;
        case Split::fraction:
          for (std::size_t l = 0; l < Lanes; ++l)
            values[l] = high_product(states[l] * group.reciprocal_low, group.radix);
          break;
        case Split::wide_fraction:
          for (std::size_t l = 0; l < Lanes; ++l) values[l] = group_value(group, states[l]);
          break;
      }
      for (std::size_t l = 0; l < Lanes; ++l) {
        const std::uint64_t value = values[l];
        if constexpr (Bytes) {
          lanes[l][0] += group.images[value & 0xFF] + group.images[256 + (value >> 8)];
        } else {
          for (int w = 0; w < Words; ++w)
            lanes[l][static_cast<std::size_t>(w)] += group.images[value * Words + static_cast<std::uint64_t>(w)];
        }
      }
    }
    std::array<std::uint64_t, Lanes> index{};
    for (int c = 0; c < chunk_count_; ++c) {
      const Chunk& chunk = chunks_[static_cast<std::size_t>(c)];
      const std::size_t word = Words == 2 && c >= first_word_chunks_ ? 1 : 0;
      for (std::size_t l = 0; l < Lanes; ++l) index[l] += chunk_value<Reduced>(chunk, lanes[l][word]);
    }
    states = index;
  }

  template <bool Reduced>
  void add_chunks(std::uint64_t word, int begin, int end, std::array<std::uint64_t, 2>& index) const {
    auto c = static_cast<std::size_t>(begin);
    const auto last = static_cast<std::size_t>(end);
    for (; c + 1 < last; c += 2) {
      index[0] += chunk_value<Reduced>(chunks_[c], word);
      index[1] += chunk_value<Reduced>(chunks_[c + 1], word);
    }
    if (c < last) index[0] += chunk_value<Reduced>(chunks_[c], word);
  }

  // The chunk's part of the index: sum (lane_i mod p) p^i over its lanes.
  template <bool Reduced>
  std::uint64_t chunk_value(const Chunk& chunk, std::uint64_t word) const {
    std::uint64_t lane = (word >> chunk.shift) & chunk.mask;
    if constexpr (Reduced) {
      for (int s = max_reduce_steps; s-- > 0;) {
        const std::uint64_t multiple = p_ << s;
        if (s < reduce_steps_) lane = lane >= multiple ? lane - multiple : lane;
      }
      return lane * chunk.power;
    } else {
      return chunk.table[lane];
    }
  }

  Shape shape_ = Shape::one_word;
  int group_count_ = 0;
  int chunk_count_ = 0;
  int first_word_chunks_ = 0;  // two words: the chunks of the first
  int reduce_steps_ = 0;       // lanes < p 2^reduce_steps_
  std::uint64_t p_;
  std::array<Group, max_groups> groups_{};
  std::array<Chunk, max_lanes> chunks_{};
  // Shared by copies, so the pointers into it stay valid; never changed after construction.
  std::shared_ptr<const std::vector<std::uint64_t>> tables_;
};

// Calls visit(stepper) with the fastest kernel for `map`; the engine is compiled once per kernel.
template <class Visit>
decltype(auto) with_stepper(const LinearMap& map, Visit&& visit) {
  switch (map.kind) {
    case LinearMap::Kind::gf2_fibonacci:
      return std::forward<Visit>(visit)(Gf2FibonacciStepper(map.dimension, map.gf2_taps));
    case LinearMap::Kind::gf2_galois:
      return std::forward<Visit>(visit)(Gf2GaloisStepper(map.dimension, map.gf2_taps));
    case LinearMap::Kind::general:
      break;
  }
  if (map.p == 2) return std::forward<Visit>(visit)(Gf2MatrixStepper(map));
  if (GfpFibonacciStepper::fits(map)) return std::forward<Visit>(visit)(GfpFibonacciStepper(map));
  return std::forward<Visit>(visit)(GfpMatrixStepper(map));
}

// The same for any transition: a feedback function gets its evaluator (with_feedback_stepper).
template <class Visit>
decltype(auto) with_stepper(const Transition& transition, Visit&& visit) {
  if (const Feedback* feedback = transition.feedback())
    return with_feedback_stepper(*feedback, std::forward<Visit>(visit));
  return with_stepper(*transition.linear_map(), std::forward<Visit>(visit));
}

}  // namespace lfsr
