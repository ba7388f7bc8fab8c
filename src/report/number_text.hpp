// Big integers as people read them in text output: exact short forms such as 2^1024 - 1, else the leading digits.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace lfsr {

// Numbers of up to this many digits are written out in full.
inline constexpr std::size_t max_plain_digits = 20;

// Largest multiplier m of the short forms m * (b^e + d) and (b^e + d)/m.
inline constexpr std::uint32_t max_short_form_multiplier = 1000;

// Whether a rounded number says how many digits it has: "1.0715e301 (302 digits)", or
// "1.0715e301" alone where space is short (a table that would not fit otherwise).
enum class DigitCount { shown, omitted };

// `value` for a line of text: all its digits when it has at most max_plain_digits of them; else,
// when one exists, the shortest exact form b^e + d, m * (b^e + d) or (b^e + d)/m (d in -1, 0, 1,
// 2 <= m <= max_short_form_multiplier) over `bases` (tried first: the field's q and p) and 2, 3,
// 5, 7, 10, written "2^1024 - 1", "3 * (2^31 - 1)", "(2^1024 - 1)/3"; else its first five
// significant digits, rounded, and (unless omitted) its digit count: "1.0715e301 (302 digits)".
// JSON carries the exact value; this is only for people.
// `value` (>= 0) in scientific notation with `significant` digits, rounded half up: 1.07e301 for
// three; values of at most `significant` digits are written out.
std::string scientific_text(const mpz_class& value, int significant);

std::string number_text(const mpz_class& value, const std::vector<std::uint32_t>& bases = {},
                        DigitCount digit_count = DigitCount::shown);

}  // namespace lfsr
