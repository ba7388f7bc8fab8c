// Feedback functions from text: the three notations, their errors, canonical printing and round trips.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "closed_formulas.hpp"
#include "lfsr/error.hpp"
#include "lfsr/feedback.hpp"

using namespace lfsr;
using Catch::Matchers::Contains;

namespace {

// A random function of n variables: up to `terms` monomials of up to `degree` variables, maybe the constant.
Feedback random_feedback(int n, int terms, int degree, std::mt19937_64& random) {
  std::vector<Feedback::Monomial> monomials;
  const auto count = static_cast<int>(random() % static_cast<std::uint64_t>(terms + 1));
  for (int t = 0; t < count; ++t) {
    Feedback::Monomial monomial = 0;
    const auto variables = static_cast<int>(random() % static_cast<std::uint64_t>(degree + 1));
    for (int v = 0; v < variables; ++v) monomial |= Feedback::Monomial{1} << (random() % static_cast<std::uint64_t>(n));
    monomials.push_back(monomial);
  }
  return Feedback(n, monomials);
}

}  // namespace

TEST_CASE("algebraic normal form is read with either operator spelling and any spacing", "[feedback]") {
  const Feedback expected(4, {0b0001, 0b0010, 0b0100, 0b0110});
  CHECK(parse_feedback("x0 + x1 + x2 + x1*x2", 4) == expected);
  CHECK(parse_feedback("x0+x1+x2+x1*x2", 4) == expected);
  CHECK(parse_feedback("x0^x1^x2^x1&x2", 4) == expected);
  CHECK(parse_feedback("  x1 & x2 ^ x2 + X1 + x0  ", 4) == expected);
  CHECK(parse_feedback("x0 + x1 + x2 + x2*x1*1", 4) == expected);
  CHECK(parse_feedback("x0 + x1 + x2 + x1*x2 + x3*0", 4) == expected);
  CHECK(parse_feedback("x0 + x1 + x2 + x1*x2*x1*x2", 4) == expected);
  CHECK(parse_feedback("x00 + x01 + x2 + x1*x2", 4) == expected);
}

TEST_CASE("repeated terms cancel and repeated variables collapse", "[feedback]") {
  CHECK(parse_feedback("x1 + x1", 3).monomials().empty());
  CHECK(parse_feedback("x1 + x1", 3).to_string() == "0");
  CHECK(parse_feedback("x0 + x1*x2 + x2*x1", 3) == Feedback(3, {1}));
  CHECK(parse_feedback("x1*x1", 3) == parse_feedback("x1", 3));
  CHECK(parse_feedback("1 + 1 + x2", 3) == Feedback(3, {4}));
  CHECK(parse_feedback("1", 3) == Feedback(3, {0}));
  CHECK(parse_feedback("0", 3) == Feedback(3, {}));
  CHECK(parse_feedback("x0 + x0 + x0", 3) == Feedback(3, {1}));
}

TEST_CASE("feedback prints in canonical order: by degree, then by index list", "[feedback]") {
  const Feedback feedback = parse_feedback("x1*x2 + x0*x5 + x1 + 1 + x0 + x2*x3*x4", 6);
  CHECK(feedback.to_string() == "1 + x0 + x1 + x0*x5 + x1*x2 + x2*x3*x4");
  CHECK(parse_feedback("x1*x3 + x1*x2 + x0*x4", 5).to_string() == "x0*x4 + x1*x2 + x1*x3");
  CHECK(parse_feedback("x63 + x0*x63", 64).to_string() == "x63 + x0*x63");
  CHECK(feedback.degree() == 3);
  CHECK(parse_feedback("0", 2).degree() == 0);
}

TEST_CASE("the term-list notation of the published lists", "[feedback]") {
  // Dubrova's lists write x0 + x1 + x2 + x1*x2 (her 4-bit example) as 0,1,2,(1,2).
  CHECK(parse_feedback_terms("0,1,2,(1,2)", 4) == parse_feedback("x0 + x1 + x2 + x1*x2", 4));
  CHECK(parse_feedback_terms("0, 3, (1, 2), (2, 4)", 5) == parse_feedback("x0 + x3 + x1*x2 + x2*x4", 5));
  CHECK(parse_feedback_terms("0,1,(2,3,4)", 5) == parse_feedback("x0 + x1 + x2*x3*x4", 5));
  CHECK(parse_feedback_terms("(3)", 5) == parse_feedback("x3", 5));
  CHECK(parse_feedback_terms("0,1,1", 5) == parse_feedback("x0", 5));
  CHECK(parse_feedback("x0 + x1 + x2 + x1*x2", 4).to_term_list() == "0,1,2,(1,2)");
  CHECK(parse_feedback("x2*x4 + x0 + x3 + x1*x2", 5).to_term_list() == "0,3,(1,2),(2,4)");
  CHECK_THROWS_WITH(parse_feedback("0", 5).to_term_list(), Contains("zero feedback function"));
  CHECK_THROWS_WITH(parse_feedback("1 + x0", 5).to_term_list(), Contains("constant term"));
}

TEST_CASE("hex truth tables: bit s of the number is F(state s)", "[feedback]") {
  CHECK(parse_feedback_truth_table("a", 2) == parse_feedback("x0", 2));
  CHECK(parse_feedback_truth_table("6a", 3) == parse_feedback("x0 + x1*x2", 3));
  CHECK(parse_feedback_truth_table("0x6A", 3) == parse_feedback("x0 + x1*x2", 3));
  CHECK(parse_feedback_truth_table(" 5656 ", 4) == parse_feedback("x0 + x1 + x2 + x1*x2", 4));
  CHECK(parse_feedback_truth_table("2", 1) == parse_feedback("x0", 1));
  CHECK(parse_feedback_truth_table("3", 1) == parse_feedback("1", 1));
  CHECK(parse_feedback_truth_table("0", 1) == parse_feedback("0", 1));
  CHECK(parse_feedback_truth_table("ffff", 4) == parse_feedback("1", 4));
  CHECK(parse_feedback_truth_table("8000", 4) == parse_feedback("x0*x1*x2*x3", 4));
  CHECK(parse_feedback("x0 + x1*x2", 3).to_truth_table() == "6a");
  CHECK(parse_feedback("x0 + x1 + x2 + x1*x2", 4).to_truth_table() == "5656");
  CHECK(parse_feedback("x0", 1).to_truth_table() == "2");
  CHECK(parse_feedback("x0", 5).to_truth_table() == "aaaaaaaa");
}

TEST_CASE("the three notations give the same function", "[feedback]") {
  std::mt19937_64 random(15);
  for (int n = 1; n <= 10; ++n) {
    for (int round = 0; round < testing::random_cases(20); ++round) {
      const Feedback feedback = random_feedback(n, 6, 3, random);
      CAPTURE(n, feedback.to_string());
      CHECK(parse_feedback(feedback.to_string(), n) == feedback);
      CHECK(parse_feedback_truth_table(feedback.to_truth_table(), n) == feedback);
      if (!feedback.monomials().empty() && feedback.monomials().front() != 0) {
        CHECK(parse_feedback_terms(feedback.to_term_list(), n) == feedback);
      }
      // The truth table is the function itself, bit by bit.
      const Feedback back = parse_feedback_truth_table(feedback.to_truth_table(), n);
      for (std::uint64_t state = 0; state < (std::uint64_t{1} << n); ++state)
        REQUIRE(back.value(state) == feedback.value(state));
    }
  }
  std::mt19937_64 wide(64);
  for (int n : {20, 33, 64}) {
    const Feedback feedback = random_feedback(n, 12, 4, wide);
    CHECK(parse_feedback(feedback.to_string(), n) == feedback);
  }
}

TEST_CASE("bad feedback text gets a one-line message naming the problem", "[feedback]") {
  SECTION("a variable outside x0..x{n-1}") {
    CHECK_THROWS_AS(parse_feedback("x0 + x4", 4), InputError);
    CHECK_THROWS_WITH(
        parse_feedback("x0 + x4", 4),
        "cannot parse feedback \"x0 + x4\": variable x4 is outside x0..x3 of a 4-bit register at column 6");
    CHECK_THROWS_WITH(parse_feedback("x0 + x1*x99", 8), Contains("variable x99 is outside x0..x7"));
    CHECK_THROWS_WITH(parse_feedback_terms("0,1,(2,8)", 8),
                      Contains("variable x8 is outside x0..x7 of a 8-bit register at column 8"));
    CHECK_THROWS_WITH(parse_feedback("x99999999999999999999999", 8), Contains("too large"));
    CHECK_THROWS_WITH(Feedback(3, {0b1001}), Contains("variable x3 is outside x0..x2"));
  }
  SECTION("syntax errors name their column") {
    CHECK_THROWS_WITH(parse_feedback("", 4),
                      Contains("unexpected end of text (expected a variable x0..x3, 0 or 1) at column 1"));
    CHECK_THROWS_WITH(parse_feedback("x0 +", 4), Contains("unexpected end of text") && Contains("column 5"));
    CHECK_THROWS_WITH(parse_feedback("x0 ++ x1", 4), Contains("unexpected '+'") && Contains("column 5"));
    CHECK_THROWS_WITH(parse_feedback("x0 x1", 4), Contains("unexpected 'x'") && Contains("column 4"));
    CHECK_THROWS_WITH(parse_feedback("x + x1", 4), Contains("a variable index after 'x'") && Contains("column 2"));
    CHECK_THROWS_WITH(parse_feedback("x0 + 2", 4), Contains("constant 2 is not 0 or 1 at column 6"));
    CHECK_THROWS_WITH(parse_feedback("x0 + y1", 4), Contains("unexpected 'y'") && Contains("column 6"));
    CHECK_THROWS_WITH(parse_feedback("x0 - x1", 4), Contains("unexpected '-'"));
    CHECK_THROWS_WITH(parse_feedback("x0 + (x1)", 4), Contains("unexpected '('"));
    CHECK_THROWS_WITH(parse_feedback("x0\x01", 4), Contains("byte 0x01"));
    CHECK_THROWS_WITH(parse_feedback_terms("0,1,", 4), Contains("unexpected end of text (expected a variable index)"));
    CHECK_THROWS_WITH(parse_feedback_terms("0,(1,2", 4), Contains("expected ',' or ')'"));
    CHECK_THROWS_WITH(parse_feedback_terms("0,()", 4), Contains("unexpected ')'") && Contains("column 4"));
    CHECK_THROWS_WITH(parse_feedback_terms("0 1", 4), Contains("unexpected '1' (expected ',' or the end) at column 3"));
    CHECK_THROWS_WITH(parse_feedback_terms("x0,1", 4), Contains("unexpected 'x'"));
  }
  SECTION("truth tables of the wrong length name the expected one") {
    CHECK_THROWS_WITH(parse_feedback_truth_table("565", 4),
                      "feedback truth table \"565\" has 3 hex digits; a 4-bit register needs 4 (16 bits)");
    CHECK_THROWS_WITH(parse_feedback_truth_table("0x", 3), Contains("has 0 hex digits; a 3-bit register needs 2"));
    CHECK_THROWS_WITH(parse_feedback_truth_table("4", 1), Contains("more than the 2 bits"));
    CHECK_THROWS_WITH(parse_feedback_truth_table("56g6", 4), Contains("unexpected 'g' at column 3"));
    CHECK_THROWS_WITH(parse_feedback_truth_table("0x56g6", 4), Contains("column 5"));
    CHECK_THROWS_WITH(parse_feedback_truth_table("0", 21), Contains("1 to 20 bits, not 21"));
    CHECK_THROWS_WITH(parse_feedback("x0", 30).to_truth_table(), Contains("at most 20 bits"));
  }
  SECTION("register sizes") {
    CHECK_THROWS_WITH(parse_feedback("x0", 0), Contains("1 to 64 bits, not 0"));
    CHECK_THROWS_WITH(parse_feedback_terms("0", 65), Contains("1 to 64 bits, not 65"));
    CHECK_NOTHROW(parse_feedback("x63", 64));
  }
}

TEST_CASE("linear feedback: taps and the characteristic polynomial of the same register", "[feedback]") {
  const Feedback feedback = parse_feedback("x0 + x3", 4);
  CHECK(feedback.is_linear());
  CHECK(feedback.linear_taps() == 0b1001);
  CHECK(feedback.characteristic_polynomial().to_string() == "x^4+x^3+1");
  CHECK(parse_feedback("x1 + x2", 5).characteristic_polynomial().to_string() == "x^5+x^2+x");
  CHECK(parse_feedback("0", 3).characteristic_polynomial().to_string() == "x^3");
  CHECK_FALSE(parse_feedback("1 + x0", 3).is_linear());
  CHECK_FALSE(parse_feedback("x0 + x1*x2", 3).is_linear());
  CHECK_THROWS_WITH(parse_feedback("x0 + x1*x2", 3).characteristic_polynomial(),
                    "feedback x0 + x1*x2 is not linear: it has no taps");
}

TEST_CASE("invertible exactly when F = x0 + g(x1..x_{n-1})", "[feedback]") {
  CHECK(parse_feedback("x0", 1).is_invertible());
  CHECK(parse_feedback("x0 + x1 + x2 + x1*x2", 4).is_invertible());
  CHECK(parse_feedback("1 + x0 + x1*x2*x3", 4).is_invertible());
  CHECK_FALSE(parse_feedback("x1 + x2", 4).is_invertible());
  CHECK_FALSE(parse_feedback("x0 + x0*x1", 4).is_invertible());
  CHECK_FALSE(parse_feedback("x0*x1", 4).is_invertible());
  CHECK_FALSE(parse_feedback("0", 4).is_invertible());
}

TEST_CASE("feedback crosses to a worker as bytes and comes back equal", "[feedback]") {
  std::mt19937_64 random(1664);
  for (int n : {1, 7, 24, 64}) {
    const Feedback feedback = random_feedback(n, 12, 4, random);
    CHECK(Feedback::deserialize(feedback.serialize()) == feedback);
  }
  const std::string bytes = parse_feedback("x0 + x1*x2", 3).serialize();
  CHECK_THROWS_AS(Feedback::deserialize(bytes + "x"), InternalError);
  CHECK_THROWS_AS(Feedback::deserialize(bytes.substr(0, bytes.size() - 1)), InternalError);
}

TEST_CASE("feedback parsers take any text without crashing: a function or InputError", "[feedback]") {
  std::mt19937_64 random(2015);
  const std::string alphabet = "x0123456789+^*&(), \t01xX9aF";
  for (int round = 0; round < testing::random_cases(3000); ++round) {
    std::string text(random() % 16, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    const int n = 1 + static_cast<int>(random() % 12);
    CAPTURE(text, n);
    for (const auto parse : {parse_feedback, parse_feedback_terms, parse_feedback_truth_table}) {
      try {
        const Feedback feedback = parse(text, n);
        CHECK(feedback.bits() == n);
      } catch (const InputError&) {
      }
    }
  }
}

TEST_CASE("the notation is told from the text", "[feedback]") {
  const Feedback expected = parse_feedback("x0 + x1 + x2 + x1*x2", 4);
  CHECK(parse_feedback_any("x0 + x1 + x2 + x1*x2", 4) == expected);
  CHECK(parse_feedback_any(" 0,1,2,(1,2)", 4) == expected);
  CHECK(parse_feedback_any("0x5656", 4) == expected);
  CHECK(parse_feedback_any("1", 4) == parse_feedback("1", 4));
  CHECK(parse_feedback_any("(3)", 4) == parse_feedback("x3", 4));
  CHECK_THROWS_WITH(parse_feedback_any("0x565", 4), Contains("has 3 hex digits; a 4-bit register needs 4"));
  CHECK_THROWS_WITH(parse_feedback_any("0,1,(1,4)", 4), Contains("feedback term list") && Contains("variable x4"));
  CHECK_THROWS_WITH(parse_feedback_any("x0 + (x1)", 4), Contains("cannot parse feedback \"x0 + (x1)\""));
}
