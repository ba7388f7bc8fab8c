// GF(p^k): orders, Conway and given moduli, element arithmetic against NTL, element and polynomial text.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "lfsr/error.hpp"
#include "lfsr/field.hpp"
#include "lfsr/polynomial.hpp"
#include "field/ntl_field.hpp"

using namespace lfsr;
using Catch::Matchers::Contains;

namespace {

// Every prime power q <= 65536 with k >= 2, by trial division: independent of Field's own test.
std::vector<std::uint64_t> prime_powers() {
  std::vector<std::uint64_t> result;
  for (std::uint64_t p = 2; p * p <= 65536; ++p) {
    bool prime = true;
    for (std::uint64_t d = 2; d * d <= p; ++d) prime = prime && p % d != 0;
    if (!prime) continue;
    for (std::uint64_t q = p * p; q <= 65536; q *= p) result.push_back(q);
  }
  return result;
}

// x * y computed by NTL in GF2E / zz_pE under the field's modulus.
std::uint32_t ntl_product(const Field& field, std::uint32_t x, std::uint32_t y) {
  return detail::with_ntl_field(field, [&]<class Poly>(std::type_identity<Poly>) {
    using Element = detail::NtlElement<Poly>;
    return detail::from_ntl_element(detail::to_ntl_element<Element>(x) * detail::to_ntl_element<Element>(y));
  });
}

}  // namespace

TEST_CASE("Field::from_order accepts every prime power up to 65536 with its Conway modulus", "[field]") {
  const std::vector<std::uint64_t> orders = prime_powers();
  CHECK(orders.size() == 93);
  for (std::uint64_t q : orders) {
    CAPTURE(q);
    const Field field = Field::from_order(q);
    CHECK(field.q() == q);
    CHECK(field.k() >= 2);
    REQUIRE(field.modulus().size() == field.k() + 1);
    CHECK(field.modulus().back() == 1);
    // The Conway polynomial is primitive: a generates the multiplicative group.
    std::uint64_t order = 1;
    for (std::uint32_t x = field.generator(); x != 1; x = field.mul(x, field.generator())) ++order;
    CHECK(order == q - 1);
  }
}

TEST_CASE("the Conway moduli of the small fields are the published ones", "[field]") {
  CHECK(Field::from_order(4).modulus_text() == "a^2+a+1");
  CHECK(Field::from_order(8).modulus_text() == "a^3+a+1");
  CHECK(Field::from_order(9).modulus_text() == "a^2+2*a+2");
  CHECK(Field::from_order(16).modulus_text() == "a^4+a+1");
  CHECK(Field::from_order(256).modulus_text() == "a^8+a^4+a^3+a^2+1");
  CHECK(Field::from_order(25).modulus_text() == "a^2+4*a+2");
  CHECK(Field::from_order(7).modulus_text().empty());
  CHECK(Field::from_order(9).name() == "GF(9)");
}

TEST_CASE("field multiplication agrees with NTL for every field kind", "[field]") {
  std::mt19937_64 random(7);
  for (const Field& field : {Field::from_order(4), Field::from_order(8), Field::from_order(9), Field::from_order(256),
                             Field::from_order(3125), Field::from_order(59049), Field::from_order(63001),
                             Field::from_order(65536), Field::with_modulus(256, "a^8+a^4+a^3+a+1")}) {
    CAPTURE(field.q(), field.modulus_text());
    for (int i = 0; i < 2000; ++i) {
      const auto x = static_cast<std::uint32_t>(random() % field.q());
      const auto y = static_cast<std::uint32_t>(random() % field.q());
      REQUIRE(field.mul(x, y) == ntl_product(field, x, y));
      REQUIRE(field.add(field.sub(x, y), y) == x);
      REQUIRE(field.add(x, field.neg(x)) == 0);
    }
  }
}

TEST_CASE("Field::with_modulus takes an irreducible modulus in a or x and rejects bad ones", "[field]") {
  const Field aes = Field::with_modulus(256, "a^8+a^4+a^3+a+1");
  CHECK(aes.modulus_text() == "a^8+a^4+a^3+a+1");
  CHECK(Field::with_modulus(9, "x^2+1").modulus_text() == "a^2+1");
  CHECK_FALSE(aes == Field::from_order(256));
  // In the AES field {53} * {CA} = {01} (FIPS-197, section 4.2).
  CHECK(aes.mul(0x53, 0xCA) == 1);
  REQUIRE_THROWS_WITH(Field::with_modulus(4, "a^2+1"), Contains("reducible over GF(2)"));
  REQUIRE_THROWS_WITH(Field::with_modulus(8, "a^2+a+1"), Contains("degree 2") && Contains("degree 3"));
  REQUIRE_THROWS_WITH(Field::with_modulus(7, "a+1"), Contains("prime field"));
  REQUIRE_THROWS_WITH(Field::with_modulus(9, "2*a^2+1"), Contains("not monic"));
  REQUIRE_THROWS_WITH(Field::with_modulus(9, "a^2+b"), Contains("modulus"));
  REQUIRE_THROWS_AS(Field::with_modulus(6, "a^2+a+1"), InputError);
}

TEST_CASE("elements print in the a form and parse back from it and from [n]", "[field]") {
  const Field gf9 = Field::from_order(9);
  CHECK(gf9.element_text(0) == "0");
  CHECK(gf9.element_text(2) == "2");
  CHECK(gf9.element_text(3) == "a");
  CHECK(gf9.element_text(8) == "2*a+2");
  const Field gf8 = Field::from_order(8);
  CHECK(gf8.element_text(5) == "a^2+1");
  for (const Field& field : {gf9, gf8, Field::from_order(256), Field::from_order(625)}) {
    for (std::uint32_t x = 0; x < field.q(); ++x) {
      CAPTURE(field.q(), x);
      REQUIRE(parse_element(field.element_text(x), field) == x);
      REQUIRE(parse_element(std::to_string(x), field) == x);
      REQUIRE(parse_element(fmt::format("[{}]", x), field) == x);
    }
  }
  // a^2 = -2a - 2 = a + 1 over GF(9) with a^2 + 2a + 2.
  CHECK(parse_element("a^2", gf9) == parse_element("a+1", gf9));
  CHECK(parse_element("(a+1)*(a+2)", gf9) == gf9.mul(4, 5));
  CHECK(parse_element("2a", gf9) == 6);
}

TEST_CASE("polynomials over GF(p^k) parse in every documented syntax and print in the a form", "[field]") {
  const Field gf4 = Field::from_order(4);
  const Field gf9 = Field::from_order(9);
  CHECK(parse_polynomial("x^5+x^4+a*x^3+x^2+(a+1)*x", gf4).to_string() == "x^5+x^4+a*x^3+x^2+(a+1)*x");
  CHECK(parse_polynomial("x^2+(a+1)*x+2*a+2", gf9).coefficients() == std::vector<std::uint32_t>{8, 4, 1});
  CHECK(parse_polynomial("x^2+(a+1)*x+2*a+2", gf9).to_string() == "x^2+(a+1)*x+2*a+2");
  CHECK(parse_polynomial("x^3+[3]*x+[1]", gf4).to_string() == "x^3+(a+1)*x+1");
  CHECK(parse_polynomial("x^3 + a x + 1", gf4).to_string() == "x^3+a*x+1");
  CHECK(parse_polynomial("x^2 - a*x - 1", gf9).to_string() == "x^2+2*a*x+2");
  CHECK(parse_polynomial("x^2+a^2*x", gf9).to_string() == "x^2+(a+1)*x");
  // Printing and parsing are inverse on random polynomials.
  std::mt19937_64 random(11);
  for (const Field& field : {gf4, gf9, Field::from_order(256), Field::from_order(343)}) {
    for (int i = 0; i < 200; ++i) {
      std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(1 + random() % 6));
      for (auto& c : coefficients) c = static_cast<std::uint32_t>(random() % field.q());
      coefficients.push_back(1);
      const Polynomial f(field, coefficients);
      CAPTURE(f.to_string());
      REQUIRE(parse_polynomial(f.to_string(), field) == f);
    }
  }
}

TEST_CASE("malformed or out-of-range GF(p^k) coefficients are input errors naming the problem", "[field]") {
  const Field gf4 = Field::from_order(4);
  REQUIRE_THROWS_WITH(parse_polynomial("x^3+3*x+1", gf4), Contains("integer 3 is not below p = 2") && Contains("[3]"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^3+[4]*x+1", gf4), Contains("element [4] is out of range"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^3+(a+1*x+1", gf4), Contains("x cannot appear"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^3+(a+1", gf4), Contains("never closed"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^3+a+1)", gf4), Contains("unmatched ')'"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^3+[a]*x", gf4), Contains("expected an element number"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^3+[1*x", gf4), Contains("expected ']'"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^3+()*x", gf4), Contains("unexpected ')'"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^3+b*x", gf4), Contains("unexpected 'b'"));
  REQUIRE_THROWS_WITH(parse_polynomial("a*x^3+x+1", gf4), Contains("not monic: leading coefficient a"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^2+a", Field::from_order(5)), Contains("GF(5) is a prime field"));
  REQUIRE_THROWS_WITH(parse_polynomial("x^3+a*", gf4), Contains("expected a factor after '*'"));
  REQUIRE_THROWS_WITH(parse_element("4", gf4), Contains("out of range"));
  REQUIRE_THROWS_WITH(parse_element("a*x", gf4), Contains("x cannot appear"));
  REQUIRE_THROWS_AS(parse_element("", gf4), InputError);
}
