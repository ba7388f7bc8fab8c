// GF(q) construction (prime powers, Conway or given moduli) and the element arithmetic of GF(p^k).
#include "lfsr/field.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "field/conway_polynomials.hpp"
#include "field/ntl_field.hpp"
#include "lfsr/error.hpp"
#include "lfsr/polynomial.hpp"
#include "text/printable_text.hpp"

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

Field::Field(std::uint32_t p, std::uint32_t k, std::vector<std::uint32_t> modulus)
    : p_(p), k_(k), q_(1), modulus_(std::move(modulus)) {
  for (std::uint32_t i = 0; i < k; ++i) q_ *= p;
}

namespace {

// q = p^k for a prime p, or k = 0 when q is not a prime power (q is small: trial division).
std::pair<std::uint32_t, std::uint32_t> prime_power(std::uint64_t q) {
  if (q < 2) return {0, 0};
  std::uint64_t p = 2;
  while (p * p <= q && q % p != 0) ++p;
  if (q % p != 0) p = q;  // no factor up to sqrt(q): q is prime
  std::uint32_t k = 0;
  for (; q % p == 0; q /= p) ++k;
  if (q != 1) return {static_cast<std::uint32_t>(p), 0};
  return {static_cast<std::uint32_t>(p), k};
}

std::pair<std::uint32_t, std::uint32_t> checked_prime_power(std::uint64_t q) {
  if (q > max_field_order) {
    throw InputError(fmt::format("field order {} is larger than the maximum {}", q, max_field_order));
  }
  const auto [p, k] = prime_power(q);
  if (k == 0) throw InputError(fmt::format("field order {} is not a prime power", q));
  return {p, k};
}

}  // namespace

Field Field::from_order(std::uint64_t q) {
  const auto [p, k] = checked_prime_power(q);
  if (k == 1) return Field(p, 1, {});
  auto conway = detail::conway_polynomial(p, k);
  if (!conway) throw InternalError(fmt::format("no Conway polynomial for GF({}^{})", p, k));
  return Field(p, k, std::move(*conway));
}

namespace detail {

bool is_irreducible(const Field& field, const std::vector<std::uint32_t>& coefficients) {
  return with_ntl_field(
      field, [&]<class Poly>(std::type_identity<Poly>) { return NTL::IterIrredTest(to_ntl<Poly>(coefficients)) != 0; });
}

}  // namespace detail

Field Field::with_modulus(std::uint64_t q, std::string_view modulus_text) {
  const auto [p, k] = checked_prime_power(q);
  if (k == 1) {
    throw InputError(
        fmt::format("--modulus needs a prime-power field GF(p^k) with k >= 2; GF({}) is a prime field", q));
  }
  const Field base(p, 1, {});
  // The modulus is a polynomial in the generator a; the polynomial parser reads it in x.
  std::string text(modulus_text);
  if (text.rfind("0x", 0) != 0) std::replace(text.begin(), text.end(), 'a', 'x');
  std::vector<std::uint32_t> modulus;
  try {
    modulus = parse_polynomial(text, base).coefficients();
  } catch (const InputError& error) {
    throw InputError(fmt::format("modulus: {}", error.what()));
  }
  if (modulus.size() != k + 1) {
    throw InputError(
        fmt::format("modulus {} has degree {}; GF({}) = GF({}^{}) needs an irreducible polynomial of degree {}",
                    printable_text(modulus_text), modulus.size() - 1, q, p, k, k));
  }
  if (!detail::is_irreducible(base, modulus)) {
    throw InputError(fmt::format("modulus {} is reducible over GF({}): it does not define a field",
                                 printable_text(modulus_text), p));
  }
  return Field(p, k, std::move(modulus));
}

std::uint32_t Field::mul(std::uint32_t a, std::uint32_t b) const {
  if (k_ == 1) return static_cast<std::uint32_t>(std::uint64_t{a} * b % p_);
  // Schoolbook product of the digit vectors, then reduction by the monic modulus from the top.
  std::array<std::uint32_t, 32> product{};
  for (std::uint32_t i = 0, x = a; i < k_; ++i, x /= p_) {
    const std::uint32_t digit = x % p_;
    if (digit == 0) continue;
    for (std::uint32_t j = 0, y = b; j < k_; ++j, y /= p_) product[i + j] = (product[i + j] + digit * (y % p_)) % p_;
  }
  for (std::uint32_t top = 2 * k_ - 2; top >= k_; --top) {
    const std::uint32_t c = product[top];
    if (c == 0) continue;
    for (std::uint32_t i = 0; i <= k_; ++i) {
      std::uint32_t& target = product[top - k_ + i];
      target = (target + (p_ - c) * modulus_[i]) % p_;
    }
  }
  std::uint32_t result = 0;
  for (std::uint32_t i = k_; i-- > 0;) result = result * p_ + product[i];
  return result;
}

std::uint32_t Field::power(std::uint32_t a, std::uint64_t exponent) const {
  std::uint32_t result = 1;
  for (; exponent != 0; exponent >>= 1, a = mul(a, a)) {
    if (exponent & 1U) result = mul(result, a);
  }
  return result;
}

std::string Field::element_text(std::uint32_t a) const {
  if (a == 0) return "0";
  if (k_ == 1) return std::to_string(a);
  std::string out;
  std::uint32_t place = q_ / p_;
  for (std::uint32_t i = k_; i-- > 0; place /= p_) {
    const std::uint32_t digit = a / place % p_;
    if (digit == 0) continue;
    if (!out.empty()) out += '+';
    if (i == 0) {
      out += std::to_string(digit);
      continue;
    }
    if (digit != 1) out += fmt::format("{}*", digit);
    out += i == 1 ? std::string("a") : fmt::format("a^{}", i);
  }
  return out;
}

std::string Field::modulus_text() const {
  if (k_ == 1) return "";
  std::string text = Polynomial(Field(p_, 1, {}), modulus_).to_string();
  std::replace(text.begin(), text.end(), 'x', 'a');
  return text;
}

std::string Field::name() const { return fmt::format("GF({})", q_); }

}  // namespace lfsr
