// Walk lanes bit-sliced: 64 (or, with AVX2, 256) candidates per machine word, word j holding x_j of
// every lane's state, each lane's feedback selected by per-variable lane masks.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "engine/maximum_period_walks.hpp"
#include "lfsr/error.hpp"

namespace lfsr {

// 64 * Words lanes: Words 64-bit words that GCC steps with vector instructions: SSE2 for 2 words
// (every x86-64 has it), AVX2 for 4 inside functions compiled for it. A struct with its alignment
// written out: the bare vector type of 32 bytes is aligned to 16 only in code built without AVX,
// and std::vector would not give the 32 that the AVX2 loads assume.
template <int Words>
struct BitSliceVector;  // GCC takes no vector_size that depends on a template parameter
template <>
struct BitSliceVector<2> {
  using type = std::uint64_t __attribute__((vector_size(16)));
};
template <>
struct BitSliceVector<4> {
  using type = std::uint64_t __attribute__((vector_size(32)));
};
template <int Words>
struct alignas(8 * Words) BitSlices {
  typename BitSliceVector<Words>::type v;
};
using BitSlice128 = BitSlices<2>;
using BitSlice256 = BitSlices<4>;
template <int W>
[[gnu::always_inline]] inline BitSlices<W> operator&(const BitSlices<W>& a, const BitSlices<W>& b) {
  return {a.v & b.v};
}
template <int W>
[[gnu::always_inline]] inline BitSlices<W> operator|(const BitSlices<W>& a, const BitSlices<W>& b) {
  return {a.v | b.v};
}
template <int W>
[[gnu::always_inline]] inline BitSlices<W> operator^(const BitSlices<W>& a, const BitSlices<W>& b) {
  return {a.v ^ b.v};
}
template <int W>
[[gnu::always_inline]] inline BitSlices<W> operator~(const BitSlices<W>& a) {
  return {~a.v};
}
template <int W>
[[gnu::always_inline]] inline BitSlices<W>& operator&=(BitSlices<W>& a, const BitSlices<W>& b) {
  a.v &= b.v;
  return a;
}
template <int W>
[[gnu::always_inline]] inline BitSlices<W>& operator|=(BitSlices<W>& a, const BitSlices<W>& b) {
  a.v |= b.v;
  return a;
}
template <int W>
[[gnu::always_inline]] inline BitSlices<W>& operator^=(BitSlices<W>& a, const BitSlices<W>& b) {
  a.v ^= b.v;
  return a;
}

// The words of a bank of bit-sliced lanes and how one round steps them; step_bit_sliced below.
// The register of lane l is the sequence of bit l of the words: x_j of the lane's state is bit l
// of sequence[position + j], and a step appends the word of the feedback bits (the Fibonacci
// register's states are windows of its output sequence, so no word moves but the window).
// F of lane l is bit l of
//   constant ^ XOR_j (x_j & linear[j]) ^ XOR_p (OR_j x_j & first[p][j]) & (OR_j x_j & second[p][j]):
// the masks select each lane's linear terms and the two variables of each of its products.
// The return to state 1 (x0 = 1 and n - 1 zeros after it in the sequence) is seen by counting,
// bit-sliced, the zeros appended since the last one: it is state 1 exactly when the count becomes
// n - 1. That holds for invertible registers, whose sequence from state 1 never has more than n
// zeros in a row (state 0 is fixed or followed by a one), which every family member is.
template <int Pairs, class Word>
struct BitSlicedWords {
  struct Masks {
    Word linear{};
    std::array<Word, Pairs> first{};
    std::array<Word, Pairs> second{};
  };
  static constexpr int planes = 6;  // bits of the zero count: enough for n <= 63
  int bits = 0;
  std::vector<Masks> masks;    // masks[j]: the lanes reading x_j in each position
  Word constant{};             // the lanes with the constant term
  std::vector<Word> sequence;  // the window is sequence[position .. position + n)
  std::size_t position = 0;
  std::array<Word, planes> zeros{};  // bit planes of the count of zeros since the last one
  Word active{};                     // lanes walking a candidate
  Word at_one{};                     // after a step: the lanes that came back to state 1
};

// Steps every lane, at most `burst` rounds, stopping after the first round that brings an active
// lane to state 1 (whose lanes are then in at_one); returns the rounds made.
template <int Pairs, class Word>
[[gnu::always_inline]] inline std::uint64_t step_bit_sliced(BitSlicedWords<Pairs, Word>& w, std::uint64_t burst) {
  constexpr int planes = BitSlicedWords<Pairs, Word>::planes;
  const auto n = static_cast<std::size_t>(w.bits);
  // The planes of the count and of n - 1 (all ones where its bit is 1) kept in registers.
  Word zeros[planes];
  Word count_at_one[planes];
  for (int k = 0; k < planes; ++k) {
    zeros[k] = w.zeros[static_cast<std::size_t>(k)];
    count_at_one[k] = (((w.bits - 1) >> k) & 1) != 0 ? ~Word{} : Word{};
  }
  const Word active = w.active;
  std::uint64_t rounds = 0;
  w.at_one = Word{};
  while (rounds < burst) {
    if (w.position + n == w.sequence.size()) {
      std::copy(w.sequence.end() - static_cast<std::ptrdiff_t>(n), w.sequence.end(), w.sequence.begin());
      w.position = 0;
    }
    const Word* x = w.sequence.data() + w.position;
    Word sum = w.constant;
    std::array<Word, Pairs> first{};
    std::array<Word, Pairs> second{};
    for (std::size_t j = 0; j < n; ++j) {
      const Word xj = x[j];
      const auto& masks = w.masks[j];
      sum ^= xj & masks.linear;
      for (std::size_t p = 0; p < Pairs; ++p) {
        first[p] |= xj & masks.first[p];
        second[p] |= xj & masks.second[p];
      }
    }
    for (std::size_t p = 0; p < Pairs; ++p) sum ^= first[p] & second[p];
    w.sequence[w.position + n] = sum;
    ++w.position;
    ++rounds;
    // The zero count: + 1 where the new bit is 0, reset where it is 1; then equal to n - 1?
    Word carry = ~sum;
    Word equal = active;
#pragma GCC unroll 8
    for (int k = 0; k < planes; ++k) {
      const Word next = (zeros[k] ^ carry) & ~sum;
      carry &= zeros[k];
      zeros[k] = next;
      equal &= ~(next ^ count_at_one[k]);
    }
    bool any = false;
    if constexpr (std::is_same_v<Word, std::uint64_t>) {
      any = equal != 0;
    } else {
      std::uint64_t bits = 0;
      for (std::size_t i = 0; i < sizeof(Word) / 8; ++i) bits |= equal.v[i];
      any = bits != 0;
    }
    if (any) {
      w.at_one = equal;
      break;
    }
  }
  for (int k = 0; k < planes; ++k) w.zeros[static_cast<std::size_t>(k)] = zeros[k];
  return rounds;
}

template <int Pairs>
__attribute__((target("avx2"))) std::uint64_t step_bit_sliced_avx2(BitSlicedWords<Pairs, BitSlice256>& w,
                                                                   std::uint64_t burst) {
  return step_bit_sliced(w, burst);
}

// A bank of lanes for walk_in_lanes: QuadraticLane<Pairs> candidates (their padding products
// x_{n-1}*x_{n-1} are products like any other), 64 lanes a word, 128 with SSE2, 256 with AVX2.
template <int Pairs, class Word>
class BitSlicedLanes {
 public:
  using Lane = QuadraticLane<Pairs>;
  static constexpr std::size_t lanes = sizeof(Word) * 8;

  explicit BitSlicedLanes(int bits) {
    w_.bits = bits;
    w_.masks.assign(static_cast<std::size_t>(bits), typename BitSlicedWords<Pairs, Word>::Masks{});
    // Room for many steps between the moves of the window back to the front.
    w_.sequence.assign(static_cast<std::size_t>(bits) + 4096, Word{});
  }
  // Lane l walks `lane` from `state`.
  void start(std::size_t l, const Lane& lane, std::uint64_t state) {
    const auto top = lane.top;
    for (std::size_t j = 0; j < static_cast<std::size_t>(w_.bits); ++j) {
      auto& masks = w_.masks[j];
      put(masks.linear, l, ((lane.linear_taps >> j) & 1U) != 0);
      for (std::size_t p = 0; p < Pairs; ++p) {
        put(masks.first[p], l, top - lane.first_up[p] == j);
        put(masks.second[p], l, top - lane.second_up[p] == j);
      }
      put(w_.sequence[w_.position + j], l, ((state >> j) & 1U) != 0);
    }
    put(w_.constant, l, lane.constant_top != 0);
    // The zeros since the last one: the state's top zeros (n - 1 for state 1; n for state 0, which
    // an invertible register reaches only after a one and n zeros).
    const auto count = static_cast<unsigned>(w_.bits - std::bit_width(state));
    for (int k = 0; k < BitSlicedWords<Pairs, Word>::planes; ++k)
      put(w_.zeros[static_cast<std::size_t>(k)], l, ((count >> k) & 1U) != 0);
    put(w_.active, l, true);
    put(w_.at_one, l, false);
  }
  // Lane l rests: no feedback, state 0.
  void idle(std::size_t l) {
    for (std::size_t j = 0; j < static_cast<std::size_t>(w_.bits); ++j) {
      auto& masks = w_.masks[j];
      put(masks.linear, l, false);
      for (std::size_t p = 0; p < Pairs; ++p) {
        put(masks.first[p], l, false);
        put(masks.second[p], l, false);
      }
      put(w_.sequence[w_.position + j], l, false);
    }
    put(w_.constant, l, false);
    put(w_.active, l, false);
    put(w_.at_one, l, false);
  }
  bool at_one(std::size_t l) const { return get(w_.at_one, l); }
  std::uint64_t state(std::size_t l) const {
    std::uint64_t state = 0;
    for (std::size_t j = 0; j < static_cast<std::size_t>(w_.bits); ++j) {
      state |= static_cast<std::uint64_t>(get(w_.sequence[w_.position + j], l)) << j;
    }
    return state;
  }
  std::uint64_t step(std::uint64_t burst) {
    if constexpr (std::is_same_v<Word, BitSlice256>) {
      return step_bit_sliced_avx2(w_, burst);
    } else {
      return step_bit_sliced(w_, burst);
    }
  }

 private:
  static void put(Word& word, std::size_t l, bool value) {
    if constexpr (std::is_same_v<Word, std::uint64_t>) {
      word = (word & ~(std::uint64_t{1} << l)) | (static_cast<std::uint64_t>(value) << l);
    } else {
      const std::uint64_t bit = std::uint64_t{1} << (l % 64);
      word.v[l / 64] = (word.v[l / 64] & ~bit) | (value ? bit : 0);
    }
  }
  static bool get(const Word& word, std::size_t l) {
    if constexpr (std::is_same_v<Word, std::uint64_t>) {
      return ((word >> l) & 1U) != 0;
    } else {
      return ((word.v[l / 64] >> (l % 64)) & 1U) != 0;
    }
  }

  BitSlicedWords<Pairs, Word> w_;
};

}  // namespace lfsr
