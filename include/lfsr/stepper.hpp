// Packed-state kernels: one step of the transition on a state index, with no NTL call per state.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

#include "lfsr/linear_map.hpp"

namespace lfsr {

// GF(2) Fibonacci: shift right, the new top bit is the parity of the tapped bits.
// The states are the n-bit windows of the output sequence, so the kernel can also produce the
// next 64 sequence bits at once (a linear function of the state, read from byte tables as CRC
// code does): 64 steps for a few table lookups.
class Gf2FibonacciStepper {
 public:
  Gf2FibonacciStepper(int bits, std::uint64_t taps);
  int bits() const { return top_ + 1; }
  std::uint64_t next(std::uint64_t state) const {
    return (state >> 1) | (static_cast<std::uint64_t>(std::popcount(state & taps_) & 1) << top_);
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
  Gf2GaloisStepper(int bits, std::uint64_t taps)
      : taps_(taps), mask_((std::uint64_t{1} << bits) - 1), top_(bits - 1) {}
  std::uint64_t next(std::uint64_t state) const {
    return ((state << 1) & mask_) ^ (taps_ & (0 - (state >> top_)));
  }

 private:
  std::uint64_t taps_;
  std::uint64_t mask_;
  int top_;
};

// Any linear map over GF(p) on base-p digits: per output digit, a dot product with the input
// digits. The general fallback; the LFSR kinds over GF(2) use the kernels above.
class DigitStepper {
 public:
  explicit DigitStepper(const LinearMap& map);
  std::uint64_t next(std::uint64_t state) const;

 private:
  std::uint32_t p_;
  int dimension_;
  std::vector<std::uint32_t> matrix_;
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
  return std::forward<Visit>(visit)(DigitStepper(map));
}

}  // namespace lfsr
