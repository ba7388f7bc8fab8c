// Table construction for the GF(p) Fibonacci kernel.
#include "engine/gfp_fibonacci_stepper.hpp"

#include <algorithm>
#include <bit>

#include "lfsr/enumerate.hpp"
#include "lfsr/error.hpp"

namespace lfsr {

namespace {

__extension__ using Wide = unsigned __int128;

std::uint64_t power(std::uint64_t base, int exponent) {
  std::uint64_t result = 1;
  for (int i = 0; i < exponent; ++i) result *= base;
  return result;
}

}  // namespace

int GfpFibonacciStepper::groups_for(std::uint64_t p, int n) {
  // Group g has n / groups digits, one more for the first n % groups groups.
  const auto table_bytes = [p, n](int groups) {
    return static_cast<std::uint64_t>(n % groups) * power(p, n / groups + 1) +
           static_cast<std::uint64_t>(groups - n % groups) * power(p, n / groups);
  };
  int groups = 1;
  while (groups < n && table_bytes(groups) > max_table_bytes) ++groups;
  return groups;
}

bool GfpFibonacciStepper::fits(const LinearMap& map) {
  const int n = map.dimension;
  if (map.kind != LinearMap::Kind::general || map.p < 3 || map.p > 255 || map.p % 2 == 0 || n < 2) return false;
  const std::uint64_t states = map.state_count();
  if (states == 0 || states > max_enumeration_states || groups_for(map.p, n) > max_groups) return false;
  for (int row = 0; row + 1 < n; ++row)
    for (int col = 0; col < n; ++col)
      if (map.entry(row, col) != (col == row + 1 ? 1U : 0U)) return false;
  return true;
}

// floor(x / d) = floor(x m / 2^(64 + shift)) for x < 2^40 when m = ceil(2^(64 + shift) / d) and
// 2^(64 + shift) >= 2^40 d (Granlund and Montgomery, Theorem 4.2); m < 2^64 for d >= 2.
GfpFibonacciStepper::Divisor GfpFibonacciStepper::divisor(std::uint64_t value) {
  Divisor d;
  d.value = value;
  d.shift = std::max(0, static_cast<int>(std::bit_width(value - 1)) - 24);
  d.reciprocal = static_cast<std::uint64_t>(((static_cast<Wide>(1) << (64 + d.shift)) - 1) / value + 1);
  return d;
}

GfpFibonacciStepper::GfpFibonacciStepper(const LinearMap& map) {
  if (!fits(map)) throw InternalError("GfpFibonacciStepper: not a Fibonacci register over GF(p), p odd");
  const int n = map.dimension;
  const std::uint64_t p = map.p;
  by_p_ = divisor(p);

  group_count_ = groups_for(p, n);

  // Table g, at value u of its digits [begin, begin + digits): sum over those digits u_k of
  // c_(begin+k) u_k mod p.
  std::vector<std::uint8_t> digits_table;
  std::array<std::size_t, max_groups> offsets{};
  for (int g = 0, begin = 0; g < group_count_; ++g) {
    const int digits = n / group_count_ + (g < n % group_count_ ? 1 : 0);
    const std::uint64_t values = power(p, digits);
    if (g + 1 < group_count_) splits_[static_cast<std::size_t>(g)] = divisor(values);
    offsets[static_cast<std::size_t>(g)] = digits_table.size();
    for (std::uint64_t u = 0; u < values; ++u) {
      std::uint64_t sum = 0;
      std::uint64_t rest = u;
      for (int k = 0; k < digits; ++k, rest /= p) sum += map.entry(n - 1, begin + k) * (rest % p);
      digits_table.push_back(static_cast<std::uint8_t>(sum % p));
    }
    begin += digits;
  }
  std::vector<std::uint64_t> new_digit(static_cast<std::size_t>(group_count_) * (p - 1) + 1);
  const std::uint64_t top = power(p, n - 1);
  for (std::size_t sum = 0; sum < new_digit.size(); ++sum) new_digit[sum] = sum % p * top;

  digit_storage_ = std::make_shared<const std::vector<std::uint8_t>>(std::move(digits_table));
  new_digit_storage_ = std::make_shared<const std::vector<std::uint64_t>>(std::move(new_digit));
  for (int g = 0; g < group_count_; ++g)
    digit_tables_[static_cast<std::size_t>(g)] = digit_storage_->data() + offsets[static_cast<std::size_t>(g)];
  new_digit_ = new_digit_storage_->data();
}

}  // namespace lfsr
