// The tables of LogTableField: a primitive element's powers and logarithms, and digit-block sums.
#include "algebra/log_table_field.hpp"

#include <cassert>

#include "algebra/primitivity_test.hpp"

namespace lfsr::detail {

LogTableField::LogTableField(const Field& field)
    : p_(field.p()),
      q_(field.q()),
      zero_log_(2 * (field.q() - 1)),
      minus_one_log_(field.p() == 2 ? 0 : (field.q() - 1) / 2) {
  assert(!field.is_prime() && q_ <= 65536);
  std::uint32_t g = 2;  // the least primitive element (1 is not, q > 2)
  while (!is_primitive_element(field, g)) ++g;
  log_.assign(q_, zero_log_);
  exp_.assign(2 * static_cast<std::size_t>(zero_log_) + 1, 0);
  std::uint32_t power = 1;
  for (std::uint32_t e = 0; e < q_ - 1; ++e) {
    log_[power] = e;
    exp_[e] = exp_[e + q_ - 1] = static_cast<TableElement>(power);
    power = field.mul(power, g);
  }
  if (p_ == 2) return;
  // Blocks of at most 256 values each: the sum tables stay within 2^16 entries but for p = 7
  // (7^5: blocks 49 and 343), all inside the second-level cache.
  while (static_cast<std::uint64_t>(low_count_) * p_ <= 256 && low_count_ < q_) low_count_ *= p_;
  high_count_ = q_ / low_count_;
  low_count_reciprocal_ = (std::uint64_t{1} << 32) / low_count_ + 1;
  low_sum_.resize(static_cast<std::size_t>(low_count_) * low_count_);
  for (std::uint32_t a = 0; a < low_count_; ++a) {
    for (std::uint32_t b = 0; b < low_count_; ++b)
      low_sum_[a * low_count_ + b] = static_cast<TableElement>(field.add(a, b));
  }
  high_sum_.resize(static_cast<std::size_t>(high_count_) * high_count_);
  for (std::uint32_t a = 0; a < high_count_; ++a) {
    for (std::uint32_t b = 0; b < high_count_; ++b)
      high_sum_[a * high_count_ + b] = static_cast<TableElement>(field.add(a * low_count_, b * low_count_));
  }
  high_digit_sum_.resize(high_sum_.size());
  for (std::size_t i = 0; i < high_sum_.size(); ++i)
    high_digit_sum_[i] = static_cast<TableElement>(high_sum_[i] / low_count_);
  if (high_count_ == 1) return;
  exp_split_.resize(exp_.size());
  for (std::size_t e = 0; e < exp_.size(); ++e) exp_split_[e] = high_part(exp_[e]) << 16 | low_part(exp_[e]);
}

}  // namespace lfsr::detail
