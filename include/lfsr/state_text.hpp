// A state written as its digit vector, the way the reports show states to people.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <string>

namespace lfsr {

// The state of index sum s_i q^i (0 <= index < q^n) as its n digits s_(n-1) ... s_1 s_0, most
// significant first, each an element number 0..q-1: "0110" over GF(2), and separated by commas
// when q > 10, where digits have several characters: "12,0,3".
std::string state_digits_text(std::uint32_t q, int n, const mpz_class& index);

}  // namespace lfsr
