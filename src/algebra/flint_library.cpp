// FLINT loaded with dlopen on first use, its functions found with dlsym.
#include "algebra/flint_library.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <atomic>

#include "lfsr/error.hpp"

#ifndef LFSR_FLINT_SONAME
#error "LFSR_FLINT_SONAME must be defined by the build (cmake/FindFLINT.cmake)"
#endif

namespace lfsr::detail {

namespace {

std::atomic<bool> loaded{false};

// The address of `name` in FLINT, as the type of `slot`; WorkerError when it is missing.
template <class Pointer>
void find(void* library, Pointer& slot, const char* name) {
  void* address = dlsym(library, name);
  if (address == nullptr)
    throw WorkerError(fmt::format("{} has no symbol {}: not the FLINT lfsr was built with", flint_soname(), name));
  slot = reinterpret_cast<Pointer>(address);
}

FlintLibrary load() {
  // RTLD_LOCAL: FLINT's symbols serve the pointers below and nothing else in the process.
  void* library = dlopen(LFSR_FLINT_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) throw WorkerError(fmt::format("cannot load FLINT: {}", dlerror()));
  FlintLibrary f{};
  find(library, f.fmpz_set_mpz, "fmpz_set_mpz");
  find(library, f.fmpz_get_mpz, "fmpz_get_mpz");
  find(library, f.fmpz_get_str, "fmpz_get_str");
  find(library, f.fmpz_clear, "fmpz_clear");
  find(library, f.fmpz_bits, "fmpz_bits");
  find(library, f.fmpz_cmp, "fmpz_cmp");
  find(library, f.fmpz_cmp_ui, "fmpz_cmp_ui");
  find(library, f.fmpz_mul, "fmpz_mul");
  find(library, f.fmpz_sub_ui, "fmpz_sub_ui");
  find(library, f.fmpz_is_perfect_power, "fmpz_is_perfect_power");
  find(library, f.fmpz_is_probabprime, "fmpz_is_probabprime");
  find(library, f.fmpz_is_prime, "fmpz_is_prime");
  find(library, f.fmpz_is_prime_pocklington, "fmpz_is_prime_pocklington");
  find(library, f.fmpz_is_prime_morrison, "fmpz_is_prime_morrison");
  find(library, f.fmpz_nm1_trial_factors, "_fmpz_nm1_trial_factors");
  find(library, f.fmpz_np1_trial_factors, "_fmpz_np1_trial_factors");
  find(library, f.fmpz_factor_init, "fmpz_factor_init");
  find(library, f.fmpz_factor_clear, "fmpz_factor_clear");
  find(library, f.fmpz_factor, "fmpz_factor");
  find(library, f.fmpz_factor_ecm, "fmpz_factor_ecm");
  find(library, f.flint_randclear, "flint_randclear");
  find(library, f.flint_free, "flint_free");
  find(library, f.flint_cleanup, "flint_cleanup");
  find(library, f.n_factor, "n_factor");
  find(library, f.n_nextprime, "n_nextprime");
  const void* version = dlsym(library, "flint_version");  // a char array: its address is the text
  f.version = version != nullptr ? static_cast<const char*>(version) : "unknown";
  loaded.store(true, std::memory_order_release);
  return f;  // never unloaded: the pointers stay valid until the process ends
}

}  // namespace

const FlintLibrary& flint() {
  static const FlintLibrary library = load();  // a failed load throws, and the next call tries again
  return library;
}

bool flint_loaded() { return loaded.load(std::memory_order_acquire); }

std::string_view flint_soname() { return LFSR_FLINT_SONAME; }

}  // namespace lfsr::detail
