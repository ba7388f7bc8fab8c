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

// Group g of `groups` balanced groups of n digits: n / groups digits, one more for g < n % groups.
int group_digits(int n, int groups, int g) { return n / groups + (g < n % groups ? 1 : 0); }

}  // namespace

bool GfpFibonacciStepper::narrow_entries(std::uint64_t p, int n, int groups) {
  return power(p, n - 1) <=
         (std::uint64_t{1} << part_bits<std::uint32_t>)&&static_cast<std::uint64_t>(groups) * (p - 1) < 256;
}

int GfpFibonacciStepper::groups_for(std::uint64_t p, int n) {
  for (int groups = 1;; ++groups) {
    std::uint64_t entries = 0;
    for (int g = 0; g < groups; ++g) entries += power(p, group_digits(n, groups, g));
    if (groups == n || entries * (narrow_entries(p, n, groups) ? 4 : 8) <= max_table_bytes) return groups;
  }
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
  group_count_ = groups_for(p, n);
  narrow_ = narrow_entries(p, n, group_count_);
  const int shift = narrow_ ? part_bits<std::uint32_t> : part_bits<std::uint64_t>;

  // Group g's entry at value u of its digits [begin, begin + digits): its share of floor(s / p)
  // (floor(u / p) for the lowest group, u p^(begin - 1) above), plus L_g(u) = sum over the digits
  // u_k of c_(begin+k) u_k mod p, shifted above floor(s / p)'s bits.
  std::vector<std::uint64_t> entries;
  std::array<std::size_t, max_groups> offsets{};
  for (int g = 0, begin = 0; g < group_count_; ++g) {
    const int digits = group_digits(n, group_count_, g);
    const std::uint64_t values = power(p, digits);
    if (g + 1 < group_count_) splits_[static_cast<std::size_t>(g)] = divisor(values);
    offsets[static_cast<std::size_t>(g)] = entries.size();
    for (std::uint64_t u = 0; u < values; ++u) {
      std::uint64_t sum = 0;
      std::uint64_t rest = u;
      for (int k = 0; k < digits; ++k, rest /= p) sum += map.entry(n - 1, begin + k) * (rest % p);
      const std::uint64_t shifted = begin == 0 ? u / p : u * power(p, begin - 1);
      entries.push_back(shifted + (sum % p << shift));
    }
    begin += digits;
  }
  std::vector<std::uint64_t> wide(static_cast<std::size_t>(group_count_) * (p - 1) + 1);
  const std::uint64_t top = power(p, n - 1);
  for (std::size_t sum = 0; sum < wide.size(); ++sum) wide[sum] = sum % p * top;
  const std::size_t tables_at = wide.size();

  if (narrow_) {
    narrow_storage_ = std::make_shared<const std::vector<std::uint32_t>>(entries.begin(), entries.end());
  } else {
    wide.insert(wide.end(), entries.begin(), entries.end());
  }
  wide_storage_ = std::make_shared<const std::vector<std::uint64_t>>(std::move(wide));
  new_digit_ = wide_storage_->data();
  for (int g = 0; g < group_count_; ++g) {
    const std::size_t at = offsets[static_cast<std::size_t>(g)];
    tables_[static_cast<std::size_t>(g)] = narrow_ ? static_cast<const void*>(narrow_storage_->data() + at)
                                                   : static_cast<const void*>(wide_storage_->data() + tables_at + at);
  }
}

}  // namespace lfsr
