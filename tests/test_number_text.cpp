// Readable big integers: short forms equal to the number, rounded leading digits, short numbers untouched.
#include <gmpxx.h>

#include <catch2/catch.hpp>
#include <optional>
#include <random>
#include <regex>
#include <string>

#include "report/number_text.hpp"

using lfsr::number_text;

namespace {

mpz_class power(unsigned long base, unsigned long exponent) {
  mpz_class value;
  mpz_ui_pow_ui(value.get_mpz_t(), base, exponent);
  return value;
}

// The value a short form stands for, read back from its text independently of how it was made:
// "b^e", "b^e - 1", "m * b^e", "m * (b^e + 1)", "(b^e - 1)/m". Nothing when the text is no such form.
std::optional<mpz_class> short_form_value(const std::string& text) {
  static const std::regex pattern(R"(^(?:(\d+) \* )?\(?(\d+)\^(\d+)(?: ([+-]) 1)?\)?(?:/(\d+))?$)");
  std::smatch match;
  if (!std::regex_match(text, match, pattern)) return std::nullopt;
  mpz_class value = power(std::stoul(match[2]), std::stoul(match[3]));
  if (match[4].matched) value += match[4] == "+" ? 1 : -1;
  if (match[1].matched) value *= std::stoul(match[1]);
  if (match[5].matched) {
    const unsigned long divisor = std::stoul(match[5]);
    if (mpz_divisible_ui_p(value.get_mpz_t(), divisor) == 0) return std::nullopt;
    value /= divisor;
  }
  return value;
}

// "1.0715e301 (302 digits)": the mantissa, exponent and digit count, checked against the number.
void check_leading_digits(const mpz_class& value, const std::string& text) {
  CAPTURE(value.get_str(), text);
  static const std::regex pattern(R"(^(\d)\.(\d{4})e(\d+) \((\d+) digits\)$)");
  std::smatch match;
  REQUIRE(std::regex_match(text, match, pattern));
  const std::size_t digits = value.get_str().size();
  CHECK(std::stoul(match[4]) == digits);
  const unsigned long exponent = std::stoul(match[3]);
  // mantissa * 10^(exponent - 4) is the value rounded to five significant digits
  const mpz_class mantissa(match[1].str() + match[2].str());
  const mpz_class unit = power(10, exponent - 4);
  mpz_class error = value - mantissa * unit;
  error = abs(error) * 2;
  CHECK(error <= unit);
  CHECK((exponent + 1 == digits || (exponent == digits && mantissa == 10000)));
}

}  // namespace

TEST_CASE("numbers of up to 20 digits are written out in full", "[number_text]") {
  CHECK(number_text(0) == "0");
  CHECK(number_text(4095) == "4095");
  CHECK(number_text(mpz_class("18446744073709551616")) == "18446744073709551616");  // 2^64, 20 digits
  CHECK(number_text(mpz_class("99999999999999999999")) == "99999999999999999999");
  CHECK(number_text(mpz_class(-12)) == "-12");
}

TEST_CASE("powers, powers plus or minus one, and their small multiples and quotients are exact", "[number_text]") {
  CHECK(number_text(power(2, 1024) - 1) == "2^1024 - 1");
  CHECK(number_text(power(2, 127)) == "2^127");
  CHECK(number_text(power(2, 127) + 1) == "2^127 + 1");
  CHECK(number_text(3 * (power(2, 100) - 1)) == "3 * (2^100 - 1)");
  CHECK(number_text(5 * power(2, 100)) == "5 * 2^100");
  CHECK(number_text(80 * power(3, 100)) == "80 * 3^100");
  CHECK(number_text((power(2, 1024) - 1) / 3) == "(2^1024 - 1)/3");
  CHECK(number_text((power(2, 1023) + 1) / 3) == "(2^1023 + 1)/3");
  CHECK(number_text(power(10, 20)) == "10^20");
  CHECK(number_text(power(3, 100) - 1) == "3^100 - 1");
  SECTION("the field's q is tried first and wins ties") {
    CHECK(number_text(power(2, 1000) - 1, {4, 2}) == "4^500 - 1");
    CHECK(number_text(power(9, 100) - 1, {9, 3}) == "9^100 - 1");
  }
  SECTION("the shortest form wins, whatever base came first") { CHECK(number_text(power(2, 1024), {2, 4}) == "4^512"); }
}

TEST_CASE("every short form is exactly the number", "[number_text]") {
  for (const unsigned long base : {2UL, 3UL, 4UL, 5UL, 7UL, 10UL, 13UL, 256UL, 65521UL}) {
    for (const unsigned long exponent : {70UL, 127UL, 521UL, 1024UL}) {
      const mpz_class b_e = power(base, exponent);
      for (const unsigned long m : {1UL, 2UL, 3UL, 7UL, 15UL, 255UL, 1000UL}) {
        for (const int offset : {-1, 0, 1}) {
          const mpz_class multiple = m * (b_e + offset);
          const std::string text = number_text(multiple, {static_cast<std::uint32_t>(base)});
          CAPTURE(base, exponent, m, offset, text);
          const std::optional<mpz_class> value = short_form_value(text);
          REQUIRE(value);
          CHECK(*value == multiple);
          const mpz_class part = b_e + offset;
          if (offset == 0 || mpz_divisible_ui_p(part.get_mpz_t(), m) == 0) continue;
          const mpz_class quotient = part / m;
          const std::string quotient_text = number_text(quotient, {static_cast<std::uint32_t>(base)});
          CAPTURE(quotient_text);
          const std::optional<mpz_class> quotient_value = short_form_value(quotient_text);
          REQUIRE(quotient_value);
          CHECK(*quotient_value == quotient);
        }
      }
    }
  }
}

TEST_CASE("other numbers show five significant digits, rounded, and their digit count", "[number_text]") {
  CHECK(number_text(power(2, 1000) + 12345) == "1.0715e301 (302 digits)");
  CHECK(number_text(power(2, 1000) + 12345, {}, lfsr::DigitCount::omitted) == "1.0715e301");
  CHECK(number_text(power(2, 1000) - 1, {}, lfsr::DigitCount::omitted) == "2^1000 - 1");
  CHECK(number_text(mpz_class("99999500000000000000003")) == "1.0000e23 (23 digits)");
  CHECK(number_text(mpz_class("12345449999999999999999")) == "1.2345e22 (23 digits)");
  std::mt19937_64 random(20261130);
  gmp_randclass gmp_random(gmp_randinit_default);
  gmp_random.seed(20261130);
  for (int trial = 0; trial < 200; ++trial) {
    const mpz_class value = gmp_random.get_z_bits(70 + random() % 3000) + power(10, 20);
    const std::string text = number_text(value, {2, 3});
    if (const std::optional<mpz_class> exact = short_form_value(text)) {
      CHECK(*exact == value);
      continue;
    }
    check_leading_digits(value, text);
  }
}

TEST_CASE("the digits of a huge number are found quickly enough for a table", "[number_text]") {
  // x^100000 over GF(65536) has 65536^100000 states, 481648 digits.
  const mpz_class states = power(65536, 100000);
  CHECK(number_text(states, {65536, 2}) == "2^1600000");  // the shortest form
  check_leading_digits(states + 12345, number_text(states + 12345, {65536, 2}));
}

TEST_CASE("scientific notation rounds half up and carries into the exponent") {
  CHECK(lfsr::scientific_text(mpz_class("123"), 3) == "123");
  CHECK(lfsr::scientific_text(mpz_class("123456"), 3) == "1.23e5");
  CHECK(lfsr::scientific_text(mpz_class("123500"), 3) == "1.24e5");
  CHECK(lfsr::scientific_text(mpz_class("999600"), 3) == "1.00e6");
  CHECK(lfsr::scientific_text(mpz_class("1071508607186267320948"), 5) == "1.0715e21");
}
