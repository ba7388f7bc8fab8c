// Sample states for kernel tests: powers of q and the indexes where a wrong digit split shows first.
#pragma once

#include <cstdint>
#include <vector>

inline std::uint64_t power(std::uint64_t base, int exponent) {
  std::uint64_t result = 1;
  for (int i = 0; i < exponent; ++i) result *= base;
  return result;
}

// States where a wrong digit split shows first: around every p^k boundary, the ends of the range,
// and digits all 0 or all p - 1 below and above position k.
inline std::vector<std::uint64_t> boundary_states(std::uint64_t p, int n) {
  const std::uint64_t states = power(p, n);
  std::vector<std::uint64_t> result{0, 1, 2, states - 1, states - 2, states / 2};
  for (int k = 1; k < n; ++k) {
    const std::uint64_t low = power(p, k);
    for (std::uint64_t high : {std::uint64_t{1}, p - 1, states / low - 1, states / low / 2})
      for (std::uint64_t below : {std::uint64_t{0}, std::uint64_t{1}, low - 1})
        if (high * low + below < states) result.push_back(high * low + below);
    result.push_back(low - 1);
    result.push_back(states - low);
  }
  return result;
}
