// The check a parsed register must pass when it is small: its cycle structure found by the
// algebraic method equals the one walked state by state on NTL's own matrix products.
#pragma once

#include <cstdint>
#include <vector>

#include "brute_force.hpp"
#include "fuzz_support.hpp"
#include "lfsr/algebra.hpp"
#include "lfsr/matrix.hpp"

namespace lfsr::fuzz {

// At most this many states are walked: each run stays in the milliseconds.
inline constexpr std::uint64_t max_checked_states = 4096;

// The structure covers every state once: sum of length * count on cycles plus transients = q^n.
inline void check_state_count(const CycleStructure& structure, std::uint64_t states) {
  require(structure.states == mpz_class(std::to_string(states)), "wrong state count");
  require(structure.states_on_cycles() == structure.cyclic_states, "cycles do not cover the cyclic states");
  require(structure.cyclic_states + structure.transient_states == structure.states,
          "cyclic plus transient states is not q^n");
}

inline void check_register(const Lfsr& lfsr) {
  const std::uint64_t states = small_state_count(lfsr.field(), lfsr.degree(), max_checked_states);
  if (states == 0) return;
  const CycleStructure algebraic = algebraic_cycle_structure(lfsr);
  check_state_count(algebraic, states);
  require(algebraic == testing::brute_force_structure(testing::successors_by_ntl(lfsr)),
          "algebraic cycle structure differs from the state-by-state walk of", lfsr.polynomial.to_string());
}

inline void check_matrix_map(const Matrix& a) {
  const std::uint64_t states = small_state_count(a.field, a.n, max_checked_states);
  if (states == 0) return;
  const CycleStructure algebraic = algebraic_cycle_structure(a);
  check_state_count(algebraic, states);
  require(algebraic == testing::brute_force_structure(testing::matrix_successors_by_ntl(a.field, a.n, a.entries)),
          "algebraic cycle structure of a matrix differs from the state-by-state walk");
}

}  // namespace lfsr::fuzz
