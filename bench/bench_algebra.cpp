// The algebraic method's figures: random degree-64 registers, the default table proven primitive,
// x^1024 - 1 and x^1024 + x + 1; `bench_algebra factor D` times one 2^D - 1. Never asserts.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "algebra/integer_factoring.hpp"
#include "lfsr/algebra.hpp"

using namespace lfsr;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

Polynomial random_polynomial(const Field& field, int degree, std::mt19937_64& random) {
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(degree) + 1);
  for (auto& c : coefficients) c = static_cast<std::uint32_t>(random() % field.q());
  coefficients.back() = 1;
  return Polynomial(field, coefficients);
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
