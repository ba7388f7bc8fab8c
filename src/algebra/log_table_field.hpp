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
  // Odd p, two digit blocks: x = high_part(x) low_count + low_part(x). Sums kept split (add_high on
  // high parts, add_low on low parts) need two lookups each instead of six: independent running sums.
  // x / low_count as (x m) >> 32, m = floor(2^32 / low_count) + 1, exact for x < 2^16 and
  // low_count <= 256: a multiplication where a lookup would miss the cache.
  std::uint32_t high_part(TableElement x) const {
    return static_cast<std::uint32_t>((std::uint64_t{x} * low_count_reciprocal_) >> 32);
  }
  std::uint32_t low_part(TableElement x) const { return x - high_part(x) * low_count_; }
  std::uint32_t add_high(std::uint32_t a, std::uint32_t b) const { return high_digit_sum_[a * high_count_ + b]; }
  std::uint32_t add_low(std::uint32_t a, std::uint32_t b) const { return low_sum_[a * low_count_ + b]; }
  TableElement join(std::uint32_t high, std::uint32_t low) const {
    return static_cast<TableElement>(high * low_count_ + low);
  }
  // exp(e) split: high_part << 16 | low_part, one lookup where exp and the two parts are three.
  std::uint32_t exp_split(std::uint32_t e) const { return exp_split_[e]; }
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
  std::vector<TableElement> high_digit_sum_;  // high_sum_ / low_count_
  std::vector<std::uint32_t> exp_split_;
  std::uint64_t low_count_reciprocal_ = 0;
};

}  // namespace lfsr::detail
