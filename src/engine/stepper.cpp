// Table construction for the packed-state kernels.
#include "engine/stepper.hpp"

#include <algorithm>
#include <array>

#include "lfsr/error.hpp"

namespace lfsr {

namespace {

__extension__ using Wide = unsigned __int128;

// Tables stay in L1: a group of digits has at most this many values...
constexpr std::uint64_t max_group_values = 1024;
// ...and a conversion table is indexed by at most this many lane bits.
constexpr int max_chunk_bits = 10;
// Lanes wider than this are reduced by subtraction instead.
constexpr int max_table_lane_bits = 10;

std::uint64_t power(std::uint64_t base, int exponent) {
  std::uint64_t result = 1;
  for (int i = 0; i < exponent; ++i) result *= base;
  return result;
}

// M v mod p for the digit vector v = value * e_digit.
std::vector<std::uint64_t> column_image(const LinearMap& map, int digit, std::uint64_t value) {
  std::vector<std::uint64_t> image(static_cast<std::size_t>(map.dimension));
  for (int row = 0; row < map.dimension; ++row)
    image[static_cast<std::size_t>(row)] = map.entry(row, digit) * (value % map.p) % map.p;
  return image;
}

}  // namespace

Gf2FibonacciStepper::Gf2FibonacciStepper(int bits, std::uint64_t taps)
    : taps_(taps), top_(bits - 1), byte_count_((bits + 7) / 8), output_tables_{} {
  // By linearity the output word of a state is the XOR of the output words of its set bits: 64
  // steps per bit, then one XOR per table entry. (Stepping every entry's 64 steps instead cost
  // about 30 us per register, which dominated the analysis of small registers in a batch.)
  std::array<std::uint64_t, 64> bit_words{};
  for (int bit = 0; bit < bits; ++bit) {
    std::uint64_t state = std::uint64_t{1} << bit;
    for (int j = 0; j < 64; ++j) {
      state = next(state);
      bit_words[static_cast<std::size_t>(bit)] |= (state >> top_) << j;
    }
  }
  for (int byte = 0; byte < byte_count_; ++byte) {
    auto& table = output_tables_[static_cast<std::size_t>(byte)];
    for (std::uint64_t value = 1; value < 256; ++value) {
      const int bit = 8 * byte + std::countr_zero(value);
      table[value] = table[value & (value - 1)] ^ (bit < bits ? bit_words[static_cast<std::size_t>(bit)] : 0);
    }
  }
}

Gf2MatrixStepper::Gf2MatrixStepper(const LinearMap& map) {
  if (map.p != 2 || map.dimension < 1 || map.dimension > 64)
    throw InternalError("Gf2MatrixStepper: not a GF(2) map of 1..64 bits");
  groups_ = (map.dimension + 7) / 8;
  group_bits_ = (map.dimension + groups_ - 1) / groups_;
  group_mask_ = (std::uint64_t{1} << group_bits_) - 1;
  table_.assign(static_cast<std::size_t>(groups_) << group_bits_, 0);
  // Entry [g][u] = XOR of the columns of M at the set bits of u placed at group g.
  for (int group = 0; group < groups_; ++group) {
    std::uint64_t* table = &table_[static_cast<std::size_t>(group) << group_bits_];
    for (std::uint64_t u = 1; u <= group_mask_; ++u) {
      const int bit = std::countr_zero(u);
      const int col = group * group_bits_ + bit;
      std::uint64_t column = 0;
      if (col < map.dimension)
        for (int row = 0; row < map.dimension; ++row)
          column |= static_cast<std::uint64_t>(map.entry(row, col) & 1U) << row;
      table[u] = table[u & (u - 1)] ^ column;
    }
  }
}

GfpMatrixStepper::GfpMatrixStepper(const LinearMap& map) : p_(map.p) {
  const int n = map.dimension;
  const std::uint64_t states = map.state_count();
  if (states == 0 || states > (std::uint64_t{1} << 40) || n < 1 || n > max_lanes)
    throw InternalError("GfpMatrixStepper: the state space must have at most 2^40 states");

  // Digit groups: balanced, each with at most max_group_values values; above p = 256 one digit
  // per group, looked up by bytes.
  const bool bytes = p_ > 256;
  int group_digits = 1;
  while (!bytes && power(p_, group_digits + 1) <= max_group_values) ++group_digits;
  group_count_ = (n + group_digits - 1) / group_digits;
  if (group_count_ > max_groups) throw InternalError("GfpMatrixStepper: too many digit groups");

  // Lanes: each holds the sum over all tables of values < p.
  const std::uint64_t parts = static_cast<std::uint64_t>(group_count_) * (bytes ? 2 : 1);
  const int lane_bits = static_cast<int>(std::bit_width(parts * (p_ - 1)));
  const int lanes_per_word = 64 / lane_bits;
  const int words = (n + lanes_per_word - 1) / lanes_per_word;
  const bool reduced = bytes || lane_bits > max_table_lane_bits;
  if (words > 2 || (reduced && words > 1)) throw InternalError("GfpMatrixStepper: the lanes do not fit");
  auto lane_word = [&](int lane) { return lane / lanes_per_word; };
  auto lane_shift = [&](int lane) { return (lane % lanes_per_word) * lane_bits; };

  // Offsets into `tables` until it is complete, then pointers.
  std::vector<std::uint64_t> tables;
  std::array<std::size_t, max_groups> group_offsets{};
  std::array<std::size_t, max_lanes> chunk_offsets{};
  auto add_image = [&](const std::vector<std::uint64_t>& digits) {
    const std::size_t at = tables.size();
    tables.resize(at + static_cast<std::size_t>(words));
    for (int lane = 0; lane < n; ++lane) {
      const std::uint64_t digit = digits[static_cast<std::size_t>(lane)];
      tables[at + static_cast<std::size_t>(lane_word(lane))] += digit << lane_shift(lane);
    }
  };

  // Group tables and how each group's value is found.
  // The top group [b, n): x < p^n <= 2^40, so floor(x / p^b) = floor(x m / 2^(64 + s)) with
  // m = ceil(2^(64 + s) / p^b), 2^(64 + s) >= 2^40 p^b (Granlund and Montgomery, Theorem 4.2).
  // The other groups [b, e): let D = p^e, P = p^(e-b), x = qD + r, c = 2^L / D + eps with
  // 0 <= eps < 1. Then x c = q 2^L + r 2^L / D + x eps, so the fraction f / 2^L lies in
  // [r / D, r / D + x eps / 2^L) (L = 64; with L = 128, after taking the top word and adding 1 it
  // lies in (r / D, r / D + (x + 2^64) / 2^128]). The wanted value floor(r P / D) = floor(r / p^b)
  // is below r P / D by at least 1 / D, so f P / 2^L has the same floor when P D x < 2^64
  // (L = 64) or P D (x + 2^64) < 2^128 (L = 128, ensured by P D < 2^63).
  for (int g = 0, begin = 0; g < group_count_; ++g) {
    const auto gi = static_cast<std::size_t>(g);
    const int digits = n / group_count_ + (g < n % group_count_ ? 1 : 0);
    const int end = begin + digits;
    Group& group = groups_[gi];
    group.radix = power(p_, digits);
    const std::uint64_t divisor = power(p_, end);
    const Wide bound = static_cast<Wide>(group.radix) * divisor;
    if (group_count_ == 1) {
      group.split = Split::whole;
    } else if (end == n) {
      const std::uint64_t below = power(p_, begin);
      // 2^(64 + shift) >= 2^40 below
      const int shift = std::max(0, static_cast<int>(std::bit_width(below - 1)) - 24);
      group.split = Split::quotient;
      group.shift = static_cast<std::uint8_t>(shift);
      group.reciprocal_low = static_cast<std::uint64_t>(((static_cast<Wide>(1) << (64 + shift)) - 1) / below + 1);
    } else if (bound * (states - 1) < (static_cast<Wide>(1) << 64)) {
      group.split = Split::fraction;
      group.reciprocal_low = ~std::uint64_t{0} / divisor + 1;  // ceil(2^64 / D)
    } else {
      if (bound >= (static_cast<Wide>(1) << 63)) throw InternalError("GfpMatrixStepper: group divisor too large");
      const Wide reciprocal = ~static_cast<Wide>(0) / divisor + 1;  // ceil(2^128 / D)
      group.split = Split::wide_fraction;
      group.reciprocal_low = static_cast<std::uint64_t>(reciprocal);
      group.reciprocal_high = static_cast<std::uint64_t>(reciprocal >> 64);
    }
    group_offsets[gi] = tables.size();
    if (bytes) {
      // Low byte u: image of u e_begin; high byte u: image of 256 u e_begin.
      for (std::uint64_t u = 0; u < 256; ++u) add_image(column_image(map, begin, u));
      for (std::uint64_t u = 0; u <= (p_ - 1) >> 8; ++u) add_image(column_image(map, begin, 256 * u));
    } else {
      // Image of value u: sum over its digits u_k of u_k M e_(begin+k), reduced mod p per lane.
      for (std::uint64_t u = 0; u < group.radix; ++u) {
        std::vector<std::uint64_t> image(static_cast<std::size_t>(n), 0);
        std::uint64_t rest = u;
        for (int k = 0; k < digits; ++k, rest /= p_) {
          const std::vector<std::uint64_t> column = column_image(map, begin + k, rest % p_);
          for (std::size_t row = 0; row < image.size(); ++row) image[row] = (image[row] + column[row]) % p_;
        }
        add_image(image);
      }
    }
    begin = end;
  }

  // Conversion back to the index: one reduced lane per chunk, or tables over a few lanes.
  if (reduced) {
    chunk_count_ = n;
    reduce_steps_ = static_cast<int>(std::bit_width(parts - 1));  // lanes <= parts (p - 1) < p 2^reduce_steps_
    if (reduce_steps_ > max_reduce_steps) throw InternalError("GfpMatrixStepper: lanes too wide to reduce");
    for (int lane = 0; lane < n; ++lane) {
      Chunk& chunk = chunks_[static_cast<std::size_t>(lane)];
      chunk.mask = (std::uint64_t{1} << lane_bits) - 1;
      chunk.power = power(p_, lane);
      chunk.shift = static_cast<std::uint8_t>(lane_shift(lane));
    }
  } else {
    const int lanes_per_chunk = std::max(1, max_chunk_bits / lane_bits);
    const std::uint64_t chunk_mask = (std::uint64_t{1} << (lanes_per_chunk * lane_bits)) - 1;
    const std::uint64_t lane_mask = (std::uint64_t{1} << lane_bits) - 1;
    for (int lane = 0; lane < n;) {
      // A chunk never crosses into the next word.
      const int last = std::min({n, lane + lanes_per_chunk, (lane_word(lane) + 1) * lanes_per_word});
      const auto ci = static_cast<std::size_t>(chunk_count_++);
      Chunk& chunk = chunks_[ci];
      chunk.mask = chunk_mask;
      if (lane_word(lane) == 0) first_word_chunks_ = chunk_count_;
      chunk.shift = static_cast<std::uint8_t>(lane_shift(lane));
      chunk_offsets[ci] = tables.size();
      for (std::uint64_t t = 0; t <= chunk_mask; ++t) {
        std::uint64_t index = 0;
        for (int i = lane; i < last; ++i) index += ((t >> ((i - lane) * lane_bits)) & lane_mask) % p_ * power(p_, i);
        tables.push_back(index);
      }
      lane = last;
    }
  }

  tables_ = std::make_shared<const std::vector<std::uint64_t>>(std::move(tables));
  for (int g = 0; g < group_count_; ++g)
    groups_[static_cast<std::size_t>(g)].images = tables_->data() + group_offsets[static_cast<std::size_t>(g)];
  if (!reduced)
    for (int c = 0; c < chunk_count_; ++c)
      chunks_[static_cast<std::size_t>(c)].table = tables_->data() + chunk_offsets[static_cast<std::size_t>(c)];

  shape_ = bytes ? Shape::bytes_reduced : reduced ? Shape::reduced : words == 2 ? Shape::two_words : Shape::one_word;
}

}  // namespace lfsr
