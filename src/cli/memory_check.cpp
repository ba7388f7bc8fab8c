// The memory check before an enumeration: what the run needs against every limit on its memory.
#include "memory_check.hpp"

#include <fmt/format.h>
#include <sys/resource.h>

#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "lfsr/enumerate.hpp"
#include "lfsr/error.hpp"
#include "options.hpp"
#include "runners/shared_arena.hpp"

namespace lfsr::cli {

namespace {

// MemAvailable from /proc/meminfo in bytes; nothing when the kernel does not tell.
std::optional<std::uint64_t> available_memory() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  std::uint64_t kib = 0;
  std::string unit;
  while (meminfo >> key >> kib && std::getline(meminfo, unit)) {
    if (key == "MemAvailable:") {
      return kib * 1024;
    }
  }
  return std::nullopt;
}

// A number from a cgroup file; nothing for "max", a missing file or an unreadable value.
std::optional<std::uint64_t> cgroup_number(const std::string& path) {
  std::ifstream file(path);
  std::uint64_t value = 0;
  if (!(file >> value)) return std::nullopt;
  return value;
}

// What the memory cgroup of this process still lets it use: its limit (memory.max in cgroup v2,
// memory.limit_in_bytes in v1) less its usage; nothing when there is no limit or none can be read.
// Past this the kernel's OOM killer ends the run, however much MemAvailable says is free.
std::optional<std::uint64_t> cgroup_memory_left() {
  std::ifstream cgroups("/proc/self/cgroup");
  for (std::string line; std::getline(cgroups, line);) {
    // "0::/path" (v2) or "4:memory:/path" (v1, possibly "memory,..." in a comma list)
    const auto first = line.find(':');
    const auto second = first == std::string::npos ? first : line.find(':', first + 1);
    if (second == std::string::npos) continue;
    const std::string controllers = line.substr(first + 1, second - first - 1);
    const std::string path = line.substr(second + 1);
    std::vector<std::string> directories;  // the cgroup's own, then the root of the mount
    std::string limit_file, usage_file;
    if (controllers.empty()) {
      directories = {"/sys/fs/cgroup" + path, "/sys/fs/cgroup"};
      limit_file = "memory.max";
      usage_file = "memory.current";
    } else if (("," + controllers + ",").find(",memory,") != std::string::npos) {
      directories = {"/sys/fs/cgroup/memory" + path, "/sys/fs/cgroup/memory"};
      limit_file = "memory.limit_in_bytes";
      usage_file = "memory.usage_in_bytes";
    } else {
      continue;
    }
    for (const std::string& directory : directories) {
      const std::optional<std::uint64_t> limit = cgroup_number(directory + "/" + limit_file);
      if (!limit) continue;
      if (*limit >= (std::uint64_t{1} << 60)) return std::nullopt;  // v1 writes "no limit" as ~2^63
      const std::uint64_t usage = cgroup_number(directory + "/" + usage_file).value_or(0);
      return usage < *limit ? *limit - usage : 0;
    }
  }
  return std::nullopt;
}

// The address-space limit (ulimit -v); nothing when there is none.
std::optional<std::uint64_t> address_space_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::nullopt;
  return static_cast<std::uint64_t>(limit.rlim_cur);
}

// Lowers `allowed` to the least of the system's limits, and names it in `bound`.
void apply_system_limits(std::uint64_t& allowed, std::string& bound) {
  if (const std::optional<std::uint64_t> available = available_memory()) {
    allowed = *available;
    bound = "available (MemAvailable)";
  }
  if (const std::optional<std::uint64_t> limit = address_space_limit();
      limit && SharedArena::shared_capacity() < allowed) {
    allowed = SharedArena::shared_capacity();
    bound = fmt::format("allowed by the address-space limit (ulimit -v) of {}: the enumeration takes half of it",
                        format_bytes(*limit));
  }
  if (const std::optional<std::uint64_t> left = cgroup_memory_left(); left && *left < allowed) {
    allowed = *left;
    bound = "left under the memory limit of the process's cgroup";
  }
}

// A run that needs no more than this, less than the program itself holds, is not checked against
// the system's limits: reading them (/proc and cgroup files) costs a tenth of a small run's start-up.
constexpr std::uint64_t small_run_bytes = std::uint64_t{1} << 20;

}  // namespace

// Refuses a run the memory cannot hold rather than letting the kernel kill it halfway.
void check_memory(std::string_view state_space, const Transition& map, int workers,
                  const std::optional<std::string>& max_memory) {
  const std::uint64_t needed = enumeration_memory_bytes(map, workers);
  std::uint64_t allowed = std::numeric_limits<std::uint64_t>::max();
  std::string bound;
  if (needed > small_run_bytes) apply_system_limits(allowed, bound);
  if (max_memory) {
    if (const std::uint64_t limit = parse_memory_size(*max_memory); limit < allowed) {
      allowed = limit;
      bound = fmt::format("allowed by --max-memory {}", *max_memory);
    }
  }
  if (needed > allowed) {
    throw ResourceError(fmt::format("enumerating {} states needs {} of memory, more than the {} {}", state_space,
                                    format_bytes(needed), format_bytes(allowed), bound));
  }
}

}  // namespace lfsr::cli
