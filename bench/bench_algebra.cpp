// The algebraic method's figures: random degree-64 registers, the default table proven primitive,
// x^1024 - 1 and x^1024 + x + 1; `bench_algebra factor D` times one 2^D - 1; `bench_algebra matrix [n] [runs]
// [tables] [q ...]` times rank and characteristic polynomial of random n x n matrices over GF(p^k), on the
// log tables against NTL's mat_GF2E / mat_zz_pE in the same run (`tables`: the tables alone, in
// processor time; a prime q times chi on residues and rank on NTL, as the library runs them). Never asserts.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "algebra/characteristic_polynomial.hpp"
#include "algebra/integer_factoring.hpp"
#include "algebra/log_table_matrix.hpp"
#include "bench_clock.hpp"
#include "field/ntl_field.hpp"
#include "lfsr/algebra.hpp"
#include "lfsr/matrix.hpp"

using namespace lfsr;
using lfsr::bench::Clock;
using lfsr::bench::seconds_since;

namespace {

Polynomial random_polynomial(const Field& field, int degree, std::mt19937_64& random) {
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(degree) + 1);
  for (auto& c : coefficients) c = static_cast<std::uint32_t>(random() % field.q());
  coefficients.back() = 1;
  return Polynomial(field, coefficients);
}

// Rank and chi of one random n x n matrix per field, tables and NTL, the best of `repeats` runs each;
// without NTL (`with_ntl` false) the tables alone, with their processor time, for a busy machine.
void bench_matrices(int n, int repeats, bool with_ntl, std::vector<std::uint32_t> fields) {
  std::mt19937_64 random(512);
  if (fields.empty()) fields = {4u, 9u, 16u, 25u, 256u, 59049u, 65536u};
  for (const std::uint32_t q : fields) {
    const Field field = Field::from_order(q);
    Matrix a{field, n, std::vector<std::uint32_t>(static_cast<std::size_t>(n) * static_cast<std::size_t>(n))};
    for (auto& e : a.entries) e = static_cast<std::uint32_t>(random() % q);
    const auto best = [&](auto&& run) {
      double fastest = 1e300;
      for (int r = 0; r < repeats; ++r) {
        const auto start = Clock::now();
        run();
        fastest = std::min(fastest, seconds_since(start));
      }
      return fastest;
    };
    if (!with_ntl) {
      const auto cpu = [](auto&& run) {
        const std::clock_t start = std::clock();
        run();
        return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
      };
      double rank_cpu = 1e300, chi_cpu = 1e300;
      const std::optional<detail::LogTableField> tables =
          field.is_prime() ? std::nullopt : std::optional<detail::LogTableField>(field);
      const auto rank = [&] {
        if (!tables) {
          detail::with_ntl_field(field, [&]<class Poly>(std::type_identity<Poly>) {
            detail::NtlMatrix<Poly> m = detail::to_ntl_matrix<Poly>(a.entries, n);
            return NTL::gauss(m);
          });
          return;
        }
        detail::table_rank(*tables, detail::table_matrix(a.entries, n));
      };
      for (int r = 0; r < repeats; ++r) {
        rank_cpu = std::min(rank_cpu, cpu(rank));
        chi_cpu = std::min(chi_cpu, cpu([&] { characteristic_polynomial(a); }));
      }
      fmt::print("GF({}) {}x{}: rank {:.3f} s, chi {:.3f} s (processor time, best of {})\n", q, n, n, rank_cpu, chi_cpu,
                 repeats);
      continue;
    }
    if (field.is_prime()) {  // no log tables over GF(p): NTL is both paths' rank
      fmt::print("GF({}): timed with `tables` only\n", q);
      continue;
    }
    long table_rank = 0, ntl_rank = 0;
    const double table_rank_s = best([&] {
      const detail::LogTableField tables(field);
      table_rank = detail::table_rank(tables, detail::table_matrix(a.entries, n));
    });
    const double ntl_rank_s = best([&] {
      ntl_rank = detail::with_ntl_field(field, [&]<class Poly>(std::type_identity<Poly>) {
        detail::NtlMatrix<Poly> m = detail::to_ntl_matrix<Poly>(a.entries, n);
        return NTL::gauss(m);
      });
    });
    bool same = false;
    Polynomial chi = parse_polynomial("x", field);
    const double table_chi_s = best([&] { chi = characteristic_polynomial(a); });
    const double ntl_chi_s = best([&] { same = detail::characteristic_polynomial_by_ntl(a) == chi; });
    fmt::print("GF({}) {}x{}: rank {:.3f} s (NTL {:.3f} s, {:.1f}x), chi {:.3f} s (NTL {:.3f} s, {:.1f}x), {}\n", q, n,
               n, table_rank_s, ntl_rank_s, ntl_rank_s / table_rank_s, table_chi_s, ntl_chi_s, ntl_chi_s / table_chi_s,
               table_rank == ntl_rank && same ? "results identical" : "RESULTS DIFFER");
  }
}

}  // namespace

int main(int argc, char** argv) {
#ifndef NDEBUG
  fmt::print("warning: debug build, figures are not representative\n");
#endif
  if (argc == 3 && std::string(argv[1]) == "factor") {
    // One 2^d - 1 in a fresh process, so that no cached cyclotomic factor helps (bench/factor_scan.sh).
    const long d = std::atol(argv[2]);
    const auto start = Clock::now();
    const auto factors = detail::factor_power_minus_one(2, d, AlgebraOptions{});
    fmt::print("2^{}-1 {:.3f} s {}\n", d, seconds_since(start),
               factors.unfactored.empty() ? "factored" : "not factored");
    return 0;
  }
  if (argc >= 2 && std::string(argv[1]) == "matrix") {
    const bool tables_only = argc >= 5 && std::string(argv[4]) == "tables";
    std::vector<std::uint32_t> fields;
    for (int i = tables_only ? 5 : 4; i < argc; ++i) fields.push_back(static_cast<std::uint32_t>(std::atol(argv[i])));
    bench_matrices(argc >= 3 ? std::atoi(argv[2]) : 512, argc >= 4 ? std::atoi(argv[3]) : 3, !tables_only, fields);
    return 0;
  }
  const Field gf2 = Field::from_order(2);
  std::mt19937_64 random(64);

  {
    constexpr int count = 1000;
    std::vector<Polynomial> polynomials;
    for (int i = 0; i < count; ++i) polynomials.push_back(random_polynomial(gf2, 64, random));
    const auto start = Clock::now();
    std::size_t lengths = 0;
    for (const Polynomial& f : polynomials) lengths += algebraic_cycle_structure(f).cycles.size();
    const double seconds = seconds_since(start);
    fmt::print("{} random polynomials of degree 64 over GF(2): {:.3f} s, {:.3f} ms each ({} cycle lengths in all)\n",
               count, seconds, 1000 * seconds / count, lengths);
  }
  {
    const auto start = Clock::now();
    int primitive = 0;
    for (int bits = min_default_bits; bits <= max_default_bits(); ++bits)
      primitive += is_primitive(default_maximal_polynomial(bits)) ? 1 : 0;
    fmt::print("default table, degrees {}..{}: {} of {} proven primitive in {:.3f} s\n", min_default_bits,
               max_default_bits(), primitive, max_default_bits() - min_default_bits + 1, seconds_since(start));
  }
  for (const char* text : {"x^1024+1", "x^1024+x+1"}) {
    const auto start = Clock::now();
    const CycleStructure result = algebraic_cycle_structure(parse_polynomial(text, gf2));
    fmt::print("{} over GF(2): {:.3f} s, {} cycle lengths, {} cycles\n", text, seconds_since(start),
               result.cycles.size(),
               result.total_cycles().get_str().size() > 30
                   ? fmt::format("{}-digit number of", result.total_cycles().get_str().size())
                   : result.total_cycles().get_str());
  }
}
