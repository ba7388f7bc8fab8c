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
  // Times a (g = a for a Conway or primitive modulus): the digits move up one place and the top one
  // comes back as top a^k, tabled; a digit-wise sum instead of Field::mul's product and reduction.
  const std::uint32_t top_place = q_ / p_;
  std::vector<std::uint32_t> top_times_a(p_);
  for (std::uint32_t top = 0; top < p_; ++top) top_times_a[top] = field.mul(top * top_place, field.generator());
  const auto times_g = [&](std::uint32_t x) {
    if (g != field.generator()) return field.mul(x, g);
    const std::uint32_t top = x / top_place;
    return p_ == 2 ? ((x - top * top_place) * 2) ^ top_times_a[top]
                   : field.add((x - top * top_place) * p_, top_times_a[top]);
  };
  std::uint32_t power = 1;
  for (std::uint32_t e = 0; e < q_ - 1; ++e) {
    log_[power] = e;
    exp_[e] = exp_[e + q_ - 1] = static_cast<TableElement>(power);
    power = times_g(power);
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
  // Digit-wise sums of the high parts from those of their leading digits, row by row: up to 1369^2
  // entries (37^3), where Field::add's divisions per digit took 0.03 s.
  std::vector<std::uint32_t> digit_sum(static_cast<std::size_t>(high_count_) * high_count_, 0);
  for (std::uint32_t a = 0; a < high_count_; ++a) {
    const std::uint32_t* leading = digit_sum.data() + static_cast<std::size_t>(a / p_) * high_count_;
    std::uint32_t* sums = digit_sum.data() + static_cast<std::size_t>(a) * high_count_;
    for (std::uint32_t b_leading = 0, b = 0; b < high_count_; ++b_leading) {
      for (std::uint32_t low_digit = 0, digit = a % p_; low_digit < p_ && b < high_count_; ++low_digit, ++b) {
        sums[b] = leading[b_leading] * p_ + digit;
        digit = digit + 1 == p_ ? 0 : digit + 1;
      }
    }
  }
  high_sum_.resize(digit_sum.size());
  for (std::size_t i = 0; i < digit_sum.size(); ++i)
    high_sum_[i] = static_cast<TableElement>(digit_sum[i] * low_count_);
  if (high_count_ == 1) return;
  const std::uint32_t k = field.k();
  split_blocks_ = high_count_ > 512 ? 3 : 2;
  std::uint32_t low_digits = 0;
  for (std::uint32_t c = 1; c < low_count_; c *= p_) ++low_digits;
  std::uint32_t place = 1;  // p^(digits below the block)
  for (int block = 0; block < split_blocks_; ++block) {
    const std::uint32_t digits = split_blocks_ == 2 ? (block == 0 ? low_digits : k - low_digits)
                                                    : k / 3 + (static_cast<std::uint32_t>(block) < k % 3 ? 1 : 0);
    std::uint32_t& count = block_count_[block];
    for (std::uint32_t d = 0; d < digits; ++d) count *= p_;
    assert(count <= 1024);
    if (block < 2) block_reciprocal_[block] = (std::uint64_t{1} << 32) / count + 1;
    std::vector<TableElement>& sums = block_sum_[block];
    sums.resize(static_cast<std::size_t>(count) * count);
    for (std::uint32_t x = 0; x < count; ++x) {
      for (std::uint32_t y = 0; y < count; ++y)
        sums[x * count + y] = static_cast<TableElement>(field.add(x * place, y * place) / place);
    }
    place *= count;
  }
  zech_.resize(3 * static_cast<std::size_t>(q_ - 1));
  for (std::uint32_t d = 0; d < q_ - 1; ++d) {
    const std::uint32_t x = exp_[d], sum = x % p_ == p_ - 1 ? x - (p_ - 1) : x + 1;  // 1 + x: the low digit
    zech_[d] = zech_[d + q_ - 1] = zech_[d + 2 * (q_ - 1)] =
        static_cast<std::uint16_t>(sum == 0 ? zech_zero_log : log_[sum]);
  }
  exp_split_.resize(exp_.size());
  for (std::size_t e = 0; e < exp_.size(); ++e)
    exp_split_[e] = split_blocks_ == 2 ? split<2>(exp_[e]) : split<3>(exp_[e]);
}

}  // namespace lfsr::detail
