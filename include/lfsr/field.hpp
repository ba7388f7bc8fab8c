// GF(q), q = p^k: the field the register works over, with the element arithmetic the model needs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lfsr {

// A finite field GF(q), q = p^k. Elements are the integers 0..q-1: the base-p digits of an element
// are its coefficients in the generator a, a being a root of the defining polynomial `modulus`
// (digit i = coefficient of a^i). For k = 1 an element is the residue itself.
class Field {
 public:
  // GF(q) for a prime power q <= max_field_order; for k >= 2 the modulus is the Conway polynomial.
  // Throws InputError naming q when it is not a prime power or is too large.
  static Field from_order(std::uint64_t q);
  // GF(q) defined by `modulus_text`, a monic irreducible polynomial of degree k over GF(p) written
  // in a or x ("a^2+a+1", "x^8+x^4+x^3+x+1"). Throws InputError when q is not a prime power with
  // k >= 2, or the modulus is malformed, not monic, of another degree or reducible.
  static Field with_modulus(std::uint64_t q, std::string_view modulus_text);

  std::uint32_t p() const { return p_; }
  std::uint32_t k() const { return k_; }
  std::uint32_t q() const { return q_; }
  bool is_prime() const { return k_ == 1; }
  // Coefficients c_0..c_k of the defining polynomial over GF(p); empty for a prime field.
  const std::vector<std::uint32_t>& modulus() const { return modulus_; }
  // "a^2+a+1"; empty for a prime field.
  std::string modulus_text() const;
  // "GF(9)".
  std::string name() const;

  std::uint32_t add(std::uint32_t a, std::uint32_t b) const {
    if (k_ == 1) return (a + b) % p_;
    return digitwise(a, b, [this](std::uint32_t x, std::uint32_t y) { return (x + y) % p_; });
  }
  std::uint32_t sub(std::uint32_t a, std::uint32_t b) const {
    if (k_ == 1) return (a + p_ - b) % p_;
    return digitwise(a, b, [this](std::uint32_t x, std::uint32_t y) { return (x + p_ - y) % p_; });
  }
  std::uint32_t neg(std::uint32_t a) const { return sub(0, a); }
  std::uint32_t mul(std::uint32_t a, std::uint32_t b) const;
  std::uint32_t power(std::uint32_t a, std::uint64_t exponent) const;
  // The generator a as an element (the integer p); only for k >= 2.
  std::uint32_t generator() const { return p_; }

  // The element in the tool's text form: "0", "2", "a", "2*a+2", "a^3+a+1".
  std::string element_text(std::uint32_t a) const;

  friend bool operator==(const Field&, const Field&) = default;

 private:
  Field(std::uint32_t p, std::uint32_t k, std::vector<std::uint32_t> modulus);

  template <class Op>
  std::uint32_t digitwise(std::uint32_t a, std::uint32_t b, Op op) const {
    std::uint32_t result = 0;
    for (std::uint32_t place = 1, i = 0; i < k_; ++i, place *= p_, a /= p_, b /= p_) {
      result += op(a % p_, b % p_) * place;
    }
    return result;
  }

  std::uint32_t p_;
  std::uint32_t k_;
  std::uint32_t q_;
  std::vector<std::uint32_t> modulus_;
};

// Largest field order accepted on the command line.
inline constexpr std::uint64_t max_field_order = 65536;

bool is_prime(std::uint64_t n);

}  // namespace lfsr
