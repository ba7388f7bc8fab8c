// Prime factors of q^d - 1: the cyclotomic split q^d - 1 = prod_{m | d} Phi_m(q), then per piece
// trial division by the only possible candidates, FLINT's ECM, quadratic sieve and primality proof.
//
// Limits (AlgebraOptions), measured on a 2-core x86-64 of the project's CI kind with FLINT 2.9; a
// hopeless integer costs a few seconds, then it is reported as unfactored:
// - ECM (fmpz_factor_smooth) hunting factors of up to ecm_bits = 52 bits on a 512-bit cofactor,
//   adjusted by 4 bits per halving or doubling of its size: a fruitless search takes 0.8 s at 256
//   bits (56-bit factors), 0.7 s at 512, 1.2 s at 1024 (48), 1.8 s at 2048 (44), 2.5 s at 4096 (40).
// - Quadratic sieve (fmpz_factor, in a child process: see sieve_process.hpp) on composites of up to
//   sieve_bits = 200 bits: at most about 3 s (a balanced 200-bit semiprime; 160 bits take 0.2 s).
// - APRCL proof (fmpz_is_prime) of probable primes of up to prove_bits = 1300 bits: at most about 3 s
//   (1000 bits 1.1 s, 2000 bits 18 s). Larger probable primes are proven only when n - 1 or n + 1
//   factors far enough (Mersenne primes do), else they are not taken on trust.
// Whatever is left is reported as unfactored; the caller decides whether the order still follows.
#include "integer_factoring.hpp"

#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpz_factor.h>
#include <flint/ulong_extras.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <utility>

#include "lfsr/error.hpp"
#include "sieve_process.hpp"

namespace lfsr::detail {

namespace {

// Candidates r = 1 + k * step tried by division before FLINT sees a piece: cheap even on
// thousand-digit values, and they catch the many small factors of Phi_m(q).
constexpr unsigned long trial_candidates = 1UL << 16;

// The factorization of one cyclotomic value Phi_m(q), as far as the limits reached.
struct CyclotomicFactors {
  std::vector<mpz_class> primes;
  std::vector<Cofactor> unfactored;  // empty when complete
  AlgebraOptions limits;             // the limits it was computed with
};

// RAII holder: FLINT integers need init/clear.
class Fmpz {
 public:
  Fmpz() { fmpz_init(value_); }
  explicit Fmpz(const mpz_class& value) : Fmpz() { fmpz_set_mpz(value_, value.get_mpz_t()); }
  ~Fmpz() { fmpz_clear(value_); }
  Fmpz(const Fmpz&) = delete;
  Fmpz& operator=(const Fmpz&) = delete;
  fmpz* get() { return value_; }
  const fmpz* get() const { return value_; }
  mpz_class value() const {
    mpz_class out;
    fmpz_get_mpz(out.get_mpz_t(), value_);
    return out;
  }

 private:
  fmpz_t value_;
};

class FmpzFactorization {
 public:
  FmpzFactorization() { fmpz_factor_init(factors_); }
  ~FmpzFactorization() { fmpz_factor_clear(factors_); }
  FmpzFactorization(const FmpzFactorization&) = delete;
  FmpzFactorization& operator=(const FmpzFactorization&) = delete;
  fmpz_factor_struct* get() { return factors_; }
  std::vector<mpz_class> bases() const {
    std::vector<mpz_class> out(static_cast<std::size_t>(factors_->num));
    for (slong i = 0; i < factors_->num; ++i)
      fmpz_get_mpz(out[static_cast<std::size_t>(i)].get_mpz_t(), factors_->p + i);
    return out;
  }

 private:
  fmpz_factor_t factors_;
};

long bits(const mpz_class& n) { return static_cast<long>(mpz_sizeinbase(n.get_mpz_t(), 2)); }

bool at_least(const AlgebraOptions& a, const AlgebraOptions& b) {
  return a.ecm_bits >= b.ecm_bits && a.sieve_bits >= b.sieve_bits && a.prove_bits >= b.prove_bits;
}

std::vector<long> divisors(long n) {
  std::vector<long> out;
  for (long k = 1; k * k <= n; ++k) {
    if (n % k != 0) continue;
    out.push_back(k);
    if (k != n / k) out.push_back(n / k);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<long> prime_divisors(long n) {
  std::vector<long> out;
  for (long r = 2; r * r <= n; ++r) {
    if (n % r != 0) continue;
    out.push_back(r);
    while (n % r == 0) n /= r;
  }
  if (n > 1) out.push_back(n);
  return out;
}

// Moebius function mu(n).
int moebius(long n) {
  int sign = 1;
  for (long r = 2; r * r <= n; ++r) {
    if (n % r != 0) continue;
    n /= r;
    if (n % r == 0) return 0;
    sign = -sign;
  }
  return n > 1 ? -sign : sign;
}

// Phi_m(q) = prod_{k | m} (q^k - 1)^mu(m/k).
mpz_class cyclotomic_value(std::uint32_t q, long m) {
  mpz_class numerator = 1;
  mpz_class denominator = 1;
  for (long k : divisors(m)) {
    const int mu = moebius(m / k);
    if (mu == 1) numerator *= power_minus_one(q, k);
    if (mu == -1) denominator *= power_minus_one(q, k);
  }
  mpz_class quotient;
  mpz_divexact(quotient.get_mpz_t(), numerator.get_mpz_t(), denominator.get_mpz_t());
  return quotient;
}

// ECM's reach on an n-bit cofactor: ecm_bits at 512 bits, 4 bits less per doubling of n (each
// curve costs more), 4 more at 256 bits or below. Each step of 4 bits doubles the time.
long ecm_reach(long n_bits, int ecm_bits) {
  long reach = ecm_bits + 4;
  for (long size = 256; size < n_bits; size *= 2) reach -= 4;
  return std::max(reach, 16L);
}

enum class Primality { prime, composite, unproven };

// Whether n - 1 or n + 1 has a factored part F that proves n prime (Pocklington: F | n - 1,
// F^2 >= n; Morrison: F | n + 1, (F - 1)^2 > n), from its prime factors below 2^20. Instant for
// Mersenne primes (n + 1 = 2^p), which APRCL would take minutes over.
bool has_cheap_primality_proof(const Fmpz& n) {
  constexpr ulong trial_limit = 1UL << 20;
  const auto capacity = static_cast<std::size_t>(fmpz_bits(n.get())) + 2;
  std::vector<mp_limb_t> pm1(capacity), pp1(capacity);
  slong num_pm1 = 0, num_pp1 = 0;
  _fmpz_nm1_trial_factors(n.get(), pm1.data(), &num_pm1, trial_limit);
  _fmpz_np1_trial_factors(n.get(), pp1.data(), &num_pp1, trial_limit);
  Fmpz factored, rest, square;
  if (fmpz_is_prime_pocklington(factored.get(), rest.get(), n.get(), pm1.data(), num_pm1) == 1) {
    fmpz_mul(square.get(), factored.get(), factored.get());
    if (fmpz_cmp(square.get(), n.get()) >= 0) return true;
  }
  if (fmpz_is_prime_morrison(factored.get(), rest.get(), n.get(), pp1.data(), num_pp1) == 1) {
    fmpz_sub_ui(factored.get(), factored.get(), 1);
    fmpz_mul(square.get(), factored.get(), factored.get());
    if (fmpz_cmp(square.get(), n.get()) > 0) return true;
  }
  return false;
}

Primality primality(const mpz_class& n, const AlgebraOptions& limits) {
  const Fmpz value(n);
  if (!fmpz_is_probabprime(value.get())) return Primality::composite;
  if (bits(n) > limits.prove_bits) return has_cheap_primality_proof(value) ? Primality::prime : Primality::unproven;
  const int proven = fmpz_is_prime(value.get());
  return proven == 1 ? Primality::prime : proven == 0 ? Primality::composite : Primality::unproven;
}

// Splits n (> 1, free of the primes already found) into result.primes and result.unfactored.
void split(long m, const mpz_class& n, bool ecm_allowed, CyclotomicFactors& result) {
  const AlgebraOptions& limits = result.limits;
  const Primality kind = primality(n, limits);
  if (kind == Primality::prime) {
    result.primes.push_back(n);
    return;
  }
  if (kind == Primality::unproven) {
    result.unfactored.push_back({m, n, true});
    return;
  }
  {
    const Fmpz value(n);
    Fmpz root;
    if (fmpz_is_perfect_power(root.get(), value.get()) > 1) return split(m, root.value(), ecm_allowed, result);
  }
  if (bits(n) <= 64) {
    n_factor_t factors;  // one-limb methods: no sieve
    n_factor_init(&factors);
    n_factor(&factors, n.get_ui(), 1);
    for (int i = 0; i < factors.num; ++i) result.primes.emplace_back(factors.p[i]);
    return;
  }
  if (bits(n) <= limits.sieve_bits) {
    for (const mpz_class& r : factor_in_child_process(n)) {
      if (r < 2 || !mpz_divisible_p(n.get_mpz_t(), r.get_mpz_t())) {
        throw InternalError(fmt::format("FLINT returned {} as a factor of {}", r.get_str(), n.get_str()));
      }
      result.primes.push_back(r);
    }
    return;
  }
  if (!ecm_allowed || limits.ecm_bits <= 0) {
    result.unfactored.push_back({m, n, false});
    return;
  }
  FmpzFactorization factors;
  const Fmpz value(n);
  fmpz_factor_smooth(factors.get(), value.get(), ecm_reach(bits(n), limits.ecm_bits), 0);
  const std::vector<mpz_class> pieces = factors.bases();
  if (pieces.size() == 1 && pieces.front() == n) {
    result.unfactored.push_back({m, n, false});
    return;
  }
  for (const mpz_class& piece : pieces) split(m, piece, false, result);
}

CyclotomicFactors factor_cyclotomic_value(std::uint32_t q, long m, const AlgebraOptions& limits) {
  CyclotomicFactors result;
  result.limits = limits;
  mpz_class n = cyclotomic_value(q, m);
  auto take = [&](const mpz_class& r) {
    result.primes.push_back(r);
    mpz_remove(n.get_mpz_t(), n.get_mpz_t(), r.get_mpz_t());
  };
  // A prime factor of Phi_m(q) divides m or is 1 mod m; for odd m > 1 it is odd, so 1 mod 2m.
  for (long r : prime_divisors(m)) {
    if (mpz_divisible_ui_p(n.get_mpz_t(), static_cast<unsigned long>(r)) != 0) take(r);
  }
  const auto step = static_cast<unsigned long>(m % 2 == 1 && m > 1 ? 2 * m : m);
  mpz_class root = sqrt(n);
  for (unsigned long k = 1; k <= trial_candidates && n > 1; ++k) {
    const unsigned long r = 1 + k * step;
    if (root < r) break;  // n is 1 or prime
    // The least candidate dividing n is prime: its prime factors are candidates too, and smaller.
    if (mpz_divisible_ui_p(n.get_mpz_t(), r) != 0) {
      take(mpz_class(r));
      root = sqrt(n);
    }
  }
  if (n > 1) {
    if (root < 1 + (trial_candidates + 1) * step) {
      result.primes.push_back(n);  // no factor up to its square root
    } else {
      split(m, n, true, result);
    }
  }
  std::sort(result.primes.begin(), result.primes.end());
  return result;
}

// Process-wide: an order computation for a degree-d factor asks for the same pieces again and again.
std::mutex cache_mutex;
std::map<std::pair<std::uint32_t, long>, CyclotomicFactors> cache;

CyclotomicFactors cached_cyclotomic_factors(std::uint32_t q, long m, const AlgebraOptions& limits) {
  const auto key = std::pair{q, m};
  {
    const std::lock_guard lock(cache_mutex);
    const auto it = cache.find(key);
    if (it != cache.end() && (it->second.unfactored.empty() || at_least(it->second.limits, limits))) return it->second;
  }
  CyclotomicFactors computed = factor_cyclotomic_value(q, m, limits);
  // FLINT keeps per-thread caches (freed integers, prime tables) that leak when a thread exits.
  flint_cleanup();
  const std::lock_guard lock(cache_mutex);
  auto [it, inserted] = cache.try_emplace(key, computed);
  if (!inserted && (computed.unfactored.empty() || at_least(computed.limits, it->second.limits))) it->second = computed;
  return computed;
}

}  // namespace

mpz_class power_minus_one(std::uint32_t q, long d) {
  mpz_class power;
  mpz_ui_pow_ui(power.get_mpz_t(), q, static_cast<unsigned long>(d));
  return power - 1;
}

PowerMinusOneFactors factor_power_minus_one(std::uint32_t q, long d, const AlgebraOptions& limits) {
  PowerMinusOneFactors result;
  for (long m : divisors(d)) {
    CyclotomicFactors piece = cached_cyclotomic_factors(q, m, limits);
    result.primes.insert(result.primes.end(), piece.primes.begin(), piece.primes.end());
    result.unfactored.insert(result.unfactored.end(), piece.unfactored.begin(), piece.unfactored.end());
  }
  std::sort(result.primes.begin(), result.primes.end());
  result.primes.erase(std::unique(result.primes.begin(), result.primes.end()), result.primes.end());
  return result;
}

}  // namespace lfsr::detail
