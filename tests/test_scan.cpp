// Scans: the order of the polynomials, and the counts a scan summary gives against closed formulas.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "closed_formulas.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/error.hpp"
#include "lfsr/linear_map.hpp"
#include "many/batch.hpp"
#include "many/scan.hpp"
#include "sanitizers.hpp"

using namespace lfsr;
using namespace lfsr::testing;

namespace {

// The summary of a scan run through analyze_batch, as --scan --summary computes it.
CycleTypeSummary scan_summary(const Field& field, int n, bool nonsingular, const std::string& method, Runner& runner) {
  const PolynomialScan scan(field, n, nonsingular);
  std::vector<BatchRegister> registers;
  for (std::uint64_t i = 0; i < scan.size(); ++i) registers.push_back(Lfsr{scan.at(i), Form::fibonacci});
  CycleTypeSummary summary;
  BatchOptions options;
  options.method = method;
  analyze_batch(registers, runner, options, [&](std::size_t i, BatchOutcome&& outcome) {
    REQUIRE(outcome.ok());
    summary.add(registers[i], outcome.result);
  });
  return summary;
}

}  // namespace

TEST_CASE("a scan visits every monic polynomial once, in increasing order of sum c_i q^i", "[scan]") {
  const Field gf3 = Field::from_order(3);
  const PolynomialScan all(gf3, 3, false);
  REQUIRE(all.size() == 27);
  CHECK(all.at(0).to_string() == "x^3");
  CHECK(all.at(1).to_string() == "x^3+1");
  CHECK(all.at(3).to_string() == "x^3+x");
  CHECK(all.at(26).to_string() == "x^3+2*x^2+2*x+2");
  const PolynomialScan nonsingular(gf3, 3, true);
  REQUIRE(nonsingular.size() == 18);
  std::set<std::vector<std::uint32_t>> seen;
  std::uint64_t previous_index = 0;
  for (std::uint64_t i = 0; i < nonsingular.size(); ++i) {
    const Polynomial f = nonsingular.at(i);
    CHECK_FALSE(f.is_singular());
    const std::uint64_t index = f.coefficient(0) + 3 * f.coefficient(1) + 9 * f.coefficient(2);
    if (i > 0) CHECK(index > previous_index);
    previous_index = index;
    seen.insert(f.coefficients());
  }
  CHECK(seen.size() == 18);
  REQUIRE_THROWS_AS(PolynomialScan(Field::from_order(2), 33, false), ResourceError);
  REQUIRE_THROWS_AS(PolynomialScan(Field::from_order(2), 0, false), InputError);
}

TEST_CASE("scans by enumeration count what the closed formulas say", "[scan][threads]") {
  const std::unique_ptr<Runner> runner = make_thread_runner(2);
  const CycleTypeSummary gf2 = scan_summary(Field::from_order(2), 8, false, "enumerate", *runner);
  CHECK(gf2.registers == 256);
  CHECK(gf2.maximal_length == 16);  // phi(255) / 8
  CHECK(gf2.irreducible == 30);     // (2^8 - 2^4) / 8
  CHECK(gf2.singular == 128);       // c_0 = 0: 2^7
  std::uint64_t registers = 0;
  for (const auto& [key, type] : gf2.types) registers += type.registers;
  CHECK(registers == 256);
  const CycleTypeSummary gf3 = scan_summary(Field::from_order(3), 4, false, "enumerate", *runner);
  CHECK(gf3.maximal_length == 8);  // phi(80) / 4
  CHECK(gf3.irreducible == 18);    // (3^4 - 3^2) / 4
  CHECK(gf3.singular == 27);       // 3^3
}

// Every primitive polynomial has c_0 != 0, so the nonsingular scan counts all of them.
// Under a sanitizer, 20 times slower, the scans stop at 2^14 registers: the Release run covers the rest.
TEST_CASE("scans count phi(q^N - 1) / N maximal-length registers for every q^N <= 2^20", "[scan][slow][threads]") {
  const std::unique_ptr<Runner> runner = make_thread_runner(2);
  const unsigned max_states = 1U << (under_sanitizer ? 14 : 20);
  for (const unsigned q : {2U, 3U, 4U, 5U, 7U, 8U, 9U}) {
    for (unsigned n = 1; power(q, n) <= max_states; ++n) {
      // Degrees whose scans take more than a second or two are left to the GF(2) and GF(3) rows.
      if (q > 3 && power(q, n) > (1U << 16)) break;
      CAPTURE(q, n);
      const CycleTypeSummary summary =
          scan_summary(Field::from_order(q), static_cast<int>(n), true, "algebraic", *runner);
      CHECK(summary.maximal_length == primitive_count(q, n));
      CHECK(summary.irreducible + (n == 1 ? 1 : 0) == irreducible_count(q, n));
    }
  }
}

TEST_CASE("a summary names, for each cycle type, the first polynomial in scan order that has it", "[scan][threads]") {
  const std::unique_ptr<Runner> sequential = make_sequential_runner();
  const std::unique_ptr<Runner> threads = make_thread_runner(2);
  for (const unsigned q : {2U, 3U, 4U}) {
    const Field field = Field::from_order(q);
    const int n = q == 2 ? 6 : 3;
    CAPTURE(q, n);
    // The first of each type, by enumerating the scan's registers one by one in order.
    const PolynomialScan scan(field, n, false);
    std::map<std::map<mpz_class, mpz_class>, std::string> first;
    for (std::uint64_t i = 0; i < scan.size(); ++i) {
      const Polynomial f = scan.at(i);
      first.try_emplace(enumerate(linear_map_of(Lfsr{f, Form::fibonacci}), *sequential).cycles, f.to_string());
    }
    // The batch engine's workers finish out of order, but report in order.
    const CycleTypeSummary summary = scan_summary(field, n, false, "enumerate", *threads);
    CHECK(summary.examples() == first);
    // Held by name: a range-for over a member of the temporary json() would read freed memory.
    const nlohmann::ordered_json json = summary.json();
    for (const auto& type : json["cycle_types"]) {
      std::map<mpz_class, mpz_class> cycles;
      for (const auto& cycle : type["cycles"])
        cycles[mpz_class(cycle["length"].get<std::uint64_t>())] = cycle["count"].get<std::uint64_t>();
      CHECK(type["example"] == first.at(cycles));
    }
  }
}
