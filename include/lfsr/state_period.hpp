// One state's minimal polynomial, and from it the period and tail of that state, without stepping
// the register; and the minimal polynomials of the representatives an enumeration found, checked.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <vector>

#include "lfsr/algebra.hpp"
#include "lfsr/cycle_structure.hpp"
#include "lfsr/lfsr.hpp"
#include "lfsr/matrix.hpp"

namespace lfsr {

// Where one state goes: `tail` steps to its cycle, then a cycle of `period` states.
struct StatePeriod {
  mpz_class period;
  mpz_class tail;
  // Coefficients, x^0 first, of the minimal polynomial g = x^tail * h of the state (g(A) v = 0,
  // g of least degree); period = ord(h). {1} for the zero state.
  std::vector<std::uint32_t> minimal_polynomial;
};

// The period and tail of the state with this index (index = sum v_i q^i, v_i its coordinates as in
// transition_entries), from its minimal polynomial. Throws InputError unless 0 <= state < q^n.
StatePeriod state_period(const Lfsr& lfsr, const mpz_class& state, const AlgebraOptions& options = {});

// The same for the map v -> A v: the minimal polynomial of the state from the Krylov vectors v, Av,
// A^2 v, ... Throws InputError when check_matrix does or unless 0 <= state < q^n.
StatePeriod state_period(const Matrix& a, const mpz_class& state, const AlgebraOptions& options = {});

// The minimal polynomial alone (g of StatePeriod, the first step of state_period): coefficients
// x^0 first, {1} for the zero state. Throws InputError as state_period does.
std::vector<std::uint32_t> state_minimal_polynomial(const Lfsr& lfsr, const mpz_class& state);
std::vector<std::uint32_t> state_minimal_polynomial(const Matrix& a, const mpz_class& state);

// Whether add_minimal_polynomials proves each state's period by the order test on its minimal
// polynomial (a few microseconds a state; a batch of small registers skips it unless --method both).
enum class PeriodCheck { checked, unchecked };

// Completes representatives found by visiting states (enumerate()): fills every empty
// minimal_polynomial from state_period(), checking (PeriodCheck::checked) that the state's period is
// its cycle length and its tail 0, and always that longest_tail_state, when set, has tail max_tail.
// A disagreement of the two methods throws InternalError naming the state. Nothing to do for an
// empty map.
void add_minimal_polynomials(const Lfsr& lfsr, CycleStructure& structure, PeriodCheck check = PeriodCheck::checked,
                             const AlgebraOptions& options = {});
void add_minimal_polynomials(const Matrix& a, CycleStructure& structure, PeriodCheck check = PeriodCheck::checked,
                             const AlgebraOptions& options = {});

}  // namespace lfsr
