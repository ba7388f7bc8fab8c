// The period and tail of one state from its minimal polynomial, without stepping the register.
#include <fmt/format.h>

#include <string>

#include "algebra/integer_factoring.hpp"
#include "lfsr/algebra.hpp"
#include "lfsr/error.hpp"
#include "field/ntl_field.hpp"
#include "algebra/register_minimal_polynomial.hpp"
#include "registers/state_coordinates.hpp"

namespace lfsr {

namespace detail {

std::vector<std::uint32_t> state_coordinates(const mpz_class& state, const Field& field, int n,
                                             std::string_view owner) {
  const std::uint32_t q = field.q();
  if (state < 0 || state > power_minus_one(q, n)) {
    const std::string text = state.get_str();
    const std::string shown =
        text.size() <= 40 ? text : text.substr(0, 20) + "..." + fmt::format("({} digits)", text.size());
    throw InputError(
        fmt::format("state {} is out of range: {} over GF({}) has states 0..{}^{}-1", shown, owner, q, q, n));
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

}  // namespace detail

std::vector<std::uint32_t> state_minimal_polynomial(const Lfsr& lfsr, const mpz_class& state) {
  const std::vector<std::uint32_t> v =
      detail::state_coordinates(state, lfsr.field(), lfsr.degree(), fmt::format("a degree-{} register", lfsr.degree()));
  return detail::with_ntl_field(lfsr.field(), [&]<class Poly>(std::type_identity<Poly>) {
    return detail::from_ntl(detail::register_minimal_polynomial(detail::to_ntl<Poly>(lfsr.polynomial.coefficients()),
                                                                lfsr.form, detail::to_ntl<Poly>(v)));
  });
}

StatePeriod state_period(const Lfsr& lfsr, const mpz_class& state, const AlgebraOptions& options) {
  const Field& field = lfsr.field();
  StatePeriod result;
  result.minimal_polynomial = state_minimal_polynomial(lfsr, state);
  // g = x^tail * h, h(0) != 0: the state reaches its cycle after `tail` steps; the period is ord(h).
  std::size_t tail = 0;
  while (result.minimal_polynomial[tail] == 0) ++tail;
  result.tail = tail;
  const std::vector<std::uint32_t> h(result.minimal_polynomial.begin() + static_cast<std::ptrdiff_t>(tail),
                                     result.minimal_polynomial.end());
  result.period = h.size() == 1 ? mpz_class(1) : polynomial_order(Polynomial(field, h), options);
  return result;
}

}  // namespace lfsr
