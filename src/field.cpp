// GF(q) construction: which field orders the tool accepts, and the primality test behind it.
#include "lfsr/field.hpp"

#include <fmt/format.h>

#include "lfsr/error.hpp"

namespace lfsr {

namespace {

// 128-bit products keep a * b mod n exact for every 64-bit n.
__extension__ using uint128 = unsigned __int128;

std::uint64_t mul_mod(std::uint64_t a, std::uint64_t b, std::uint64_t n) {
  return static_cast<std::uint64_t>(uint128{a} * b % n);
}

std::uint64_t pow_mod(std::uint64_t base, std::uint64_t exponent, std::uint64_t n) {
  std::uint64_t result = 1;
  base %= n;
  for (; exponent != 0; exponent >>= 1) {
    if (exponent & 1) result = mul_mod(result, base, n);
    base = mul_mod(base, base, n);
  }
  return result;
}

// Miller-Rabin round: false means n (odd, n - 1 = d * 2^s) is certainly composite.
bool passes_round(std::uint64_t n, std::uint64_t d, int s, std::uint64_t witness) {
  std::uint64_t x = pow_mod(witness, d, n);
  if (x == 1 || x == n - 1) return true;
  for (int i = 1; i < s; ++i) {
    x = mul_mod(x, x, n);
    if (x == n - 1) return true;
  }
  return false;
}

}  // namespace

bool is_prime(std::uint64_t n) {
  // These witnesses make Miller-Rabin deterministic for every n < 2^64.
  constexpr std::uint64_t witnesses[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
  if (n < 2) return false;
  for (std::uint64_t w : witnesses) {
    if (n % w == 0) return n == w;
  }
  std::uint64_t d = n - 1;
  int s = 0;
  for (; d % 2 == 0; d /= 2) ++s;
  for (std::uint64_t w : witnesses) {
    if (!passes_round(n, d, s, w)) return false;
  }
  return true;
}

Field Field::from_order(std::uint64_t q) {
  if (q > max_field_order) {
    throw InputError(fmt::format("field order {} is larger than the maximum {}", q, max_field_order));
  }
  if (is_prime(q)) {
    const auto p = static_cast<std::uint32_t>(q);
    return Field(p, 1, p);
  }
  // q is small here, so trial division finds its least prime factor quickly.
  std::uint64_t p = 2;
  while (p * p <= q && q % p != 0) ++p;
  std::uint64_t rest = q;
  int k = 0;
  for (; q >= 2 && rest % p == 0; rest /= p) ++k;
  if (q >= 4 && rest == 1) {
    throw InputError(fmt::format("field order {} = {}^{}: only prime fields are supported", q, p, k));
  }
  throw InputError(fmt::format("field order {} is not a prime", q));
}

}  // namespace lfsr
