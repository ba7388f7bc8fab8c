// A state index as its coordinate vector, checked against the size of the state space, and back.
#include "registers/state_coordinates.hpp"

#include <fmt/format.h>

#include "lfsr/error.hpp"
#include "registers/state_text.hpp"

namespace lfsr::detail {

std::vector<std::uint32_t> state_coordinates(const mpz_class& state, const Field& field, int n,
                                             std::string_view owner) {
  const std::uint32_t q = field.q();
  if (sgn(state) >= 0 && state.fits_ulong_p()) {
    // A state of a small register (a batch names thousands a second): word divisions. It is in
    // range exactly when n digits take all of it.
    std::vector<std::uint32_t> v(static_cast<std::size_t>(n));
    std::uint64_t rest = state.get_ui();
    for (auto& digit : v) {
      digit = static_cast<std::uint32_t>(rest % q);
      rest /= q;
    }
    if (rest == 0) return v;
  }
  mpz_class states;
  mpz_ui_pow_ui(states.get_mpz_t(), q, static_cast<unsigned long>(n));
  if (state < 0 || state >= states) {
    throw InputError(fmt::format("state {} is out of range: {} over GF({}) has states 0..{}^{}-1",
                                 state_index_text(state), owner, q, q, n));
  }
  std::vector<std::uint32_t> v(static_cast<std::size_t>(n));
  mpz_class rest = state;
  for (auto& digit : v) digit = static_cast<std::uint32_t>(mpz_tdiv_q_ui(rest.get_mpz_t(), rest.get_mpz_t(), q));
  return v;
}

// Horner's rule on blocks of digits that fit one word: a few big-integer products for n digits.
mpz_class state_index(const std::vector<std::uint32_t>& coordinates, std::uint32_t q) {
  std::size_t per_block = 1;
  unsigned long block_base = q;  // q^per_block < 2^32: it fits mpz_mul_ui's unsigned long everywhere
  while (block_base <= 0xffffffffUL / q) {
    block_base *= q;
    ++per_block;
  }
  mpz_class index;
  auto digit = coordinates.rbegin();
  for (std::size_t left = coordinates.size(); left > 0;) {
    const std::size_t take = left % per_block == 0 ? per_block : left % per_block;
    unsigned long block = 0, base = 1;
    for (std::size_t i = 0; i < take; ++i, ++digit) {
      block = block * q + *digit;
      base *= q;
    }
    mpz_mul_ui(index.get_mpz_t(), index.get_mpz_t(), base);
    mpz_add_ui(index.get_mpz_t(), index.get_mpz_t(), block);
    left -= take;
  }
  return index;
}

}  // namespace lfsr::detail
