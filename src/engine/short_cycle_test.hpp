// The test that rejects a candidate of the maximum-period search without a walk: a cycle shorter
// than the register, found among the repetitions of short words.
#pragma once

#include <algorithm>
#include <cstdint>

namespace lfsr {

// Calls visit(pattern, length) for each Lyndon word over {0, 1} (a word smaller than each of its
// proper rotations, so one per aperiodic necklace) whose length is in (shorter_than, longest],
// in lexicographic order; letter j is bit j of pattern. Returns true as soon as visit does.
// Duval's algorithm: repeat the word up to the longest length, drop the trailing ones, raise the
// last letter.
template <class Visit>
bool any_lyndon_word(int shorter_than, int longest, Visit&& visit) {
  std::uint64_t pattern = 0;  // "0"
  int length = 1;
  for (;;) {
    if (length > shorter_than && visit(pattern, length)) return true;
    for (int i = length; i < longest; ++i) pattern |= ((pattern >> (i - length)) & 1U) << i;
    int size = longest;
    while (size > 0 && ((pattern >> (size - 1)) & 1U) != 0) {
      --size;
      pattern &= ~(std::uint64_t{1} << size);
    }
    if (size == 0) return false;
    pattern |= std::uint64_t{1} << (size - 1);
    length = size;
  }
}

// Whether the register has a cycle of length d, 1 <= d <= longest < n, other than the fixed point
// 0 (which a register of period 2^n - 1 has). The states of such a cycle are the n-bit windows of
// the d-periodic repetition of a word, one cycle per aperiodic necklace: each is checked by d steps
// from the window of its Lyndon word, most of them ending at the first step (the feedback bit
// differs from the repetition's next letter half the time). The short words are tried first.
// `steps` counts the register steps made.
template <class Lane>
bool has_short_cycle(const Lane& lane, int bits, int longest, std::uint64_t& steps) {
  const std::uint64_t window_mask = bits == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
  const auto top = static_cast<unsigned>(bits - 1);
  std::uint64_t made = 0;
  const auto closes = [&](std::uint64_t pattern, int length) {
    if (pattern == 0) return false;  // the fixed point 0, or no cycle at all
    std::uint64_t state = 0;
    for (int j = 0; j < bits; j += length) state |= pattern << j;
    state &= window_mask;
    int next_letter = bits % length;  // letter (r + n) mod d of the repetition
    for (int r = 0; r < length; ++r) {
      state = lane.next(state);
      ++made;
      if (((state >> top) & 1U) != ((pattern >> next_letter) & 1U)) return false;
      if (++next_letter == length) next_letter = 0;
    }
    return true;
  };
  // Rounds of growing length, each trying only the words longer than the round before: a short
  // cycle is found before the long words are enumerated (they come first in lexicographic order).
  bool found = false;
  int shorter_than = 0;
  for (const int round : {4, 8, 12, 16, 64}) {
    const int up_to = std::min(round, longest);
    if (up_to <= shorter_than) break;
    if (any_lyndon_word(shorter_than, up_to, closes)) {
      found = true;
      break;
    }
    shorter_than = up_to;
  }
  steps += made;
  return found;
}

}  // namespace lfsr
