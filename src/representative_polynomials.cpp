// Minimal polynomials for representatives found by visiting states, each checked against its cycle.
#include <fmt/format.h>

#include <string>

#include "lfsr/algebra.hpp"
#include "lfsr/error.hpp"

namespace lfsr {

namespace {

// The state with this index in messages: the index itself, or its head and digit count when long.
std::string shown_state(const mpz_class& state) {
  const std::string text = state.get_str();
  return text.size() <= 40 ? text : fmt::format("{}... ({} digits)", text.substr(0, 20), text.size());
}

template <class Subject>
void add_minimal_polynomials_of(const Subject& subject, CycleStructure& structure, const AlgebraOptions& options) {
  for (auto& [length, representative] : structure.representatives) {
    if (!representative.minimal_polynomial.empty()) continue;
    StatePeriod found = state_period(subject, representative.state, options);
    if (found.period != length || found.tail != 0) {
      throw InternalError(fmt::format(
          "state {} was found on a cycle of length {}, but its minimal polynomial gives period {} and tail {}",
          shown_state(representative.state), length.get_str(), found.period.get_str(), found.tail.get_str()));
    }
    representative.minimal_polynomial = std::move(found.minimal_polynomial);
  }
  if (structure.longest_tail_state) {
    const StatePeriod found = state_period(subject, *structure.longest_tail_state, options);
    if (found.tail != structure.max_tail) {
      throw InternalError(
          fmt::format("state {} was found with the longest tail, {}, but its minimal polynomial gives {}",
                      shown_state(*structure.longest_tail_state), structure.max_tail.get_str(), found.tail.get_str()));
    }
  }
}

}  // namespace

void add_minimal_polynomials(const Lfsr& lfsr, CycleStructure& structure, const AlgebraOptions& options) {
  add_minimal_polynomials_of(lfsr, structure, options);
}

void add_minimal_polynomials(const Matrix& a, CycleStructure& structure, const AlgebraOptions& options) {
  add_minimal_polynomials_of(a, structure, options);
}

}  // namespace lfsr
