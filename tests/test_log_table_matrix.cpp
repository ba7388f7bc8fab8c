// Rank, characteristic polynomial and product over GF(p^k) on log tables against NTL's mat_GF2E /
// mat_zz_pE (the reference path), on random, singular, low-rank and nilpotent-shaped matrices.
#include <catch2/catch.hpp>
#include <random>
#include <type_traits>

#include "algebra/characteristic_polynomial.hpp"
#include "algebra/log_table_matrix.hpp"
#include "field/ntl_field.hpp"
#include "random_matrices.hpp"

using namespace lfsr;
using namespace lfsr::testing;

namespace {

long ntl_rank(const Matrix& a) {
  return detail::with_ntl_field(a.field, [&]<class Poly>(std::type_identity<Poly>) {
    detail::NtlMatrix<Poly> m = detail::to_ntl_matrix<Poly>(a.entries, a.n);
    return NTL::gauss(m);
  });
}

// A random matrix of rank at most r: an n x r times an r x n product.
Matrix low_rank_matrix(const Field& field, int n, int r, std::mt19937_64& random) {
  Entries x(static_cast<std::size_t>(n * r)), y(static_cast<std::size_t>(r * n));
  for (auto& e : x) e = random_element(field, random);
  for (auto& e : y) e = random_element(field, random);
  return Matrix{field, n, product(field, x, y, n, r, n)};
}

// Random matrices of the shapes that matter: full random, low rank (0 included), shaped ones.
std::vector<Matrix> test_matrices(const Field& field, std::mt19937_64& random) {
  std::vector<Matrix> matrices;
  for (const int n : {1, 2, 3, 5, 8, 17, 32}) {
    if (n > 17 && field.q() > 256) break;  // NTL's elements of the large fields are slow
    matrices.push_back(random_matrix(field, n, random));
    for (const int r : {0, 1, n / 2, n - 1}) matrices.push_back(low_rank_matrix(field, n, r, random));
    for (int kind = 0; kind < 6; ++kind) {
      if (n >= 4) matrices.push_back(random_shaped_matrix(field, n, kind, random));
    }
  }
  return matrices;
}

}  // namespace

TEST_CASE("table rank and characteristic polynomial equal NTL's over GF(p^k)", "[matrix][log_table]") {
  std::mt19937_64 random(13);
  for (const std::uint32_t q :
       {4u, 8u, 9u, 16u, 25u, 27u, 49u, 256u, 343u, 2187u, 15625u, 16807u, 24389u, 28561u, 59049u, 63001u}) {
    const Field field = Field::from_order(q);
    const detail::LogTableField tables(field);
    for (const Matrix& a : test_matrices(field, random)) {
      CAPTURE(q, a.n, a.entries);
      CHECK(detail::table_rank(tables, detail::table_matrix(a.entries, a.n)) == ntl_rank(a));
      CHECK(characteristic_polynomial(a) == detail::characteristic_polynomial_by_ntl(a));
    }
  }
}

TEST_CASE("table arithmetic equals the field's", "[log_table]") {
  std::mt19937_64 random(7);
  for (const std::uint32_t q : {4u, 9u, 25u, 256u, 625u, 16807u, 24389u, 50653u, 59049u, 63001u}) {
    const Field field = Field::from_order(q);
    const detail::LogTableField tables(field);
    for (int trial = 0; trial < 2000; ++trial) {
      const auto x = static_cast<detail::TableElement>(random_element(field, random));
      const auto y = static_cast<detail::TableElement>(trial % 10 == 0 ? 0 : random_element(field, random));
      CAPTURE(q, x, y);
      REQUIRE(tables.mul(x, y) == field.mul(x, y));
      REQUIRE(tables.add(x, y) == field.add(x, y));
      if (tables.has_zech()) {
        REQUIRE(tables.zech_exp(tables.zech_log(x)) == x);
        if (x != 0 && y != 0) {  // log(x + y) = log x + Z(log y - log x)
          const std::uint32_t n = tables.group_order();
          const std::uint32_t z = tables.zech((tables.log(y) + n - tables.log(x)) % n);
          REQUIRE(field.add(x, y) == (z == tables.zech_zero_log ? 0u : tables.exp((tables.log(x) + z) % n)));
          REQUIRE(tables.zech((tables.log(y) + n - tables.log(x)) % n + n) == z);
          REQUIRE(tables.zech((tables.log(y) + n - tables.log(x)) % n + 2 * n) == z);
        }
      }
      if (field.p() != 2 && !tables.single_sum_table()) {
        const auto check = [&]<int Blocks>(std::integral_constant<int, Blocks>) {
          REQUIRE(tables.join<Blocks>(tables.split<Blocks>(x)) == x);
          REQUIRE(tables.join<Blocks>(tables.add_split<Blocks>(tables.split<Blocks>(x), tables.split<Blocks>(y))) ==
                  field.add(x, y));
          REQUIRE(tables.exp_split(tables.log(x)) == tables.split<Blocks>(x));
          REQUIRE(tables.add_to<Blocks>(x, tables.split<Blocks>(y)) == field.add(x, y));
        };
        if (tables.split_blocks() == 2)
          check(std::integral_constant<int, 2>{});
        else
          check(std::integral_constant<int, 3>{});
      }
    }
  }
}

TEST_CASE("table product equals the field's product", "[log_table]") {
  std::mt19937_64 random(5);
  for (const std::uint32_t q : {4u, 9u, 125u}) {
    const Field field = Field::from_order(q);
    const detail::LogTableField tables(field);
    const Matrix a = random_matrix(field, 9, random), b = low_rank_matrix(field, 9, 4, random);
    CHECK(
        detail::table_product(tables, detail::table_matrix(a.entries, 9), detail::table_matrix(b.entries, 9)).entries ==
        detail::table_matrix(product(field, a.entries, b.entries, 9, 9, 9), 9).entries);
  }
}
