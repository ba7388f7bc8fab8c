// The prime factors of a word (trial division, FLINT beyond 2^16) against FLINT's n_factor, and
// FLINT loaded at run time.
#include <flint/flint.h>
#include <flint/ulong_extras.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "algebra/flint_library.hpp"
#include "algebra/integer_factoring.hpp"

using lfsr::detail::word_prime_factors;

namespace {

// FLINT's answer, called directly (the tests link FLINT).
std::vector<std::uint64_t> flint_prime_factors(std::uint64_t n) {
  n_factor_t factors;
  n_factor_init(&factors);
  n_factor(&factors, n, 1);
  std::vector<std::uint64_t> primes(factors.p, factors.p + factors.num);
  std::sort(primes.begin(), primes.end());  // n_factor lists them in the order it found them
  return primes;
}

}  // namespace

TEST_CASE("word_prime_factors of small words and edge cases", "[factoring]") {
  CHECK(word_prime_factors(1).empty());
  CHECK(word_prime_factors(2) == std::vector<std::uint64_t>{2});
  CHECK(word_prime_factors(63) == std::vector<std::uint64_t>{3, 7});
  CHECK(word_prime_factors(1024) == std::vector<std::uint64_t>{2});
  CHECK(word_prime_factors(4294967295U) == std::vector<std::uint64_t>{3, 5, 17, 257, 65537});
  CHECK(word_prime_factors(65537) == std::vector<std::uint64_t>{65537});
  CHECK(word_prime_factors(65537ULL * 65537) == std::vector<std::uint64_t>{65537});  // beyond trial division
  CHECK(word_prime_factors(65521ULL * 65537) == std::vector<std::uint64_t>{65521, 65537});
  CHECK(word_prime_factors(18446744073709551615ULL) == std::vector<std::uint64_t>{3, 5, 17, 257, 641, 65537, 6700417});
  CHECK(word_prime_factors(18446744073709551557ULL) ==  // the largest prime below 2^64
        std::vector<std::uint64_t>{18446744073709551557ULL});
  CHECK(word_prime_factors(4294967291ULL * 4294967279ULL) == std::vector<std::uint64_t>{4294967279ULL, 4294967291ULL});
}

TEST_CASE("word_prime_factors equals FLINT's n_factor on words of every size", "[factoring]") {
  std::mt19937_64 random(12);
  for (int bits = 1; bits <= 64; ++bits) {
    for (int i = 0; i < 40; ++i) {
      std::uint64_t n = random() >> (64 - bits);
      n |= std::uint64_t{1} << (bits - 1);
      INFO(n);
      CHECK(word_prime_factors(n) == flint_prime_factors(n));
    }
  }
  // Products of two primes just above 2^16 and of a small prime with a large one.
  for (std::uint64_t p = 65537; p < 65537 + 2000; p = n_nextprime(p, 1)) {
    const std::uint64_t n = p * n_nextprime(p + 1000, 1);
    INFO(n);
    CHECK(word_prime_factors(n) == flint_prime_factors(n));
    CHECK(word_prime_factors(3 * p) == flint_prime_factors(3 * p));
  }
}

TEST_CASE("FLINT loaded at run time is the FLINT of the headers", "[factoring]") {
  const lfsr::detail::FlintLibrary& f = lfsr::detail::flint();
  CHECK(lfsr::detail::flint_loaded());
  CHECK(std::string(f.version) == FLINT_VERSION);
  CHECK(lfsr::detail::flint_soname().starts_with("libflint.so."));
  CHECK(f.n_nextprime(65521, 1) == 65537);
}
