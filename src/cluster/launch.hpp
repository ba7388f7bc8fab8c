// How the program was launched: alone, or as one rank of an MPI job (mpirun, srun), read from the
// environment the launcher sets, so that a program run alone makes no MPI call at all.
#pragma once

#include <string>

namespace lfsr::cluster {

// True when mpirun (Open MPI, or a PMI/PMIx launcher such as srun) started this process.
bool launched_as_rank();

// This process's rank as the launcher's environment gives it; 0 when launched alone.
int launch_rank();

// The number of ranks the launcher started, when its environment says; 1 when launched alone or
// when it does not say.
int launch_size();

// CPUs this process may run on (its affinity mask; at least 1): under mpirun, the cores the rank
// is bound to (Open MPI binds each of up to 2 ranks to one core unless told --bind-to none).
int bound_cpus();

// Replaces this process with the program `name` found beside this one's executable, or in
// `from_bin` relative to it (an installed libexec directory), with the same arguments. Returns
// only when neither could be executed, with the reason.
std::string exec_program_beside(const char* name, const char* from_bin, char** argv);

// On a rank other than 0, sends stdout and stderr to /dev/null: rank 0 alone prints the job's
// output and its errors, once. Does nothing on rank 0 or when launched alone.
void silence_other_ranks();

// Where a rank writes what only it can say (its LFSR_MPI_STATS line): stderr as it was at start.
int diagnostics_fd();

}  // namespace lfsr::cluster
