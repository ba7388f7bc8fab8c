// The characteristic polynomial over odd GF(p) on residues against NTL's mat_zz_p reference, on
// random, low-rank and shaped matrices, p from 3 to 65521.
#include <catch2/catch.hpp>
#include <random>

#include "algebra/characteristic_polynomial.hpp"
#include "random_matrices.hpp"

using namespace lfsr;
using namespace lfsr::testing;

TEST_CASE("characteristic polynomial over GF(p) equals NTL's", "[matrix][prime_field]") {
  std::mt19937_64 random(17);
  for (const std::uint32_t q : {3u, 5u, 7u, 251u, 257u, 32749u, 65521u}) {
    const Field field = Field::from_order(q);
    std::vector<Matrix> matrices;
    for (const int n : {1, 2, 3, 5, 8, 17, 40}) {
      matrices.push_back(random_matrix(field, n, random));
      for (const int r : {0, 1, n / 2, n - 1}) {  // rank at most r: an n x r times an r x n product
        Entries x(static_cast<std::size_t>(n * r)), y(static_cast<std::size_t>(r * n));
        for (auto& e : x) e = random_element(field, random);
        for (auto& e : y) e = random_element(field, random);
        matrices.push_back(Matrix{field, n, product(field, x, y, n, r, n)});
      }
      for (int kind = 0; kind < 6; ++kind) {
        if (n >= 4) matrices.push_back(random_shaped_matrix(field, n, kind, random));
      }
    }
    for (const Matrix& a : matrices) {
      CAPTURE(q, a.n, a.entries);
      CHECK(characteristic_polynomial(a) == detail::characteristic_polynomial_by_ntl(a));
    }
  }
}
