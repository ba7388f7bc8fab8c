// Tests of fields and polynomials: parsing, printing, validation and the default maximal-length table.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "closed_formulas.hpp"
#include "lfsr/error.hpp"
#include "lfsr/field.hpp"
#include "lfsr/polynomial.hpp"

using Catch::Matchers::Contains;
using lfsr::Field;
using lfsr::InputError;
using lfsr::Polynomial;

namespace {

Polynomial random_polynomial(const Field& field, std::mt19937_64& rng) {
  const int degree = std::uniform_int_distribution<int>(1, 40)(rng);
  std::uniform_int_distribution<std::uint32_t> element(0, field.q() - 1);
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(degree) + 1);
  for (auto& c : coefficients) c = element(rng);
  coefficients.back() = 1;
  return Polynomial(field, coefficients);
}

// The same polynomial written the untidy ways users write it: shuffled terms, spaces, 'X',
// "2x" without '*', subtraction, and a coefficient split over two terms of the same power.
std::string untidy_text(const Polynomial& f, std::mt19937_64& rng) {
  const std::uint32_t p = f.field().p();
  std::vector<std::string> terms;
  for (int i = 0; i <= f.degree(); ++i) {
    const std::uint32_t c = f.coefficient(i);
    if (c == 0) continue;
    const std::string power = i == 0 ? "" : i == 1 ? "X" : fmt::format("x ^ {}", i);
    const auto style = rng() % 3;
    if (style == 0 || i == 0) {
      terms.push_back(fmt::format("+ {}{}", c + p, power));
    } else if (style == 1) {
      terms.push_back(fmt::format("- {} * {}", p - c, power));
    } else {
      terms.push_back(fmt::format("+{}{} + {}*{}", c, power, p, power));
    }
  }
  std::shuffle(terms.begin(), terms.end(), rng);
  std::string text;
  for (const auto& term : terms) text += " " + term + " ";
  return text;
}

std::string hex_text(const Polynomial& f) {
  std::string digits;
  for (int low = 0; low <= f.degree(); low += 4) {
    unsigned nibble = 0;
    for (int b = 0; b < 4 && low + b <= f.degree(); ++b) nibble |= f.coefficient(low + b) << b;
    digits.insert(digits.begin(), "0123456789abcdef"[nibble]);
  }
  return "0x" + digits;
}

int nonzero_terms(const Polynomial& f) {
  return static_cast<int>(
      std::count_if(f.coefficients().begin(), f.coefficients().end(), [](std::uint32_t c) { return c != 0; }));
}

}  // namespace

TEST_CASE("Field::from_order accepts primes up to the maximum order", "[field]") {
  const std::uint64_t q = GENERATE(2, 3, 5, 7, 251, 65521);
  CAPTURE(q);
  const Field field = Field::from_order(q);
  CHECK(field.p() == q);
  CHECK(field.k() == 1);
  CHECK(field.q() == q);
}

TEST_CASE("Field::from_order rejects non-prime-powers and orders above the maximum", "[field]") {
  const std::uint64_t q = GENERATE(0, 1, 6, 12, 100, 65535, 65537, std::uint64_t{1} << 40);
  CAPTURE(q);
  REQUIRE_THROWS_AS(Field::from_order(q), InputError);
  REQUIRE_THROWS_WITH(Field::from_order(q), Contains(std::to_string(q)));
}

TEST_CASE("Field::from_order names what is wrong with an order", "[field]") {
  REQUIRE_THROWS_WITH(Field::from_order(6), Contains("6 is not a prime power"));
  REQUIRE_THROWS_WITH(Field::from_order(65537), Contains("larger than the maximum 65536"));
}

TEST_CASE("is_prime agrees with a sieve and handles 64-bit values", "[field]") {
  constexpr std::uint64_t limit = 20000;
  std::vector<bool> composite(limit, false);
  for (std::uint64_t i = 2; i * i < limit; ++i)
    for (std::uint64_t j = i * i; j < limit; j += i) composite[j] = true;
  for (std::uint64_t n = 0; n < limit; ++n) {
    CAPTURE(n);
    REQUIRE(lfsr::is_prime(n) == (n >= 2 && !composite[n]));
  }
  CHECK(lfsr::is_prime((std::uint64_t{1} << 61) - 1));
  CHECK(lfsr::is_prime(18446744073709551557ULL));  // largest prime below 2^64
  CHECK_FALSE(lfsr::is_prime(3215031751ULL));      // strong pseudoprime to bases 2, 3, 5, 7
  CHECK_FALSE(lfsr::is_prime(18446744073709551615ULL));
  CHECK_FALSE(lfsr::is_prime(4294967297ULL));  // 641 * 6700417
}

TEST_CASE("Polynomial constructor rejects non-monic, degree 0 and out-of-field coefficients", "[polynomial]") {
  const Field gf2 = Field::from_order(2);
  const Field gf5 = Field::from_order(5);
  REQUIRE_THROWS_AS(Polynomial(gf2, {}), InputError);
  REQUIRE_THROWS_AS(Polynomial(gf2, {1}), InputError);
  REQUIRE_THROWS_AS(Polynomial(gf2, {1, 0}), InputError);
  REQUIRE_THROWS_AS(Polynomial(gf2, {1, 2}), InputError);
  REQUIRE_THROWS_AS(Polynomial(gf5, {1, 5, 1}), InputError);
  REQUIRE_THROWS_AS(Polynomial(gf5, {1, 1, 3}), InputError);
  CHECK(Polynomial(gf5, {4, 1}).degree() == 1);
}

TEST_CASE("zero_low_terms counts the factor x^e0", "[polynomial]") {
  const Field gf2 = Field::from_order(2);
  CHECK(parse_polynomial("x^4+x+1", gf2).zero_low_terms() == 0);
  CHECK(parse_polynomial("x^3+x^2", gf2).zero_low_terms() == 2);
  CHECK(parse_polynomial("x^3+x^2", gf2).is_singular());
  CHECK(parse_polynomial("x", gf2).zero_low_terms() == 1);
  CHECK(parse_polynomial("x^5", gf2).zero_low_terms() == 5);
}

TEST_CASE("taps are the negated low coefficients", "[polynomial]") {
  // x^2 - x - 1 over GF(3): x^2 = x + 1, so both taps are 1.
  const Polynomial f = lfsr::parse_polynomial("x^2-x-1", Field::from_order(3));
  CHECK(f.coefficients() == std::vector<std::uint32_t>{2, 2, 1});
  CHECK(f.tap(0) == 1);
  CHECK(f.tap(1) == 1);
}

TEST_CASE("to_string prints highest power first with non-negative coefficients", "[polynomial]") {
  const Field gf2 = Field::from_order(2);
  const Field gf3 = Field::from_order(3);
  CHECK(Polynomial(gf2, {1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1}).to_string() == "x^12+x^6+x^4+x+1");
  CHECK(Polynomial(gf3, {2, 0, 2, 0, 0, 1}).to_string() == "x^5+2*x^2+2");
  CHECK(Polynomial(gf2, {0, 1}).to_string() == "x");
  CHECK(Polynomial(gf2, {1, 1}).to_string() == "x+1");
  CHECK(Polynomial(gf3, {0, 2, 1}).to_string() == "x^2+2*x");
}

TEST_CASE("parse_polynomial accepts the documented algebraic forms", "[polynomial][parse]") {
  const Field gf2 = Field::from_order(2);
  const Field gf3 = Field::from_order(3);
  const Field gf5 = Field::from_order(5);
  CHECK(parse_polynomial("x^5+2*x^2-1", gf3).coefficients() == std::vector<std::uint32_t>{2, 0, 2, 0, 0, 1});
  CHECK(parse_polynomial("  1 + x + X^4 ", gf2) == parse_polynomial("x^4+x+1", gf2));
  CHECK(parse_polynomial("2x^2+x^3", gf5) == parse_polynomial("x^3+2*x^2", gf5));
  CHECK(parse_polynomial("2 x^2 + x^3", gf5) == parse_polynomial("x^3+2*x^2", gf5));
  CHECK(parse_polynomial("x^3+x^2+x^2", gf5) == parse_polynomial("x^3+2*x^2", gf5));
  CHECK(parse_polynomial("-x^3-x-1", gf2) == parse_polynomial("x^3+x+1", gf2));
  CHECK(parse_polynomial("18446744073709551615*x+x^2", gf3) == parse_polynomial("x^2", gf3));
  CHECK(parse_polynomial("x ^ 02 + 7", gf5) == parse_polynomial("x^2+2", gf5));
  // Reduction can lower the degree: 3x^3 vanishes over GF(3).
  CHECK(parse_polynomial("3*x^3+x^2+1", gf3).degree() == 2);
  // Algebra that starts with "0x" is not hex: 0 * x^3 + x + 1.
  CHECK(parse_polynomial("0x^3+x+1", gf2) == parse_polynomial("x+1", gf2));
  CHECK(parse_polynomial("x^100000+1", gf2).degree() == 100000);
}

TEST_CASE("parse_polynomial and to_string round-trip random polynomials", "[polynomial][parse]") {
  const std::uint64_t q = GENERATE(2, 3, 5, 7);
  const Field field = Field::from_order(q);
  std::mt19937_64 rng(q);
  for (int i = 0; i < lfsr::testing::random_cases(200); ++i) {
    const Polynomial f = random_polynomial(field, rng);
    const std::string untidy = untidy_text(f, rng);
    CAPTURE(q, f.to_string(), untidy);
    REQUIRE(parse_polynomial(f.to_string(), field) == f);
    REQUIRE(parse_polynomial(untidy, field) == f);
  }
}

TEST_CASE("hexadecimal and algebraic text give the same polynomial over GF(2)", "[polynomial][parse]") {
  const Field gf2 = Field::from_order(2);
  CHECK(parse_polynomial("0x1053", gf2) == parse_polynomial("x^12+x^6+x^4+x+1", gf2));
  CHECK(parse_polynomial(" 0X0013 ", gf2) == parse_polynomial("x^4+x+1", gf2));
  CHECK(parse_polynomial("0xAbC", gf2) == parse_polynomial("x^11+x^9+x^7+x^5+x^4+x^3+x^2", gf2));
  std::mt19937_64 rng(2);
  for (int i = 0; i < lfsr::testing::random_cases(200); ++i) {
    const Polynomial f = random_polynomial(gf2, rng);
    CAPTURE(f.to_string(), hex_text(f));
    REQUIRE(parse_polynomial(hex_text(f), gf2) == f);
  }
}

TEST_CASE("parse_polynomial rejects malformed text with InputError", "[polynomial][parse]") {
  const Field gf2 = Field::from_order(2);
  const std::string text = GENERATE(as<std::string>{}, "", "   ", "x^3+%", "x^3+y", "x^3+", "x^3 - ", "++x", "x^3+-x",
                                    "x^", "x^+2", "x^100001", "x^99999999999999999999", "x^-2", "x^3+*x", "2*3", "x**2",
                                    "x^3 x", "x^2^3", "x^3+1 2", "99999999999999999999*x+1", "1", "x^0+1", "x^2-x^2+1",
                                    "x-x", "0", "0x", "0xZ1", "0x1 3", "0x1", "0x0", "0x000", "x^3\n+1 y");
  CAPTURE(text);
  REQUIRE_THROWS_AS(parse_polynomial(text, gf2), InputError);
}

TEST_CASE("parse_polynomial rejection messages name the problem", "[polynomial][parse]") {
  const Field gf2 = Field::from_order(2);
  const Field gf3 = Field::from_order(3);
  REQUIRE_THROWS_WITH(parse_polynomial("2*x^3+1", gf3), Contains("not monic: leading coefficient 2"));
  REQUIRE_THROWS_WITH(parse_polynomial("-x^3+1", gf3), Contains("not monic: leading coefficient 2"));
  REQUIRE_THROWS_WITH(parse_polynomial("0x1053", gf3), Contains("only accepted over GF(2)"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^2-x^2+1", gf3), Contains("degree 0"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^3+", gf2), Contains("dangling '+'"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^", gf2), Contains("missing exponent"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^-1", gf2), Contains("negative exponent"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^100001", gf2), Contains("100001") && Contains("limit 100000"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^3+%", gf2), Contains("'%'") && Contains("column 5"));
  REQUIRE_THROWS_WITH(parse_polynomial("0xZ1", gf2), Contains("'Z'"));
  REQUIRE_THROWS_WITH(parse_polynomial("", gf2), Contains("empty"));
  // Messages stay on one line even when the input does not.
  REQUIRE_THROWS_WITH(parse_polynomial("x^3\n+1 y", gf2), !Contains("\n"));
}

TEST_CASE("hexadecimal text is refused over GF(p) for p != 2", "[polynomial][parse]") {
  const std::uint64_t q = GENERATE(3, 5, 7);
  REQUIRE_THROWS_AS(parse_polynomial("0x1053", Field::from_order(q)), InputError);
}

TEST_CASE("parse_taps gives the listed exponents plus the constant term", "[polynomial][taps]") {
  const std::uint64_t q = GENERATE(2, 3, 5, 7);
  const Field field = Field::from_order(q);
  CAPTURE(q);
  CHECK(parse_taps("12,6,4,1", field) == parse_polynomial("x^12+x^6+x^4+x+1", field));
  CHECK(parse_taps(" 12 , 6,4 ,1 ", field) == parse_polynomial("x^12+x^6+x^4+x+1", field));
  CHECK(parse_taps("5,2", field) == parse_polynomial("x^5+x^2+1", field));
  CHECK(parse_taps("7", field) == parse_polynomial("x^7+1", field));
  CHECK(parse_taps("1", field) == parse_polynomial("x+1", field));
}

TEST_CASE("parse_taps rejects malformed tap lists with InputError", "[polynomial][taps]") {
  const Field gf2 = Field::from_order(2);
  const std::string text =
      GENERATE(as<std::string>{}, "", " ", "12,,4", "12,6,4,1,", ",12", "12,a,1", "12,6.5,1", "12,0", "0", "12,-3,1",
               "-12", "12,6,6,1", "12,4,6,1", "4,12", "100001,1", "99999999999999999999999", "x^3");
  CAPTURE(text);
  REQUIRE_THROWS_AS(parse_taps(text, gf2), InputError);
}

TEST_CASE("parse_taps rejection messages say which rule broke", "[polynomial][taps]") {
  const Field gf2 = Field::from_order(2);
  REQUIRE_THROWS_WITH(parse_taps("12,6,6,1", gf2), Contains("6 is repeated"));
  REQUIRE_THROWS_WITH(parse_taps("12,4,6,1", gf2), Contains("strictly decreasing") && Contains("6 follows 4"));
  REQUIRE_THROWS_WITH(parse_taps("12,-3,1", gf2), Contains("-3 is negative"));
  REQUIRE_THROWS_WITH(parse_taps("12,0", gf2), Contains("entry 0"));
  REQUIRE_THROWS_WITH(parse_taps("100001,1", gf2), Contains("limit 100000"));
}

TEST_CASE("default table covers every length with a trinomial or pentanomial", "[polynomial][default]") {
  REQUIRE(lfsr::max_default_bits() == 168);
  for (int bits = lfsr::min_default_bits; bits <= lfsr::max_default_bits(); ++bits) {
    const Polynomial f = lfsr::default_maximal_polynomial(bits);
    CAPTURE(bits, f.to_string());
    REQUIRE(f.field() == Field::from_order(2));
    REQUIRE(f.degree() == bits);
    REQUIRE(f.coefficient(bits) == 1);
    REQUIRE(f.coefficient(0) == 1);
    const int terms = nonzero_terms(f);
    REQUIRE((terms == 3 || terms == 5));
  }
}

TEST_CASE("default table entries match known maximal-length polynomials", "[polynomial][default]") {
  const Field gf2 = Field::from_order(2);
  CHECK(lfsr::default_maximal_polynomial(4) == parse_polynomial("x^4+x+1", gf2));
  CHECK(lfsr::default_maximal_polynomial(4) != parse_polynomial("x^4+x^3+x^2+x+1", gf2));
  CHECK(lfsr::default_maximal_polynomial(12) == parse_polynomial("x^12+x^6+x^4+x+1", gf2));
  CHECK(lfsr::default_maximal_polynomial(127) == parse_polynomial("x^127+x+1", gf2));
}

TEST_CASE("default table refuses lengths outside its range", "[polynomial][default]") {
  const int bits = GENERATE(-1, 0, 1, 169, 1000);
  CAPTURE(bits);
  REQUIRE_THROWS_AS(lfsr::default_maximal_polynomial(bits), InputError);
}

TEST_CASE("no polynomial is above the degree limit, however it is made", "[polynomial]") {
  const Field gf2 = Field::from_order(2);
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(lfsr::max_polynomial_degree) + 1, 0);
  coefficients.back() = 1;
  CHECK(Polynomial(gf2, coefficients).degree() == lfsr::max_polynomial_degree);
  coefficients.push_back(1);
  CHECK_THROWS_WITH(Polynomial(gf2, coefficients), Contains("degree 100001 is above the degree limit 100000"));
  CHECK(lfsr::parse_polynomial("x^100000+1", gf2).degree() == lfsr::max_polynomial_degree);
  CHECK_THROWS_AS(lfsr::parse_polynomial("x^100001+1", gf2), InputError);
  CHECK(lfsr::parse_taps("100000,1", gf2).degree() == lfsr::max_polynomial_degree);
  CHECK_THROWS_AS(lfsr::parse_taps("100001,1", gf2), InputError);
}
