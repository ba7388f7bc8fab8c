// The result every method produces: the cycle-length histogram and the transient part.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace lfsr {

// A state on a cycle of a given length, and its minimal polynomial g (g(A) v = 0 of least degree;
// the period of v is ord(g)) when the method knows it.
struct CycleRepresentative {
  mpz_class state;                                // index, sum v_i q^i
  std::vector<std::uint32_t> minimal_polynomial;  // coefficients, x^0 first; empty when not computed

  friend bool operator==(const CycleRepresentative&, const CycleRepresentative&) = default;
};

// One cycle of --list-cycles: its smallest state and its length.
struct ListedCycle {
  std::uint64_t smallest_state;
  std::uint64_t length;

  friend bool operator==(const ListedCycle&, const ListedCycle&) = default;
  friend auto operator<=>(const ListedCycle&, const ListedCycle&) = default;
};

// Cycle structure of the functional graph of a map on `states` states. Counts and lengths are
// exact big integers: the algebraic method reaches lengths far beyond 64 bits.
struct CycleStructure {
  mpz_class states;
  mpz_class cyclic_states;
  mpz_class transient_states;
  mpz_class max_tail;                     // longest path from a state to its cycle
  std::map<mpz_class, mpz_class> cycles;  // cycle length -> number of cycles
  // Cycle length -> a state on a cycle of that length, for every length of `cycles` (empty when the
  // method did not look for them). Enumeration: the smallest such state, the same in every mode;
  // the algebraic method: a state built from the primary decomposition.
  std::map<mpz_class, CycleRepresentative> representatives;
  // When transient_states > 0: a state whose tail is max_tail long.
  std::optional<mpz_class> longest_tail_state;
  // Enumeration with a cycle list asked for: every cycle, sorted by smallest state; else empty.
  std::vector<ListedCycle> cycle_list;

  void add_cycles(const mpz_class& length, const mpz_class& count);
  mpz_class total_cycles() const;
  mpz_class fixed_points() const;
  mpz_class max_cycle_length() const;
  // One cycle of states - 1 states plus the fixed zero state.
  bool maximal_length() const;
  // The number of states the cycles cover: sum of length * count; equals cyclic_states when consistent.
  mpz_class states_on_cycles() const;

  // The structure alone: two methods, modes or runs agree when their counts agree, whatever states
  // they picked as representatives.
  friend bool operator==(const CycleStructure& a, const CycleStructure& b) {
    return a.states == b.states && a.cyclic_states == b.cyclic_states && a.transient_states == b.transient_states &&
           a.max_tail == b.max_tail && a.cycles == b.cycles;
  }
};

}  // namespace lfsr
