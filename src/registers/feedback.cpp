// Feedback functions in algebraic normal form: reduction to canonical form, evaluation, properties, printing.
#include "lfsr/feedback.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>

#include "lfsr/error.hpp"
#include "runners/byte_io.hpp"

namespace lfsr {

namespace {

std::uint64_t variable_mask(int bits) { return bits >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1; }

// Canonical order: fewer variables first; among equal degrees the smaller sorted index list first.
// Two lists of one length first differ at the lowest index in exactly one of them, and the list
// holding it is the smaller.
bool canonical_less(Feedback::Monomial a, Feedback::Monomial b) {
  const int degree_a = std::popcount(a);
  const int degree_b = std::popcount(b);
  if (degree_a != degree_b) return degree_a < degree_b;
  const Feedback::Monomial differ = a ^ b;
  return differ != 0 && (a & differ & (0 - differ)) != 0;
}

std::string monomial_text(Feedback::Monomial monomial, std::string_view separator, std::string_view prefix) {
  std::string text;
  for (Feedback::Monomial rest = monomial; rest != 0; rest &= rest - 1) {
    if (!text.empty()) text += separator;
    text += fmt::format("{}{}", prefix, std::countr_zero(rest));
  }
  return text;
}

}  // namespace

Feedback::Feedback(int bits, std::vector<Monomial> monomials) : bits_(bits) {
  if (bits < 1 || bits > max_feedback_bits) {
    throw InputError(fmt::format("a feedback function needs 1 to {} bits, not {}", max_feedback_bits, bits));
  }
  const std::uint64_t outside = ~variable_mask(bits);
  for (const Monomial monomial : monomials) {
    if ((monomial & outside) != 0) {
      throw InputError(fmt::format("variable x{} is outside x0..x{} of a {}-bit register",
                                   std::countr_zero(monomial & outside), bits - 1, bits));
    }
  }
  // Over GF(2) a monomial listed k times counts k mod 2 times: sort, then drop equal pairs.
  std::sort(monomials.begin(), monomials.end(), canonical_less);
  for (std::size_t i = 0; i < monomials.size();) {
    if (i + 1 < monomials.size() && monomials[i] == monomials[i + 1]) {
      i += 2;
    } else {
      monomials_.push_back(monomials[i++]);
    }
  }
}

int Feedback::degree() const {
  int degree = 0;
  for (const Monomial monomial : monomials_) degree = std::max(degree, std::popcount(monomial));
  return degree;
}

bool Feedback::value(std::uint64_t state) const {
  bool sum = false;
  for (const Monomial monomial : monomials_) sum ^= (state & monomial) == monomial;
  return sum;
}

std::uint64_t Feedback::next(std::uint64_t state) const {
  return (state >> 1) | (static_cast<std::uint64_t>(value(state)) << (bits_ - 1));
}

bool Feedback::is_invertible() const {
  // The monomials holding x0, x0 divided out, sum to the derivative dF/dx0; it is 1 everywhere
  // exactly when x0 itself is the only one.
  bool has_x0 = false;
  for (const Monomial monomial : monomials_) {
    if ((monomial & 1U) == 0) continue;
    if (monomial != 1U) return false;
    has_x0 = true;
  }
  return has_x0;
}

bool Feedback::is_linear() const {
  return std::all_of(monomials_.begin(), monomials_.end(), [](Monomial m) { return std::popcount(m) == 1; });
}

std::uint64_t Feedback::linear_taps() const {
  if (!is_linear()) throw InputError(fmt::format("feedback {} is not linear: it has no taps", to_string()));
  std::uint64_t taps = 0;
  for (const Monomial monomial : monomials_) taps |= monomial;
  return taps;
}

Polynomial Feedback::characteristic_polynomial() const {
  const std::uint64_t taps = linear_taps();
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(bits_) + 1, 0);
  for (int i = 0; i < bits_; ++i)
    coefficients[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>((taps >> i) & 1U);
  coefficients.back() = 1;
  return Polynomial(Field::from_order(2), std::move(coefficients));
}

std::string Feedback::to_string() const {
  if (monomials_.empty()) return "0";
  std::string text;
  for (const Monomial monomial : monomials_) {
    if (!text.empty()) text += " + ";
    text += monomial == 0 ? std::string("1") : monomial_text(monomial, "*", "x");
  }
  return text;
}

std::string Feedback::to_term_list() const {
  if (monomials_.empty()) throw InputError("the zero feedback function has no terms for a term list to write");
  std::string text;
  for (const Monomial monomial : monomials_) {
    if (monomial == 0) {
      throw InputError(fmt::format("feedback {} has the constant term 1, which a term list cannot write", to_string()));
    }
    if (!text.empty()) text += ',';
    const std::string indexes = monomial_text(monomial, ",", "");
    text += std::popcount(monomial) == 1 ? indexes : "(" + indexes + ")";
  }
  return text;
}

std::string Feedback::to_truth_table() const {
  if (bits_ > max_truth_table_bits) {
    throw InputError(fmt::format("a truth table is written for at most {} bits, not {}", max_truth_table_bits, bits_));
  }
  const std::uint64_t states = std::uint64_t{1} << bits_;
  const std::uint64_t digits = std::max<std::uint64_t>(1, states / 4);
  std::string text(digits, '0');
  // Digit d from the right holds F(4d .. 4d + 3).
  for (std::uint64_t state = 0; state < states; ++state) {
    if (!value(state)) continue;
    char& digit = text[digits - 1 - state / 4];
    const int nibble = (digit <= '9' ? digit - '0' : digit - 'a' + 10) | (1 << (state % 4));
    digit = "0123456789abcdef"[nibble];
  }
  return text;
}

std::string Feedback::serialize() const {
  ByteWriter out;
  out.put(bits_).put(monomials_.size());
  for (const Monomial monomial : monomials_) out.put(monomial);
  return out.take();
}

Feedback Feedback::deserialize(std::string_view bytes) {
  ByteReader in(bytes);
  const int bits = in.get<int>();
  const auto count = in.get<std::size_t>();
  if (count > bytes.size() / sizeof(Monomial)) throw InternalError("Feedback: monomial count beyond the bytes");
  std::vector<Monomial> monomials(count);
  for (Monomial& monomial : monomials) monomial = in.get<Monomial>();
  if (!in.empty()) throw InternalError("trailing Feedback bytes");
  return Feedback(bits, std::move(monomials));
}

}  // namespace lfsr
