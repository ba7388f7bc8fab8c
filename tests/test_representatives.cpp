// Representative states: the algebraic method's lie on cycles of their lengths with the minimal
// polynomials it reports, checked by state_period and by stepping; add_minimal_polynomials checks
// the ones enumeration finds.
#include <NTL/GF2XFactoring.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "algebra/matrix_polynomial.hpp"
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

namespace {

struct Walk {
  std::uint64_t period;
  std::uint64_t tail;
};

// Period and tail of `state` by stepping the successor table.
Walk walk(const std::vector<std::uint64_t>& next, std::uint64_t state) {
  std::map<std::uint64_t, std::uint64_t> seen_at;
  for (std::uint64_t time = 0; !seen_at.contains(state); ++time) {
    seen_at[state] = time;
    state = next[state];
  }
  return {seen_at.size() - seen_at[state], seen_at[state]};
}

// Every length has a representative whose period is the length, tail 0 and minimal polynomial the
// one reported, by state_period and (when `next` is given) by stepping; longest_tail_state is set
// exactly when there are transient states and has the longest tail.
template <class Subject>
void require_representatives(const Subject& subject, const CycleStructure& structure,
                             const std::vector<std::uint64_t>* next = nullptr) {
  REQUIRE(structure.representatives.size() == structure.cycles.size());
  for (const auto& [length, representative] : structure.representatives) {
    CAPTURE(length.get_str(), representative.state.get_str());
    REQUIRE(structure.cycles.contains(length));
    REQUIRE(representative.state >= 0);
    REQUIRE(representative.state < structure.states);
    const StatePeriod found = state_period(subject, representative.state);
    REQUIRE(found.period == length);
    REQUIRE(found.tail == 0);
    REQUIRE(found.minimal_polynomial == representative.minimal_polynomial);
    if (next != nullptr) {
      const Walk stepped = walk(*next, representative.state.get_ui());
      REQUIRE(stepped.period == length.get_ui());
      REQUIRE(stepped.tail == 0);
    }
  }
  REQUIRE(structure.longest_tail_state.has_value() == (structure.transient_states > 0));
  if (structure.longest_tail_state) {
    CAPTURE(structure.longest_tail_state->get_str());
    REQUIRE(state_period(subject, *structure.longest_tail_state).tail == structure.max_tail);
    if (next != nullptr) REQUIRE(walk(*next, structure.longest_tail_state->get_ui()).tail == structure.max_tail);
  }
}

Field field_of(std::uint32_t q, const std::string& modulus) {
  return modulus.empty() ? Field::from_order(q) : Field::with_modulus(q, modulus);
}

// The smallest state of each cycle length, and the smallest state of the longest tail, from the
// successor table: what enumeration reports.
CycleStructure smallest_representatives(const std::vector<std::uint64_t>& next, CycleStructure structure) {
  const std::uint64_t states = next.size();
  std::vector<std::uint64_t> cycle_length(states, 0);  // 0: not on a cycle (or not known yet)
  std::vector<std::uint8_t> seen(states, 0);
  for (std::uint64_t s = 0; s < states; ++s) {
    std::vector<std::uint64_t> path;
    std::uint64_t x = s;
    while (seen[x] == 0) {
      seen[x] = 1;
      path.push_back(x);
      x = next[x];
    }
    const auto start = std::find(path.begin(), path.end(), x);  // x closes a new cycle iff it is on this path
    for (auto y = start; y != path.end(); ++y) cycle_length[*y] = static_cast<std::uint64_t>(path.end() - start);
  }
  std::vector<std::int64_t> depth(states, -1);
  for (std::uint64_t s = 0; s < states; ++s) {
    if (cycle_length[s] > 0) depth[s] = 0;
  }
  for (std::uint64_t s = 0; s < states; ++s) {
    std::vector<std::uint64_t> path;
    for (std::uint64_t x = s; depth[x] < 0; x = next[x]) path.push_back(x);
    for (auto y = path.rbegin(); y != path.rend(); ++y) depth[*y] = depth[next[*y]] + 1;
  }
  for (std::uint64_t s = states; s-- > 0;) {
    if (cycle_length[s] > 0) structure.representatives[mpz_class(std::to_string(cycle_length[s]))] = {s, {}};
    if (depth[s] > 0 && static_cast<std::uint64_t>(depth[s]) == structure.max_tail.get_ui())
      structure.longest_tail_state = s;
  }
  return structure;
}

// f = the product of one irreducible factor of each cyclotomic polynomial Phi_r, r the first
// `primes` odd primes: factors of distinct prime orders r, so 2^primes distinct cycle lengths.
Polynomial many_lengths_polynomial(int primes) {
  NTL::GF2X f;
  NTL::set(f);
  for (long r = 3; primes > 0; r += 2) {
    bool prime = true;
    for (long d = 3; d * d <= r; d += 2) prime = prime && r % d != 0;
    if (!prime) continue;
    NTL::GF2X cyclotomic;
    for (long i = 0; i < r; ++i) NTL::SetCoeff(cyclotomic, i);
    NTL::vec_pair_GF2X_long factors;
    NTL::CanZass(factors, cyclotomic);
    f *= factors[0].a;
    --primes;
  }
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(NTL::deg(f)) + 1);
  for (long i = 0; i <= NTL::deg(f); ++i) coefficients[static_cast<std::size_t>(i)] = NTL::IsOne(NTL::coeff(f, i));
  return Polynomial(Field::from_order(2), coefficients);
}

}  // namespace

TEST_CASE("every register of small degree has a representative on each of its cycle lengths", "[representatives]") {
  const auto [q, modulus, max_degree] = GENERATE(
      std::tuple{2U, std::string(), 7}, std::tuple{3U, std::string(), 3}, std::tuple{4U, std::string(), 3},
      std::tuple{5U, std::string(), 3}, std::tuple{8U, std::string(), 2}, std::tuple{8U, std::string("a^3+a^2+1"), 2},
      std::tuple{9U, std::string(), 2}, std::tuple{9U, std::string("a^2+1"), 2});
  const Field field = field_of(q, modulus);
  for (int n = 1; n <= max_degree; ++n) {
    for (const Polynomial& f : all_polynomials(field, n)) {
      for (const Form form : {Form::fibonacci, Form::galois}) {
        CAPTURE(field.name(), field.modulus_text(), f.to_string(), form_name(form));
        const Lfsr lfsr{f, form};
        const CycleStructure structure = algebraic_cycle_structure(lfsr);
        REQUIRE(structure == algebraic_cycle_structure(f));
        const std::vector<std::uint64_t> next = successors_by_ntl(lfsr);
        require_representatives(lfsr, structure, &next);
        // The cyclic vector: (0, ..., 0, 1) for Fibonacci, 1 for Galois.
        if (structure.longest_tail_state)
          REQUIRE(*structure.longest_tail_state == (form == Form::galois ? 1 : power(q, static_cast<unsigned>(n - 1))));
      }
    }
  }
}

TEST_CASE("representatives of registers far past enumeration have their periods", "[representatives]") {
  const auto [q, text] =
      GENERATE(std::pair{2U, "x^1024+x+1"}, std::pair{2U, "x^1024+1"}, std::pair{2U, "x^1024+x^1000+x^999"},
               std::pair{2U, "x^521+x^32+1"}, std::pair{3U, "x^200+x+2"}, std::pair{3U, "x^243+2"},
               std::pair{3U, "x^200+x^7"}, std::pair{4U, "x^200+a"}, std::pair{4U, "x^150+x^75+a"});
  const Field field = Field::from_order(q);
  const Polynomial f = parse_polynomial(text, field);
  for (const Form form : {Form::fibonacci, Form::galois}) {
    CAPTURE(q, text, form_name(form));
    const Lfsr lfsr{f, form};
    const CycleStructure structure = algebraic_cycle_structure(lfsr);
    REQUIRE(structure == algebraic_cycle_structure(f));
    require_representatives(lfsr, structure);
  }
}

TEST_CASE("x^6+x^3+1 has representatives built from its factorization", "[representatives]") {
  // x^6 + x^3 + 1 is irreducible of order 9: the state of minimal polynomial f itself.
  const Polynomial f = parse_polynomial("x^6+x^3+1", Field::from_order(2));
  const CycleStructure fibonacci = algebraic_cycle_structure(Lfsr{f, Form::fibonacci});
  const CycleStructure galois = algebraic_cycle_structure(Lfsr{f, Form::galois});
  const std::vector<std::uint32_t> coefficients{1, 0, 0, 1, 0, 0, 1};
  CHECK(fibonacci.representatives ==
        std::map<mpz_class, CycleRepresentative>{{1, {0, {1}}}, {9, {32, coefficients}}});  // (0,0,0,0,0,1)
  CHECK(galois.representatives == std::map<mpz_class, CycleRepresentative>{{1, {0, {1}}}, {9, {1, coefficients}}});
  CHECK_FALSE(fibonacci.longest_tail_state.has_value());
}

TEST_CASE("the representatives of random matrices lie on cycles of their lengths", "[representatives]") {
  const auto q = GENERATE(2U, 3U, 4U, 5U, 9U);
  const Field field = Field::from_order(q);
  const int max_n = largest_dimension(q, 3000);
  std::mt19937_64 random(q + 1100);
  for (int trial = 0; trial < random_cases(36); ++trial) {
    const Matrix a =
        random_shaped_matrix(field, 1 + static_cast<int>(random() % static_cast<unsigned>(max_n)), trial % 6, random);
    CAPTURE(q, trial % 6, matrix_text(a), characteristic_polynomial(a).to_string());
    const std::vector<std::uint64_t> next = matrix_successors(a);
    const CycleStructure structure = algebraic_cycle_structure(a);
    REQUIRE(structure == brute_force_structure(next));
    require_representatives(a, structure, &next);
  }
}

TEST_CASE("block-diagonal matrices with repeated factors have representatives of every length", "[representatives]") {
  // Blocks companion(h^m) sharing h, beside x^k blocks and one random block, conjugated: the
  // levels of h differ from block to block, and most basis vectors miss some part.
  const auto [q, h_coefficients] =
      GENERATE(std::pair{2U, std::vector<std::uint32_t>{1, 1}}, std::pair{2U, std::vector<std::uint32_t>{1, 1, 1}},
               std::pair{3U, std::vector<std::uint32_t>{1, 0, 1}}, std::pair{4U, std::vector<std::uint32_t>{2, 1}});
  const Field field = Field::from_order(q);
  const Polynomial h(field, h_coefficients);
  std::mt19937_64 random(q + 1200);
  std::vector<Matrix> blocks;
  for (const int m : {1, 3, 3, 5, 9}) blocks.push_back(companion(polynomial_power(h, m)));
  for (const int k : {2, 5}) blocks.push_back(companion(polynomial_power(Polynomial(field, {0, 1}), k)));
  blocks.push_back(companion(random_polynomial(field, 8, random)));
  blocks.push_back(companion(random_polynomial(field, 8, random)));
  const Matrix diagonal = block_diagonal(field, blocks);
  for (const Matrix& a : {diagonal, conjugated(diagonal, random)}) {
    CAPTURE(q, h.to_string(), characteristic_polynomial(a).to_string());
    const CycleStructure structure = algebraic_cycle_structure(a);
    CHECK(structure.max_tail == 5);
    require_representatives(a, structure);
  }
}

TEST_CASE("the longest-tail state of a matrix is the first basis vector with the longest tail", "[representatives]") {
  // diag(0, N) with N e_1 = 0, N e_2 = e_1, N e_3 = e_2: the tails of e_0..e_3 are 1, 1, 2, 3.
  const auto q = GENERATE(2U, 3U, 4U);
  const Field field = Field::from_order(q);
  Matrix a{field, 4, Entries(16, 0)};
  a.entries[1 * 4 + 2] = 1;
  a.entries[2 * 4 + 3] = 1;
  const CycleStructure structure = algebraic_cycle_structure(a);
  CHECK(structure.max_tail == 3);
  CHECK(structure.longest_tail_state == power(q, 3));
  const std::vector<std::uint64_t> next = matrix_successors(a);
  require_representatives(a, structure, &next);
}

TEST_CASE("a part no basis vector reaches in time gets a kernel vector", "[representatives]") {
  // A = diag(C, companion((x - 1)^2), I_6), C cyclic with g = chi(C) prime to x (x - 1), in the
  // basis e_0 + e_14, ..., e_0 + e_19, e_1..e_13, e_0 (C on 0..11, the (x - 1)^2 block on 12..13):
  // the first six basis vectors have Krylov sequences of 13 steps that reach x - 1 at level 1 only,
  // and each adds one dimension; after four the 2n steps are spent before the level-2 vector.
  const auto q = GENERATE(2U, 3U);
  const Field field = Field::from_order(q);
  std::mt19937_64 random(q + 1500);
  Polynomial g = random_polynomial(field, 12, random);
  const auto value_at_one = [&field](const Polynomial& f) {
    std::uint32_t sum = 0;
    for (const std::uint32_t c : f.coefficients()) sum = field.add(sum, c);
    return sum;
  };
  while (g.is_singular() || value_at_one(g) == 0) g = random_polynomial(field, 12, random);
  const Polynomial x_minus_one(field, {field.neg(1), 1});
  std::vector<Matrix> blocks{companion(g), companion(polynomial_power(x_minus_one, 2))};
  for (int i = 0; i < 6; ++i) blocks.push_back(Matrix{field, 1, {1}});
  const Matrix diagonal = block_diagonal(field, blocks);
  const int n = diagonal.n;
  Entries basis(static_cast<std::size_t>(n * n), 0);  // column k is the k-th new basis vector
  const auto set = [&](int row, int column) { basis[static_cast<std::size_t>(row * n + column)] = 1; };
  for (int k = 0; k < 6; ++k) {
    set(0, k);
    set(14 + k, k);
  }
  for (int i = 1; i <= 13; ++i) set(i, 5 + i);
  set(0, 19);
  Matrix a{field, n, {}};
  detail::with_ntl_field(field, [&]<class Poly>(std::type_identity<Poly>) {
    const detail::NtlMatrix<Poly> b = detail::to_ntl_matrix<Poly>(basis, n);
    const detail::NtlMatrix<Poly> conjugate = NTL::inv(b) * detail::to_ntl_matrix<Poly>(diagonal.entries, n) * b;
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) a.entries.push_back(detail::from_ntl_element(conjugate[i][j]));
    }
  });
  CAPTURE(q, g.to_string(), matrix_text(a));
  const CycleStructure structure = algebraic_cycle_structure(a);
  REQUIRE(structure == algebraic_cycle_structure(diagonal));
  require_representatives(a, structure);
  // x - 1 at level 2 has period p: the representatives include a state of that period.
  REQUIRE(structure.representatives.contains(q == 2 ? 2 : 3));
}

TEST_CASE("a kernel vector has the level asked for", "[representatives]") {
  const auto q = GENERATE(2U, 3U, 4U);
  const Field field = Field::from_order(q);
  std::mt19937_64 random(q + 1300);
  for (int trial = 0; trial < random_cases(12); ++trial) {
    const Matrix a = random_shaped_matrix(field, 1 + static_cast<int>(random() % 12), trial % 6, random);
    CAPTURE(q, matrix_text(a));
    const Polynomial chi = characteristic_polynomial(a);
    detail::with_ntl_field(field, [&]<class Poly>(std::type_identity<Poly>) {
      const detail::NtlMatrix<Poly> m = detail::to_ntl_matrix<Poly>(a.entries, a.n);
      typename detail::NtlTraits<Poly>::Factors factors;
      NTL::CanZass(factors, detail::to_ntl<Poly>(chi.coefficients()));
      for (long i = 0; i < factors.length(); ++i) {
        const detail::NtlMatrix<Poly> b = detail::evaluate(factors[i].a, m);
        // The levels with states: dim ker P(A)^t > dim ker P(A)^(t-1).
        detail::NtlMatrix<Poly> power = b;  // P(A)^t
        detail::NtlMatrix<Poly> previous;   // P(A)^(t-1)
        NTL::ident(previous, a.n);
        for (long t = 1; t <= factors[i].b; ++t) {
          detail::NtlMatrix<Poly> reduced = power, reduced_previous = previous;
          if (NTL::gauss(reduced) == NTL::gauss(reduced_previous)) break;
          CAPTURE(t);
          const detail::NtlVector<Poly> c = detail::vector_of_level(m, factors[i].a, t);
          REQUIRE(NTL::IsZero(detail::NtlVector<Poly>(power * c)));
          REQUIRE_FALSE(NTL::IsZero(detail::NtlVector<Poly>(previous * c)));
          previous = power;
          power = power * b;
        }
      }
    });
  }
}

TEST_CASE("a structure with very many cycle lengths leaves its representatives out", "[representatives]") {
  // 2^16 lengths at n = 304 fit max_represented_coefficients; 2^17 at n = 364 do not.
  const Polynomial within = many_lengths_polynomial(16);
  const Polynomial beyond = many_lengths_polynomial(17);
  CHECK(within.degree() * (std::size_t{1} << 16) < max_represented_coefficients);
  CHECK((beyond.degree() + 1) * (std::size_t{1} << 17) > max_represented_coefficients);
  const Lfsr lfsr{within, Form::fibonacci};
  const CycleStructure represented = algebraic_cycle_structure(lfsr);
  REQUIRE(represented.cycles.size() == std::size_t{1} << 16);
  REQUIRE(represented.representatives.size() == represented.cycles.size());
  // Every 4096th one and the longest: state_period takes a factorization each.
  std::size_t index = 0;
  for (const auto& [length, representative] : represented.representatives) {
    if (index++ % 4096 != 0 && length != represented.max_cycle_length()) continue;
    const StatePeriod found = state_period(lfsr, representative.state);
    CHECK(found.period == length);
    CHECK(found.tail == 0);
  }
  const CycleStructure unrepresented = algebraic_cycle_structure(Lfsr{beyond, Form::galois});
  CHECK(unrepresented.cycles.size() == std::size_t{1} << 17);
  CHECK(unrepresented.representatives.empty());
  CHECK(unrepresented == algebraic_cycle_structure(beyond));
}

TEST_CASE("add_minimal_polynomials completes the representatives enumeration finds", "[representatives]") {
  SECTION("registers") {
    const auto [q, max_degree] = GENERATE(std::pair{2U, 6}, std::pair{3U, 3}, std::pair{4U, 3});
    const Field field = Field::from_order(q);
    for (int n = 1; n <= max_degree; ++n) {
      for (const Polynomial& f : all_polynomials(field, n)) {
        for (const Form form : {Form::fibonacci, Form::galois}) {
          CAPTURE(q, f.to_string(), form_name(form));
          const Lfsr lfsr{f, form};
          const std::vector<std::uint64_t> next = successors_by_ntl(lfsr);
          CycleStructure structure = smallest_representatives(next, algebraic_cycle_structure(f));
          add_minimal_polynomials(lfsr, structure);
          require_representatives(lfsr, structure, &next);
        }
      }
    }
  }
  SECTION("matrices") {
    const auto q = GENERATE(2U, 3U, 5U);
    const Field field = Field::from_order(q);
    std::mt19937_64 random(q + 1400);
    for (int trial = 0; trial < random_cases(18); ++trial) {
      const Matrix a = random_shaped_matrix(
          field, 1 + static_cast<int>(random() % static_cast<unsigned>(largest_dimension(q, 2000))), trial % 6, random);
      CAPTURE(q, matrix_text(a));
      const std::vector<std::uint64_t> next = matrix_successors(a);
      CycleStructure structure = smallest_representatives(next, brute_force_structure(next));
      add_minimal_polynomials(a, structure);
      require_representatives(a, structure, &next);
    }
  }
  SECTION("lengths past a word, and every field, agree with the algebraic minimal polynomials") {
    const auto [q, text] =
        GENERATE(std::pair{2U, "x^127+x+1"}, std::pair{2U, "x^130+x^3+x^2"}, std::pair{3U, "x^60+x+2"},
                 std::pair{4U, "x^40+a*x^3+1"}, std::pair{9U, "x^20+x+a"});
    const Field field = Field::from_order(q);
    for (const Form form : {Form::fibonacci, Form::galois}) {
      CAPTURE(q, text, form_name(form));
      const Lfsr lfsr{parse_polynomial(text, field), form};
      const CycleStructure algebraic = algebraic_cycle_structure(lfsr);
      CycleStructure cleared = algebraic;
      for (auto& [length, representative] : cleared.representatives) representative.minimal_polynomial.clear();
      add_minimal_polynomials(lfsr, cleared);
      CHECK(cleared.representatives == algebraic.representatives);
    }
  }
  SECTION("nothing to do without representatives, and those already known stay") {
    const Lfsr lfsr{parse_polynomial("x^4+x+1", Field::from_order(2)), Form::fibonacci};
    CycleStructure empty = algebraic_cycle_structure(lfsr.polynomial);
    add_minimal_polynomials(lfsr, empty);
    CHECK(empty.representatives.empty());
    CycleStructure known = algebraic_cycle_structure(lfsr);
    known.representatives[15].minimal_polynomial = {1, 1};  // not checked: only empty ones are filled
    add_minimal_polynomials(lfsr, known);
    CHECK(known.representatives[15].minimal_polynomial == std::vector<std::uint32_t>{1, 1});
  }
}

TEST_CASE("add_minimal_polynomials refuses a state off its cycle", "[representatives]") {
  const Lfsr lfsr{parse_polynomial("x^6+x^3+x^2", Field::from_order(2)), Form::fibonacci};
  CycleStructure structure = algebraic_cycle_structure(lfsr.polynomial);  // x^2 (x^4 + x + 1): {1: 1, 15: 1}
  SECTION("a state of another period") {
    structure.representatives[15] = {0, {}};
    CHECK_THROWS_AS(add_minimal_polynomials(lfsr, structure), InternalError);
  }
  SECTION("a transient state") {
    structure.representatives[1] = {1, {}};  // (1, 0, 0, 0, 0, 0) reaches 0 after 1 step
    CHECK_THROWS_AS(add_minimal_polynomials(lfsr, structure), InternalError);
  }
  SECTION("a longest-tail state with a shorter tail") {
    structure.longest_tail_state = 0;
    CHECK_THROWS_AS(add_minimal_polynomials(lfsr, structure), InternalError);
    CHECK_THROWS_AS(add_minimal_polynomials(lfsr, structure, PeriodCheck::unchecked), InternalError);
  }
  SECTION("unchecked, a state of another period gets its own minimal polynomial") {
    structure.representatives[15] = {0, {}};
    add_minimal_polynomials(lfsr, structure, PeriodCheck::unchecked);
    CHECK(structure.representatives[15].minimal_polynomial == std::vector<std::uint32_t>{1});
  }
}

TEST_CASE("unchecked minimal polynomials equal the checked ones", "[representatives]") {
  const Field gf3 = Field::from_order(3);
  for (const char* text : {"x^5+2*x^2+1", "x^6+x^3+2*x^2", "x^4+1"}) {
    for (const Form form : {Form::fibonacci, Form::galois}) {
      CAPTURE(text, form_name(form));
      const Lfsr lfsr{parse_polynomial(text, gf3), form};
      CycleStructure checked = enumerate(linear_map_of(lfsr), *make_sequential_runner());
      CycleStructure unchecked = checked;
      add_minimal_polynomials(lfsr, checked);
      add_minimal_polynomials(lfsr, unchecked, PeriodCheck::unchecked);
      CHECK(unchecked.representatives == checked.representatives);
    }
  }
}

TEST_CASE("methods that pick different representatives still agree on the structure", "[representatives]") {
  // --method both compares structures: enumeration's smallest states are not the algebraic ones.
  const Lfsr lfsr{parse_polynomial("x^6+x^3+1", Field::from_order(2)), Form::fibonacci};
  const CycleStructure algebraic = algebraic_cycle_structure(lfsr);
  const CycleStructure smallest =
      smallest_representatives(successors_by_ntl(lfsr), algebraic_cycle_structure(lfsr.polynomial));
  REQUIRE(smallest.representatives.at(9).state == 1);
  REQUIRE(algebraic.representatives.at(9).state == 32);
  CHECK(smallest == algebraic);
  const auto runner = make_sequential_runner();
  CHECK(enumerate(linear_map_of(lfsr), *runner) == algebraic);
}
