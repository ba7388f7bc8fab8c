// The scan order of the monic polynomials of one degree, and the summary of a scan's results.
#include "many/scan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "lfsr/algebra.hpp"
#include "lfsr/error.hpp"
#include "lfsr/report.hpp"

namespace lfsr {

PolynomialScan::PolynomialScan(const Field& field, int n, bool nonsingular)
    : field_(field), n_(n), nonsingular_(nonsingular) {
  if (n < 1) throw InputError(fmt::format("a scan needs a degree of at least 1, not {}", n));
  mpz_class total;
  mpz_ui_pow_ui(total.get_mpz_t(), field.q(), static_cast<unsigned long>(n));
  if (total > max_scan_polynomials) {
    throw ResourceError(
        fmt::format("a scan of the {}^{} polynomials of degree {} over {} is too large (the limit is "
                    "2^32 registers)",
                    field.q(), n, n, field.name()));
  }
  all_ = total.get_ui();
}

std::uint64_t PolynomialScan::size() const { return nonsingular_ ? all_ / field_.q() * (field_.q() - 1) : all_; }

Polynomial PolynomialScan::at(std::uint64_t position) const {
  const std::uint32_t q = field_.q();
  // Among the nonsingular ones every block of q consecutive integers loses its c_0 = 0 member.
  std::uint64_t index = nonsingular_ ? position / (q - 1) * q + position % (q - 1) + 1 : position;
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n_) + 1, 1);
  for (int i = 0; i < n_; ++i, index /= q)
    coefficients[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(index % q);
  return Polynomial(field_, std::move(coefficients));
}

void CycleTypeSummary::add(const Polynomial& f, const CycleStructure& result) {
  ++registers;
  maximal_length += result.maximal_length() ? 1 : 0;
  irreducible += is_irreducible(f) ? 1 : 0;
  singular += f.is_singular() ? 1 : 0;
  ++cycle_types[result.cycles];
  examples.try_emplace(result.cycles, f.to_string());
}

nlohmann::ordered_json CycleTypeSummary::json() const {
  std::vector<std::pair<const std::map<mpz_class, mpz_class>*, std::uint64_t>> types;
  for (const auto& [type, count] : cycle_types) types.emplace_back(&type, count);
  // The most common types first; ties in the order of the types themselves.
  std::stable_sort(types.begin(), types.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& [type, count] : types) {
    nlohmann::ordered_json cycles = nlohmann::ordered_json::array();
    for (const auto& [length, number] : *type)
      cycles.push_back({{"length", big_number(length)}, {"count", big_number(number)}});
    list.push_back({{"cycles", std::move(cycles)}, {"registers", count}, {"example", examples.at(*type)}});
  }
  return {{"registers", registers},
          {"maximal_length", maximal_length},
          {"irreducible", irreducible},
          {"singular", singular},
          {"cycle_types", std::move(list)}};
}

}  // namespace lfsr
