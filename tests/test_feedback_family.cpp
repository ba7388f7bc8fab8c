// Feedback families: parsing their names, the member counts against their formulas, unranking in the
// documented order, distinct members, and the binary form.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "lfsr/error.hpp"
#include "lfsr/feedback.hpp"
#include "lfsr/feedback_family.hpp"

using namespace lfsr;

namespace {

std::uint64_t choose(std::uint64_t n, std::uint64_t k) {
  if (k > n) return 0;
  std::uint64_t value = 1;
  for (std::uint64_t i = 0; i < k; ++i) value = value * (n - i) / (i + 1);
  return value;
}

}  // namespace

TEST_CASE("feedback family names parse, with spaces, ^ and &, and print canonically", "[nlfsr-search]") {
  CHECK(FeedbackFamily("x0+xa+xb+xc*xd", 8).kind() == FeedbackFamily::Kind::two_linear_one_product);
  CHECK(FeedbackFamily(" x0 ^ xa ^ xb ^ xc & xd ", 8).name() == "x0+xa+xb+xc*xd");
  CHECK(FeedbackFamily("x0 + xa + xb*xc + xd*xe", 8).kind() == FeedbackFamily::Kind::one_linear_two_products);
  CHECK(FeedbackFamily("x0+xa+xb+xc+xd+xe*xf", 8).name() == "x0+xa+xb+xc+xd+xe*xf");
  const FeedbackFamily anf("anf: 3 : 2", 8);
  CHECK(anf.kind() == FeedbackFamily::Kind::anf);
  CHECK(anf.max_terms() == 3);
  CHECK(anf.max_degree() == 2);
  CHECK(anf.name() == "anf:3:2");
  for (const char* name : {"x0+xa+xb+xc*xd", "x0+xa+xb*xc+xd*xe", "x0+xa+xb+xc+xd+xe*xf", "anf:4:3"}) {
    const FeedbackFamily family(name, 12);
    CHECK(FeedbackFamily(family.name(), 12) == family);
    CHECK(FeedbackFamily::deserialize(family.serialize()) == family);
    CHECK(FeedbackFamily::deserialize(family.serialize()).count() == family.count());
  }
}

TEST_CASE("bad feedback families and lengths are refused with a message naming them", "[nlfsr-search]") {
  for (const char* bad : {"", "x0+xa", "x0+xa+xb+xc*xe", "anf", "anf:3", "anf:0:2", "anf:2:0", "anf:a:2", "anf:3:2:1",
                          "anf:-1:2", "x0+xa+xb+xc*xd+1"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(FeedbackFamily(bad, 8), InputError);
  }
  CHECK_THROWS_WITH(FeedbackFamily("x0+xq", 8),
                    Catch::Contains("x0+xq") && Catch::Contains("x0+xa+xb+xc*xd") && Catch::Contains("anf:T:D"));
  for (const int bits : {-1, 0, 1, 64, 65}) CHECK_THROWS_AS(FeedbackFamily("x0+xa+xb+xc*xd", bits), InputError);
  CHECK_NOTHROW(FeedbackFamily("x0+xa+xb+xc*xd", 2));
  CHECK_NOTHROW(FeedbackFamily("x0+xa+xb+xc*xd", 63));
  // More than 2^62 members.
  CHECK_THROWS_WITH(FeedbackFamily("anf:12:3", 63), Catch::Contains("2^62"));
  CHECK_THROWS_AS(FeedbackFamily("anf:3:63", 63), InputError);
  CHECK_THROWS_AS(FeedbackFamily("anf:2:63", 63), InputError);  // 1 + 2^62
  CHECK(FeedbackFamily("anf:2:61", 63).count() == FeedbackFamily::max_count);
  CHECK(FeedbackFamily("anf:1:63", 63).count() == 1);
  const FeedbackFamily family("x0+xa+xb+xc*xd", 6);
  CHECK_THROWS_AS(family.member(family.count()), InputError);
  CHECK_THROWS_AS(FeedbackFamily::deserialize(family.serialize() + "x"), InternalError);
  CHECK_THROWS_AS(FeedbackFamily::deserialize("abc"), InternalError);
}

TEST_CASE("feedback family counts follow their formulas for every length", "[nlfsr-search]") {
  for (int n = 2; n <= 63; ++n) {
    CAPTURE(n);
    const auto m = static_cast<std::uint64_t>(n - 1);
    const std::uint64_t products = choose(m, 2);
    CHECK(FeedbackFamily("x0+xa+xb+xc*xd", n).count() == products * products);
    CHECK(FeedbackFamily("x0+xa+xb*xc+xd*xe", n).count() == m * choose(products, 2));
    CHECK(FeedbackFamily("x0+xa+xb+xc+xd+xe*xf", n).count() == choose(m, 4) * products);
    const std::uint64_t monomials = 1 + m + products;
    CHECK(FeedbackFamily("anf:3:2", n).count() == 1 + monomials + choose(monomials, 2));
    CHECK(FeedbackFamily("anf:1:5", n).count() == 1);
    CHECK(FeedbackFamily("anf:2:1", n).count() == 1 + 1 + m);
  }
  CHECK(FeedbackFamily("x0+xa+xb+xc*xd", 2).count() == 0);
  CHECK(FeedbackFamily("x0+xa+xb+xc+xd+xe*xf", 4).count() == 0);
  CHECK(FeedbackFamily("x0+xa+xb+xc+xd+xe*xf", 5).count() == 6);
  // Every function x0 + g of 3 variables: 2^(2^2) choices of g over x1, x2.
  CHECK(FeedbackFamily("anf:5:2", 3).count() == 16);
  CHECK(FeedbackFamily("anf:9:9", 4).count() == 256);
}

TEST_CASE("feedback family members come in the documented order", "[nlfsr-search]") {
  const FeedbackFamily first("x0+xa+xb+xc*xd", 5);
  CHECK(first.member(0).to_string() == "x0 + x1 + x2 + x1*x2");
  CHECK(first.member(1).to_string() == "x0 + x1 + x2 + x1*x3");
  CHECK(first.member(2).to_string() == "x0 + x1 + x2 + x2*x3");
  CHECK(first.member(6).to_string() == "x0 + x1 + x3 + x1*x2");
  CHECK(first.member(35).to_string() == "x0 + x3 + x4 + x3*x4");
  const FeedbackFamily second("x0+xa+xb*xc+xd*xe", 4);
  CHECK(second.member(0).to_string() == "x0 + x1 + x1*x2 + x1*x3");
  CHECK(second.member(1).to_string() == "x0 + x1 + x1*x2 + x2*x3");
  CHECK(second.member(2).to_string() == "x0 + x1 + x1*x3 + x2*x3");
  CHECK(second.member(3).to_string() == "x0 + x2 + x1*x2 + x1*x3");
  const FeedbackFamily third("x0+xa+xb+xc+xd+xe*xf", 6);
  CHECK(third.member(0).to_string() == "x0 + x1 + x2 + x3 + x4 + x1*x2");
  CHECK(third.member(10).to_string() == "x0 + x1 + x2 + x3 + x5 + x1*x2");
  const FeedbackFamily anf("anf:3:2", 4);
  CHECK(anf.member(0).to_string() == "x0");
  CHECK(anf.member(1).to_string() == "1 + x0");
  CHECK(anf.member(2).to_string() == "x0 + x1");
  CHECK(anf.member(5).to_string() == "x0 + x1*x2");
  CHECK(anf.member(7).to_string() == "x0 + x2*x3");
  CHECK(anf.member(8).to_string() == "1 + x0 + x1");
  CHECK(anf.member(9).to_string() == "1 + x0 + x2");
  CHECK(anf.member(10).to_string() == "x0 + x1 + x2");
  CHECK(anf.member(anf.count() - 1).to_string() == "x0 + x1*x3 + x2*x3");
  const FeedbackFamily cubic("anf:2:3", 5);
  CHECK(cubic.member(cubic.count() - 1).to_string() == "x0 + x2*x3*x4");
}

TEST_CASE("feedback family members are distinct invertible functions of the family's shape", "[nlfsr-search]") {
  for (const char* name : {"x0+xa+xb+xc*xd", "x0+xa+xb*xc+xd*xe", "x0+xa+xb+xc+xd+xe*xf", "anf:3:2", "anf:4:3"}) {
    for (const int n : {2, 3, 4, 6, 7}) {
      const FeedbackFamily family(name, n);
      CAPTURE(name, n);
      std::set<std::vector<Feedback::Monomial>> seen;
      for (std::uint64_t index = 0; index < family.count(); ++index) {
        const Feedback feedback = family.member(index);
        CHECK(feedback.bits() == n);
        CHECK(feedback.is_invertible());
        const auto& monomials = feedback.monomials();
        const auto count_degree = [&](int degree) {
          return std::count_if(monomials.begin(), monomials.end(),
                               [&](Feedback::Monomial m) { return std::popcount(m) == degree; });
        };
        switch (family.kind()) {
          case FeedbackFamily::Kind::two_linear_one_product:
            CHECK((monomials.size() == 4 && count_degree(1) == 3 && count_degree(2) == 1));
            break;
          case FeedbackFamily::Kind::one_linear_two_products:
            CHECK((monomials.size() == 4 && count_degree(1) == 2 && count_degree(2) == 2));
            break;
          case FeedbackFamily::Kind::four_linear_one_product:
            CHECK((monomials.size() == 6 && count_degree(1) == 5 && count_degree(2) == 1));
            break;
          case FeedbackFamily::Kind::anf:
            CHECK(static_cast<int>(monomials.size()) <= family.max_terms());
            CHECK(feedback.degree() <= std::max(1, family.max_degree()));
            break;
        }
        CHECK(seen.insert(monomials).second);
      }
      CHECK(seen.size() == family.count());
    }
  }
}
