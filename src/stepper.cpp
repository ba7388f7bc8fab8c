// The general digit-wise kernel.
#include "lfsr/stepper.hpp"

#include <array>

namespace lfsr {

Gf2FibonacciStepper::Gf2FibonacciStepper(int bits, std::uint64_t taps)
    : taps_(taps), top_(bits - 1), byte_count_((bits + 7) / 8), output_tables_{} {
  // By linearity, the output word of a state is the XOR of the output words of its bytes.
  for (int byte = 0; byte < byte_count_; ++byte) {
    for (std::uint64_t value = 0; value < 256; ++value) {
      std::uint64_t state = value << (8 * byte);
      if (bits < 64) state &= (std::uint64_t{1} << bits) - 1;
      std::uint64_t word = 0;
      for (int j = 0; j < 64; ++j) {
        state = next(state);
        word |= (state >> top_) << j;
      }
      output_tables_[static_cast<std::size_t>(byte)][value] = word;
    }
  }
}

DigitStepper::DigitStepper(const LinearMap& map)
    : p_(map.p), dimension_(map.dimension), matrix_(map.matrix) {}

std::uint64_t DigitStepper::next(std::uint64_t state) const {
  // Enumerable state spaces have at most 2^40 states, so at most 40 digits.
  std::array<std::uint64_t, 64> digits{};
  const auto n = static_cast<std::size_t>(dimension_);
  for (std::size_t i = 0; i < n; ++i, state /= p_) digits[i] = state % p_;
  std::uint64_t next = 0;
  for (std::size_t row = n; row-- > 0;) {
    const std::uint32_t* entries = &matrix_[row * n];
    std::uint64_t digit = 0;
    for (std::size_t col = 0; col < n; ++col) digit = (digit + entries[col] * digits[col]) % p_;
    next = next * p_ + digit;
  }
  return next;
}

}  // namespace lfsr
