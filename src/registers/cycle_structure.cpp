// Derived figures of a cycle structure.
#include "lfsr/cycle_structure.hpp"

namespace lfsr {

void CycleStructure::add_cycles(const mpz_class& length, const mpz_class& count) {
  if (count == 0) return;
  cycles[length] += count;
}

mpz_class CycleStructure::total_cycles() const {
  mpz_class total = 0;
  for (const auto& [length, count] : cycles) total += count;
  return total;
}

mpz_class CycleStructure::fixed_points() const {
  auto it = cycles.find(mpz_class(1));
  return it == cycles.end() ? mpz_class(0) : it->second;
}

mpz_class CycleStructure::max_cycle_length() const { return cycles.empty() ? mpz_class(0) : cycles.rbegin()->first; }

bool CycleStructure::maximal_length() const {
  if (transient_states != 0) return false;
  // GF(2), n = 1: the cycle of q^n - 1 = 1 state is itself a second fixed point.
  if (states == 2) return cycles == std::map<mpz_class, mpz_class>{{1, 2}};
  if (states < 2 || cycles.size() != 2) return false;
  auto it = cycles.begin();
  const auto& [short_length, short_count] = *it++;
  const auto& [long_length, long_count] = *it;
  return short_length == 1 && short_count == 1 && long_length == states - 1 && long_count == 1;
}

mpz_class CycleStructure::states_on_cycles() const {
  mpz_class total = 0;
  for (const auto& [length, count] : cycles) total += length * count;
  return total;
}

}  // namespace lfsr
