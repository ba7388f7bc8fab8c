// Cycle structure from the factorization of the characteristic polynomial: no state is visited.
#pragma once

#include <gmpxx.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "lfsr/cycle_structure.hpp"
#include "lfsr/lfsr.hpp"
#include "lfsr/matrix.hpp"
#include "lfsr/polynomial.hpp"

namespace lfsr {

// Default and largest time bound of the factoring for one register (--factor-seconds).
inline constexpr double default_factor_seconds = 10;
inline constexpr double max_factor_seconds = 86400;

// The factoring time (processor seconds) of one register (a single run, one batch or scan line), shared by every
// q^d - 1 its analysis factors: each factorization may use what the ones before it left.
// Thread-safe; shared by AlgebraOptions copies through a shared_ptr.
class FactoringBudget {
 public:
  explicit FactoringBudget(double seconds) : seconds_(seconds) {}
  double seconds() const { return seconds_; }
  double left() const { return seconds_ - static_cast<double>(spent_microseconds_.load()) * 1e-6; }
  void spend(double seconds) { spent_microseconds_ += static_cast<std::int64_t>(seconds * 1e6); }

 private:
  double seconds_;
  std::atomic<std::int64_t> spent_microseconds_{0};
};

// How hard to work at factoring q^d - 1, which the order of a degree-d factor needs. Past these
// limits no order is guessed: the call throws ResourceError naming what was left unfactored.
// factor_seconds is a deadline in processor time across the whole factorization of one q^d - 1
// (or, with a budget, across every one of a register); the size limits below are the effort at
// the default bound and grow with it (docs in src/algebra/integer_factoring.cpp).
struct AlgebraOptions {
  int ecm_bits = 52;      // elliptic-curve search for prime factors of up to this many bits (on 512 bits)
  int sieve_bits = 200;   // a composite cofactor of at most this many bits goes to the quadratic sieve
  int prove_bits = 1300;  // a probable-prime cofactor is proven prime (APRCL) up to this many bits
  double factor_seconds = default_factor_seconds;  // 0 < factor_seconds <= max_factor_seconds
  // The time left for this register; without one, each q^d - 1 gets factor_seconds of its own.
  std::shared_ptr<FactoringBudget> budget = nullptr;
};

// Options for one register: `seconds` of factoring shared by all it asks for.
AlgebraOptions register_algebra_options(double seconds);

// Most distinct cycle lengths a result may have. Factors whose orders are many distinct primes
// make 2^(number of factors) lengths (a few hundred bytes each); typical registers have dozens.
inline constexpr std::size_t max_cycle_lengths = std::size_t{1} << 22;

// Representatives cost a state and a minimal polynomial of degree <= n per cycle length: a result
// whose lengths times (n + 1) exceed this carries none (representatives empty), which bounds them
// to about 128 MiB (65,536 lengths at n = 511, 32,767 at n = 1024; typical registers have dozens).
inline constexpr std::size_t max_represented_coefficients = std::size_t{1} << 25;

// The exact cycle structure of the LFSR with characteristic polynomial f (either form: both have
// the same one), without representatives (their states depend on the form). Equals enumerate()'s
// result as == compares. Throws ResourceError when the order of some irreducible factor cannot be
// found within `options`, or past max_cycle_lengths.
CycleStructure algebraic_cycle_structure(const Polynomial& f, const AlgebraOptions& options = {});

// The same with representatives in the register's form: for every cycle length a state of that
// period and tail 0, built from the primary decomposition, with its minimal polynomial (none past
// max_represented_coefficients); and longest_tail_state when there are transient states (Galois: 1; Fibonacci: q^(n-1),
// the state (0, ..., 0, 1)). Throws as algebraic_cycle_structure(f) does.
CycleStructure algebraic_cycle_structure(const Lfsr& lfsr, const AlgebraOptions& options = {});

// The exact cycle structure of v -> A v, from chi = x^e0 prod P_i^e_i and the kernel dimensions
// dim ker P_i(A)^j and dim ker A^j, found by ranks (docs/theory.md, "Primary decomposition"). Equals
// enumerate()'s result for linear_map_of(a.field, a.n, a.entries), with representatives and
// longest_tail_state (the first basis vector e_k, index q^k, whose tail is max_tail) as for an
// LFSR. Throws InputError when check_matrix does, and ResourceError as algebraic_cycle_structure(f) does.
CycleStructure algebraic_cycle_structure(const Matrix& a, const AlgebraOptions& options = {});

// Whether f is irreducible over its field.
bool is_irreducible(const Polynomial& f);

// Whether f is primitive (irreducible of order q^n - 1): the LFSR has maximal length. Throws
// ResourceError when q^n - 1 cannot be factored far enough to decide.
bool is_primitive(const Polynomial& f, const AlgebraOptions& options = {});

// ord(f), the least e > 0 with f | x^e - 1. Throws InputError when f(0) = 0 (no such e), and
// ResourceError as algebraic_cycle_structure does.
mpz_class polynomial_order(const Polynomial& f, const AlgebraOptions& options = {});

}  // namespace lfsr
