// The packed-state kernel of Fibonacci registers over GF(p), p odd: a digit shift and one new digit.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "lfsr/linear_map.hpp"

namespace lfsr {

// A Fibonacci register over GF(p) moves digit i + 1 of the state index to digit i and writes one
// new top digit, sum c_i v_i mod p over all digits v_i. So, with c_i the last row of the matrix,
//   next(s) = floor(s / p) + p^(n-1) (sum c_i v_i mod p),
// the radix-p analogue of the GF(2) shift-and-parity step. floor(s / p) is one multiply-high. The
// new digit is the sum of one byte table per group of digits (together at most max_table_bytes, so
// they stay in L1), each group split off by an exact multiply-high division; one small table
// maps the sum to p^(n-1) (sum mod p). That is half the work of GfpMatrixStepper, which maps all n
// digits and converts them back to an index.
class GfpFibonacciStepper {
 public:
  // Whether `map` is such a register: p odd and below 256, at most 2^40 states, rows 0..n-2 the
  // shift (row i holds a single 1, in column i + 1), n >= 2, at most max_groups digit groups.
  static bool fits(const LinearMap& map);

  explicit GfpFibonacciStepper(const LinearMap& map);

  std::uint64_t next(std::uint64_t state) const {
    switch (group_count_) {
      case 1:
        return step<1>(state);
      case 2:
        return step<2>(state);
      case 3:
        return step<3>(state);
      default:
        return step<max_groups>(state);
    }
  }

  // One step of each of several independent walks, stage by stage with the lanes innermost, so
  // that the lanes' multiplications and lookups overlap.
  template <std::size_t Lanes>
  void next_lanes(std::array<std::uint64_t, Lanes>& states) const {
    switch (group_count_) {
      case 1:
        return step_lanes<1>(states);
      case 2:
        return step_lanes<2>(states);
      case 3:
        return step_lanes<3>(states);
      default:
        return step_lanes<max_groups>(states);
    }
  }

  // Digit groups the new digit is looked up by (for tests and benchmarks).
  int group_count() const { return group_count_; }

 private:
  static constexpr int max_groups = 4;
  // The tables of 8-bit entries take at most three quarters of a 32 KiB L1: over GF(7) n = 9 two
  // groups (7^5 + 7^4 entries) took 30% fewer instructions per state than three.
  static constexpr std::uint64_t max_table_bytes = 24 << 10;

  __extension__ using Product = unsigned __int128;
  static std::uint64_t high_product(std::uint64_t a, std::uint64_t b) {
    return static_cast<std::uint64_t>((static_cast<Product>(a) * b) >> 64);
  }

  // floor(x / value) for x < 2^40 as floor(x m / 2^(64 + shift)) (see the constructor).
  struct Divisor {
    std::uint64_t value = 1;
    std::uint64_t reciprocal = 0;
    int shift = 0;
    std::uint64_t quotient(std::uint64_t x) const { return high_product(x, reciprocal) >> shift; }
  };
  static Divisor divisor(std::uint64_t value);
  // The fewest balanced groups of the n digits whose tables have at most max_table_bytes entries.
  static int groups_for(std::uint64_t p, int n);

  template <int Groups>
  std::uint64_t step(std::uint64_t state) const {
    std::uint64_t rest = state;
    std::uint64_t sum = 0;
    for (int g = 0; g + 1 < Groups; ++g) {
      const Divisor& split = splits_[static_cast<std::size_t>(g)];
      const std::uint64_t high = split.quotient(rest);
      sum += digit_tables_[static_cast<std::size_t>(g)][rest - high * split.value];
      rest = high;
    }
    sum += digit_tables_[static_cast<std::size_t>(Groups - 1)][rest];
    return by_p_.quotient(state) + new_digit_[sum];
  }

  template <int Groups, std::size_t Lanes>
  void step_lanes(std::array<std::uint64_t, Lanes>& states) const {
    std::array<std::uint64_t, Lanes> rest = states;
    std::array<std::uint64_t, Lanes> sum{};
    for (int g = 0; g + 1 < Groups; ++g) {
      const Divisor split = splits_[static_cast<std::size_t>(g)];
      const std::uint8_t* table = digit_tables_[static_cast<std::size_t>(g)];
      for (std::size_t l = 0; l < Lanes; ++l) {
        const std::uint64_t high = split.quotient(rest[l]);
        sum[l] += table[rest[l] - high * split.value];
        rest[l] = high;
      }
    }
    const std::uint8_t* top = digit_tables_[static_cast<std::size_t>(Groups - 1)];
    for (std::size_t l = 0; l < Lanes; ++l) sum[l] += top[rest[l]];
    for (std::size_t l = 0; l < Lanes; ++l) states[l] = by_p_.quotient(states[l]) + new_digit_[sum[l]];
  }

  int group_count_ = 0;
  Divisor by_p_;
  std::array<Divisor, max_groups - 1> splits_{};  // p^(digits of group g), lowest group first
  std::array<const std::uint8_t*, max_groups> digit_tables_{};
  const std::uint64_t* new_digit_ = nullptr;  // by sum of table values: p^(n-1) (sum mod p)
  // Shared by copies, so the pointers into them stay valid; never changed after construction.
  std::shared_ptr<const std::vector<std::uint8_t>> digit_storage_;
  std::shared_ptr<const std::vector<std::uint64_t>> new_digit_storage_;
};

}  // namespace lfsr
