// The search's primitivity test (Ben-Or, the norm, a product tree of powers) against is_primitive and
// against FLINT alone, on every small polynomial and on random ones, primitive and not.
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "algebra/integer_factoring.hpp"
#include "algebra/primitivity_test.hpp"
#include "brute_force.hpp"
#include "flint_primitivity.hpp"
#include "lfsr/algebra.hpp"
#include "lfsr/field.hpp"
#include "lfsr/polynomial.hpp"

using namespace lfsr;

namespace {

// How many polynomials of each kind were compared: each kind must occur.
struct Kinds {
  int primitive = 0;
  int irreducible_not_primitive = 0;
  int reducible = 0;
};

// The three verdicts on one monic f: the combined test, is_primitive and FLINT's.
void compare(const Polynomial& f, Kinds& kinds) {
  const Field& field = f.field();
  const auto primes = detail::factor_power_minus_one(field.p(), f.degree() * static_cast<long>(field.k()), {});
  REQUIRE(primes.unfactored.empty());
  const bool combined = detail::is_primitive_with_primes(field, f.coefficients(), primes.primes);
  const std::string flint =
      testing::flint::primitivity_verdict(field.p(), field.k(), field.modulus(), f.coefficients());
  CAPTURE(field.name(), f.to_string(), flint);
  CHECK(combined == is_primitive(f));
  CHECK(combined == (flint == "primitive"));
  if (combined) {
    ++kinds.primitive;
  } else if (is_irreducible(f)) {
    ++kinds.irreducible_not_primitive;
  } else {
    ++kinds.reducible;
  }
}

// A monic polynomial of degree n with f(0) != 0; `sparse` keeps 2 or 3 middle terms, as the search's
// candidates have.
Polynomial random_monic(const Field& field, int n, bool sparse, std::mt19937_64& random) {
  std::uniform_int_distribution<std::uint32_t> element(0, field.q() - 1);
  std::uniform_int_distribution<std::uint32_t> nonzero(1, field.q() - 1);
  std::vector<std::uint32_t> c(static_cast<std::size_t>(n) + 1, 0);
  c.back() = 1;
  c.front() = nonzero(random);
  if (sparse) {
    std::uniform_int_distribution<int> position(1, std::max(1, n - 1));
    for (int term = 0; term < 3 && n > 1; ++term) c[static_cast<std::size_t>(position(random))] = nonzero(random);
  } else {
    for (int i = 1; i < n; ++i) c[static_cast<std::size_t>(i)] = element(random);
  }
  return Polynomial(field, c);
}

}  // namespace

TEST_CASE("the combined primitivity test agrees with is_primitive and FLINT on every small polynomial",
          "[primitivity][flint]") {
  const auto [q, max_degree] = GENERATE(std::pair{2U, 9}, std::pair{3U, 5}, std::pair{4U, 4}, std::pair{5U, 4},
                                        std::pair{9U, 3}, std::pair{16U, 2}, std::pair{27U, 2}, std::pair{251U, 1});
  const Field field = Field::from_order(q);
  Kinds kinds;
  for (int n = 1; n <= max_degree; ++n) {
    for (const Polynomial& f : testing::all_polynomials(field, n)) {
      if (f.coefficients().back() == 1 && f.coefficients().front() != 0) compare(f, kinds);
    }
  }
  CHECK(kinds.primitive > 0);
  if (max_degree >= 2) {
    CHECK(kinds.reducible > 0);
    CHECK(kinds.irreducible_not_primitive > 0);
  }
}

TEST_CASE("the combined primitivity test agrees with is_primitive and FLINT on random polynomials",
          "[primitivity][flint]") {
  const auto [q, n] =
      GENERATE(std::pair{2U, 31}, std::pair{2U, 64}, std::pair{3U, 20}, std::pair{4U, 24}, std::pair{7U, 12},
               std::pair{9U, 16}, std::pair{16U, 12}, std::pair{243U, 6}, std::pair{256U, 8}, std::pair{65521U, 3},
               std::pair{65536U, 4}, std::pair{49U, 6}, std::pair{6561U, 3});
  const Field field = Field::from_order(q);
  std::mt19937_64 random(q * 1000 + n);
  Kinds kinds;
  // Random polynomials are mostly reducible; sparse ones and many draws give irreducible ones too.
  for (int i = 0; i < 400 && (kinds.primitive < 3 || kinds.irreducible_not_primitive < 3 || i < 100); ++i) {
    compare(random_monic(field, static_cast<int>(n), i % 2 == 0, random), kinds);
  }
  CAPTURE(q, n);
  CHECK(kinds.primitive > 0);
  CHECK(kinds.reducible > 0);
}
