// The memory check before an enumeration: MemAvailable and --max-memory against what the run needs.
#include "memory_check.hpp"

#include <fmt/format.h>

#include <fstream>
#include <limits>

#include "lfsr/enumerate.hpp"
#include "lfsr/error.hpp"
#include "options.hpp"

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

}  // namespace

// Refuses a run the memory cannot hold rather than letting the kernel kill it halfway.
void check_memory(std::string_view state_space, const LinearMap& map, int workers,
                  const std::optional<std::string>& max_memory) {
  std::uint64_t allowed = std::numeric_limits<std::uint64_t>::max();
  std::string bound;
  if (const std::optional<std::uint64_t> available = available_memory()) {
    allowed = *available;
    bound = "available (MemAvailable)";
  }
  if (max_memory) {
    if (const std::uint64_t limit = parse_memory_size(*max_memory); limit < allowed) {
      allowed = limit;
      bound = fmt::format("allowed by --max-memory {}", *max_memory);
    }
  }
  const std::uint64_t needed = enumeration_memory_bytes(map, workers);
  if (needed > allowed) {
    throw ResourceError(fmt::format("enumerating {} states needs {} of memory, more than the {} {}", state_space,
                                    format_bytes(needed), format_bytes(allowed), bound));
  }
}

}  // namespace lfsr::cli
