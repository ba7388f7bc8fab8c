// The default primitive polynomials (the built-in GF(2) table and the search over other fields) and
// the Conway moduli, proven by FLINT alone (flint_primitivity.hpp), not by the library's NTL path.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "brute_force.hpp"
#include "closed_formulas.hpp"
#include "flint_primitivity.hpp"
#include "lfsr/field.hpp"
#include "lfsr/polynomial.hpp"
#include "lfsr/primitive_search.hpp"

using namespace lfsr;

namespace {

// Every prime power q = p^k <= 65536 with its p and k, by trial division (not Field's own test).
std::vector<std::pair<std::uint32_t, std::uint32_t>> prime_powers(std::uint32_t min_k) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> result;
  for (std::uint32_t p = 2; p <= 65536; ++p) {
    bool prime = true;
    for (std::uint32_t d = 2; d * d <= p && prime; ++d) prime = p % d != 0;
    if (!prime) continue;
    std::uint32_t k = 1;
    for (std::uint64_t q = p; q <= 65536; q *= p, ++k)
      if (k >= min_k) result.emplace_back(p, k);
  }
  return result;
}

std::string verdict(const Polynomial& f) {
  return testing::flint::primitivity_verdict(f.field().p(), f.field().k(), f.field().modulus(), f.coefficients());
}

}  // namespace

TEST_CASE("FLINT's Conway polynomial is the modulus of every GF(p^k), k >= 2", "[flint]") {
  const auto fields = prime_powers(2);
  CHECK(fields.size() == 93);
  for (const auto& [p, k] : fields) {
    CAPTURE(p, k);
    const auto conway = testing::flint::conway_polynomial(p, k);
    REQUIRE(conway);
    std::uint32_t q = 1;
    for (std::uint32_t i = 0; i < k; ++i) q *= p;
    CHECK(Field::from_order(q).modulus() == *conway);
  }
}

TEST_CASE("the FLINT check counts phi(q^n - 1) / n primitive polynomials of each degree", "[flint]") {
  // The check itself can fail: it must accept exactly the primitive polynomials, no more, no fewer.
  const auto [q, max_degree] = GENERATE(std::pair{2U, 10}, std::pair{3U, 5}, std::pair{4U, 4}, std::pair{9U, 2},
                                        std::pair{16U, 2}, std::pair{251U, 1});
  const Field field = Field::from_order(q);
  for (int n = 1; n <= max_degree; ++n) {
    std::uint64_t primitive = 0;
    for (const Polynomial& f : testing::all_polynomials(field, n)) primitive += verdict(f) == "primitive" ? 1 : 0;
    CAPTURE(q, n);
    CHECK(primitive == testing::primitive_count(q, static_cast<unsigned>(n)));
  }
  const Field gf2 = Field::from_order(2);
  CHECK(verdict(parse_polynomial("x^4+x^3+x^2+x+1", gf2)) == "x^((q^n-1)/3) = 1");  // irreducible of order 5
  CHECK(verdict(parse_polynomial("x^4+1", gf2)) == "reducible");
}

TEST_CASE("every polynomial of the built-in GF(2) table is primitive by FLINT", "[flint]") {
  const Field gf2 = Field::from_order(2);
  for (int bits = min_default_bits; bits <= max_default_bits(); ++bits) {
    const Polynomial f = default_maximal_polynomial(bits);
    CAPTURE(bits, f.to_string());
    CHECK(verdict(f) == "primitive");
    CHECK(default_primitive_polynomial(bits, gf2) == f);
  }
}

TEST_CASE("the default polynomials over other fields are primitive by FLINT", "[flint]") {
  // Every degree the other tests (and the CLI tests) pin or take a default of, and degree 3 over
  // every GF(p^k); degrees 1 and 2 over every field are the next test's.
  std::vector<std::pair<std::uint32_t, std::vector<int>>> cases{
      {2, {1, 200, 1000}}, {3, {1, 2, 7, 12, 40, 64}},
      {4, {8, 10, 33}},    {8, {5, 6, 16}},
      {9, {6, 20}},        {16, {4, 5, 8}},
      {25, {4}},           {27, {4}},
      {128, {7}},          {256, {4, 8}},
      {65536, {4, 16}},    {65521, {1, 2, 3}},
      {5, {1, 2, 3, 9}},   {7, {1, 2, 3, 9}},
      {59049, {1, 2}},
  };
  for (const auto& [p, k] : prime_powers(2)) {
    std::uint32_t q = 1;
    for (std::uint32_t i = 0; i < k; ++i) q *= p;
    cases.push_back({q, {3}});
  }
  for (const auto& [q, degrees] : cases) {
    const Field field = Field::from_order(q);
    for (const int n : degrees) {
      const Polynomial f = default_primitive_polynomial(n, field);
      CAPTURE(q, n, f.to_string());
      REQUIRE(f.degree() == n);
      CHECK(verdict(f) == "primitive");
    }
  }
}

// 6,635 fields, the search and the FLINT proof included: about 1.3 s of CPU in a Release build.
TEST_CASE("the default polynomials of degrees 1 and 2 over every field are primitive by FLINT", "[flint]") {
  for (const auto& [p, k] : prime_powers(1)) {
    std::uint32_t q = 1;
    for (std::uint32_t i = 0; i < k; ++i) q *= p;
    const Field field = Field::from_order(q);
    for (const int n : {1, 2}) {
      const Polynomial f = default_primitive_polynomial(n, field);
      CAPTURE(q, n, f.to_string());
      CHECK(verdict(f) == "primitive");
    }
  }
}
