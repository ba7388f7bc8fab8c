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
// the radix-p analogue of the GF(2) shift-and-parity step. Both terms are sums over groups of
// digits: with group g holding digits [b_g, e_g) of value u_g (s = sum u_g p^(b_g)),
//   floor(s / p) = floor(u_0 / p) + sum_(g > 0) u_g p^(b_g - 1),  and  sum c_i v_i = sum L_g(u_g).
// One table per group holds both parts of u_g: its share of floor(s / p) in the low bits, L_g(u_g)
// mod p above them. A step splits s into the groups by exact multiply-high divisions, adds one
// entry per group, and maps the sum of the L_g (the high bits) to p^(n-1) (sum mod p) by a last
// small table. That is about half the work of GfpMatrixStepper, which maps all n digits and
// converts them back to an index. The entries are 32 bits wide where the parts fit, else 64; the
// tables stay in L1 and L2.
class GfpFibonacciStepper {
 public:
  // Whether `map` is such a register: p odd and below 256, at most 2^40 states, rows 0..n-2 the
  // shift (row i holds a single 1, in column i + 1), n >= 2, at most max_groups digit groups.
  static bool fits(const LinearMap& map);

  explicit GfpFibonacciStepper(const LinearMap& map);

  std::uint64_t next(std::uint64_t state) const {
    if (narrow_) return next_in<std::uint32_t>(state);
    return next_in<std::uint64_t>(state);
  }

  // One step of each of several independent walks, stage by stage with the lanes innermost, so
  // that the lanes' multiplications and lookups overlap.
  template <std::size_t Lanes>
  void next_lanes(std::array<std::uint64_t, Lanes>& states) const {
    if (narrow_) return next_lanes_in<std::uint32_t>(states);
    return next_lanes_in<std::uint64_t>(states);
  }

  // Digit groups the state is split into, and whether the entries are 32 bits wide (for tests).
  int group_count() const { return group_count_; }
  bool narrow() const { return narrow_; }

 private:
  static constexpr int max_groups = 4;
  // The tables take at most this many bytes in all, in L1 and L2. Over GF(7) n = 9 two groups (77
  // KiB) ran 1.25x faster than three (4 KiB, in L1): 1244 M against 1784 M instructions.
  static constexpr std::uint64_t max_table_bytes = 80 << 10;

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
  // The fewest balanced groups of the n digits whose tables take at most max_table_bytes.
  static int groups_for(std::uint64_t p, int n);
  // Entries of 32 bits hold floor(s / p) < p^(n-1) below bit 24 and the sum of the L_g above it.
  static bool narrow_entries(std::uint64_t p, int n, int groups);

  template <class Entry>
  std::uint64_t next_in(std::uint64_t state) const {
    switch (group_count_) {
      case 1:
        return step<Entry, 1>(state);
      case 2:
        return step<Entry, 2>(state);
      case 3:
        return step<Entry, 3>(state);
      default:
        return step<Entry, max_groups>(state);
    }
  }
  template <class Entry, std::size_t Lanes>
  void next_lanes_in(std::array<std::uint64_t, Lanes>& states) const {
    switch (group_count_) {
      case 1:
        return step_lanes<Entry, 1>(states);
      case 2:
        return step_lanes<Entry, 2>(states);
      case 3:
        return step_lanes<Entry, 3>(states);
      default:
        return step_lanes<Entry, max_groups>(states);
    }
  }

  template <class Entry>
  const Entry* table(int group) const {
    return static_cast<const Entry*>(tables_[static_cast<std::size_t>(group)]);
  }
  template <class Entry>
  static constexpr int part_bits = sizeof(Entry) == 4 ? 24 : 48;

  // The sum of the groups' entries: floor(s / p) in the low part_bits bits, the L_g above.
  template <class Entry>
  std::uint64_t from_entries(std::uint64_t sum) const {
    return (sum & ((std::uint64_t{1} << part_bits<Entry>)-1)) + new_digit_[sum >> part_bits<Entry>];
  }

  template <class Entry, int Groups>
  std::uint64_t step(std::uint64_t state) const {
    std::uint64_t rest = state;
    std::uint64_t sum = 0;
    for (int g = 0; g + 1 < Groups; ++g) {
      const Divisor& split = splits_[static_cast<std::size_t>(g)];
      const std::uint64_t high = split.quotient(rest);
      sum += table<Entry>(g)[rest - high * split.value];
      rest = high;
    }
    sum += table<Entry>(Groups - 1)[rest];
    return from_entries<Entry>(sum);
  }

  template <class Entry, int Groups, std::size_t Lanes>
  void step_lanes(std::array<std::uint64_t, Lanes>& states) const {
    std::array<std::uint64_t, Lanes> rest = states;
    std::array<std::uint64_t, Lanes> sum{};
    for (int g = 0; g + 1 < Groups; ++g) {
      const Divisor split = splits_[static_cast<std::size_t>(g)];
      const Entry* entries = table<Entry>(g);
      for (std::size_t l = 0; l < Lanes; ++l) {
        const std::uint64_t high = split.quotient(rest[l]);
        sum[l] += entries[rest[l] - high * split.value];
        rest[l] = high;
      }
    }
    const Entry* top = table<Entry>(Groups - 1);
    for (std::size_t l = 0; l < Lanes; ++l) states[l] = from_entries<Entry>(sum[l] + top[rest[l]]);
  }

  int group_count_ = 0;
  bool narrow_ = false;
  std::array<Divisor, max_groups - 1> splits_{};  // p^(digits of group g), lowest group first
  std::array<const void*, max_groups> tables_{};  // of uint32 (narrow) or uint64 entries
  const std::uint64_t* new_digit_ = nullptr;      // by sum of the L_g: p^(n-1) (sum mod p)
  // Shared by copies, so the pointers into them stay valid; never changed after construction.
  std::shared_ptr<const std::vector<std::uint32_t>> narrow_storage_;
  std::shared_ptr<const std::vector<std::uint64_t>> wide_storage_;
};

}  // namespace lfsr
