// The small-space enumeration of a batch against the engine: every field of the result, on GF(2),
// GF(p) and GF(p^k) registers (singular ones among them) and on random matrices.
#include <catch2/catch.hpp>
#include <random>

#include "brute_force.hpp"
#include "engine/small_enumeration.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/error.hpp"
#include "random_matrices.hpp"

using namespace lfsr;

namespace {

// Everything the engine reports, not only the structure operator== compares.
void require_same_as_engine(const LinearMap& map, Runner& runner) {
  const CycleStructure engine = enumerate(map, runner, {.chunk_states = 0, .list_cycles = true, .on_progress = {}});
  const CycleStructure small = enumerate_small(map, true);
  REQUIRE(small == engine);
  REQUIRE(small.representatives == engine.representatives);
  REQUIRE(small.longest_tail_state == engine.longest_tail_state);
  REQUIRE(small.cycle_list == engine.cycle_list);
  REQUIRE(enumerate_small(map).cycle_list.empty());
}

}  // namespace

TEST_CASE("small enumeration equals the engine on every polynomial of small degree", "[enumerate][small]") {
  const auto form = GENERATE(Form::fibonacci, Form::galois);
  const auto [q, max_degree] = GENERATE(std::pair{2U, 10}, std::pair{3U, 5}, std::pair{4U, 4}, std::pair{5U, 3},
                                        std::pair{8U, 2}, std::pair{9U, 2});
  const Field field = Field::from_order(q);
  const auto runner = make_sequential_runner();
  for (int n = 1; n <= max_degree; ++n) {
    for (const Polynomial& f : testing::all_polynomials(field, n)) {
      CAPTURE(q, f.to_string(), form_name(form));
      require_same_as_engine(linear_map_of(Lfsr{f, form}), *runner);
    }
  }
}

TEST_CASE("small enumeration equals the engine on random registers up to its largest space", "[enumerate][small]") {
  std::mt19937_64 random(13);
  const auto runner = make_sequential_runner();
  for (const auto& [q, n] : {std::pair{2U, 15}, std::pair{2U, 13}, std::pair{3U, 9}, std::pair{4U, 7},
                             std::pair{32U, 3}, std::pair{7U, 5}, std::pair{181U, 2}}) {
    const Field field = Field::from_order(q);
    for (int trial = 0; trial < 6; ++trial) {
      const Polynomial f = testing::random_polynomial(field, n, random);
      CAPTURE(q, f.to_string());
      require_same_as_engine(linear_map_of(Lfsr{f, trial % 2 == 0 ? Form::fibonacci : Form::galois}), *runner);
    }
  }
}

TEST_CASE("small enumeration equals the engine on random matrices", "[enumerate][small]") {
  std::mt19937_64 random(31);
  const auto runner = make_sequential_runner();
  for (const auto& [q, n] :
       {std::pair{2U, 8}, std::pair{2U, 12}, std::pair{3U, 6}, std::pair{4U, 5}, std::pair{9U, 3}}) {
    const Field field = Field::from_order(q);
    for (int trial = 0; trial < 8; ++trial) {
      const Matrix a = testing::random_matrix(field, n, random);
      CAPTURE(q, n, trial);
      require_same_as_engine(linear_map_of(field, n, a.entries), *runner);
    }
  }
}

TEST_CASE("small enumeration refuses a large state space", "[enumerate][small]") {
  const Field gf2 = Field::from_order(2);
  std::vector<std::uint32_t> coefficients(18, 0);
  coefficients.front() = coefficients.back() = 1;
  REQUIRE_THROWS_AS(enumerate_small(linear_map_of(Lfsr{Polynomial(gf2, coefficients), Form::fibonacci})),
                    InternalError);
}
