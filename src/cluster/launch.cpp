// The launcher's environment: Open MPI's mpirun sets OMPI_COMM_WORLD_*, PMIx launchers PMIX_RANK,
// PMI launchers (srun --mpi=pmi2, MPICH's hydra) PMI_RANK and PMI_SIZE.
#include "cluster/launch.hpp"

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <initializer_list>

namespace lfsr::cluster {

namespace {

// The variable's value as a whole number, or -1 when it is unset or not one.
int saved_stderr = STDERR_FILENO;

int environment_number(const char* name) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return -1;
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (*end != '\0' || value < 0 || value > 1 << 30) return -1;
  return static_cast<int>(value);
}

}  // namespace

bool launched_as_rank() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"})
    if (std::getenv(name) != nullptr) return true;
  return false;
}

int launch_rank() {
  for (const char* name : {"OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK"})
    if (const int rank = environment_number(name); rank >= 0) return rank;
  return 0;
}

int launch_size() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"})
    if (const int size = environment_number(name); size >= 1) return size;
  // A PMIx launcher names no size; a rank other than 0 says there are several.
  return launch_rank() > 0 ? launch_rank() + 1 : 1;
}

int bound_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0) return 1;
  const int cpus = CPU_COUNT(&set);
  return cpus < 1 ? 1 : cpus;
}

std::string exec_program_beside(const char* name, const char* from_bin, char** argv) {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return "the program's own path is unknown (/proc/self/exe: " + error.message() + ")";
  std::string reason;
  for (const std::filesystem::path& path : {self.parent_path() / name, self.parent_path() / from_bin / name}) {
    execv(path.c_str(), argv);
    reason += (reason.empty() ? "" : "; ") + path.string() + ": " + std::strerror(errno);
  }
  return reason;
}

void silence_other_ranks() {
  if (!launched_as_rank() || launch_rank() == 0) return;
  saved_stderr = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
  if (saved_stderr < 0) saved_stderr = STDERR_FILENO;
  const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (null < 0) return;
  dup2(null, STDOUT_FILENO);
  dup2(null, STDERR_FILENO);
  close(null);
}

int diagnostics_fd() { return saved_stderr; }

}  // namespace lfsr::cluster
