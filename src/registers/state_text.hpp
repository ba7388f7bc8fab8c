// States as text: a digit vector, the way the reports show states to people, and an index as options give it.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lfsr {

// The state of index sum s_i q^i (0 <= index < q^n) as its n digits s_(n-1) ... s_1 s_0, most
// significant first, each an element number 0..q-1: "0110" over GF(2), and separated by commas
// when q > 10, where digits have several characters: "12,0,3".
std::string state_digits_text(std::uint32_t q, int n, const mpz_class& index);

// The same from the digits v_0..v_(n-1) themselves. Longer than `max_width` characters (0: no
// limit): the first and last 16 or so around "...", and the digit count; only the digits shown are
// formatted, so a state of 100000 digits costs little.
std::string digits_text(const std::vector<std::uint32_t>& digits, std::uint32_t q, std::size_t max_width = 0);

// A state index as a one-line message names it: all its digits up to 40, else the first 20 and the
// count, "12345678901234567890...(41 digits)".
std::string state_index_text(const mpz_class& index);

// Longest state index text: the digits of the largest index of any state space the tool accepts,
// 65536^max_polynomial_degree - 1 = 2^1600000 - 1 (a test checks both figures).
inline constexpr std::size_t max_state_decimal_digits = 481648;
inline constexpr std::size_t max_state_hex_digits = 400000;

// A state index as --period-of and --trace take it: decimal "123", or hex "0x7b". Throws InputError
// "<option>: ..." for anything else and for more digits than max_state_decimal_digits (hex:
// max_state_hex_digits), checked before the number is read; the range 0..q^n - 1 is its user's
// to check.
mpz_class parse_state_index(std::string_view text, std::string_view option);

}  // namespace lfsr
