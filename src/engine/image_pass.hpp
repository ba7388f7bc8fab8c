// The chunk job that maps a set of states through the transition: image(S) = { A s : s in S }.
// For singular maps, iterating it from all states until the image stops shrinking yields the
// cyclic states, and the number of shrinking steps is the longest tail.
//
// The pass maps states, never a subspace: it stays an independent check of the algebra. Two ways:
// - Any kernel: only the states of S are stepped (S halves or more with every pass), found a
//   word of the bitset at a time, and the image bits are set with plain stores when one worker
//   has the whole space (an atomic OR per state cost more than the step).
// - Fibonacci GF(2) with c_0 = 0 (every singular register of that form): a state s = 2j + b maps
//   to j + t(j) 2^(n-1), where t(j) = parity(j & (taps >> 1)) is the top bit A writes, the same for
//   both b. So 128 states of S, two words, map onto 64 consecutive j: OR each pair of bits into
//   one, then split the 64 bits by t(j) between word j/64 of the low half and of the high half.
//   t(64k + i) = t(64k) xor t(i) (the bits are disjoint), so one pattern word of t(i), i < 64,
//   and one step per word give the split. All of t is read off the kernel's own steps.
#pragma once

#include <algorithm>
#include <atomic>
#include <type_traits>

#include "engine/enumeration_layout.hpp"
#include "engine/stepper.hpp"
#include "lfsr/runner.hpp"

namespace lfsr {

// Bit i of the result (i < 32) is bit 2i or bit 2i + 1 of x.
inline std::uint64_t or_bit_pairs(std::uint64_t x) {
  x = (x | x >> 1) & 0x5555555555555555;
  x = (x | x >> 1) & 0x3333333333333333;
  x = (x | x >> 2) & 0x0F0F0F0F0F0F0F0F;
  x = (x | x >> 4) & 0x00FF00FF00FF00FF;
  x = (x | x >> 8) & 0x0000FFFF0000FFFF;
  return (x | x >> 16) & 0x00000000FFFFFFFF;
}

template <class Stepper>
class ImagePass final : public ChunkWorker {
 public:
  ImagePass(const Stepper& stepper, const EnumerationLayout& layout)
      : stepper_(stepper),
        layout_(layout),
        from_(SharedArena::instance().at<std::uint64_t>(layout.image_from)),
        to_(SharedArena::instance().at<std::uint64_t>(layout.image_to)),
        shared_(layout.chunks() > 1) {
    if constexpr (std::is_same_v<Stepper, Gf2FibonacciStepper>) {
      // 128 states at least, so that the pattern's 64 j and a target word fit in each half, and
      // c_0 = 0: states 0 and 1 have the same image (0).
      by_words_ = stepper_.bits() >= 7 && stepper_.next(1) == 0;
      const int top = stepper_.bits() - 1;
      for (std::uint64_t i = 0; by_words_ && i < 64; ++i) top_bits_ |= (stepper_.next(2 * i) >> top) << i;
    }
  }

  // Maps layout.image_from into layout.image_to from now on: one pass object serves every pass
  // of a whole space, with its kernel copied once.
  void use_sets(const EnumerationLayout& layout) {
    from_ = SharedBits(SharedArena::instance().at<std::uint64_t>(layout.image_from));
    to_ = SharedBits(SharedArena::instance().at<std::uint64_t>(layout.image_to));
  }

  std::string run_chunk(std::uint64_t chunk) override {
    const std::uint64_t begin = chunk * layout_.chunk_states;
    const std::uint64_t end = std::min(layout_.states, begin + layout_.chunk_states);
    if constexpr (std::is_same_v<Stepper, Gf2FibonacciStepper>) {
      if (by_words_) {
        map_by_words(begin, end);
        return {};
      }
    }
    map_states(begin, end);
    return {};
  }

 private:
  // Other workers may set bits of the same word: atomic then (chunks that split a pair or a word).
  void set_bits(std::uint64_t word, std::uint64_t bits) const {
    if (bits == 0) return;
    if (shared_)
      std::atomic_ref(to_.words()[word]).fetch_or(bits, std::memory_order_relaxed);
    else
      to_.words()[word] |= bits;
  }

  void map_states(std::uint64_t begin, std::uint64_t end) {
    for (std::uint64_t word = begin / 64; word <= (end - 1) / 64; ++word)
      for (std::uint64_t bits = from_.load(word) & word_bits_in_range(word, begin, end); bits != 0; bits &= bits - 1) {
        const std::uint64_t image = stepper_.next(word * 64 + static_cast<std::uint64_t>(std::countr_zero(bits)));
        if (shared_)
          to_.claim(image);
        else
          to_.words()[image / 64] |= std::uint64_t{1} << (image % 64);
      }
  }

  // Target word k receives the j in [64k, 64k + 64), from source words 2k and 2k + 1.
  void map_by_words(std::uint64_t begin, std::uint64_t end) requires std::is_same_v<Stepper, Gf2FibonacciStepper> {
    const int top = stepper_.bits() - 1;
    const std::uint64_t high_half = (std::uint64_t{1} << top) / 64;  // word of j = 2^(n-1)
    for (std::uint64_t k = begin / 128; k <= (end - 1) / 128; ++k) {
      const std::uint64_t low_word = from_.load(2 * k) & word_bits_in_range(2 * k, begin, end);
      const std::uint64_t high_word = from_.load(2 * k + 1) & word_bits_in_range(2 * k + 1, begin, end);
      const std::uint64_t pairs = or_bit_pairs(low_word) | or_bit_pairs(high_word) << 32;
      if (pairs == 0) continue;
      const std::uint64_t top_set = top_bits_ ^ (0 - (stepper_.next(128 * k) >> top));  // t(64k + i) by bit i
      set_bits(k, pairs & ~top_set);
      set_bits(high_half + k, pairs & top_set);
    }
  }

  Stepper stepper_;
  EnumerationLayout layout_;
  SharedBits from_;
  SharedBits to_;
  bool shared_;
  bool by_words_ = false;
  std::uint64_t top_bits_ = 0;  // by words: bit i is t(i)
};

}  // namespace lfsr
