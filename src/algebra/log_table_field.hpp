// GF(p^k) arithmetic on plain integer tables: logarithms to a primitive element for products, XOR
// (p = 2) or digit-sum tables (odd p) for sums, so that matrix row operations are table lookups.
#pragma once

#include <cstdint>
#include <vector>

#include "lfsr/field.hpp"

namespace lfsr::detail {

// Elements are our integers 0..q-1 (base-p digits = coefficients in a), held as uint16_t (q <= 65536).
using TableElement = std::uint16_t;

// GF(q), q = p^k with k >= 2. Products: x y = exp[log x + log y], with log 0 = zero_log chosen so
// that any sum involving it lands in the zero tail of exp: no branch on zero. Sums: x ^ y for p = 2;
// for odd p, x = high q_low + low splits x into digit blocks whose digit-wise sums are tabled.
class LogTableField {
 public:
  explicit LogTableField(const Field& field);

  std::uint32_t q() const { return q_; }
  bool characteristic_two() const { return p_ == 2; }
  // Odd p with q <= 256: one digit block, x + y = add_small(x, y), a single lookup.
  bool single_sum_table() const { return p_ != 2 && high_count_ == 1; }
  TableElement add_small(TableElement x, TableElement y) const { return low_sum_[x * low_count_ + y]; }
  // q - 1: logarithms are taken modulo it.
  std::uint32_t group_order() const { return q_ - 1; }
  // log 0: exp[zero_log + anything] = 0.
  std::uint32_t zero_log() const { return zero_log_; }
  // log(-1): 0 for p = 2, (q-1)/2 for odd p.
  std::uint32_t minus_one_log() const { return minus_one_log_; }

  std::uint32_t log(TableElement x) const { return log_[x]; }
  // g^e for e < 2 (q-1); 0 for zero_log <= e <= 2 zero_log.
  TableElement exp(std::uint32_t e) const { return exp_[e]; }
  TableElement mul(TableElement x, TableElement y) const { return exp_[log_[x] + log_[y]]; }
  TableElement add(TableElement x, TableElement y) const {
    if (p_ == 2) return static_cast<TableElement>(x ^ y);
    return static_cast<TableElement>(high_sum_[high_part(x) * high_count_ + high_part(y)] +
                                     low_sum_[low_part(x) * low_count_ + low_part(y)]);
  }
  // x / low_count as (x m) >> 32, m = floor(2^32 / low_count) + 1, exact for x < 2^16 and
  // low_count < 2^16: a multiplication where a lookup would miss the cache.
  std::uint32_t high_part(TableElement x) const {
    return static_cast<std::uint32_t>((std::uint64_t{x} * low_count_reciprocal_) >> 32);
  }
  std::uint32_t low_part(TableElement x) const { return x - high_part(x) * low_count_; }

  // Odd p, q > 256: x split into blocks of base-p digits, packed 10 bits a block: two blocks (the
  // low one at most 256 values, as add() splits), or three (as even as the digits allow) when the
  // high block would exceed 512 values (p >= 23, k = 3), whose sum table would not fit the cache.
  // Sums of split elements are one lookup per block; running sums stay split, so that a sum takes
  // two or three lookups where add() takes six.
  using Split = std::uint32_t;
  int split_blocks() const { return split_blocks_; }
  template <int Blocks>
  Split split(TableElement x) const {
    const std::uint32_t rest = divide(x, block_reciprocal_[0]);
    if constexpr (Blocks == 2) {
      return (x - rest * block_count_[0]) | rest << 10;
    } else {
      const std::uint32_t top = divide(static_cast<TableElement>(rest), block_reciprocal_[1]);
      return (x - rest * block_count_[0]) | (rest - top * block_count_[1]) << 10 | top << 20;
    }
  }
  template <int Blocks>
  TableElement join(Split s) const {
    if constexpr (Blocks == 2) {
      return static_cast<TableElement>((s >> 10) * block_count_[0] + (s & 1023));
    } else {
      return static_cast<TableElement>(((s >> 20) * block_count_[1] + (s >> 10 & 1023)) * block_count_[0] + (s & 1023));
    }
  }
  template <int Blocks>
  Split add_split(Split a, Split b) const {
    const Split low = block_sum_[0][(a & 1023) * block_count_[0] + (b & 1023)];
    if constexpr (Blocks == 2) {
      return low | Split{block_sum_[1][(a >> 10) * block_count_[1] + (b >> 10)]} << 10;
    } else {
      return low | Split{block_sum_[1][(a >> 10 & 1023) * block_count_[1] + (b >> 10 & 1023)]} << 10 |
             Split{block_sum_[2][(a >> 20) * block_count_[2] + (b >> 20)]} << 20;
    }
  }
  // x + join(t), the parts of x used as they come (packing them first costs as much as the lookups).
  template <int Blocks>
  TableElement add_to(TableElement x, Split t) const {
    const std::uint32_t rest = divide(x, block_reciprocal_[0]);
    const std::uint32_t low = block_sum_[0][(x - rest * block_count_[0]) * block_count_[0] + (t & 1023)];
    if constexpr (Blocks == 2) {
      return static_cast<TableElement>(block_sum_[1][rest * block_count_[1] + (t >> 10)] * block_count_[0] + low);
    } else {
      const std::uint32_t top = divide(static_cast<TableElement>(rest), block_reciprocal_[1]);
      const std::uint32_t middle = block_sum_[1][(rest - top * block_count_[1]) * block_count_[1] + (t >> 10 & 1023)];
      return static_cast<TableElement>(
          (block_sum_[2][top * block_count_[2] + (t >> 20)] * block_count_[1] + middle) * block_count_[0] + low);
    }
  }
  // split(exp(e)): one lookup.
  Split exp_split(std::uint32_t e) const { return exp_split_[e]; }
  // Zech logarithms (odd p, q > 256): elements kept as 16-bit logarithms, log 0 = zech_zero_log,
  // add as log(g^a + g^b) = a + Z(b - a) with Z(d) = log(1 + g^d), one lookup in a table of 3 (q - 1)
  // 16-bit entries (346 KiB for q = 3^10, inside the second-level cache) where a sum of split
  // elements takes an exp lookup in a table of 4 q 32-bit entries and two or three sum lookups.
  // The table is tripled so that (c + b) - a + q - 1 indexes it without a reduction.
  static constexpr std::uint32_t zech_zero_log = 65535;  // above every logarithm: q - 1 <= 65535
  bool has_zech() const { return !zech_.empty(); }
  // Z(d) for d < 3 (q - 1), zech_zero_log for d = (q - 1) / 2 mod q - 1 (1 + g^d = 1 - 1 = 0).
  std::uint32_t zech(std::uint32_t d) const { return zech_[d]; }
  // The 16-bit logarithm of x (zech_zero_log for 0) and its element.
  std::uint16_t zech_log(TableElement x) const { return static_cast<std::uint16_t>(x == 0 ? zech_zero_log : log_[x]); }
  TableElement zech_exp(std::uint32_t log_x) const { return log_x == zech_zero_log ? TableElement{0} : exp_[log_x]; }
  // The logarithm of -x / y, y != 0 (zero_log for x = 0).
  std::uint32_t log_minus_quotient(TableElement x, TableElement y) const {
    if (x == 0) return zero_log_;
    return (log_[x] + minus_one_log_ + group_order() - log_[y]) % group_order();
  }
  // The logarithm of x / y, y != 0 (zero_log for x = 0).
  std::uint32_t log_quotient(TableElement x, TableElement y) const {
    if (x == 0) return zero_log_;
    return (log_[x] + group_order() - log_[y]) % group_order();
  }
  // log(-x) given log x (zero_log stays).
  std::uint32_t negate_log(std::uint32_t log_x) const {
    return log_x == zero_log_ ? zero_log_ : (log_x + minus_one_log_) % group_order();
  }

 private:
  std::uint32_t p_ = 0, q_ = 0, zero_log_ = 0, minus_one_log_ = 0;
  std::vector<std::uint32_t> log_;
  std::vector<TableElement> exp_;
  // Odd p: x = high_part(x) low_count_ + low_part(x); high_sum_ holds digit-wise sums times low_count_.
  std::uint32_t low_count_ = 1, high_count_ = 1;
  std::vector<TableElement> low_sum_, high_sum_;
  std::uint64_t low_count_reciprocal_ = 0;
  // The blocks of split(): values per block, reciprocals as for high_part, digit-wise sums as block values.
  static std::uint32_t divide(TableElement x, std::uint64_t reciprocal) {
    return static_cast<std::uint32_t>((std::uint64_t{x} * reciprocal) >> 32);
  }
  int split_blocks_ = 0;
  std::uint32_t block_count_[3] = {1, 1, 1};
  std::uint64_t block_reciprocal_[2] = {0, 0};
  std::vector<TableElement> block_sum_[3];
  std::vector<Split> exp_split_;
  std::vector<std::uint16_t> zech_;
};

}  // namespace lfsr::detail
