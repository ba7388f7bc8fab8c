// Feedback functions from text: algebraic normal form, the term lists of published tables, hex truth tables.
#include <fmt/format.h>

#include <bit>
#include <charconv>
#include <string>

#include "lfsr/error.hpp"
#include "lfsr/feedback.hpp"
#include "text/parsing.hpp"
#include "text/printable_text.hpp"

namespace lfsr {

namespace {

std::string describe_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte < 0x20 || byte >= 0x7f) return fmt::format("byte 0x{:02x}", byte);
  return fmt::format("'{}'", c);
}

// What the two token parsers share: the text, a position, spaces, variable indexes, the messages.
class FeedbackScanner {
 public:
  FeedbackScanner(std::string_view text, int bits, std::string_view noun) : text_(text), bits_(bits), noun_(noun) {
    if (bits < 1 || bits > max_feedback_bits) {
      throw InputError(fmt::format("a feedback function needs 1 to {} bits, not {}", max_feedback_bits, bits));
    }
  }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  std::size_t pos() const { return pos_; }
  void advance() { ++pos_; }
  void skip_space() {
    while (!at_end() && is_space(peek())) ++pos_;
  }
  // Skips spaces, then takes c when it comes next.
  bool accept(char c) {
    skip_space();
    if (at_end() || peek() != c) return false;
    ++pos_;
    return true;
  }

  [[noreturn]] void fail(std::size_t pos, std::string_view problem) const {
    throw InputError(
        fmt::format("cannot parse {} \"{}\": {} at column {}", noun_, printable_text(text_), problem, pos + 1));
  }
  [[noreturn]] void fail_here(std::string_view expected) const {
    if (at_end()) fail(pos_, fmt::format("unexpected end of text (expected {})", expected));
    fail(pos_, fmt::format("unexpected {} (expected {})", describe_char(peek()), expected));
  }

  // A run of decimal digits at the position (the caller has checked there is one).
  std::uint64_t read_number() {
    const std::size_t start = pos_;
    while (!at_end() && is_digit(peek())) ++pos_;
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, value);
    if (ec != std::errc{} || end != text_.data() + pos_) {
      fail(start, fmt::format("number {} is too large", printable_text(text_.substr(start, pos_ - start))));
    }
    return value;
  }

  // The variable x_index as a one-variable monomial; index was read at start.
  Feedback::Monomial variable(std::uint64_t index, std::size_t start) const {
    if (index >= static_cast<std::uint64_t>(bits_)) {
      fail(start, fmt::format("variable x{} is outside x0..x{} of a {}-bit register", index, bits_ - 1, bits_));
    }
    return Feedback::Monomial{1} << index;
  }

 private:
  std::string_view text_;
  int bits_;
  std::string_view noun_;
  std::size_t pos_ = 0;
};

// sum := term (('+' | '^') term)*; term := factor (('*' | '&') factor)*; factor := 'x' digits | '0' | '1'.
class AnfParser {
 public:
  AnfParser(std::string_view text, int bits) : scan_(text, bits, "feedback"), bits_(bits) {}

  Feedback parse() {
    std::vector<Feedback::Monomial> monomials;
    do {
      bool zero = false;
      Feedback::Monomial monomial = 0;
      do {
        read_factor(monomial, zero);
      } while (scan_.accept('*') || scan_.accept('&'));
      if (!zero) monomials.push_back(monomial);
    } while (scan_.accept('+') || scan_.accept('^'));
    scan_.skip_space();
    if (!scan_.at_end()) scan_.fail_here("'+', '^', '*', '&' or the end");
    return Feedback(bits_, std::move(monomials));
  }

 private:
  // Multiplies one factor into the monomial; a factor 0 makes the whole term zero.
  void read_factor(Feedback::Monomial& monomial, bool& zero) {
    scan_.skip_space();
    if (scan_.at_end()) scan_.fail_here("a variable x0..x" + std::to_string(bits_ - 1) + ", 0 or 1");
    const std::size_t start = scan_.pos();
    const char c = scan_.peek();
    if (c == 'x' || c == 'X') {
      scan_.advance();
      if (scan_.at_end() || !is_digit(scan_.peek())) scan_.fail_here("a variable index after 'x'");
      monomial |= scan_.variable(scan_.read_number(), start);
    } else if (is_digit(c)) {
      const std::uint64_t constant = scan_.read_number();
      if (constant > 1) scan_.fail(start, fmt::format("constant {} is not 0 or 1", constant));
      zero = zero || constant == 0;
    } else {
      scan_.fail_here("a variable x0..x" + std::to_string(bits_ - 1) + ", 0 or 1");
    }
  }

  FeedbackScanner scan_;
  int bits_;
};

// list := item (',' item)*; item := digits | '(' digits (',' digits)* ')'.
Feedback parse_term_list(std::string_view text, int bits) {
  FeedbackScanner scan(text, bits, "feedback term list");
  std::vector<Feedback::Monomial> monomials;
  const auto read_variable = [&] {
    scan.skip_space();
    if (scan.at_end() || !is_digit(scan.peek())) scan.fail_here("a variable index");
    const std::size_t start = scan.pos();
    return scan.variable(scan.read_number(), start);
  };
  do {
    if (scan.accept('(')) {
      Feedback::Monomial product = 0;
      do {
        product |= read_variable();
      } while (scan.accept(','));
      if (!scan.accept(')')) scan.fail_here("',' or ')'");
      monomials.push_back(product);
    } else {
      monomials.push_back(read_variable());
    }
  } while (scan.accept(','));
  scan.skip_space();
  if (!scan.at_end()) scan.fail_here("',' or the end");
  return Feedback(bits, std::move(monomials));
}

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  return (c | 0x20) - 'a' + 10;
}

}  // namespace

Feedback parse_feedback(std::string_view text, int bits) { return AnfParser(text, bits).parse(); }

Feedback parse_feedback_terms(std::string_view text, int bits) { return parse_term_list(text, bits); }

Feedback parse_feedback_truth_table(std::string_view text, int bits) {
  if (bits < 1 || bits > max_truth_table_bits) {
    throw InputError(fmt::format("a truth table is accepted for 1 to {} bits, not {}", max_truth_table_bits, bits));
  }
  const std::string_view trimmed = trim(text);
  std::string_view digits = trimmed;
  if (digits.size() >= 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) digits.remove_prefix(2);
  // Column of the first digit in text, for the messages.
  const auto offset = static_cast<std::size_t>(digits.data() - text.data());
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (!is_hex_digit(digits[i])) {
      throw InputError(
          fmt::format("cannot parse feedback truth table \"{}\": unexpected {} at column {} (expected a hex digit)",
                      printable_text(text), describe_char(digits[i]), offset + i + 1));
    }
  }
  const std::uint64_t states = std::uint64_t{1} << bits;
  const std::uint64_t expected = std::max<std::uint64_t>(1, states / 4);
  if (digits.size() != expected) {
    throw InputError(fmt::format("feedback truth table \"{}\" has {} hex digits; a {}-bit register needs {} ({} bits)",
                                 printable_text(text), digits.size(), bits, expected, states));
  }
  if (bits == 1 && hex_value(digits[0]) >= 4) {
    throw InputError(
        fmt::format("feedback truth table \"{}\" has more than the 2 bits of a 1-bit register", printable_text(text)));
  }
  // table[s] = F(s); the Moebius transform turns it into the ANF coefficients in place:
  // coefficient(m) = sum over s inside m of F(s).
  std::vector<std::uint8_t> table(states);
  for (std::uint64_t state = 0; state < states; ++state) {
    table[state] = static_cast<std::uint8_t>((hex_value(digits[expected - 1 - state / 4]) >> (state % 4)) & 1);
  }
  for (std::uint64_t bit = 1; bit < states; bit <<= 1) {
    for (std::uint64_t state = 0; state < states; ++state) {
      if ((state & bit) != 0) table[state] ^= table[state ^ bit];
    }
  }
  std::vector<Feedback::Monomial> monomials;
  for (std::uint64_t monomial = 0; monomial < states; ++monomial) {
    if (table[monomial] != 0) monomials.push_back(monomial);
  }
  return Feedback(bits, std::move(monomials));
}

Feedback parse_feedback_any(std::string_view text, int bits) {
  const std::string_view trimmed = trim(text);
  if (trimmed.size() >= 2 && trimmed[0] == '0' && (trimmed[1] == 'x' || trimmed[1] == 'X')) {
    return parse_feedback_truth_table(text, bits);
  }
  const bool has_x = trimmed.find_first_of("xX") != std::string_view::npos;
  if (!has_x && trimmed.find_first_of(",(") != std::string_view::npos) return parse_feedback_terms(text, bits);
  return parse_feedback(text, bits);
}

}  // namespace lfsr
