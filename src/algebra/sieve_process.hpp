// FLINT's complete factoring (ECM, then the quadratic sieve) and its APRCL primality proof of one
// integer, each run in a child process that is killed when its processor time reaches the deadline.
#pragma once

#include <gmpxx.h>

#include <optional>
#include <vector>

#include "runners/cpu_deadline.hpp"

namespace lfsr::detail {

// The distinct prime factors of n > 1 as FLINT's fmpz_factor finds them (proven prime), or nothing
// when the deadline came first (the child is then killed). The child's processor time is added to
// the deadline's. FLINT 2.9's quadratic sieve keeps its
// relations in "<rand()>siqs.dat" in the working directory, seeded by the pid: it crashes when that
// directory is not writable and two threads of one process would share the file. So a child process
// runs it in a private temporary directory and sends the factors back. Forking while other threads
// allocate is safe with glibc's malloc (it takes its locks around fork), not under ASan or TSan,
// whose allocators can leave the child waiting on a lock forever.
// Throws WorkerError when the child cannot be started or does not finish normally.
std::optional<std::vector<mpz_class>> factor_in_child_process(const mpz_class& n, CpuDeadline& deadline);

// FLINT's fmpz_is_prime (APRCL) on n: 1 prime, 0 composite, -1 undecided; nothing when the deadline
// came first. A child process, because one proof cannot be interrupted and may take seconds.
// Throws WorkerError as factor_in_child_process does.
std::optional<int> prove_prime_in_child_process(const mpz_class& n, CpuDeadline& deadline);

}  // namespace lfsr::detail
