// The process-wide MAP_SHARED arena that threads and forked workers all address at the same place.
#include "runners/shared_arena.hpp"

#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <system_error>

#include "lfsr/error.hpp"

namespace lfsr {

namespace {

thread_local SharedArena* private_arena_in_use = nullptr;

}  // namespace

SharedArena& SharedArena::instance() {
  if (private_arena_in_use != nullptr) return *private_arena_in_use;
  static SharedArena arena;
  return arena;
}

namespace {

// RLIMIT_AS, the limit of ulimit -v; nothing when there is none.
std::optional<std::size_t> address_space_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::nullopt;
  return static_cast<std::size_t>(limit.rlim_cur);
}

}  // namespace

std::size_t SharedArena::shared_capacity() {
  const auto pages = static_cast<std::size_t>(sysconf(_SC_PHYS_PAGES));
  const auto page_size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  const std::size_t physical = 2 * pages * page_size;
  const std::optional<std::size_t> limit = address_space_limit();
  return limit ? std::min(physical, *limit / 2) : physical;
}

SharedArena::SharedArena() : SharedArena(true) {}

PrivateArenaScope::PrivateArenaScope() : previous_(private_arena_in_use) {
  thread_local SharedArena arena(false);
  arena.reset();
  private_arena_in_use = &arena;
}

PrivateArenaScope::~PrivateArenaScope() { private_arena_in_use = previous_; }

SharedArena::SharedArena(bool shared) {
  // Reserve address space for twice the physical memory; MAP_NORESERVE commits nothing until
  // touched, and the memory-size check before a run keeps real use within what the machine has.
  // A private arena serves whole small registers of a batch only (at most 2^22 states, a few MiB
  // each): 1 GiB of address space per thread is plenty, and a sixteenth of a ulimit -v keeps
  // several threads within it.
  const std::optional<std::size_t> limit = address_space_limit();
  const std::size_t private_capacity = std::min(std::size_t{1} << 30, limit ? *limit / 16 : ~std::size_t{0});
  capacity_ = shared ? shared_capacity() : private_capacity;
  const int sharing = shared ? MAP_SHARED : MAP_PRIVATE;
  void* region = mmap(nullptr, capacity_, PROT_READ | PROT_WRITE, sharing | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (region == MAP_FAILED) {
    throw ResourceError(fmt::format("cannot reserve {} MiB of address space for the enumeration: {}", capacity_ >> 20,
                                    std::strerror(errno)));
  }
  base_ = static_cast<std::byte*>(region);
}

// A thread's private arena goes with the thread; the process-wide one with the process.
SharedArena::~SharedArena() { munmap(base_, capacity_); }

std::size_t SharedArena::allocate(std::size_t bytes) {
  constexpr std::size_t alignment = 4096;
  const std::size_t offset = (used_ + alignment - 1) / alignment * alignment;
  if (bytes > capacity_ || offset > capacity_ - bytes)
    throw ResourceError(fmt::format("shared memory arena of {} bytes cannot hold {} more bytes", capacity_, bytes));
  used_ = offset + bytes;
  return offset;
}

}  // namespace lfsr
