// The result every method produces: the cycle-length histogram and the transient part.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <map>

namespace lfsr {

// Cycle structure of the functional graph of a map on `states` states. Counts and lengths are
// exact big integers: the algebraic method reaches lengths far beyond 64 bits.
struct CycleStructure {
  mpz_class states;
  mpz_class cyclic_states;
  mpz_class transient_states;
  mpz_class max_tail;                     // longest path from a state to its cycle
  std::map<mpz_class, mpz_class> cycles;  // cycle length -> number of cycles

  void add_cycles(const mpz_class& length, const mpz_class& count);
  mpz_class total_cycles() const;
  mpz_class fixed_points() const;
  mpz_class max_cycle_length() const;
  // One cycle of states - 1 states plus the fixed zero state.
  bool maximal_length() const;
  // The number of states the cycles cover: sum of length * count; equals cyclic_states when consistent.
  mpz_class states_on_cycles() const;

  friend bool operator==(const CycleStructure&, const CycleStructure&) = default;
};

}  // namespace lfsr
