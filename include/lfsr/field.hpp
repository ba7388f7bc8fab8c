// GF(q): the field the register works over, with the element arithmetic the model needs.
#pragma once

#include <cstdint>
#include <string>

namespace lfsr {

// A finite field GF(q), q = p^k. Elements are the integers 0..q-1; for k = 1 that is the
// residue itself. (Prime-power fields reuse this type with k > 1.)
class Field {
 public:
  // GF(q) for a prime q; throws InputError naming q when it is not a prime or is too large.
  static Field from_order(std::uint64_t q);

  std::uint32_t p() const { return p_; }
  std::uint32_t k() const { return k_; }
  std::uint32_t q() const { return q_; }

  std::uint32_t add(std::uint32_t a, std::uint32_t b) const { return (a + b) % p_; }
  std::uint32_t sub(std::uint32_t a, std::uint32_t b) const { return (a + p_ - b) % p_; }
  std::uint32_t neg(std::uint32_t a) const { return (p_ - a) % p_; }
  std::uint32_t mul(std::uint32_t a, std::uint32_t b) const {
    return static_cast<std::uint32_t>(std::uint64_t{a} * b % p_);
  }

  friend bool operator==(const Field&, const Field&) = default;

 private:
  Field(std::uint32_t p, std::uint32_t k, std::uint32_t q) : p_(p), k_(k), q_(q) {}
  std::uint32_t p_;
  std::uint32_t k_;
  std::uint32_t q_;
};

// Largest field order accepted on the command line.
inline constexpr std::uint64_t max_field_order = 65536;

bool is_prime(std::uint64_t n);

}  // namespace lfsr
