// The image passes of singular maps against the brute force: the cyclic states as a set, state by
// state, and the longest tail, on every runner and on chunks that split words and bit pairs.
#include <catch2/catch.hpp>
#include <random>

#include "brute_force.hpp"
#include "engine/cyclic_states.hpp"
#include "lfsr/enumerate.hpp"
#include "runners/shared_arena.hpp"

using namespace lfsr;
using namespace lfsr::testing;

namespace {

// The image of all states under A^t once it stops shrinking, and t, by the successor table.
std::pair<std::vector<bool>, std::uint64_t> cyclic_by_successors(const std::vector<std::uint64_t>& next) {
  std::vector<bool> set(next.size(), true);
  for (std::uint64_t passes = 0;; ++passes) {
    std::vector<bool> image(next.size(), false);
    for (std::uint64_t s = 0; s < next.size(); ++s)
      if (set[s]) image[next[s]] = true;
    if (image == set) return {set, passes};
    set = std::move(image);
  }
}

// Runs the image passes as enumeration does and compares their result with the successor table's.
void check_cyclic_states(const LinearMap& map, const std::vector<std::uint64_t>& next, Runner& runner,
                         std::uint64_t chunk_states) {
  SharedArena& arena = SharedArena::instance();
  arena.reset();
  EnumerationLayout layout;
  layout.states = map.state_count();
  layout.chunk_states = chunk_states == 0 ? layout.states : chunk_states;
  const CyclicStates found = find_cyclic_states(map, runner, layout);
  const auto [expected, longest_tail] = cyclic_by_successors(next);
  const SharedBits cyclic(arena.at<std::uint64_t>(layout.image_to));
  std::uint64_t expected_count = 0;
  bool same = true;
  for (std::uint64_t s = 0; s < layout.states; ++s) {
    expected_count += expected[s] ? 1 : 0;
    same = same && cyclic.test(s) == expected[s];
  }
  REQUIRE(same);
  REQUIRE(found.count == expected_count);
  REQUIRE(found.longest_tail == longest_tail);
}

std::vector<std::unique_ptr<Runner>> parallel_runners() {
  std::vector<std::unique_ptr<Runner>> runners;
  runners.push_back(make_thread_runner(2));
  runners.push_back(make_thread_runner(3));
  runners.push_back(make_fork_runner(2));
  return runners;
}

}  // namespace

TEST_CASE("image passes find the cyclic states of every singular register of small degree", "[image]") {
  // Degree 7 up is mapped 128 states at a time in the Fibonacci form, below state by state.
  const Field gf2 = Field::from_order(2);
  const auto sequential = make_sequential_runner();
  for (int n = 1; n <= 10; ++n)
    for (const Polynomial& f : all_polynomials(gf2, n)) {
      if (f.coefficient(0) != 0) continue;
      for (const Form form : {Form::fibonacci, Form::galois}) {
        const Lfsr lfsr{f, form};
        CAPTURE(f.to_string(), form_name(form));
        check_cyclic_states(linear_map_of(lfsr), successors_by_ntl(lfsr), *sequential, 0);
      }
    }
}

TEST_CASE("image passes agree on every runner and chunk size, words and bit pairs split", "[image][threads]") {
  const Field gf2 = Field::from_order(2);
  const auto runners = parallel_runners();
  for (const char* text : {"x^7", "x^7+x^6+x^3", "x^9+x^8+x^5+x^4", "x^12+x^11+x^5", "x^13+x^12+x^4+x^3+x^2"}) {
    for (const Form form : {Form::fibonacci, Form::galois}) {
      const Lfsr lfsr{parse_polynomial(text, gf2), form};
      const LinearMap map = linear_map_of(lfsr);
      const std::vector<std::uint64_t> next = successors_by_ntl(lfsr);
      for (const auto& runner : runners)
        for (const std::uint64_t chunk : {0, 1, 7, 63, 64, 100, 1000}) {
          if (chunk != 0 && map.state_count() / chunk > 300) continue;  // a round trip per chunk
          CAPTURE(text, form_name(form), mode_name(runner->mode()), runner->workers(), chunk);
          check_cyclic_states(map, next, *runner, chunk);
        }
    }
  }
}

TEST_CASE("image passes find the cyclic states of singular matrices over GF(p^k)", "[image][threads]") {
  const auto [q, n] = GENERATE(std::pair{4U, 5}, std::pair{9U, 4}, std::pair{8U, 4}, std::pair{3U, 7});
  const Field field = Field::from_order(q);
  std::mt19937_64 random(q * 31 + static_cast<unsigned>(n));
  const auto sequential = make_sequential_runner();
  const auto runners = parallel_runners();
  for (int trial = 0; trial < 6; ++trial) {
    // Strictly upper triangular in the first rows (a nilpotent part with a long tail), random below,
    // and a zero column: always singular.
    std::vector<std::uint32_t> entries(static_cast<std::size_t>(n * n));
    const int nilpotent_rows = 1 + trial % (n - 1);
    for (int row = 0; row < n; ++row)
      for (int col = 0; col < n; ++col) {
        const bool upper = row < nilpotent_rows ? col > row : col >= nilpotent_rows;
        entries[static_cast<std::size_t>(row * n + col)] =
            upper && col != 0 ? static_cast<std::uint32_t>(random() % q) : 0;
      }
    const LinearMap map = linear_map_of(field, n, entries);
    const std::vector<std::uint64_t> next = matrix_successors_by_ntl(field, n, entries);
    CAPTURE(q, n, trial);
    REQUIRE_FALSE(map.is_invertible());
    check_cyclic_states(map, next, *sequential, 0);
    for (const auto& runner : runners)
      for (const std::uint64_t chunk : {0, 7, 100}) {
        if (chunk != 0 && map.state_count() / chunk > 300) continue;
        CAPTURE(mode_name(runner->mode()), runner->workers(), chunk);
        check_cyclic_states(map, next, *runner, chunk);
      }
    // And the whole enumeration, whose walk starts from the cyclic states alone.
    REQUIRE(enumerate(map, *runners.front()) == brute_force_structure(next));
  }
}
