// --method both: enumeration checked against the factorization, for a register or any matrix.
#include "algebra/method_check.hpp"

#include <fmt/format.h>

#include <functional>
#include <string>

#include "lfsr/error.hpp"

namespace lfsr {

namespace {

// `polynomial` gives the name in the message: a matrix's is computed only when the check fails.
void check_agree(const CycleStructure& enumerated, const CycleStructure& algebraic,
                 const std::function<std::string()>& polynomial) {
  if (enumerated == algebraic) return;
  throw MismatchError(
      fmt::format("enumeration and the algebraic method disagree on {}: {} against {} cycles, longest {} against {}",
                  polynomial(), enumerated.total_cycles().get_str(), algebraic.total_cycles().get_str(),
                  enumerated.max_cycle_length().get_str(), algebraic.max_cycle_length().get_str()));
}

}  // namespace

void check_against_algebra(const Lfsr& lfsr, const CycleStructure& enumerated, const AlgebraOptions& options) {
  // The structure alone: representatives in the register's form would cost and not be compared.
  check_agree(enumerated, algebraic_cycle_structure(lfsr.polynomial, options),
              [&] { return lfsr.polynomial.to_string(); });
}

void check_against_algebra(const Matrix& a, const CycleStructure& enumerated, const AlgebraOptions& options) {
  check_agree(enumerated, algebraic_cycle_structure(a, options),
              [&] { return characteristic_polynomial(a).to_string(); });
}

}  // namespace lfsr
