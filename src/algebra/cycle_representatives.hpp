// States on cycles of every length, built from the primary decomposition of the map.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <vector>

#include "lfsr/cycle_structure.hpp"
#include "lfsr/lfsr.hpp"
#include "lfsr/matrix.hpp"

namespace lfsr::detail {

// One primary part P^e (P monic irreducible, P != x) as the representatives need it.
struct RepresentedPart {
  std::vector<std::uint32_t> irreducible;  // P, x^0 first
  mpz_class order;                         // ord(P)
  long top_level = 0;                      // the largest level that has states: the largest Jordan block of P
};

// Fills structure.representatives (for every length of structure.cycles, a state of that period
// and tail 0 with its minimal polynomial) and, when it has transient states, longest_tail_state,
// for the register in its form. `parts` are the primary parts of its polynomial.
void add_lfsr_representatives(const Lfsr& lfsr, const std::vector<RepresentedPart>& parts, CycleStructure& structure);

// The same for the map v -> A v, `parts` the primary parts of its characteristic polynomial.
void add_matrix_representatives(const Matrix& a, const std::vector<RepresentedPart>& parts, CycleStructure& structure);

}  // namespace lfsr::detail
