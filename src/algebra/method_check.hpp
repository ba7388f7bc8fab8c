// --method both: the cycle structure that enumeration found must be the one the factorization gives.
#pragma once

#include "lfsr/algebra.hpp"
#include "lfsr/cycle_structure.hpp"
#include "lfsr/lfsr.hpp"
#include "lfsr/matrix.hpp"

namespace lfsr {

// Compares `enumerated` with the algebraic method's structure as CycleStructure's == does (the
// representatives aside) and throws MismatchError when they differ, naming the characteristic
// polynomial and both methods' cycle counts and longest cycles. Throws what algebraic_cycle_structure
// throws.
void check_against_algebra(const Lfsr& lfsr, const CycleStructure& enumerated, const AlgebraOptions& options);
void check_against_algebra(const Matrix& a, const CycleStructure& enumerated, const AlgebraOptions& options);

}  // namespace lfsr
