// FLINT's complete factoring (ECM, then the quadratic sieve) of one integer, run in a child process.
#pragma once

#include <gmpxx.h>

#include <vector>

namespace lfsr::detail {

// The distinct prime factors of n > 1 as FLINT's fmpz_factor finds them (proven prime). FLINT 2.9's
// quadratic sieve keeps its relations in "<rand()>siqs.dat" in the working directory, seeded by the
// pid: it crashes when that directory is not writable and two threads of one process would share the
// file. So a child process runs it in a private temporary directory and sends the factors back.
// Forking while other threads allocate is safe with glibc's malloc (it takes its locks around fork),
// not under ASan or TSan, whose allocators can leave the child waiting on a lock forever.
// Throws WorkerError when the child cannot be started or does not finish normally.
std::vector<mpz_class> factor_in_child_process(const mpz_class& n);

}  // namespace lfsr::detail
