// FLINT, loaded when a factorization first needs it: a program that never factors a large integer
// never pays for loading it (docs/benchmarks.md, "Start-up").
#pragma once

#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpz_factor.h>
#include <flint/ulong_extras.h>

#include <string_view>

namespace lfsr::detail {

// The FLINT functions the factoring calls, found in the library once it is loaded. Their types are
// those of FLINT's headers. Code outside flint_library.cpp calls FLINT only through these: a
// direct call (an inline function of the headers included, such as fmpz_clear) would make the
// program load FLINT at start, and its link fails, since only the tests link FLINT.
struct FlintLibrary {
  decltype(&::fmpz_set_mpz) fmpz_set_mpz;
  decltype(&::fmpz_get_mpz) fmpz_get_mpz;
  decltype(&::fmpz_get_str) fmpz_get_str;
  decltype(&::fmpz_clear) fmpz_clear;
  decltype(&::fmpz_bits) fmpz_bits;
  decltype(&::fmpz_cmp) fmpz_cmp;
  decltype(&::fmpz_cmp_ui) fmpz_cmp_ui;
  decltype(&::fmpz_mul) fmpz_mul;
  decltype(&::fmpz_sub_ui) fmpz_sub_ui;
  decltype(&::fmpz_is_perfect_power) fmpz_is_perfect_power;
  decltype(&::fmpz_is_probabprime) fmpz_is_probabprime;
  decltype(&::fmpz_is_prime) fmpz_is_prime;
  decltype(&::fmpz_is_prime_pocklington) fmpz_is_prime_pocklington;
  decltype(&::fmpz_is_prime_morrison) fmpz_is_prime_morrison;
  decltype(&::_fmpz_nm1_trial_factors) fmpz_nm1_trial_factors;
  decltype(&::_fmpz_np1_trial_factors) fmpz_np1_trial_factors;
  decltype(&::fmpz_factor_init) fmpz_factor_init;
  decltype(&::fmpz_factor_clear) fmpz_factor_clear;
  decltype(&::fmpz_factor) fmpz_factor;
  decltype(&::fmpz_factor_ecm) fmpz_factor_ecm;
  decltype(&::flint_randclear) flint_randclear;
  decltype(&::flint_free) flint_free;
  decltype(&::flint_cleanup) flint_cleanup;
  decltype(&::n_factor) n_factor;
  decltype(&::n_nextprime) n_nextprime;
  const char* version;  // flint_version, the library's own
};

// FLINT, loaded (dlopen) on the first call from any thread; then the same functions. Throws
// WorkerError, naming the library and the loader's reason, when it cannot be loaded.
// Call it before fork() when the child may factor: the child then finds FLINT loaded.
const FlintLibrary& flint();

// Whether flint() has loaded FLINT in this process (or its parent, before the fork).
bool flint_loaded();

// The file the loader opens, FLINT's SONAME ("libflint.so.17"), found by the build.
std::string_view flint_soname();

}  // namespace lfsr::detail
