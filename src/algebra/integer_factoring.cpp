// Prime factors of q^d - 1: the cyclotomic split q^d - 1 = prod_{m | d} Phi_m(q), then per piece
// trial division by the only possible candidates, then FLINT's elliptic curves (ECM), quadratic
// sieve and primality proofs, all within a deadline.
//
// The time bound (AlgebraOptions::factor_seconds, --factor-seconds, default 10 s) is a deadline in
// processor time (runners/cpu_deadline.hpp: the thread's and its helper processes', so that load
// and worker counts do not change answers) across the whole factorization of one q^d - 1, or of
// every one a register needs when it has a FactoringBudget. It is checked between stages, between the trial
// divisions and between batches of elliptic curves (each batch about 0.1 s); the quadratic sieve
// and the APRCL proofs of more than a quarter of a second run in a child process that is killed
// when its processor time reaches the deadline (sieve_process.hpp). A stage that cannot be
// interrupted (a probable-prime test, an in-process proof) is started only when its cost,
// estimated from the size, fits in the time left.
//
// Two passes over the pieces Phi_m(q) not in the cache, in increasing m: first the cheap trial
// division of each piece, then the expensive stages. When the first pass leaves a cofactor whose
// size alone shows that it cannot be finished in time, the factorization stops there: that
// cofactor is reported "too large", and the pieces after it are not even trial-divided. Too large means: beyond the
// sieve, and either a probable-prime test alone would take longer than the time bound, or it exceeds prove_bits plus
// eight factors of ECM's reach (ECM would have to split off more than eight factors of its largest
// size to leave a prime APRCL can prove) and neither n - 1 nor n + 1 has a part over the primes
// below 2^12 of at least sqrt(n), as the large Mersenne and Fermat primes have, proven here without
// APRCL. `lfsr-analyze --bits 99999` is so refused at once (Phi_11111(2) has 10800 bits).
//
// Effort limits (AlgebraOptions at the default bound; effort_for scales them with the bound),
// measured on a 2-core x86-64 of the project's CI kind with FLINT 2.9; a hopeless integer costs
// a few seconds, then it is reported as unfactored:
// - ECM hunting factors of up to ecm_bits = 52 bits on a 512-bit cofactor, adjusted by 4 bits per
//   halving or doubling of its size, in levels of 6 bits from 20 bits up (B1 = 20 * 2^((t-20)/4)
//   for t-bit factors, B2 = 100 B1, 8 + t/2 curves up to 56 bits, 8 more per bit beyond): about a
//   second at 512 bits, 2.5 s at 4096.
// - Quadratic sieve (fmpz_factor, in a child process) on composites of up to sieve_bits = 200 bits:
//   at most about 3 s (a balanced 200-bit semiprime; 160 bits take 0.2 s).
// - APRCL proof (fmpz_is_prime) of probable primes of up to prove_bits = 1300 bits: at most about 3 s
//   (1000 bits 1.1 s, 2000 bits 18 s: about 1.1 s * (bits/1000)^4). Larger probable primes are
//   proven only when n - 1 or n + 1 factors far enough (Mersenne primes do), else they are not
//   taken on trust.
// Whatever is left is reported as unfactored; the caller decides whether the order still follows.
#include "algebra/integer_factoring.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

#include "algebra/flint_library.hpp"
#include "algebra/sieve_process.hpp"
#include "lfsr/error.hpp"
#include "runners/cpu_deadline.hpp"

namespace lfsr::detail {

namespace {

// Candidates r = 1 + k * step tried by division before FLINT sees a piece: cheap even on
// thousand-digit values, and they catch the many small factors of Phi_m(q).
constexpr unsigned long trial_candidates = 1UL << 16;

// A word's trial divisors: up to 2^16, so that every word below 2^32 is factored without FLINT.
constexpr std::uint64_t word_trial_limit = 1U << 16;

// Trial divisions between two looks at the clock.
constexpr unsigned long candidates_per_check = 4096;

// A batch of elliptic curves runs for about this long; the deadline is checked between batches.
constexpr double ecm_batch_seconds = 0.1;

// Proofs estimated to take longer than this run in a child process that the deadline can kill.
constexpr double proof_in_child_seconds = 0.25;

// The factorization of one cyclotomic value Phi_m(q), as far as the limits reached.
struct CyclotomicFactors {
  std::vector<mpz_class> primes;
  std::vector<Cofactor> unfactored;  // empty when complete
  AlgebraOptions effort;             // the effort limits it was computed with
  double seconds = 0;                // the time it had
};

// RAII holder: FLINT integers need init/clear. Creating one loads FLINT.
class Fmpz {
 public:
  Fmpz() : flint_(flint()) { fmpz_init(value_); }
  explicit Fmpz(const mpz_class& value) : Fmpz() { flint_.fmpz_set_mpz(value_, value.get_mpz_t()); }
  ~Fmpz() { flint_.fmpz_clear(value_); }
  Fmpz(const Fmpz&) = delete;
  Fmpz& operator=(const Fmpz&) = delete;
  fmpz* get() { return value_; }
  const fmpz* get() const { return value_; }
  mpz_class value() const {
    mpz_class out;
    flint_.fmpz_get_mpz(out.get_mpz_t(), value_);
    return out;
  }

 private:
  const FlintLibrary& flint_;
  fmpz_t value_;
};

// FLINT's random state for the curves, seeded alike every time: the same integer, the same curves.
class RandomState {
 public:
  RandomState() { flint_randinit(state_); }  // inline in FLINT's header: no call into FLINT
  ~RandomState() {
    if (flint_loaded()) flint().flint_randclear(state_);  // nothing to clear when no curve ran
  }
  RandomState(const RandomState&) = delete;
  RandomState& operator=(const RandomState&) = delete;
  flint_rand_s* get() { return state_; }

 private:
  flint_rand_t state_;
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
// curve costs more), 4 more at 256 bits or below; 0 (no ECM) below 16 bits. Each step of 4 bits
// doubles the time.
long ecm_reach(long n_bits, int ecm_bits) {
  if (ecm_bits <= 0) return 0;
  long reach = ecm_bits + 4;
  for (long size = 256; size < n_bits; size *= 2) reach -= 4;
  return reach < 16 ? 0 : reach;
}

// Seconds of a probable-prime test (BPSW) on a prime of this many bits: 0.1 s at 4000 bits,
// quadratic in the size (measured 0.017 s at 2000 bits, 0.46 s at 8000, 0.83 s for 2^9689 - 1).
double probable_prime_seconds(long n_bits) {
  const double x = static_cast<double>(n_bits) / 4000;
  return 0.1 * x * x;
}

// Seconds of an APRCL proof: 1.1 s at 1000 bits, 18 s at 2000 (FLINT 2.9).
double proof_seconds(long n_bits) {
  const double x = static_cast<double>(n_bits) / 1000;
  return 1.1 * x * x * x * x;
}

// Whether n - 1 or n + 1 has a part over the primes below 2^12 of at least sqrt(n): the shape of
// the large primes has_cheap_primality_proof proves (2^p - 1, 2^(2^k) + 1). A few hundred
// divisions, cheap at any size.
bool may_have_cheap_proof(const mpz_class& n) {
  for (const int side : {-1, 1}) {
    mpz_class rest = n + side;
    mpz_class smooth = 1;
    for (unsigned long r = 2; r < 4096 && smooth * smooth < n; r = flint().n_nextprime(r, 1)) {
      if (mpz_divisible_ui_p(rest.get_mpz_t(), r) == 0) continue;
      mpz_class prime(r);
      const auto times = mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), prime.get_mpz_t());
      mpz_class power;
      mpz_pow_ui(power.get_mpz_t(), prime.get_mpz_t(), times);
      smooth *= power;
    }
    if (smooth * smooth >= n) return true;
  }
  return false;
}

// Whether the size of n (free of small factors) alone shows that it cannot be factored with this
// effort within `seconds` (see the opening comment).
bool hopeless(const mpz_class& n, const AlgebraOptions& effort, double seconds) {
  const long n_bits = bits(n);
  if (n_bits <= effort.sieve_bits) return false;
  if (probable_prime_seconds(n_bits) > seconds) return true;
  return n_bits > effort.prove_bits + 8 * ecm_reach(n_bits, effort.ecm_bits) && !may_have_cheap_proof(n);
}

// Whether n - 1 or n + 1 has a factored part F that proves n prime (Pocklington: F | n - 1,
// F^2 >= n; Morrison: F | n + 1, (F - 1)^2 > n), from its prime factors below 2^20. Instant for
// Mersenne primes (n + 1 = 2^p), which APRCL would take minutes over.
bool has_cheap_primality_proof(const Fmpz& n) {
  constexpr ulong trial_limit = 1UL << 20;
  const FlintLibrary& f = flint();
  const auto capacity = static_cast<std::size_t>(f.fmpz_bits(n.get())) + 2;
  std::vector<mp_limb_t> pm1(capacity), pp1(capacity);
  slong num_pm1 = 0, num_pp1 = 0;
  f.fmpz_nm1_trial_factors(n.get(), pm1.data(), &num_pm1, trial_limit);
  f.fmpz_np1_trial_factors(n.get(), pp1.data(), &num_pp1, trial_limit);
  Fmpz factored, rest, square;
  if (f.fmpz_is_prime_pocklington(factored.get(), rest.get(), n.get(), pm1.data(), num_pm1) == 1) {
    f.fmpz_mul(square.get(), factored.get(), factored.get());
    if (f.fmpz_cmp(square.get(), n.get()) >= 0) return true;
  }
  if (f.fmpz_is_prime_morrison(factored.get(), rest.get(), n.get(), pp1.data(), num_pp1) == 1) {
    f.fmpz_sub_ui(factored.get(), factored.get(), 1);
    f.fmpz_mul(square.get(), factored.get(), factored.get());
    if (f.fmpz_cmp(square.get(), n.get()) > 0) return true;
  }
  return false;
}

// One factorization under way: the effort, the deadline and what it found.
struct Work {
  AlgebraOptions effort;
  CpuDeadline& deadline;
  double seconds = 0;  // the time it had in all
  CyclotomicFactors& result;
  RandomState random;

  void leftover(long m, const mpz_class& n, Leftover why) { result.unfactored.push_back({m, n, why}); }
  double left() const { return deadline.left(); }
  // Out of time when a stage estimated to take `cost` seconds would end past the deadline: "too
  // large" when it would not fit in the whole bound either.
  Leftover short_of(double cost) const { return cost > seconds ? Leftover::too_large : Leftover::out_of_time; }
};

enum class Primality { prime, composite, unproven, out_of_time, too_large };

Primality primality(const mpz_class& n, Work& work) {
  const long n_bits = bits(n);
  const double test = probable_prime_seconds(n_bits);
  if (test > work.left())
    return work.short_of(test) == Leftover::too_large ? Primality::too_large : Primality::out_of_time;
  const Fmpz value(n);
  if (!flint().fmpz_is_probabprime(value.get())) return Primality::composite;
  if (n_bits > work.effort.prove_bits) {
    if (2 * test > work.left()) return Primality::out_of_time;  // the cheap proof costs about two tests
    return has_cheap_primality_proof(value) ? Primality::prime : Primality::unproven;
  }
  const double proof = proof_seconds(n_bits);
  if (proof > work.left())
    return work.short_of(proof) == Leftover::too_large ? Primality::too_large : Primality::out_of_time;
  std::optional<int> proven;
  if (proof <= proof_in_child_seconds) {
    proven = flint().fmpz_is_prime(value.get());
  } else {
    proven = prove_prime_in_child_process(n, work.deadline);
    if (!proven) return Primality::out_of_time;
  }
  return *proven == 1 ? Primality::prime : *proven == 0 ? Primality::composite : Primality::unproven;
}

// Elliptic curves on n (composite, > 64 bits, free of small factors and no perfect power), in
// levels of 6 bits up to ECM's reach: a proper factor, or nothing when the levels are done
// (`timed_out` false) or the deadline came first (true).
std::optional<mpz_class> elliptic_curve_factor(const mpz_class& n, Work& work, bool& timed_out) {
  timed_out = false;
  const long reach = ecm_reach(bits(n), work.effort.ecm_bits);
  if (reach == 0) return std::nullopt;
  std::vector<long> levels;
  for (long t = reach; t >= 20; t -= 6) levels.insert(levels.begin(), t);
  const Fmpz value(n);
  Fmpz found;
  double seconds_per_unit = 0;  // per curve and unit of B1, from the curves run so far
  for (const long t : levels) {
    const auto b1 = static_cast<mp_limb_t>(std::lround(20 * std::exp2(static_cast<double>(t - 20) / 4)));
    const mp_limb_t curves = t <= 56 ? static_cast<mp_limb_t>(8 + t / 2) : static_cast<mp_limb_t>(36 + 8 * (t - 56));
    for (mp_limb_t done = 0; done < curves;) {
      const double per_curve = seconds_per_unit * static_cast<double>(b1);
      const mp_limb_t batch =
          per_curve <= 0
              ? 1
              : std::clamp<mp_limb_t>(static_cast<mp_limb_t>(ecm_batch_seconds / per_curve), 1, curves - done);
      if (per_curve * static_cast<double>(batch) > work.left()) {
        timed_out = true;
        return std::nullopt;
      }
      const double start = thread_cpu_seconds();
      const int hit = flint().fmpz_factor_ecm(found.get(), batch, b1, 100 * b1, work.random.get(), value.get());
      const double took = thread_cpu_seconds() - start;
      seconds_per_unit = std::max(seconds_per_unit, took / static_cast<double>(batch * b1));
      done += batch;
      if (hit != 0 && flint().fmpz_cmp_ui(found.get(), 1) > 0 && flint().fmpz_cmp(found.get(), value.get()) < 0)
        return found.value();
    }
  }
  return std::nullopt;
}

// Splits n (> 1, free of the primes already found) into work.result.primes and .unfactored.
void split(long m, mpz_class n, Work& work) {
  if (n == 1) return;
  CyclotomicFactors& result = work.result;
  if (bits(n) > 64 && work.left() <= 0) return work.leftover(m, n, Leftover::out_of_time);
  if (bits(n) <= 64) {
    for (const std::uint64_t r : word_prime_factors(n.get_ui())) result.primes.emplace_back(r);
    return;
  }
  switch (primality(n, work)) {
    case Primality::prime:
      result.primes.push_back(n);
      return;
    case Primality::unproven:
      return work.leftover(m, n, Leftover::unproven_prime);
    case Primality::out_of_time:
      return work.leftover(m, n, Leftover::out_of_time);
    case Primality::too_large:
      return work.leftover(m, n, Leftover::too_large);
    case Primality::composite:
      break;
  }
  {
    const Fmpz value(n);
    Fmpz root;
    if (flint().fmpz_is_perfect_power(root.get(), value.get()) > 1) return split(m, root.value(), work);
  }
  if (bits(n) <= work.effort.sieve_bits) {
    const std::optional<std::vector<mpz_class>> primes = factor_in_child_process(n, work.deadline);
    if (!primes) return work.leftover(m, n, Leftover::out_of_time);
    for (const mpz_class& r : *primes) {
      if (r < 2 || !mpz_divisible_p(n.get_mpz_t(), r.get_mpz_t())) {
        throw InternalError(fmt::format("FLINT returned {} as a factor of {}", r.get_str(), n.get_str()));
      }
      result.primes.push_back(r);
    }
    return;
  }
  bool timed_out = false;
  const std::optional<mpz_class> factor = elliptic_curve_factor(n, work, timed_out);
  if (!factor) return work.leftover(m, n, timed_out ? Leftover::out_of_time : Leftover::composite);
  // The factor's primes, then the cofactor without any of them.
  split(m, *factor, work);
  n /= *factor;
  for (mpz_class shared = gcd(n, *factor); shared > 1; shared = gcd(n, shared)) n /= shared;
  split(m, n, work);
}

// The first pass over Phi_m(q): its prime factors among the candidates, and what is left (1 or
// prime when nothing of it remains to be split). Sets out_of_time when the deadline stopped it.
struct TrialDivision {
  std::vector<mpz_class> primes;
  mpz_class rest;
  bool rest_is_prime = false;
  bool out_of_time = false;
};

TrialDivision trial_divide(std::uint32_t q, long m, const CpuDeadline& deadline) {
  TrialDivision out;
  mpz_class& n = out.rest;
  n = cyclotomic_value(q, m);
  auto take = [&](const mpz_class& r) {
    out.primes.push_back(r);
    mpz_remove(n.get_mpz_t(), n.get_mpz_t(), r.get_mpz_t());
  };
  // A prime factor of Phi_m(q) divides m or is 1 mod m; for odd m > 1 it is odd, so 1 mod 2m.
  for (const std::uint64_t r : word_prime_factors(static_cast<std::uint64_t>(m))) {  // m is small: no FLINT
    if (mpz_divisible_ui_p(n.get_mpz_t(), r) != 0) take(mpz_class(r));
  }
  const auto step = static_cast<unsigned long>(m % 2 == 1 && m > 1 ? 2 * m : m);
  mpz_class root = sqrt(n);
  for (unsigned long k = 1; k <= trial_candidates && n > 1; ++k) {
    if (k % candidates_per_check == 1 && bits(n) > 64 && deadline.passed()) {  // one word takes microseconds
      out.out_of_time = true;
      return out;
    }
    const unsigned long r = 1 + k * step;
    if (root < r) {  // n is 1 or prime
      out.rest_is_prime = n > 1;
      return out;
    }
    // The least candidate dividing n is prime: its prime factors are candidates too, and smaller.
    if (mpz_divisible_ui_p(n.get_mpz_t(), r) != 0) {
      take(mpz_class(r));
      root = sqrt(n);
    }
  }
  out.rest_is_prime = n > 1 && root < 1 + (trial_candidates + 1) * step;  // no factor up to its square root
  return out;
}

// Process-wide: an order computation for a degree-d factor asks for the same pieces again and again.
std::mutex cache_mutex;
std::map<std::pair<std::uint32_t, long>, CyclotomicFactors> cache;

std::optional<CyclotomicFactors> cached(std::uint32_t q, long m, const AlgebraOptions& effort, double seconds) {
  const std::lock_guard lock(cache_mutex);
  const auto it = cache.find({q, m});
  if (it == cache.end()) return std::nullopt;
  const CyclotomicFactors& known = it->second;
  if (known.unfactored.empty() || (at_least(known.effort, effort) && known.seconds >= seconds)) return known;
  return std::nullopt;
}

// Keeps a result unless the cache holds a complete one, or one computed with more effort and time.
void remember(std::uint32_t q, long m, const CyclotomicFactors& computed) {
  const std::lock_guard lock(cache_mutex);
  auto [it, inserted] = cache.try_emplace({q, m}, computed);
  if (inserted || it->second.unfactored.empty()) return;
  if (computed.unfactored.empty() ||
      (at_least(computed.effort, it->second.effort) && computed.seconds >= it->second.seconds))
    it->second = computed;
}

int scaled(int bits, double doublings, double bits_per_doubling) {
  return static_cast<int>(std::lround(bits + doublings * bits_per_doubling));
}

// "Phi_12(2)", the piece a leftover came from.
std::string piece_name(std::uint32_t q, long m) { return fmt::format("Phi_{}({})", m, q); }

}  // namespace

AlgebraOptions effort_for(const AlgebraOptions& limits) {
  AlgebraOptions effort = limits;
  const double doublings = std::log2(limits.factor_seconds / default_factor_seconds);
  if (limits.ecm_bits > 0) effort.ecm_bits = std::max(scaled(limits.ecm_bits, doublings, 4), 0);
  effort.sieve_bits = std::clamp(scaled(limits.sieve_bits, doublings, 10), 0, std::max(limits.sieve_bits, 240));
  effort.prove_bits = static_cast<int>(std::lround(limits.prove_bits * std::exp2(doublings / 4)));
  return effort;
}

std::vector<std::uint64_t> word_prime_factors(std::uint64_t n) {
  std::vector<std::uint64_t> primes;
  const auto take = [&](std::uint64_t r) {
    primes.push_back(r);
    do n /= r;
    while (n % r == 0);
  };
  if (n > 1 && n % 2 == 0) take(2);
  std::uint64_t r = 3;
  for (; r <= word_trial_limit && r * r <= n; r += 2) {
    if (n % r == 0) take(r);
  }
  if (n == 1) return primes;
  if (r * r > n) {  // no factor up to its square root
    primes.push_back(n);
    return primes;
  }
  n_factor_t factors;  // every prime factor of what is left is above 2^16
  n_factor_init(&factors);
  flint().n_factor(&factors, n, 1);
  for (int i = 0; i < factors.num; ++i) primes.push_back(factors.p[i]);
  std::sort(primes.begin(), primes.end());
  return primes;
}

mpz_class power_minus_one(std::uint32_t q, long d) {
  mpz_class power;
  mpz_ui_pow_ui(power.get_mpz_t(), q, static_cast<unsigned long>(d));
  return power - 1;
}

PowerMinusOneFactors factor_power_minus_one(std::uint32_t q, long d, const AlgebraOptions& limits) {
  const double seconds = std::max(limits.budget ? limits.budget->left() : limits.factor_seconds, 0.0);
  CpuDeadline deadline(seconds);
  const AlgebraOptions effort = effort_for(limits);

  PowerMinusOneFactors result;
  result.seconds = limits.budget ? limits.budget->seconds() : limits.factor_seconds;
  const auto add = [&result](const CyclotomicFactors& piece) {
    result.primes.insert(result.primes.end(), piece.primes.begin(), piece.primes.end());
    result.unfactored.insert(result.unfactored.end(), piece.unfactored.begin(), piece.unfactored.end());
  };
  // First pass: the cache, then trial division of the pieces it does not hold, up to a hopeless one.
  struct Pending {
    long m;
    TrialDivision piece;
    bool hopeless;
  };
  std::vector<Pending> pending;
  bool any_hopeless = false;
  for (const long m : divisors(d)) {
    if (const std::optional<CyclotomicFactors> known = cached(q, m, effort, seconds)) {
      add(*known);
      continue;
    }
    if (any_hopeless) {  // not attempted: only its value, for what the caller may still prove without it
      pending.push_back({m, TrialDivision{{}, cyclotomic_value(q, m), false, false}, false});
      continue;
    }
    TrialDivision piece = trial_divide(q, m, deadline);
    const bool out_of_reach =
        !piece.out_of_time && !piece.rest_is_prime && piece.rest > 1 && hopeless(piece.rest, effort, seconds);
    any_hopeless = any_hopeless || out_of_reach;
    pending.push_back({m, std::move(piece), out_of_reach});
  }
  // Second pass: the expensive stages, unless one piece is out of reach.
  for (auto& [m, piece, out_of_reach] : pending) {
    CyclotomicFactors computed;
    computed.effort = effort;
    computed.seconds = seconds;
    computed.primes = std::move(piece.primes);
    bool keep = true;
    if (piece.rest_is_prime) {
      computed.primes.push_back(piece.rest);
    } else if (piece.out_of_time) {
      computed.unfactored.push_back({m, piece.rest, Leftover::out_of_time});
    } else if (piece.rest > 1 && any_hopeless) {
      computed.unfactored.push_back({m, piece.rest, out_of_reach ? Leftover::too_large : Leftover::not_attempted});
      keep = out_of_reach;  // what was not attempted may succeed another time
    } else if (piece.rest > 1) {
      Work work{effort, deadline, seconds, computed, {}};
      split(m, piece.rest, work);
    }
    std::sort(computed.primes.begin(), computed.primes.end());
    if (keep) remember(q, m, computed);
    add(computed);
  }
  // FLINT's per-thread caches would leak when a thread exits.
  if (!pending.empty() && flint_loaded()) flint().flint_cleanup();
  std::sort(result.primes.begin(), result.primes.end());
  result.primes.erase(std::unique(result.primes.begin(), result.primes.end()), result.primes.end());
  if (limits.budget) limits.budget->spend(deadline.used());
  return result;
}

std::string unfactored_text(std::uint32_t q, const PowerMinusOneFactors& factors) {
  // The most telling leftover: one too large, then one out of time, then the largest.
  const auto rank = [](Leftover why) {
    switch (why) {
      case Leftover::too_large:
        return 0;
      case Leftover::out_of_time:
        return 1;
      case Leftover::not_attempted:
        return 3;
      default:
        return 2;
    }
  };
  const Cofactor& named = *std::min_element(
      factors.unfactored.begin(), factors.unfactored.end(), [&](const Cofactor& a, const Cofactor& b) {
        return rank(a.why) != rank(b.why) ? rank(a.why) < rank(b.why) : a.value > b.value;
      });
  const std::string size = fmt::format("{}-digit", named.value.get_str().size());
  switch (named.why) {
    case Leftover::composite:
      return fmt::format("a {} composite factor remains; a larger --factor-seconds tries harder", size);
    case Leftover::unproven_prime:
      return fmt::format(
          "a {} probable prime factor is too large to prove prime; a larger --factor-seconds tries harder", size);
    case Leftover::out_of_time:
      return fmt::format("the factoring time bound of {:g} s ran out on a {} factor of {}; --factor-seconds raises it",
                         factors.seconds, size, piece_name(q, named.m));
    case Leftover::too_large:
      return fmt::format(
          "a {} factor of {} is too large to factor within the time bound of {:g} s; --factor-seconds raises it", size,
          piece_name(q, named.m), factors.seconds);
    case Leftover::not_attempted:
      break;
  }
  return fmt::format("a {} factor of {} was not attempted", size, piece_name(q, named.m));
}

}  // namespace lfsr::detail

namespace lfsr {

AlgebraOptions register_algebra_options(double seconds) {
  AlgebraOptions options;
  options.factor_seconds = seconds;
  options.budget = std::make_shared<FactoringBudget>(seconds);
  return options;
}

}  // namespace lfsr
