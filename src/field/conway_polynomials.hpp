// The published Conway polynomials, the default defining polynomials of the prime-power fields.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace lfsr::detail {

// C(p, k) as coefficients c_0..c_k over GF(p) (c_k = 1), for p^k <= 65536 and k >= 2; nullopt otherwise.
std::optional<std::vector<std::uint32_t>> conway_polynomial(std::uint32_t p, std::uint32_t k);

}  // namespace lfsr::detail
