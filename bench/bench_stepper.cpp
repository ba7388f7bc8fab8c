// States per second of the kernel with_stepper picks, stepping a dependent chain x = next(x) as the
// walks do and consecutive states as the image pass does, against the old digit-by-digit loop
// timed in the same run. Prints figures; never asserts.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <random>
#include <string>
#include <typeinfo>

#include "engine/stepper.hpp"

using namespace lfsr;

namespace {

using Clock = std::chrono::steady_clock;

// The kernel this benchmark replaced: every base-p digit extracted by division, one dot product
// mod p per output digit.
class OldDigitStepper {
 public:
  explicit OldDigitStepper(const LinearMap& map) : p_(map.p), dimension_(map.dimension), matrix_(map.matrix) {}
  std::uint64_t next(std::uint64_t state) const {
    std::array<std::uint64_t, 64> digits{};
    const auto n = static_cast<std::size_t>(dimension_);
    for (std::size_t i = 0; i < n; ++i, state /= p_) digits[i] = state % p_;
    std::uint64_t next = 0;
    for (std::size_t row = n; row-- > 0;) {
      const std::uint32_t* entries = &matrix_[row * n];
      std::uint64_t digit = 0;
      for (std::size_t col = 0; col < n; ++col) digit = (digit + entries[col] * digits[col]) % p_;
      next = next * p_ + digit;
    }
    return next;
  }

 private:
  std::uint32_t p_;
  int dimension_;
  std::vector<std::uint32_t> matrix_;
};

// Best of `repeats` runs of `steps` dependent steps from state 1; states per second.
template <class Stepper>
double chain_rate(const Stepper& stepper, std::uint64_t steps, int repeats) {
  double best = 1e300;
  std::uint64_t state = 1;
  for (int r = 0; r < repeats; ++r) {
    const auto start = Clock::now();
    for (std::uint64_t i = 0; i < steps; ++i) state = stepper.next(state);
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  if (state == ~std::uint64_t{0}) fmt::print("unreachable\n");  // keeps the chain alive
  return static_cast<double>(steps) / best;
}

// Best of `repeats` runs over `steps` consecutive states (wrapping at `states`); states per second.
template <class Stepper>
double sweep_rate(const Stepper& stepper, std::uint64_t states, std::uint64_t steps, int repeats) {
  double best = 1e300;
  std::uint64_t sum = 0;
  for (int r = 0; r < repeats; ++r) {
    const auto start = Clock::now();
    for (std::uint64_t i = 0, state = 0; i < steps; ++i, state = state + 1 == states ? 0 : state + 1)
      sum += stepper.next(state);
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  if (sum == 1) fmt::print("unreachable\n");
  return static_cast<double>(steps) / best;
}

LinearMap random_invertible_map(std::uint32_t p, int n, std::mt19937_64& random) {
  LinearMap map;
  map.p = p;
  map.dimension = n;
  map.matrix.resize(static_cast<std::size_t>(n) * static_cast<std::size_t>(n));
  do {
    for (std::uint32_t& entry : map.matrix) entry = static_cast<std::uint32_t>(random() % p);
  } while (!map.is_invertible());
  return map;
}

LinearMap lfsr_map(std::uint32_t q, const char* polynomial, Form form) {
  LinearMap map = linear_map_of(Lfsr{parse_polynomial(polynomial, Field::from_order(q)), form});
  map.kind = LinearMap::Kind::general;
  return map;
}

void measure(const std::string& label, const LinearMap& map, std::uint64_t steps, int repeats) {
  const std::uint64_t states = map.state_count();
  with_stepper(map, [&](const auto& stepper) {
    const std::string kernel =
        std::is_same_v<std::decay_t<decltype(stepper)>, Gf2MatrixStepper> ? "Gf2Matrix" : "GfpMatrix";
    const double chain = chain_rate(stepper, steps, repeats);
    const double sweep = sweep_rate(stepper, states, steps, repeats);
    const double old_chain = chain_rate(OldDigitStepper(map), steps / 16, repeats);
    fmt::print("{:<34} {:>5} {:>3} {:<10} {:>10.3g} {:>10.3g} {:>10.3g} {:>8.1f}x\n", label, map.p, map.dimension,
               kernel, chain, sweep, old_chain, chain / old_chain);
  });
}

}  // namespace

int main(int argc, char** argv) {
#ifndef NDEBUG
  fmt::print("warning: debug build, figures are not representative\n");
#endif
  const std::uint64_t steps = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 50'000'000;
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  fmt::print("usage: bench_stepper [steps=50000000] [repeats=3]; best of {} runs, one thread\n", repeats);
  fmt::print("chain: x = next(x) (the walks); sweep: next(x) for consecutive x (the image pass); old: digit loop\n");
  fmt::print("{:<34} {:>5} {:>3} {:<10} {:>10} {:>10} {:>10} {:>9}\n", "map", "p", "n", "kernel", "chain/s", "sweep/s",
             "old/s", "chain/old");
  std::mt19937_64 random(2024);
  measure("LFSR x^15+2*x^2+1 fibonacci", lfsr_map(3, "x^15+2*x^2+1", Form::fibonacci), steps, repeats);
  measure("LFSR x^15+2*x^2+1 galois", lfsr_map(3, "x^15+2*x^2+1", Form::galois), steps, repeats);
  measure("random invertible", random_invertible_map(3, 15, random), steps, repeats);
  fmt::print("GF(p^k) registers, expanded to GF(p) maps of dimension k n:\n");
  measure("GF(4) x^12+x^3+a*x+1", lfsr_map(4, "x^12+x^3+a*x+1", Form::fibonacci), steps, repeats);
  measure("GF(16) x^6+a*x+a^3", lfsr_map(16, "x^6+a*x+a^3", Form::fibonacci), steps, repeats);
  measure("GF(256) x^3+a*x^2+(a+1)*x+a^7", lfsr_map(256, "x^3+a*x^2+(a+1)*x+a^7", Form::galois), steps, repeats);
  measure("GF(9) x^7+a*x+2", lfsr_map(9, "x^7+a*x+2", Form::fibonacci), steps, repeats);
  measure("random invertible", random_invertible_map(2, 24, random), steps, repeats);
  measure("random invertible", random_invertible_map(5, 10, random), steps, repeats);
  measure("random invertible", random_invertible_map(7, 8, random), steps, repeats);
  measure("random invertible", random_invertible_map(251, 4, random), steps, repeats);
  measure("random invertible", random_invertible_map(65521, 2, random), steps, repeats);
  fmt::print("largest dimensions (p^n close to 2^40):\n");
  measure("random invertible", random_invertible_map(2, 40, random), steps, repeats);
  measure("random invertible", random_invertible_map(3, 25, random), steps, repeats);
  measure("random invertible", random_invertible_map(13, 10, random), steps, repeats);
  measure("random invertible", random_invertible_map(251, 5, random), steps, repeats);
  measure("random invertible", random_invertible_map(4099, 3, random), steps, repeats);
}
