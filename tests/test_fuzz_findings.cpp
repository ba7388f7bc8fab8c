// Inputs the fuzz targets (tests/fuzz) found, kept as regression tests, with the printable-text
// helper their fixes use: every message about bad input is one line of bounded length.
#include <catch2/catch.hpp>
#include <string>

#include "lfsr/error.hpp"
#include "lfsr/field.hpp"
#include "lfsr/polynomial.hpp"
#include "text/printable_text.hpp"

using namespace lfsr;
using Catch::Matchers::Contains;

namespace {

// The message of the InputError that `parse` throws.
template <class Parse>
std::string input_error(Parse parse) {
  try {
    parse();
  } catch (const InputError& error) {
    return error.what();
  }
  FAIL("no InputError");
  return {};
}

bool one_printable_line(const std::string& message) {
  for (const char c : message) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("printable_text escapes control bytes, quotes and bytes past ASCII, and shortens", "[fuzz]") {
  CHECK(printable_text("x^2+1") == "x^2+1");
  CHECK(printable_text(std::string("a\n\x0b\x7f\xff'\"\\", 8)) == "a\\x0a\\x0b\\x7f\\xff\\x27\\x22\\x5c");
  CHECK(printable_text(std::string(61, '7')) == std::string(60, '7') + "...");
  CHECK(printable_text(std::string(60, '7')) == std::string(60, '7'));
  CHECK(printable_text("abcdef", 3) == "abc...");
  CHECK(printable_text("").empty());
}

// fuzz_modulus: "a\x0b" over GF(65536) (a vertical tab, which the parser skips as a space) was
// named raw in "modulus ... has degree 1", and so was a reducible modulus.
TEST_CASE("a modulus with control bytes is named escaped, on one line", "[fuzz]") {
  const std::string wrong_degree = input_error([] { Field::with_modulus(65536, "a\x0b"); });
  CHECK(one_printable_line(wrong_degree));
  CHECK_THAT(wrong_degree, Contains("modulus a\\x0b has degree 1"));
  const std::string reducible = input_error([] { Field::with_modulus(16, "a^4\n+1"); });
  CHECK(one_printable_line(reducible));
  CHECK_THAT(reducible, Contains("modulus a^4\\x0a+1 is reducible over GF(2)"));
}

// Numbers too long for 64 bits were repeated whole in the message: a megabyte of digits made a
// megabyte-long line.
TEST_CASE("a number of many digits is shortened in the message", "[fuzz]") {
  const Field gf2 = Field::from_order(2);
  const std::string digits(100000, '9');
  for (const std::string& text : {digits + "*x+x^2", "x^" + digits + "+1"}) {
    const std::string message = input_error([&] { parse_polynomial(text, gf2); });
    CHECK(message.size() < 300);
    CHECK_THAT(message, Contains(std::string(59, '9') + "..."));
  }
  for (const std::string& text : {digits + ",1", "4,-" + digits}) {
    const std::string message = input_error([&] { parse_taps(text, gf2); });
    CHECK(message.size() < 300);
    CHECK_THAT(message, Contains(std::string(59, '9') + "..."));
  }
}
