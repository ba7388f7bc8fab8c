// Matrices over GF(q): parsing, characteristic polynomials, and the algebraic method against enumeration.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "brute_force.hpp"
#include "closed_formulas.hpp"
#include "field/ntl_field.hpp"
#include "lfsr/algebra.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/error.hpp"
#include "lfsr/matrix.hpp"
#include "lfsr/state_period.hpp"
#include "random_matrices.hpp"

using namespace lfsr;
using namespace lfsr::testing;
using Catch::Matchers::Contains;

TEST_CASE("parse_matrix reads rows of elements separated by spaces or commas", "[matrix]") {
  const Field gf2 = Field::from_order(2);
  SECTION("spaces, commas, comments and blank lines") {
    const Matrix a = parse_matrix("# a rotation\n\n0 1 0\n0,0,1   # last coordinate\n  1 ,0,\t0\r\n\n", gf2);
    CHECK(a.n == 3);
    CHECK(a.entries == Entries{0, 1, 0, 0, 0, 1, 1, 0, 0});
    CHECK(a.entry(2, 0) == 1);
    CHECK(a.field == gf2);
  }
  SECTION("one entry, no final newline") { CHECK(parse_matrix("1", gf2).entries == Entries{1}); }
  SECTION("the a form and plain integers over GF(4)") {
    const Field gf4 = Field::from_order(4);  // a^2 + a + 1: a = 2, a + 1 = 3
    CHECK(parse_matrix("a a+1\n[3] 1", gf4).entries == Entries{2, 3, 3, 1});
    CHECK(parse_matrix("2, 3\n3, 1", gf4).entries == Entries{2, 3, 3, 1});
  }
  SECTION("the a form over GF(9)") {
    const Field gf9 = Field::from_order(9);
    CHECK(parse_matrix("2*a+1 0\na 8", gf9).entries == Entries{7, 0, 3, 8});
  }
}

TEST_CASE("parse_matrix names the problem and its line", "[matrix]") {
  const Field gf2 = Field::from_order(2);
  const Field gf4 = Field::from_order(4);
  REQUIRE_THROWS_AS(parse_matrix("", gf2), InputError);
  CHECK_THROWS_WITH(parse_matrix("", gf2), Contains("empty matrix"));
  CHECK_THROWS_WITH(parse_matrix("# nothing\n\n  \n", gf2), Contains("empty matrix"));
  CHECK_THROWS_WITH(parse_matrix("1 0\n0 1 1\n", gf2),
                    Contains("line 2") && Contains("row 2 has 3 entries, expected 2"));
  CHECK_THROWS_WITH(parse_matrix("1 0\n\n# c\n0\n", gf2), Contains("line 4") && Contains("row 2 has 1 entries"));
  CHECK_THROWS_WITH(parse_matrix("1 0 1\n0 1 1\n", gf2),
                    Contains("ends at line 2 after 2 rows of 3 entries") && Contains("square"));
  CHECK_THROWS_WITH(parse_matrix("1\n0\n", gf2), Contains("line 2") && Contains("square"));
  CHECK_THROWS_WITH(parse_matrix("1 0\n0 2\n", gf2),
                    Contains("line 2, entry 2") && Contains("out of range") && Contains("0..1"));
  CHECK_THROWS_WITH(parse_matrix("1 0\n0 a\n", gf2), Contains("line 2, entry 2"));
  CHECK_THROWS_WITH(parse_matrix("a+ 0\n0 1\n", gf4), Contains("line 1, entry 1") && Contains("\"a+\""));
  CHECK_THROWS_WITH(parse_matrix("1 4\n0 1\n", gf4), Contains("line 1, entry 2") && Contains("0..3"));
  CHECK_THROWS_WITH(parse_matrix("1,,0\n0 1\n", gf2), Contains("line 1: entry 2 is empty"));
  CHECK_THROWS_WITH(parse_matrix("1 0,\n0 1\n", gf2), Contains("line 1: entry 3 is empty"));
  CHECK_THROWS_WITH(parse_matrix(",1 0\n0 1\n", gf2), Contains("line 1: entry 1 is empty"));
  std::string widest;
  for (int i = 0; i < max_matrix_dimension; ++i) widest += "0 ";
  // A row of max_matrix_dimension entries is read (the matrix then lacks rows); one more is refused.
  CHECK_THROWS_WITH(parse_matrix(widest, gf2),
                    Contains(fmt::format("after 1 rows of {} entries", max_matrix_dimension)));
  CHECK_THROWS_WITH(parse_matrix(widest + "0", gf2),
                    Contains(fmt::format("line 1: more than {} entries, above the largest dimension {}",
                                         max_matrix_dimension, max_matrix_dimension)));
  CHECK_THROWS_WITH(parse_matrix("1 0\n" + widest + "0 1", gf2), Contains("line 2: more than"));
  CHECK_THROWS_WITH(parse_matrix("1 0\n0 1\x01\n", gf2), !Contains("\x01"));
}

TEST_CASE("a malformed Matrix is refused before any algebra", "[matrix]") {
  const Field gf3 = Field::from_order(3);
  CHECK_THROWS_WITH(characteristic_polynomial({gf3, 2, {1, 0, 0}}), Contains("needs 4 entries, not 3"));
  CHECK_THROWS_WITH(characteristic_polynomial({gf3, 2, {1, 0, 3, 1}}), Contains("(2, 1) = 3"));
  CHECK_THROWS_WITH(algebraic_cycle_structure(Matrix{gf3, 0, {}}), Contains("dimension 0"));
  CHECK_THROWS_AS(state_period(Matrix{gf3, 1, {5}}, 0), InputError);
}

TEST_CASE("the characteristic polynomial of a register's matrix is its polynomial", "[matrix]") {
  const auto q = GENERATE(2U, 3U, 4U, 5U, 8U, 9U);
  const Field field = Field::from_order(q);
  std::mt19937_64 random(q);
  for (int trial = 0; trial < random_cases(40); ++trial) {
    Polynomial f = random_polynomial(field, 1 + static_cast<int>(random() % 60), random);
    if (trial % 4 == 0) f = polynomial_power(random_polynomial(field, 1 + trial % 3, random), 1 + trial % 5);
    for (const Form form : {Form::fibonacci, Form::galois}) {
      CAPTURE(q, f.to_string(), form_name(form));
      REQUIRE(characteristic_polynomial(transition_matrix({f, form})) == f);
    }
  }
}

TEST_CASE("a matrix satisfies its characteristic polynomial (Cayley-Hamilton)", "[matrix]") {
  const auto q = GENERATE(2U, 3U, 4U, 5U, 8U, 9U);
  const Field field = Field::from_order(q);
  std::mt19937_64 random(q + 100);
  for (int trial = 0; trial < random_cases(30); ++trial) {
    const int n = 1 + static_cast<int>(random() % 40);
    const Matrix a = random_shaped_matrix(field, n, trial % 6, random);
    const Polynomial chi = characteristic_polynomial(a);
    CAPTURE(q, matrix_text(a), chi.to_string());
    REQUIRE(chi.degree() == n);
    REQUIRE(chi.coefficients().back() == 1);
    // -trace(A) is the coefficient of x^(n-1), (-1)^n det(A) the constant term.
    std::uint32_t trace = 0;
    for (int i = 0; i < n; ++i) trace = field.add(trace, a.entry(i, i));
    CHECK(chi.coefficient(n - 1) == field.neg(trace));
    detail::with_ntl_field(field, [&]<class Poly>(std::type_identity<Poly>) {
      const auto m = detail::to_ntl_matrix<Poly>(a.entries, n);
      detail::NtlMatrix<Poly> value;
      NTL::ident(value, n);
      for (int i = n - 1; i >= 0; --i) {
        value = value * m;
        for (int d = 0; d < n; ++d) value[d][d] += detail::to_ntl_element<detail::NtlElement<Poly>>(chi.coefficient(i));
      }
      CHECK(NTL::IsZero(value));
      const auto determinant = detail::from_ntl_element(NTL::determinant(m));
      CHECK(chi.coefficient(0) == (n % 2 == 0 ? determinant : field.neg(determinant)));
    });
  }
}

TEST_CASE("algebraic equals enumeration on random matrices, singular and nilpotent ones included", "[matrix]") {
  const auto q = GENERATE(2U, 3U, 4U, 5U);
  const Field field = Field::from_order(q);
  const int max_n = largest_dimension(q, 100000);
  const auto runner = make_sequential_runner();
  std::mt19937_64 random(q + 200);
  for (int trial = 0; trial < random_cases(130); ++trial) {
    const int n = 1 + static_cast<int>(random() % static_cast<unsigned>(max_n));
    const Matrix a = random_shaped_matrix(field, n, trial % 6, random);
    CAPTURE(q, trial % 6, matrix_text(a), characteristic_polynomial(a).to_string());
    REQUIRE(algebraic_cycle_structure(a) == enumerate(linear_map_of(field, n, a.entries), *runner));
  }
}

TEST_CASE("algebraic equals the brute force on small matrices", "[matrix]") {
  const auto q = GENERATE(2U, 3U, 4U, 5U, 9U);
  const Field field = Field::from_order(q);
  const int max_n = largest_dimension(q, 3000);
  std::mt19937_64 random(q + 300);
  for (int trial = 0; trial < random_cases(24); ++trial) {
    const Matrix a =
        random_shaped_matrix(field, 1 + static_cast<int>(random() % static_cast<unsigned>(max_n)), trial % 6, random);
    CAPTURE(q, matrix_text(a));
    REQUIRE(algebraic_cycle_structure(a) == brute_force_structure(matrix_successors(a)));
  }
}

TEST_CASE("a register's matrix has the register's cycle structure", "[matrix]") {
  SECTION("every polynomial of small degree") {
    const auto [q, max_degree] = GENERATE(std::pair{2U, 7}, std::pair{3U, 4}, std::pair{4U, 3}, std::pair{5U, 2});
    const Field field = Field::from_order(q);
    for (int n = 1; n <= max_degree; ++n) {
      for (const Polynomial& f : all_polynomials(field, n)) {
        const CycleStructure expected = algebraic_cycle_structure(f);
        for (const Form form : {Form::fibonacci, Form::galois}) {
          CAPTURE(q, f.to_string(), form_name(form));
          REQUIRE(algebraic_cycle_structure(transition_matrix({f, form})) == expected);
        }
      }
    }
  }
  SECTION("far past enumeration, conjugated so that no companion shape is left") {
    const auto q = GENERATE(2U, 3U, 4U, 9U);
    const Field field = Field::from_order(q);
    std::mt19937_64 random(q + 400);
    // x^96 - 1 = (x^3 - 1)^32 over GF(2); over GF(9), where matrix products are slow, x^36 - 1 = (x^4 - 1)^9.
    std::vector<Polynomial> polynomials{x_to_the_n_minus_one(field, q == 9 ? 36 : 96),
                                        random_polynomial(field, 90, random)};
    std::vector<std::uint32_t> singular(20, 0);  // x^20 (x^2 + x + 1)^12: a long tail, a repeated factor
    const Polynomial quadratic(field, {1, 1, 1});
    const Polynomial powers = polynomial_power(quadratic, 12);
    singular.insert(singular.end(), powers.coefficients().begin(), powers.coefficients().end());
    polynomials.push_back(Polynomial(field, singular));
    for (const Polynomial& f : polynomials) {
      const CycleStructure expected = algebraic_cycle_structure(f);
      for (const Form form : {Form::fibonacci, Form::galois}) {
        CAPTURE(q, f.to_string(), form_name(form));
        REQUIRE(algebraic_cycle_structure(conjugated(transition_matrix({f, form}), random)) == expected);
      }
    }
  }
}

TEST_CASE("a direct sum of registers has the product of their structures", "[matrix]") {
  // Blocks companion(h^m) with one h and several m, and x^k with several k: dim ker h(A)^j and
  // dim ker A^j bend at every m and k, and the longest tail is the largest k, not the exponent of x.
  const auto [q, h_coefficients] =
      GENERATE(std::pair{2U, std::vector<std::uint32_t>{1, 1}}, std::pair{3U, std::vector<std::uint32_t>{1, 0, 1}},
               std::pair{4U, std::vector<std::uint32_t>{2, 1}});
  const Field field = Field::from_order(q);
  const Polynomial h(field, h_coefficients);
  std::mt19937_64 random(q + 700);
  std::vector<Polynomial> polynomials;
  for (const int m : {1, 3, 3, 8, 13, 20}) polynomials.push_back(polynomial_power(h, m));
  for (const int k : {2, 5, 5, 9}) polynomials.push_back(polynomial_power(Polynomial(field, {0, 1}), k));
  polynomials.push_back(random_polynomial(field, 12, random));
  std::vector<Matrix> blocks;
  CycleStructure expected = algebraic_cycle_structure(polynomials.front());
  for (const Polynomial& f : polynomials) {
    blocks.push_back(companion(f));
    if (blocks.size() > 1) expected = direct_sum(expected, algebraic_cycle_structure(f));
  }
  const Matrix a = conjugated(block_diagonal(field, blocks), random);
  CAPTURE(q, h.to_string());
  CHECK(expected.max_tail == 9);
  CHECK(algebraic_cycle_structure(a) == expected);
}

TEST_CASE("state_period of a matrix agrees with stepping the state", "[matrix]") {
  const auto q = GENERATE(2U, 3U, 4U, 5U);
  const Field field = Field::from_order(q);
  const int max_n = largest_dimension(q, 4096);
  std::mt19937_64 random(q + 500);
  for (int trial = 0; trial < random_cases(30); ++trial) {
    const Matrix a =
        random_shaped_matrix(field, 1 + static_cast<int>(random() % static_cast<unsigned>(max_n)), trial % 6, random);
    const std::vector<std::uint64_t> next = matrix_successors(a);
    for (int sample = 0; sample < 10; ++sample) {
      const std::uint64_t state = sample == 0 ? 0 : random() % next.size();
      CAPTURE(q, matrix_text(a), state);
      // Stepping: the tail is the first time on the cycle.
      std::map<std::uint64_t, std::uint64_t> seen_at;
      std::uint64_t x = state;
      for (std::uint64_t time = 0; !seen_at.contains(x); ++time, x = next[x]) seen_at[x] = time;
      const StatePeriod found = state_period(a, mpz_class(static_cast<unsigned long>(state)));
      REQUIRE(found.tail == seen_at[x]);
      REQUIRE(found.period == seen_at.size() - seen_at[x]);
      REQUIRE(found.minimal_polynomial.back() == 1);
    }
  }
}

TEST_CASE("state_period of a matrix works on large matrices and rejects bad states", "[matrix]") {
  const Field gf2 = Field::from_order(2);
  std::mt19937_64 random(600);
  const Polynomial f = default_maximal_polynomial(127);
  const Matrix a = conjugated(transition_matrix({f}), random);
  const StatePeriod found = state_period(a, mpz_class("123456789012345678901234567890"));
  CHECK(found.period == power(2, 127) - 1);
  CHECK(found.tail == 0);
  CHECK(found.minimal_polynomial == f.coefficients());
  const StatePeriod zero = state_period(a, 0);
  CHECK(zero.period == 1);
  CHECK(zero.minimal_polynomial == std::vector<std::uint32_t>{1});
  CHECK_THROWS_WITH(state_period(a, power(2, 127)), Contains("out of range") && Contains("2^127-1"));
  CHECK_THROWS_AS(state_period(a, -1), InputError);
}
