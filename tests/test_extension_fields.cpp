// Registers over GF(p^k): the algebraic method, enumeration and an NTL brute force over GF(q) against
// each other and against closed counts; moduli other than Conway's; the default primitive polynomials.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "algebra/polynomial_order.hpp"
#include "brute_force.hpp"
#include "closed_formulas.hpp"
#include "field/ntl_field.hpp"
#include "flint_primitivity.hpp"
#include "lfsr/algebra.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/error.hpp"
#include "lfsr/primitive_search.hpp"
#include "sanitizers.hpp"

using namespace lfsr;
using namespace lfsr::testing;
using Catch::Matchers::Contains;

namespace {

// A field and the degrees a test takes over it; modulus nullptr means Conway's.
struct FieldCase {
  std::uint32_t q;
  const char* modulus;
  int max_degree;
};

Field field_of(const FieldCase& c) {
  return c.modulus == nullptr ? Field::from_order(c.q) : Field::with_modulus(c.q, c.modulus);
}

// The moduli other than Conway's: a generator a that is not primitive (orders 5, 4, 51) and another primitive one.
const char* const gf16_order_5 = "a^4+a^3+a^2+a+1";
const char* const gf9_order_4 = "a^2+1";
const char* const gf8_other = "a^3+a^2+1";
const char* const gf256_aes = "a^8+a^4+a^3+a+1";

// f is irreducible when its factorization is one factor of multiplicity one (x itself: all nilpotent).
bool factors_as_irreducible(const Polynomial& f) {
  const detail::OrderedFactorization factorization = detail::factor_with_orders(f, {});
  if (factorization.nilpotent_degree > 0) return f.degree() == 1;
  return factorization.factors.size() == 1 && factorization.factors[0].multiplicity == 1;
}

// The multiplicative order of x in GF(q), by repeated multiplication.
std::uint32_t element_order(const Field& field, std::uint32_t x) {
  std::uint32_t order = 1;
  for (std::uint32_t y = x; y != 1; y = field.mul(y, x)) ++order;
  return order;
}

// The isomorphism GF(q) with `from`'s modulus -> `to`: a -> beta, the least root in `to` of from's modulus.
class FieldIsomorphism {
 public:
  FieldIsomorphism(const Field& from, const Field& to) : from_(from), to_(to) {
    for (beta_ = 0; beta_ < to.q(); ++beta_) {
      std::uint32_t value = 0;
      for (std::size_t i = from.modulus().size(); i-- > 0;) value = to.add(to.mul(value, beta_), from.modulus()[i]);
      if (value == 0) break;
    }
    REQUIRE(beta_ < to.q());
  }
  std::uint32_t operator()(std::uint32_t x) const {
    std::uint32_t image = 0;
    for (std::uint32_t power = 1; x != 0; x /= from_.p(), power = to_.mul(power, beta_))
      image = to_.add(image, to_.mul(x % from_.p(), power));
    return image;
  }
  Polynomial operator()(const Polynomial& f) const {
    std::vector<std::uint32_t> image;
    for (const std::uint32_t c : f.coefficients()) image.push_back((*this)(c));
    return Polynomial(to_, image);
  }

 private:
  Field from_;
  Field to_;
  std::uint32_t beta_ = 0;
};

Polynomial random_polynomial(const Field& field, int degree, std::mt19937_64& random) {
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(degree) + 1);
  for (auto& c : coefficients) c = static_cast<std::uint32_t>(random() % field.q());
  coefficients.back() = 1;
  return Polynomial(field, coefficients);
}

// The documented order of the search, computed directly: least c_0, then height, nonzero count, and
// the coefficients from the top. The lesser key is the earlier candidate.
auto search_key(const Polynomial& f) {
  std::vector<std::uint32_t> from_top(f.coefficients().rbegin() + 1, f.coefficients().rend() - 1);
  const std::uint32_t height = from_top.empty() ? 0 : *std::max_element(from_top.begin(), from_top.end());
  const auto nonzero = std::count_if(from_top.begin(), from_top.end(), [](std::uint32_t c) { return c != 0; });
  return std::tuple{f.coefficient(0), height, nonzero, from_top};
}

mpz_class states_of(const Field& field, int n) { return power(field.q(), static_cast<unsigned>(n)); }

}  // namespace

TEST_CASE("over GF(p^k) algebra, enumeration and the NTL brute force agree on every small polynomial", "[extension]") {
  const FieldCase c = GENERATE(values<FieldCase>({{4, nullptr, 4},
                                                  {8, nullptr, 3},
                                                  {9, nullptr, 3},
                                                  {16, nullptr, 2},
                                                  {25, nullptr, 2},
                                                  {16, gf16_order_5, 2},
                                                  {9, gf9_order_4, 3}}));
  const Field field = field_of(c);
  const auto runner = make_sequential_runner();
  // Sanitized builds run some 50 times slower: there the spaces of at most 300 states.
  const auto within_reach = [&](int n) {
    return !testing::under_sanitizer || power(c.q, static_cast<unsigned>(n)) <= 300;
  };
  for (int n = 1; n <= c.max_degree && within_reach(n); ++n) {
    for (const Polynomial& f : all_polynomials(field, n)) {
      CAPTURE(field.name(), field.modulus_text(), f.to_string());
      const CycleStructure algebraic = algebraic_cycle_structure(f);
      for (const Form form : {Form::fibonacci, Form::galois}) {
        CAPTURE(form_name(form));
        const Lfsr lfsr{f, form};
        REQUIRE(enumerate(linear_map_of(lfsr), *runner) == algebraic);
        REQUIRE(brute_force_structure(successors_by_ntl(lfsr)) == algebraic);
      }
      REQUIRE(is_primitive(f) == algebraic.maximal_length());
    }
  }
}

TEST_CASE("over GF(p^k) irreducible and primitive polynomials are as many as the closed formulas say", "[extension]") {
  const FieldCase c = GENERATE(values<FieldCase>({{4, nullptr, 6},
                                                  {8, nullptr, 4},
                                                  {9, nullptr, 4},
                                                  {16, nullptr, 3},
                                                  {25, nullptr, 2},
                                                  {27, nullptr, 2},
                                                  {32, nullptr, 2},
                                                  {49, nullptr, 2},
                                                  {121, nullptr, 2},
                                                  {16, gf16_order_5, 3},
                                                  {9, gf9_order_4, 4},
                                                  {256, gf256_aes, 1}}));
  const Field field = field_of(c);
  // Sanitized builds run some 50 times slower: there the degrees with at most 2500 polynomials.
  const auto within_reach = [&](int n) {
    return !testing::under_sanitizer || power(c.q, static_cast<unsigned>(n)) <= 2500;
  };
  for (int n = 1; n <= c.max_degree && within_reach(n); ++n) {
    std::uint64_t irreducible = 0, primitive = 0;
    for (const Polynomial& f : all_polynomials(field, n)) {
      const bool factors_irreducible = factors_as_irreducible(f);
      CAPTURE(f.to_string());
      REQUIRE(factors_irreducible == detail::is_irreducible(field, f.coefficients()));
      irreducible += factors_irreducible ? 1 : 0;
      primitive += is_primitive(f) ? 1 : 0;
    }
    CAPTURE(field.name(), field.modulus_text(), n);
    CHECK(irreducible == irreducible_count(c.q, static_cast<unsigned>(n)));
    CHECK(primitive == primitive_count(c.q, static_cast<unsigned>(n)));
  }
}

TEST_CASE("x^n - 1 over GF(4) and GF(9) has one cycle per necklace", "[extension]") {
  const auto [q, n] = GENERATE(std::pair{4U, 1U}, std::pair{4U, 2U}, std::pair{4U, 6U}, std::pair{4U, 8U},
                               std::pair{4U, 12U}, std::pair{4U, 64U}, std::pair{4U, 100U}, std::pair{9U, 3U},
                               std::pair{9U, 5U}, std::pair{9U, 9U}, std::pair{9U, 27U}, std::pair{9U, 60U});
  CAPTURE(q, n);
  const Polynomial f = x_to_the_n_minus_one(Field::from_order(q), n);
  const CycleStructure result = algebraic_cycle_structure(f);
  CHECK(result.cycles == rotation_cycles(q, n));
  CHECK(result.total_cycles() == necklace_count(q, n));
  CHECK(result.cyclic_states == result.states);
  CHECK(result.max_tail == 0);
  if (result.states <= 65536) {
    const auto runner = make_sequential_runner();
    for (const Form form : {Form::fibonacci, Form::galois})
      CHECK(enumerate(linear_map_of({f, form}), *runner) == result);
  }
}

TEST_CASE("a modulus other than Conway's gives the cycle structures of the isomorphic field", "[extension]") {
  const auto [q, modulus] = GENERATE(std::pair{16U, gf16_order_5}, std::pair{9U, gf9_order_4}, std::pair{8U, gf8_other},
                                     std::pair{256U, gf256_aes});
  const Field conway = Field::from_order(q);
  const Field other = Field::with_modulus(q, modulus);
  CAPTURE(q, modulus);
  const FieldIsomorphism to_other(conway, other);
  std::set<std::uint32_t> images;
  for (std::uint32_t x = 0; x < q; ++x) {
    images.insert(to_other(x));
    for (std::uint32_t y = 0; y < q; y += 1 + q / 16) {
      REQUIRE(to_other(conway.mul(x, y)) == other.mul(to_other(x), to_other(y)));
      REQUIRE(to_other(conway.add(x, y)) == other.add(to_other(x), to_other(y)));
    }
  }
  REQUIRE(images.size() == q);
  std::mt19937_64 random(q);
  const auto runner = make_sequential_runner();
  for (int trial = 0; trial < random_cases(40); ++trial) {
    const Polynomial f = random_polynomial(conway, 1 + trial % 6, random);
    const Polynomial g = to_other(f);
    CAPTURE(f.to_string(), g.to_string());
    const CycleStructure expected = algebraic_cycle_structure(f);
    REQUIRE(algebraic_cycle_structure(g) == expected);
    REQUIRE(is_primitive(g) == is_primitive(f));
    if (expected.states <= 4096) REQUIRE(enumerate(linear_map_of({g, Form::galois}), *runner) == expected);
  }
}

TEST_CASE("over GF(2) the search finds the built-in table's polynomials", "[primitive]") {
  const Field gf2 = Field::from_order(2);
  for (int bits = min_default_bits; bits <= max_default_bits(); ++bits) {
    CAPTURE(bits);
    REQUIRE(first_primitive_polynomial(bits, gf2) == default_maximal_polynomial(bits));
    REQUIRE(default_primitive_polynomial(bits, gf2) == default_maximal_polynomial(bits));
  }
  CHECK(default_primitive_polynomial(1, gf2).to_string() == "x+1");
  // Regression pin beyond the table; primitive by FLINT in test_default_polynomials_flint.cpp.
  CHECK(default_primitive_polynomial(200, gf2).to_string() == "x^200+x^5+x^3+x^2+1");
}

TEST_CASE("the search returns the first primitive polynomial in its documented order", "[primitive]") {
  const FieldCase c = GENERATE(values<FieldCase>({{3, nullptr, 5},
                                                  {4, nullptr, 4},
                                                  {5, nullptr, 3},
                                                  {7, nullptr, 3},
                                                  {8, nullptr, 3},
                                                  {9, nullptr, 3},
                                                  {16, nullptr, 2},
                                                  {25, nullptr, 2},
                                                  {16, gf16_order_5, 2},
                                                  {9, gf9_order_4, 3}}));
  const Field field = field_of(c);
  std::set<std::uint32_t> primitive_elements;
  for (std::uint32_t x = 1; x < field.q(); ++x)
    if (element_order(field, x) == field.q() - 1) primitive_elements.insert(x);
  for (int n = 1; n <= c.max_degree; ++n) {
    CAPTURE(field.name(), field.modulus_text(), n);
    std::vector<Polynomial> primitive;
    for (const Polynomial& f : all_polynomials(field, n))
      if (is_primitive(f)) primitive.push_back(f);
    // The constant terms that occur are exactly those with (-1)^n c_0 a primitive element.
    std::set<std::uint32_t> constants, admissible;
    for (const Polynomial& f : primitive) constants.insert(f.coefficient(0));
    for (const std::uint32_t g : primitive_elements) admissible.insert(n % 2 == 0 ? g : field.neg(g));
    CHECK(constants == admissible);
    const Polynomial first = *std::min_element(
        primitive.begin(), primitive.end(), [](const auto& f, const auto& g) { return search_key(f) < search_key(g); });
    CHECK(first_primitive_polynomial(n, field) == first);
    CHECK(default_primitive_polynomial(n, field) == first);
  }
}

TEST_CASE("default primitive polynomials are maximal length by their order, by FLINT and by enumeration",
          "[primitive]") {
  const auto [q, degrees] = GENERATE(
      std::pair{3U, std::vector{1, 2, 7, 12, 40}}, std::pair{4U, std::vector{1, 2, 3, 8, 10, 33}},
      std::pair{8U, std::vector{2, 5, 6, 16}}, std::pair{9U, std::vector{3, 6, 20}},
      std::pair{16U, std::vector{1, 4, 5, 8}}, std::pair{25U, std::vector{2, 4}}, std::pair{27U, std::vector{3, 4}},
      std::pair{49U, std::vector{3}}, std::pair{121U, std::vector{2}}, std::pair{128U, std::vector{2, 7}},
      std::pair{243U, std::vector{2, 3}}, std::pair{256U, std::vector{1, 2, 3, 4, 8}}, std::pair{625U, std::vector{2}},
      std::pair{1024U, std::vector{2, 3}}, std::pair{2187U, std::vector{1}}, std::pair{4096U, std::vector{2}},
      std::pair{16807U, std::vector{2}}, std::pair{59049U, std::vector{1, 2}}, std::pair{65536U, std::vector{1, 4}},
      std::pair{65521U, std::vector{1, 2, 3}});
  const Field field = Field::from_order(q);
  const auto runner = make_sequential_runner();
  for (const int n : degrees) {
    const Polynomial f = default_primitive_polynomial(n, field);
    CAPTURE(field.name(), n, f.to_string());
    REQUIRE(f.degree() == n);
    REQUIRE(factors_as_irreducible(f));
    REQUIRE(polynomial_order(f) == states_of(field, n) - 1);
    REQUIRE(algebraic_cycle_structure(f).maximal_length());
    // Not by the library's own algebra alone: FLINT proves it primitive, sharing no code with it.
    REQUIRE(flint::primitivity_verdict(field.p(), field.k(), field.modulus(), f.coefficients()) == "primitive");
    if (states_of(field, n) <= (1U << 20)) {
      const std::map<mpz_class, mpz_class> one_long_cycle{{1, 1}, {states_of(field, n) - 1, 1}};
      for (const Form form : {Form::fibonacci, Form::galois}) {
        CAPTURE(form_name(form));
        REQUIRE(enumerate(linear_map_of({f, form}), *runner).cycles == one_long_cycle);
      }
    }
  }
}

TEST_CASE("default primitive polynomials over GF(p^k) stay as documented", "[primitive]") {
  // Regression pins: a change of rule, or of the order it searches in, shows up here. That each is
  // primitive is proven by FLINT alone in test_default_polynomials_flint.cpp.
  CHECK(default_primitive_polynomial(3, Field::from_order(256)).to_string() == "x^3+x+a");
  CHECK(default_primitive_polynomial(20, Field::from_order(9)).to_string() == "x^20+x^6+x+a");
  CHECK(default_primitive_polynomial(4, Field::from_order(65536)).to_string() == "x^4+x^3+x^2+a*x+a");
  CHECK(default_primitive_polynomial(64, Field::from_order(3)).to_string() == "x^64+x^3+2");
  CHECK(default_primitive_polynomial(2, Field::from_order(65521)).to_string() == "x^2+3*x+17");
  // 8 | N over GF(2^k): no trinomial x^N + c_1 x + c_0 is irreducible, and the search does not dwell on them.
  CHECK(default_primitive_polynomial(16, Field::from_order(65536)).to_string() == "x^16+x^11+x+a");
}

TEST_CASE("over GF(2^k) no x^N + c_1 x + c_0 with 8 | N is irreducible, so the search goes by height first",
          "[primitive]") {
  // Swan's theorem lifted to GF(2^k): the discriminant is a square, so the number of factors is even.
  // A search by the integer sum c_i q^i would try all q^2 of them before any c_2.
  for (const std::uint32_t q : {4U, 16U}) {
    const Field field = Field::from_order(q);
    for (std::uint32_t c1 = 0; c1 < q; ++c1) {
      for (std::uint32_t c0 = 1; c0 < q; ++c0) {
        std::vector<std::uint32_t> coefficients(9, 0);
        coefficients[0] = c0;
        coefficients[1] = c1;
        coefficients[8] = 1;
        CAPTURE(q, c1, c0);
        REQUIRE_FALSE(detail::is_irreducible(field, coefficients));
      }
    }
  }
}

TEST_CASE("default_primitive_polynomial refuses bad degrees and a q^N - 1 it cannot factor", "[primitive]") {
  const Field gf9 = Field::from_order(9);
  for (const int bits : {0, -1, max_primitive_search_bits + 1}) {
    CAPTURE(bits);
    REQUIRE_THROWS_AS(default_primitive_polynomial(bits, gf9), InputError);
    REQUIRE_THROWS_WITH(default_primitive_polynomial(bits, gf9), Contains(std::to_string(bits)));
  }
  // 2^1024 - 1 = F0 F1 ... F9, and F9 = 2424833 * (a 148-digit product of two primes beyond ECM's reach).
  const Field gf65536 = Field::from_order(65536);
  REQUIRE_THROWS_AS(default_primitive_polynomial(64, gf65536), ResourceError);
  REQUIRE_THROWS_WITH(default_primitive_polynomial(64, gf65536), Contains("degree 64 over GF(65536)") &&
                                                                     Contains("65536^64-1 = 2^1024-1") &&
                                                                     Contains("148-digit composite"));
}
