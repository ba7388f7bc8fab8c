// The packed kernels agree with multiplication by the NTL transition matrix.
#include <NTL/mat_GF2.h>
#include <NTL/mat_lzz_p.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "brute_force.hpp"
#include "closed_formulas.hpp"
#include "engine/stepper.hpp"
#include "field/ntl_field.hpp"
#include "lfsr/enumerate.hpp"
#include "state_samples.hpp"

using namespace lfsr;

namespace {

std::vector<std::uint64_t> kernel_successors(const LinearMap& map) {
  return with_stepper(map, [&](const auto& stepper) {
    std::vector<std::uint64_t> next(map.state_count());
    for (std::uint64_t s = 0; s < next.size(); ++s) next[s] = stepper.next(s);
    return next;
  });
}

// A v by NTL, v the digit vector of the state index (index = sum v_i p^i).
template <class Matrix, class Vector>
std::uint64_t ntl_image(const Matrix& a, std::uint64_t p, std::uint64_t state) {
  const long n = a.NumRows();
  Vector v;
  v.SetLength(n);
  for (long i = 0; i < n; ++i, state /= p) v[i] = static_cast<long>(state % p);
  const Vector w = a * v;
  std::uint64_t index = 0;
  for (long i = n; i-- > 0;) index = index * p + static_cast<std::uint64_t>(NTL::rep(w[i]));
  return index;
}

template <class Matrix>
Matrix ntl_matrix(const LinearMap& map) {
  Matrix a;
  a.SetDims(map.dimension, map.dimension);
  for (int row = 0; row < map.dimension; ++row)
    for (int col = 0; col < map.dimension; ++col) a[row][col] = static_cast<long>(map.entry(row, col));
  return a;
}

// Calls check(image), image(state) being A v by NTL; the zz_p modulus stays installed meanwhile.
template <class Check>
void with_ntl_image(const LinearMap& map, Check&& check) {
  if (map.p == 2) {
    const auto a = ntl_matrix<NTL::mat_GF2>(map);
    check([&](std::uint64_t state) { return ntl_image<NTL::mat_GF2, NTL::vec_GF2>(a, 2, state); });
  } else {
    NTL::zz_pPush push(map.p);
    const auto a = ntl_matrix<NTL::mat_zz_p>(map);
    check([&](std::uint64_t state) { return ntl_image<NTL::mat_zz_p, NTL::vec_zz_p>(a, map.p, state); });
  }
}

enum class MatrixKind { random, invertible, singular, nilpotent };

const char* kind_name(MatrixKind kind) {
  switch (kind) {
    case MatrixKind::random:
      return "random";
    case MatrixKind::invertible:
      return "invertible";
    case MatrixKind::singular:
      return "singular";
    case MatrixKind::nilpotent:
      return "nilpotent";
  }
  return "";
}

LinearMap map_with_entries(std::uint32_t p, int n, const std::function<std::uint32_t(int, int)>& entry) {
  LinearMap map;
  map.p = p;
  map.dimension = n;
  for (int row = 0; row < n; ++row)
    for (int col = 0; col < n; ++col) map.matrix.push_back(entry(row, col));
  return map;
}

// P N P^-1 with N strictly upper triangular: nilpotent, and no longer triangular.
template <class Matrix>
LinearMap conjugated_nilpotent(std::uint32_t p, int n, std::mt19937_64& random) {
  LinearMap change;
  do {
    change = map_with_entries(p, n, [&](int, int) { return static_cast<std::uint32_t>(random() % p); });
  } while (!change.is_invertible());
  const Matrix a = ntl_matrix<Matrix>(change);
  const Matrix triangular = ntl_matrix<Matrix>(map_with_entries(
      p, n, [&](int row, int col) { return col > row ? static_cast<std::uint32_t>(random() % p) : 0U; }));
  const Matrix product = a * triangular * NTL::inv(a);
  return map_with_entries(p, n,
                          [&](int row, int col) { return static_cast<std::uint32_t>(NTL::rep(product[row][col])); });
}

LinearMap random_map(std::uint32_t p, int n, MatrixKind kind, std::mt19937_64& random) {
  auto any = [&](int, int) { return static_cast<std::uint32_t>(random() % p); };
  switch (kind) {
    case MatrixKind::random:
      return map_with_entries(p, n, any);
    case MatrixKind::invertible: {
      LinearMap map;
      do {
        map = map_with_entries(p, n, any);
      } while (!map.is_invertible());
      return map;
    }
    case MatrixKind::singular: {
      // Column n-1 is a multiple of column 0 (for n = 1: the zero map).
      LinearMap map = map_with_entries(p, n, any);
      const std::uint64_t factor = n == 1 ? 0 : random() % p;
      for (int row = 0; row < n; ++row) {
        auto& last = map.matrix[static_cast<std::size_t>(row * n + n - 1)];
        last = static_cast<std::uint32_t>(factor * map.entry(row, 0) % p);
      }
      return map;
    }
    case MatrixKind::nilpotent:
      if (p == 2) return conjugated_nilpotent<NTL::mat_GF2>(p, n, random);
      NTL::zz_pPush push(p);
      return conjugated_nilpotent<NTL::mat_zz_p>(p, n, random);
  }
  return {};
}

}  // namespace

TEST_CASE("kernels agree with the NTL matrix on every state of small registers", "[stepper]") {
  const auto q = GENERATE(2U, 3U, 5U, 7U);
  const auto form = GENERATE(Form::fibonacci, Form::galois);
  const Field field = Field::from_order(q);
  const int max_degree = q == 2 ? 9 : q == 3 ? 5 : 3;
  for (int n = 1; n <= max_degree; ++n) {
    for (const Polynomial& f : testing::all_polynomials(field, n)) {
      const Lfsr lfsr{f, form};
      CAPTURE(q, f.to_string(), form_name(form));
      REQUIRE(kernel_successors(linear_map_of(lfsr)) == testing::successors_by_ntl(lfsr));
    }
  }
}

TEST_CASE("GF(2) kernels agree with the NTL matrix on random states of wide registers", "[stepper]") {
  std::mt19937_64 random(12345);
  const auto form = GENERATE(Form::fibonacci, Form::galois);
  for (int n : {17, 31, 32, 33, 48, 63}) {
    std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n) + 1);
    for (auto& c : coefficients) c = static_cast<std::uint32_t>(random() & 1U);
    coefficients.back() = 1;
    const Lfsr lfsr{Polynomial(Field::from_order(2), coefficients), form};
    const NTL::mat_GF2 a = testing::ntl_transition_matrix<NTL::GF2X>(lfsr);
    const LinearMap map = linear_map_of(lfsr);
    CAPTURE(lfsr.polynomial.to_string(), form_name(form));
    with_stepper(map, [&](const auto& stepper) {
      for (int trial = 0; trial < 200; ++trial) {
        const std::uint64_t state = random() & ((std::uint64_t{1} << n) - 1);
        NTL::vec_GF2 v;
        v.SetLength(n);
        for (int i = 0; i < n; ++i) v[i] = static_cast<long>((state >> i) & 1U);
        const NTL::vec_GF2 w = a * v;
        std::uint64_t expected = 0;
        for (int i = 0; i < n; ++i) expected |= static_cast<std::uint64_t>(NTL::rep(w[i])) << i;
        REQUIRE(stepper.next(state) == expected);
      }
    });
  }
}

TEST_CASE("the general kernels agree with the NTL matrix over GF(2) too", "[stepper]") {
  const Lfsr lfsr{parse_polynomial("x^8+x^4+x^3+x^2+1", Field::from_order(2)), Form::galois};
  LinearMap map = linear_map_of(lfsr);
  map.kind = LinearMap::Kind::general;
  const std::vector<std::uint64_t> expected = testing::successors_by_ntl(lfsr);
  REQUIRE(kernel_successors(map) == expected);
  const GfpMatrixStepper digits(map);
  for (std::uint64_t s = 0; s < expected.size(); ++s) REQUIRE(digits.next(s) == expected[s]);
}

TEST_CASE("with_stepper picks the table kernels for general maps", "[stepper]") {
  auto kernel = [](const LinearMap& map) {
    return with_stepper(map, [](const auto& stepper) {
      using Stepper = std::decay_t<decltype(stepper)>;
      if constexpr (std::is_same_v<Stepper, Gf2MatrixStepper>) return "gf2 matrix";
      if constexpr (std::is_same_v<Stepper, GfpMatrixStepper>) return "gfp matrix";
      if constexpr (std::is_same_v<Stepper, Gf2FibonacciStepper>) return "gf2 fibonacci";
      return "gf2 galois";
    });
  };
  const Lfsr fibonacci{parse_polynomial("x^5+x^2+1", Field::from_order(2)), Form::fibonacci};
  const Lfsr galois{parse_polynomial("x^5+x^2+1", Field::from_order(2)), Form::galois};
  CHECK(std::string(kernel(linear_map_of(fibonacci))) == "gf2 fibonacci");
  CHECK(std::string(kernel(linear_map_of(galois))) == "gf2 galois");
  LinearMap general = linear_map_of(galois);
  general.kind = LinearMap::Kind::general;
  CHECK(std::string(kernel(general)) == "gf2 matrix");
  CHECK(std::string(kernel(linear_map_of(Lfsr{parse_polynomial("x^3+x+2", Field::from_order(3)), Form::galois}))) ==
        "gfp matrix");
}

TEST_CASE("table kernels agree with the NTL matrix on every state of small general maps", "[stepper]") {
  struct Case {
    std::uint32_t p;
    std::vector<int> dimensions;
  };
  const auto test_case =
      GENERATE(Case{2, {1, 2, 3, 5, 8, 11, 14}}, Case{3, {1, 2, 4, 6, 9}}, Case{5, {1, 2, 3, 5}}, Case{7, {1, 2, 4, 5}},
               Case{11, {1, 2, 3, 4}}, Case{13, {1, 2, 3, 4}}, Case{251, {1, 2}}, Case{65521, {1}});
  const auto kind = GENERATE(MatrixKind::random, MatrixKind::invertible, MatrixKind::singular, MatrixKind::nilpotent);
  std::mt19937_64 random(test_case.p * 1000 + static_cast<unsigned>(kind));
  for (int n : test_case.dimensions) {
    const LinearMap map = random_map(test_case.p, n, kind, random);
    CAPTURE(test_case.p, n, kind_name(kind), map.matrix);
    const std::vector<std::uint64_t> kernel = kernel_successors(map);
    const GfpMatrixStepper digits(map);  // with_stepper's choice for odd p, checked for p = 2 as well
    with_ntl_image(map, [&](const auto& image) {
      for (std::uint64_t s = 0; s < map.state_count(); ++s) {
        const std::uint64_t expected = image(s);
        CAPTURE(s);
        REQUIRE(kernel[s] == expected);
        REQUIRE(digits.next(s) == expected);
      }
    });
  }
}

TEST_CASE("table kernels agree with the NTL matrix on the largest enumerable maps", "[stepper]") {
  struct Case {
    std::uint32_t p;
    int n;
  };
  // p^n close to 2^40, the most any enumeration takes; and GF(2) beyond, up to 64 bits.
  const auto test_case =
      GENERATE(Case{2, 40}, Case{2, 64}, Case{3, 25}, Case{3, 20}, Case{5, 17}, Case{7, 14}, Case{11, 11}, Case{13, 10},
               Case{251, 5}, Case{251, 4}, Case{65521, 2}, Case{4099, 3});
  const auto kind = GENERATE(MatrixKind::random, MatrixKind::singular, MatrixKind::nilpotent);
  std::mt19937_64 random(test_case.p * 100 + static_cast<unsigned>(test_case.n) + static_cast<unsigned>(kind));
  const LinearMap map = random_map(test_case.p, test_case.n, kind, random);
  const std::uint64_t states = map.state_count();
  CAPTURE(test_case.p, test_case.n, kind_name(kind), map.matrix);
  REQUIRE((states == 0 ? test_case.n == 64 : states <= max_enumeration_states || test_case.p == 2));
  std::vector<std::uint64_t> samples =
      boundary_states(test_case.p, test_case.p == 2 ? std::min(test_case.n, 63) : test_case.n);
  for (int trial = 0; trial < testing::random_cases(300); ++trial)
    samples.push_back(states == 0 ? random() : random() % states);
  with_ntl_image(map, [&](const auto& image) {
    with_stepper(map, [&](const auto& stepper) {
      for (std::uint64_t s : samples) {
        CAPTURE(s);
        REQUIRE(stepper.next(s) == image(s));
      }
    });
    if (states != 0 && states <= max_enumeration_states) {
      const GfpMatrixStepper digits(map);
      for (std::uint64_t s : samples) {
        CAPTURE(s);
        REQUIRE(digits.next(s) == image(s));
      }
    }
  });
}

TEST_CASE("the digit split is exact at every p^k boundary up to 2^40 states", "[stepper]") {
  // With the identity map every output digit is an input digit, so next(x) == x checks the
  // division-free split alone, on many more states than NTL could multiply.
  const std::uint32_t p = GENERATE(2U, 3U, 5U, 7U, 13U, 31U, 251U, 257U, 4099U, 65521U);
  int largest = 1;
  while (power(p, largest + 1) <= max_enumeration_states) ++largest;
  for (int n : {largest, largest - 1, (largest + 1) / 2}) {
    if (n < 1) continue;
    const LinearMap identity = map_with_entries(p, n, [](int row, int col) { return row == col ? 1U : 0U; });
    const GfpMatrixStepper stepper(identity);
    const std::uint64_t states = identity.state_count();
    CAPTURE(p, n);
    auto check_range = [&](std::uint64_t from, std::uint64_t count) {
      for (std::uint64_t s = from; s < std::min(states, from + count); ++s)
        if (stepper.next(s) != s) FAIL("next(" << s << ") = " << stepper.next(s));
    };
    check_range(0, 1 << 16);
    check_range(states - std::min<std::uint64_t>(states, 1 << 16), 1 << 16);
    for (int k = 1; k < n; ++k) {
      // q p^k - 1, q p^k, q p^k + 1 for many q, the largest ones included.
      const std::uint64_t low = power(p, k);
      const std::uint64_t quotients = states / low;
      for (std::uint64_t i = 0; i < std::min<std::uint64_t>(quotients, 4096); ++i) {
        for (std::uint64_t q : {i, quotients - 1 - i, quotients / 4096 * i}) {
          if (q >= quotients) continue;
          check_range(q * low - (q == 0 ? 0 : 1), 3);
        }
      }
    }
  }
}

TEST_CASE("a table kernel outlives the stepper it was copied from", "[stepper]") {
  std::mt19937_64 random(7);
  const LinearMap map = random_map(5, 6, MatrixKind::random, random);
  const GfpMatrixStepper copy = [&] {
    const GfpMatrixStepper original(map);
    return GfpMatrixStepper(original);
  }();
  with_ntl_image(map, [&](const auto& image) {
    for (std::uint64_t s = 0; s < map.state_count(); s += 7) REQUIRE(copy.next(s) == image(s));
  });
}

TEST_CASE("the Fibonacci output word holds the next 64 top bits", "[stepper]") {
  std::mt19937_64 random(99);
  for (int n : {2, 5, 8, 13, 28, 32, 40, 63}) {
    const std::uint64_t mask = (std::uint64_t{1} << n) - 1;
    const Gf2FibonacciStepper stepper(n, (random() & mask) | 1U);
    for (int trial = 0; trial < 50; ++trial) {
      std::uint64_t state = random() & mask;
      const std::uint64_t word = stepper.next_output_word(state);
      for (int j = 0; j < 64; ++j) {
        state = stepper.next(state);
        CAPTURE(n, j);
        REQUIRE((state >> (n - 1)) == ((word >> j) & 1U));
      }
    }
  }
}

namespace {

// A v over GF(q) by the NTL extension-field matrix (GF2E / zz_pE), v the base-q digits of the state.
template <class Poly>
std::uint64_t ntl_field_image(const detail::NtlMatrix<Poly>& a, std::uint64_t q, std::uint64_t state) {
  using Element = detail::NtlElement<Poly>;
  const long n = a.NumRows();
  NTL::Vec<Element> v;
  v.SetLength(n);
  for (long i = 0; i < n; ++i, state /= q)
    v[i] = detail::to_ntl_element<Element>(static_cast<std::uint32_t>(state % q));
  const NTL::Vec<Element> w = a * v;
  std::uint64_t index = 0;
  for (long i = n; i-- > 0;) index = index * q + detail::from_ntl_element(w[i]);
  return index;
}

}  // namespace

TEST_CASE("GF(p^k) kernels agree with the NTL extension-field matrix on random states", "[stepper][field]") {
  std::mt19937_64 random(5);
  // For each field the largest dimension with q^n <= 2^40, and a small one.
  for (const std::uint32_t q : {4U, 8U, 16U, 256U, 65536U, 9U, 25U, 27U, 49U, 121U, 625U, 59049U}) {
    const Field field = Field::from_order(q);
    int widest = 1;
    for (std::uint64_t states = q; states * q <= (std::uint64_t{1} << 40); states *= q) ++widest;
    for (const int n : {std::min(2, widest), widest}) {
      for (int trial = 0; trial < 4; ++trial) {
        // Two LFSRs (the NTL matrix built from the polynomial by the brute force) and two random matrices.
        std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n));
        for (auto& c : coefficients) c = static_cast<std::uint32_t>(random() % q);
        coefficients.push_back(1);
        const Lfsr lfsr{Polynomial(field, coefficients), trial % 2 == 0 ? Form::fibonacci : Form::galois};
        std::vector<std::uint32_t> entries = transition_entries(lfsr);
        if (trial >= 2) {
          for (auto& e : entries) e = static_cast<std::uint32_t>(random() % q);
        }
        const LinearMap map = linear_map_of(field, n, entries);
        CAPTURE(q, n, trial);
        REQUIRE(map.state_count() == power(q, n));
        detail::with_ntl_field(field, [&]<class Poly>(std::type_identity<Poly>) {
          detail::NtlMatrix<Poly> a = detail::to_ntl_matrix<Poly>(entries, n);
          if (trial < 2) a = testing::ntl_transition_matrix<Poly>(lfsr);
          with_stepper(map, [&](const auto& stepper) {
            std::vector<std::uint64_t> states = boundary_states(q, n);
            for (int i = 0; i < 500; ++i) states.push_back(random() % map.state_count());
            for (const std::uint64_t state : states) {
              CAPTURE(state);
              REQUIRE(stepper.next(state) == ntl_field_image<Poly>(a, q, state));
            }
          });
        });
      }
    }
  }
}
