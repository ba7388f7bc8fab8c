// Characteristic polynomials: validation, printing, and parsing of algebraic, hex and tap-list text.
#include "lfsr/polynomial.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <utility>

#include "lfsr/error.hpp"
#include "text/parsing.hpp"
#include "text/printable_text.hpp"

namespace lfsr {

namespace {

// Highest exponent accepted in text, checked before the dense coefficient vector is allocated.
constexpr auto max_parsed_degree = static_cast<std::uint64_t>(max_polynomial_degree);

// Deepest nesting of parentheses the parser follows.
constexpr int max_parentheses_depth = 64;

bool is_x(char c) { return c == 'x' || c == 'X'; }

// User text quoted for a one-line message: control bytes escaped, long input shortened.
std::string quoted(std::string_view text) { return fmt::format("\"{}\"", printable_text(text)); }

std::string describe_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte < 0x20 || byte >= 0x7f) return fmt::format("byte 0x{:02x}", byte);
  return fmt::format("'{}'", c);
}

// A run of decimal digits as a number; false when it does not fit in 64 bits, so the caller can
// name the digits in its own message.
std::pair<std::uint64_t, bool> to_uint64(std::string_view digits) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return {value, ec == std::errc{} && end == digits.data() + digits.size()};
}

// A hand-written scanner for polynomials in x whose coefficients are elements of GF(q):
//   sum    := [sign] term (sign term)*
//   term   := factor ('*' factor)*          ('*' may be left out after a coefficient: "2x", "2a x", "(a+1)x";
//                                            never after x, so that "x^3 x" is an error, not x^4)
//   factor := number | '[' number ']' | 'a' ['^' exponent] | 'x' ['^' exponent] | '(' sum ')'
// A number is an integer multiple of 1 (over GF(p^k) it must be < p, so that "3" is never taken for
// the element [3]); [n] is the element whose base-p digits are the coefficients in a; a is the
// generator of GF(p^k). Inside parentheses, and in a lone field element, x is not allowed.
// Whitespace separates tokens.
class AlgebraicParser {
 public:
  AlgebraicParser(std::string_view text, const Field& field, std::string_view noun)
      : text_(text), field_(field), noun_(noun) {}

  // coefficients[i] = coefficient of x^i; trailing zeros not yet removed.
  std::vector<std::uint32_t> parse_polynomial() {
    std::vector<std::uint32_t> coefficients = read_sum(true);
    if (!at_end()) fail(pos_, "unmatched ')'");
    return coefficients;
  }

  // A field element: a sum without x.
  std::uint32_t parse_element() {
    const std::vector<std::uint32_t> value = read_sum(false);
    if (!at_end()) fail(pos_, "unmatched ')'");
    return value.empty() ? 0 : value[0];
  }

 private:
  struct Term {
    std::uint32_t coefficient = 1;
    std::uint64_t exponent = 0;
  };

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  void skip_space() {
    while (!at_end() && is_space(peek())) ++pos_;
  }

  [[noreturn]] void fail(std::size_t pos, std::string_view problem) const {
    throw InputError(fmt::format("cannot parse {} {}: {} at column {}", noun_, quoted(text_), problem, pos + 1));
  }

  std::string_view read_digits() {
    const std::size_t start = pos_;
    while (!at_end() && is_digit(peek())) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  std::uint64_t read_number() {
    const std::size_t start = pos_;
    const std::string_view digits = read_digits();
    const auto [value, ok] = to_uint64(digits);
    if (!ok) fail(start, fmt::format("number {} does not fit in 64 bits", printable_text(digits)));
    return value;
  }

  // Signed terms up to the end of the text or a ')'; the sign is optional only before the first.
  std::vector<std::uint32_t> read_sum(bool allow_x) {
    std::vector<std::uint32_t> coefficients;
    skip_space();
    for (bool first = true;; first = false) {
      bool negative = false;
      if (!at_end() && (peek() == '+' || peek() == '-')) {
        const std::size_t sign_pos = pos_;
        negative = peek() == '-';
        ++pos_;
        skip_space();
        if (at_end() || peek() == ')')
          fail(sign_pos, fmt::format("dangling '{}' with no term after it", text_[sign_pos]));
        if (peek() == '+' || peek() == '-') fail(pos_, fmt::format("'{}' follows another sign", peek()));
      } else if (!first) {
        fail(pos_, fmt::format("unexpected {} (expected '+' or '-')", describe_char(peek())));
      }
      const Term term = read_term(allow_x);
      const auto i = static_cast<std::size_t>(term.exponent);
      if (i >= coefficients.size()) coefficients.resize(i + 1, 0);
      coefficients[i] =
          negative ? field_.sub(coefficients[i], term.coefficient) : field_.add(coefficients[i], term.coefficient);
      skip_space();
      if (at_end() || peek() == ')') return coefficients;
    }
  }

  Term read_term(bool allow_x) {
    Term term;
    bool after_coefficient = read_factor(term, allow_x);
    for (skip_space(); !at_end(); skip_space()) {
      if (peek() == '*') {
        ++pos_;
        skip_space();
        if (at_end()) fail(pos_, "expected a factor after '*'");
      } else if (!(after_coefficient && (is_x(peek()) || peek() == 'a' || peek() == '(' || peek() == '['))) {
        break;
      }
      after_coefficient = read_factor(term, allow_x);
    }
    return term;
  }

  // Multiplies one factor into term; true when the factor was a coefficient (anything but x).
  bool read_factor(Term& term, bool allow_x) {
    if (at_end()) fail(pos_, "unexpected end of text (expected a term)");
    const std::size_t start = pos_;
    const char c = peek();
    if (is_digit(c)) {
      term.coefficient = field_.mul(term.coefficient, integer_element(read_number(), start));
    } else if (c == '[') {
      ++pos_;
      skip_space();
      if (at_end() || !is_digit(peek())) fail(pos_, "expected an element number after '['");
      const std::uint64_t index = read_number();
      skip_space();
      if (at_end() || peek() != ']') fail(pos_, "expected ']'");
      ++pos_;
      if (index >= field_.q()) {
        fail(start, fmt::format("element [{}] is out of range: {} has elements [0]..[{}]", index, field_.name(),
                                field_.q() - 1));
      }
      term.coefficient = field_.mul(term.coefficient, static_cast<std::uint32_t>(index));
    } else if (c == 'a') {
      if (field_.is_prime()) {
        fail(start,
             fmt::format("'a' names the generator of a field GF(p^k), k >= 2, and {} is a prime field", field_.name()));
      }
      ++pos_;
      term.coefficient = field_.mul(term.coefficient, field_.power(field_.generator(), read_exponent()));
    } else if (is_x(c)) {
      if (!allow_x) fail(start, "x cannot appear in a field element (inside parentheses)");
      ++pos_;
      term.exponent += read_exponent();
      if (term.exponent > max_parsed_degree) {
        fail(start, fmt::format("exponent {} is above the limit {}", term.exponent, max_parsed_degree));
      }
      return false;
    } else if (c == '(') {
      // The groups recurse: a bound keeps hostile input ("((((...") from exhausting the stack.
      if (++depth_ > max_parentheses_depth) {
        fail(start, fmt::format("parentheses nested deeper than {}", max_parentheses_depth));
      }
      ++pos_;
      const std::vector<std::uint32_t> group = read_sum(false);
      if (at_end()) fail(start, "'(' is never closed");
      ++pos_;
      --depth_;
      term.coefficient = field_.mul(term.coefficient, group.empty() ? 0 : group[0]);
    } else {
      fail(start, fmt::format("unexpected {} (expected a number, x{})", describe_char(c),
                              field_.is_prime() ? "" : ", a, [n] or '('"));
    }
    return true;
  }

  // A plain integer n means n * 1. Over GF(p^k) only n < p is accepted: "3" is likely meant as the
  // element [3], and silently reading it as 3 mod p would analyse another register.
  std::uint32_t integer_element(std::uint64_t value, std::size_t pos) const {
    if (field_.is_prime()) return static_cast<std::uint32_t>(value % field_.p());
    if (value >= field_.p()) {
      fail(pos, fmt::format("integer {} is not below p = {} (write [{}] for the element with that number, or use a)",
                            value, field_.p(), value));
    }
    return static_cast<std::uint32_t>(value);
  }

  // After "x" or "a": an optional "^exponent"; plain x is x^1.
  std::uint64_t read_exponent() {
    skip_space();
    if (at_end() || peek() != '^') return 1;
    ++pos_;
    skip_space();
    if (!at_end() && peek() == '-') fail(pos_, "negative exponent");
    if (at_end() || !is_digit(peek())) fail(pos_, "missing exponent after '^'");
    const std::size_t start = pos_;
    const std::string_view digits = read_digits();
    const auto [value, ok] = to_uint64(digits);
    if (!ok || value > max_parsed_degree) {
      fail(start, fmt::format("exponent {} is above the limit {}", printable_text(digits), max_parsed_degree));
    }
    return value;
  }

  std::string_view text_;
  const Field& field_;
  std::string_view noun_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

// Hex is recognised by its "0x" prefix and the absence of algebraic operators, so "0x^3+x+1"
// (0 * x^3 + x + 1) still parses as algebra.
bool looks_hexadecimal(std::string_view text) {
  return text.size() >= 2 && text[0] == '0' && is_x(text[1]) && text.find_first_of("^*+-") == std::string_view::npos;
}

int hex_digit_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Over GF(2) only: bit i of the number is the coefficient of x^i.
std::vector<std::uint32_t> parse_hexadecimal(std::string_view text, const Field& field) {
  if (field.q() != 2) {
    throw InputError(
        fmt::format("hexadecimal polynomial {} is only accepted over GF(2), not GF({})", quoted(text), field.q()));
  }
  std::string_view digits = text.substr(2);
  if (digits.empty()) throw InputError(fmt::format("hexadecimal polynomial {} has no digits", quoted(text)));
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (hex_digit_value(digits[i]) < 0) {
      throw InputError(fmt::format("hexadecimal polynomial {}: {} at column {} is not a hex digit", quoted(text),
                                   describe_char(digits[i]), i + 3));
    }
  }
  digits.remove_prefix(std::min(digits.find_first_not_of('0'), digits.size()));
  if (digits.empty()) return {};
  const auto leading = static_cast<unsigned>(hex_digit_value(digits.front()));
  const std::uint64_t degree = 4 * (digits.size() - 1) + std::bit_width(leading) - 1;
  if (degree > max_parsed_degree) {
    throw InputError(fmt::format("hexadecimal polynomial {} has degree {}, above the limit {}", quoted(text), degree,
                                 max_parsed_degree));
  }
  std::vector<std::uint32_t> coefficients(degree + 1, 0);
  for (std::size_t i = 0; i <= degree; ++i) {
    const auto digit = hex_digit_value(digits[digits.size() - 1 - i / 4]);
    coefficients[i] = static_cast<std::uint32_t>(digit >> (i % 4)) & 1U;
  }
  return coefficients;
}

}  // namespace

Polynomial::Polynomial(Field field, std::vector<std::uint32_t> coefficients)
    : field_(field), coefficients_(std::move(coefficients)) {
  if (coefficients_.size() < 2) {
    throw InputError(fmt::format("polynomial with {} coefficient(s) has degree < 1; an LFSR needs degree >= 1",
                                 coefficients_.size()));
  }
  if (coefficients_.size() - 1 > static_cast<std::size_t>(max_polynomial_degree)) {
    throw InputError(fmt::format("polynomial of degree {} is above the degree limit {}", coefficients_.size() - 1,
                                 max_polynomial_degree));
  }
  for (std::size_t i = 0; i < coefficients_.size(); ++i) {
    if (coefficients_[i] >= field_.q()) {
      throw InputError(
          fmt::format("coefficient {} of x^{} is not an element of GF({})", coefficients_[i], i, field_.q()));
    }
  }
  if (coefficients_.back() != 1) {
    throw InputError(fmt::format("polynomial is not monic: leading coefficient {}", coefficients_.back()));
  }
}

int Polynomial::zero_low_terms() const {
  // Terminates: the leading coefficient is 1.
  int e0 = 0;
  while (coefficients_[static_cast<std::size_t>(e0)] == 0) ++e0;
  return e0;
}

std::string Polynomial::to_string() const {
  // A batch writes this text for every register and every minimal polynomial of its cycles: the
  // common coefficient 1 and the exponents are written without building strings.
  std::string out;
  for (int i = degree(); i >= 0; --i) {
    const std::uint32_t c = coefficient(i);
    if (c == 0) continue;
    if (!out.empty()) out += '+';
    if (c != 1) {
      const std::string coefficient_text = field_.element_text(c);
      if (i == 0) {
        out += coefficient_text;
        continue;
      }
      // A coefficient of several terms in a is parenthesized: (a+1)*x.
      if (coefficient_text.find('+') != std::string::npos) {
        out += '(';
        out += coefficient_text;
        out += ")*";
      } else {
        out += coefficient_text;
        out += '*';
      }
    } else if (i == 0) {
      out += '1';
      continue;
    }
    out += 'x';
    if (i > 1) {
      char digits[16];
      out += '^';
      out.append(digits, std::to_chars(digits, digits + sizeof digits, i).ptr);
    }
  }
  return out;
}

Polynomial parse_polynomial(std::string_view text, const Field& field) {
  const std::string_view body = trim(text);
  if (body.empty()) throw InputError("empty polynomial text");
  std::vector<std::uint32_t> coefficients = looks_hexadecimal(body)
                                                ? parse_hexadecimal(body, field)
                                                : AlgebraicParser(body, field, "polynomial").parse_polynomial();
  while (!coefficients.empty() && coefficients.back() == 0) coefficients.pop_back();
  if (coefficients.empty()) {
    throw InputError(fmt::format("polynomial {} is zero; an LFSR needs degree >= 1", quoted(body)));
  }
  if (coefficients.size() == 1) {
    throw InputError(fmt::format("polynomial {} has degree 0; an LFSR needs degree >= 1", quoted(body)));
  }
  if (coefficients.back() != 1) {
    throw InputError(fmt::format("polynomial {} is not monic: leading coefficient {} (over {})", quoted(body),
                                 field.element_text(coefficients.back()), field.name()));
  }
  return Polynomial(field, std::move(coefficients));
}

std::uint32_t parse_element(std::string_view text, const Field& field) {
  const std::string_view body = trim(text);
  if (body.empty()) throw InputError("empty field element");
  if (all_digits(body)) {
    const auto [value, ok] = to_uint64(body);
    if (!ok || value >= field.q()) {
      throw InputError(
          fmt::format("element {} is out of range: {} has elements 0..{}", quoted(body), field.name(), field.q() - 1));
    }
    return static_cast<std::uint32_t>(value);
  }
  return AlgebraicParser(body, field, "field element").parse_element();
}

Polynomial parse_taps(std::string_view text, const Field& field) {
  if (trim(text).empty()) throw InputError("empty tap list");
  const auto fail = [&](std::string_view problem) {
    return InputError(fmt::format("tap list {}: {}", quoted(trim(text)), problem));
  };
  std::vector<std::uint64_t> taps;
  for (std::string_view rest = text;;) {
    const std::size_t comma = rest.find(',');
    const std::string_view entry = trim(rest.substr(0, comma));
    if (entry.empty()) throw fail(fmt::format("entry {} is empty", taps.size() + 1));
    if (entry.front() == '-' && entry.size() > 1 && all_digits(entry.substr(1))) {
      throw fail(fmt::format("entry {} is negative", printable_text(entry)));
    }
    if (!all_digits(entry)) throw fail(fmt::format("entry {} is not a number", quoted(entry)));
    const auto [value, ok] = to_uint64(entry);
    if (!ok || value > max_parsed_degree) {
      throw fail(fmt::format("entry {} is above the degree limit {}", printable_text(entry), max_parsed_degree));
    }
    if (value == 0) throw fail("entry 0 is not allowed: the constant term 1 is implied");
    taps.push_back(value);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  std::vector<std::uint64_t> sorted = taps;
  std::sort(sorted.begin(), sorted.end());
  if (const auto twin = std::adjacent_find(sorted.begin(), sorted.end()); twin != sorted.end()) {
    throw fail(fmt::format("entry {} is repeated", *twin));
  }
  for (std::size_t i = 1; i < taps.size(); ++i) {
    if (taps[i] > taps[i - 1]) {
      throw fail(
          fmt::format("entries must be strictly decreasing (the first is the degree), "
                      "but {} follows {}",
                      taps[i], taps[i - 1]));
    }
  }
  std::vector<std::uint32_t> coefficients(taps.front() + 1, 0);
  for (std::uint64_t exponent : taps) coefficients[exponent] = 1;
  coefficients[0] = 1;
  return Polynomial(field, std::move(coefficients));
}

}  // namespace lfsr
