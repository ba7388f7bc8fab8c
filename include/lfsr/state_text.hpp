// A state written as its digit vector, the way the reports show states to people.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <string>
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

}  // namespace lfsr
