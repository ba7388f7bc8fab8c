// The algebraic method against enumeration, closed formulas, and walks of single states.
#include <NTL/GF2XFactoring.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <thread>

#include "brute_force.hpp"
#include "closed_formulas.hpp"
#include "lfsr/algebra.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/error.hpp"
#include "lfsr/state_period.hpp"

using namespace lfsr;
using namespace lfsr::testing;
using Catch::Matchers::Contains;

namespace {

Polynomial random_polynomial(const Field& field, int degree, std::mt19937_64& random) {
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(degree) + 1);
  for (auto& c : coefficients) c = static_cast<std::uint32_t>(random() % field.q());
  coefficients.back() = 1;
  return Polynomial(field, coefficients);
}

// Period and tail of `state` by stepping the successor table: tail = first time on the cycle.
StatePeriod walk(const std::vector<std::uint64_t>& next, std::uint64_t state) {
  std::map<std::uint64_t, std::uint64_t> seen_at;
  std::uint64_t time = 0;
  while (!seen_at.contains(state)) {
    seen_at[state] = time++;
    state = next[state];
  }
  return {mpz_class(static_cast<unsigned long>(time - seen_at[state])),
          mpz_class(static_cast<unsigned long>(seen_at[state])),
          {}};
}

// Compares the algebraic result with enumeration in both forms, and is_primitive with maximal_length.
void require_agreement(const Polynomial& f, Runner& runner) {
  CAPTURE(f.field().q(), f.to_string());
  const CycleStructure algebraic = algebraic_cycle_structure(f);
  for (const Form form : {Form::fibonacci, Form::galois}) {
    CAPTURE(form_name(form));
    REQUIRE(enumerate(linear_map_of({f, form}), runner) == algebraic);
  }
  REQUIRE(is_primitive(f) == algebraic.maximal_length());
}

}  // namespace

TEST_CASE("algebraic equals enumeration for every polynomial of small degree", "[algebra]") {
  const auto [q, max_degree] = GENERATE(std::pair{2U, 12}, std::pair{3U, 6}, std::pair{5U, 4});
  const Field field = Field::from_order(q);
  const auto runner = make_sequential_runner();
  for (int n = 1; n <= max_degree; ++n) {
    for (const Polynomial& f : testing::all_polynomials(field, n)) require_agreement(f, *runner);
  }
}

TEST_CASE("the number of primitive polynomials of degree n is phi(q^n - 1) / n", "[algebra]") {
  const auto [q, max_degree] = GENERATE(std::pair{2U, 16}, std::pair{3U, 8}, std::pair{5U, 5});
  const Field field = Field::from_order(q);
  for (int n = 1; n <= max_degree; ++n) {
    std::uint64_t primitive = 0;
    for (const Polynomial& f : testing::all_polynomials(field, n)) primitive += is_primitive(f) ? 1 : 0;
    CAPTURE(q, n);
    REQUIRE(primitive == euler_phi(power(q, static_cast<unsigned>(n)).get_ui() - 1) / static_cast<unsigned>(n));
  }
}

TEST_CASE("x^n - 1 has one cycle per necklace, far past enumeration", "[algebra]") {
  const auto [q, n] = GENERATE(std::pair{2U, 100U}, std::pair{2U, 1000U}, std::pair{3U, 60U}, std::pair{2U, 1024U},
                               std::pair{2U, 17U}, std::pair{5U, 36U});
  CAPTURE(q, n);
  const CycleStructure result = algebraic_cycle_structure(x_to_the_n_minus_one(Field::from_order(q), n));
  CHECK(result.cycles == rotation_cycles(q, n));
  CHECK(result.total_cycles() == necklace_count(q, n));
  CHECK(result.states == power(q, n));
  CHECK(result.cyclic_states == result.states);
  CHECK(result.states_on_cycles() == result.states);
  CHECK(result.transient_states == 0);
  CHECK(result.max_tail == 0);
}

TEST_CASE("every default polynomial is primitive and maximal length", "[algebra]") {
  for (int bits = min_default_bits; bits <= max_default_bits(); ++bits) {
    CAPTURE(bits);
    const Polynomial f = default_maximal_polynomial(bits);
    REQUIRE(is_primitive(f));
    const CycleStructure result = algebraic_cycle_structure(f);
    REQUIRE(result.maximal_length());
    REQUIRE(polynomial_order(f) == power(2, static_cast<unsigned>(bits)) - 1);
  }
}

TEST_CASE("the docs/theory.md worked examples come out as stated, algebraically", "[algebra]") {
  const Field gf2 = Field::from_order(2);
  check_theory_examples([&](const char* text) { return algebraic_cycle_structure(parse_polynomial(text, gf2)); });
  CHECK(polynomial_order(parse_polynomial("x^4+x^3+x^2+x+1", gf2)) == 5);
  CHECK(is_primitive(parse_polynomial("x^4+x+1", gf2)));
  CHECK_FALSE(is_primitive(parse_polynomial("x^4+x^3+x^2+x+1", gf2)));
}

TEST_CASE("a nilpotent register has the zero state as its only cycle", "[algebra]") {
  const auto [q, n] = GENERATE(std::pair{2U, 1U}, std::pair{2U, 5U}, std::pair{3U, 4U}, std::pair{2U, 3000U});
  std::vector<std::uint32_t> coefficients(n + 1, 0);
  coefficients[n] = 1;
  const CycleStructure result = algebraic_cycle_structure(Polynomial(Field::from_order(q), coefficients));
  CHECK(result.cycles == std::map<mpz_class, mpz_class>{{1, 1}});
  CHECK(result.cyclic_states == 1);
  CHECK(result.transient_states == power(q, n) - 1);
  CHECK(result.max_tail == n);
}

TEST_CASE("the order of a singular polynomial is refused", "[algebra]") {
  REQUIRE_THROWS_AS(polynomial_order(parse_polynomial("x^3+x", Field::from_order(2))), InputError);
}

TEST_CASE("concurrent calls give the results of sequential ones", "[algebra][threads]") {
  // Threads share the factorization cache and install their own zz_p moduli. The integers that
  // need FLINT's sieve (2^139 - 1, 2^163 - 1) are factored before the threads start: the sieve's
  // child process would be forked while other threads allocate, which deadlocks under ASan.
  std::mt19937_64 random(5);
  std::vector<Polynomial> polynomials;
  for (const int bits : {131, 139, 151, 163}) polynomials.push_back(default_maximal_polynomial(bits));
  std::vector<CycleStructure> expected;
  for (const Polynomial& f : polynomials) expected.push_back(algebraic_cycle_structure(f));
  for (int i = 0; i < 24; ++i) {
    const Field field = Field::from_order(i % 3 == 0 ? 3 : i % 3 == 1 ? 2 : 7);
    polynomials.push_back(random_polynomial(field, field.q() == 2 ? 40 + i : 8 + i / 2, random));
  }
  std::vector<std::vector<CycleStructure>> found(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < found.size(); ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = 0; i < polynomials.size(); ++i) {
        found[t].push_back(algebraic_cycle_structure(polynomials[(i + 7 * t) % polynomials.size()]));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t i = expected.size(); i < polynomials.size(); ++i)
    expected.push_back(algebraic_cycle_structure(polynomials[i]));
  for (std::size_t t = 0; t < found.size(); ++t) {
    for (std::size_t i = 0; i < polynomials.size(); ++i) {
      const std::size_t k = (i + 7 * t) % polynomials.size();
      CAPTURE(t, polynomials[k].field().q(), polynomials[k].to_string());
      REQUIRE(found[t][i] == expected[k]);
    }
  }
}

TEST_CASE("state_period agrees with walking the state", "[algebra]") {
  const auto [q, max_degree] = GENERATE(std::pair{2U, 14}, std::pair{3U, 8}, std::pair{5U, 5}, std::pair{7U, 4});
  const Field field = Field::from_order(q);
  std::mt19937_64 random(q);
  for (int trial = 0; trial < random_cases(40); ++trial) {
    const int n = 1 + static_cast<int>(random() % static_cast<unsigned>(max_degree));
    const Lfsr lfsr{random_polynomial(field, n, random), trial % 2 == 0 ? Form::fibonacci : Form::galois};
    const std::vector<std::uint64_t> next = testing::successors_by_ntl(lfsr);
    for (int sample = 0; sample < 20; ++sample) {
      const std::uint64_t state = sample == 0 ? 0 : random() % next.size();
      CAPTURE(lfsr.polynomial.to_string(), form_name(lfsr.form), state);
      const StatePeriod expected = walk(next, state);
      const StatePeriod found = state_period(lfsr, mpz_class(static_cast<unsigned long>(state)));
      REQUIRE(found.period == expected.period);
      REQUIRE(found.tail == expected.tail);
    }
  }
}

TEST_CASE("state_period handles registers of thousands of stages", "[algebra]") {
  const Field gf2 = Field::from_order(2);
  std::mt19937_64 random(7);
  SECTION("a rotation's period is the word's least period") {
    // The state is a random 40-bit block repeated 25 times, so its period under x^1000 - 1 divides 40.
    std::vector<int> block(40);
    for (int& bit : block) bit = static_cast<int>(random() & 1U);
    block[0] = 1;
    block[1] = 0;  // not a constant word
    mpz_class state = 0;
    for (int i = 999; i >= 0; --i) state = 2 * state + block[static_cast<std::size_t>(i % 40)];
    unsigned least = 40;
    for (unsigned p : divisors(40)) {
      bool periodic = true;
      for (unsigned i = 0; i + p < 40; ++i) periodic = periodic && block[i] == block[i + p];
      if (periodic) {
        least = p;
        break;
      }
    }
    for (const Form form : {Form::fibonacci, Form::galois}) {
      const StatePeriod found = state_period({x_to_the_n_minus_one(gf2, 1000), form}, state);
      CHECK(found.period == least);
      CHECK(found.tail == 0);
    }
  }
  SECTION("a nilpotent register's tail is set by the outermost nonzero coordinate") {
    std::vector<std::uint32_t> coefficients(2001, 0);
    coefficients[2000] = 1;
    const Polynomial f(gf2, coefficients);
    mpz_class state = 0;
    mpz_setbit(state.get_mpz_t(), 1234);
    mpz_setbit(state.get_mpz_t(), 77);
    // Fibonacci shifts toward coordinate 0 and feeds in 0; Galois multiplies by x mod x^2000.
    CHECK(state_period({f, Form::fibonacci}, state).tail == 1235);
    CHECK(state_period({f, Form::galois}, state).tail == 2000 - 77);
    CHECK(state_period({f, Form::galois}, state).period == 1);
  }
  SECTION("every nonzero state of a primitive register lies on the one long cycle") {
    const Polynomial f = default_maximal_polynomial(127);
    const mpz_class state = mpz_class("123456789012345678901234567890");
    const StatePeriod found = state_period({f, Form::galois}, state);
    CHECK(found.period == power(2, 127) - 1);
    CHECK(found.tail == 0);
    CHECK(found.minimal_polynomial == f.coefficients());
  }
  SECTION("the zero state") {
    const StatePeriod found = state_period({default_maximal_polynomial(64)}, 0);
    CHECK(found.period == 1);
    CHECK(found.tail == 0);
    CHECK(found.minimal_polynomial == std::vector<std::uint32_t>{1});
  }
}

TEST_CASE("state_period rejects indices outside 0..q^n-1", "[algebra]") {
  const Lfsr lfsr{parse_polynomial("x^4+x+1", Field::from_order(2))};
  REQUIRE_THROWS_AS(state_period(lfsr, 16), InputError);
  REQUIRE_THROWS_WITH(state_period(lfsr, 16), Contains("16") && Contains("2^4-1"));
  REQUIRE_THROWS_AS(state_period(lfsr, -1), InputError);
  CHECK(state_period(lfsr, 15).period == 15);
}

// Factorizations are cached for the process: the degrees below are used by no other test, and each
// test asks with narrow limits before it asks with the default ones.
namespace {

const AlgebraOptions narrow_limits{0, 120, 1300};  // no ECM, a 120-bit sieve: trial division and little else

Polynomial from_gf2x(const NTL::GF2X& f) {
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(NTL::deg(f)) + 1);
  for (long i = 0; i <= NTL::deg(f); ++i)
    coefficients[static_cast<std::size_t>(i)] = NTL::IsOne(NTL::coeff(f, i)) ? 1 : 0;
  return Polynomial(Field::from_order(2), coefficients);
}

}  // namespace

TEST_CASE("an order that needs an integer beyond the factoring limits is refused, not guessed", "[algebra]") {
  // 2^173 - 1 = 730753 * 1505447 * (a 41-digit product of two primes beyond trial division).
  NTL::GF2X irreducible;
  NTL::BuildIrred(irreducible, 173);
  const Polynomial f = from_gf2x(irreducible);
  REQUIRE_THROWS_AS(algebraic_cycle_structure(f, narrow_limits), ResourceError);
  REQUIRE_THROWS_WITH(algebraic_cycle_structure(f, narrow_limits),
                      Contains("cannot factor 2^173-1") && Contains("41-digit") && Contains("degree-173"));
  REQUIRE_THROWS_WITH(is_primitive(f, narrow_limits), Contains("cannot factor 2^173-1"));
  REQUIRE_THROWS_WITH(polynomial_order(f, narrow_limits), Contains("cannot factor 2^173-1"));
  CHECK(algebraic_cycle_structure(f).states_on_cycles() == power(2, 173));  // the default limits reach it
}

TEST_CASE("an order whose unfactored part of q^d - 1 does not matter is still exact", "[algebra]") {
  // A degree-382 irreducible P whose roots have order dividing 2^191 + 1: ord(P) follows from the
  // factors of 2^191 + 1 = 3 * Phi_382(2) alone; the 2^191 - 1 that narrow limits cannot split is not needed.
  NTL::GF2X irreducible;
  NTL::BuildIrred(irreducible, 382);
  const NTL::GF2XModulus modulus(irreducible);
  NTL::GF2X root;
  NTL::PowerXMod(root, NTL::power_ZZ(2, 191) - 1, modulus);  // x^(2^191 - 1) has order | 2^191 + 1
  NTL::GF2X minimal;
  NTL::MinPolyMod(minimal, root, modulus);
  REQUIRE(NTL::deg(minimal) == 382);
  const Polynomial f = from_gf2x(minimal);
  const mpz_class order = polynomial_order(f, narrow_limits);
  const CycleStructure result = algebraic_cycle_structure(f, narrow_limits);
  CHECK_FALSE(is_primitive(f, narrow_limits));
  CHECK((power(2, 191) + 1) % order == 0);
  CHECK(order == polynomial_order(f));
  CHECK(result == algebraic_cycle_structure(f));
}

TEST_CASE("a Mersenne prime too large for APRCL is still proven prime", "[algebra]") {
  // 2^2203 - 1 is prime: its primality follows from n + 1 = 2^2203, so every irreducible of degree 2203 is primitive.
  NTL::GF2X irreducible;
  NTL::BuildIrred(irreducible, 2203);
  const Polynomial f = from_gf2x(irreducible);
  CHECK(is_primitive(f));
  CHECK(algebraic_cycle_structure(f).maximal_length());
}
