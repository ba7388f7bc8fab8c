// Memory every worker sees: one MAP_SHARED region reserved once per process, before any fork,
// and reused by every run (first touch of fresh memory is slow, so it is never given back).
#pragma once

#include <cstddef>
#include <cstdint>

namespace lfsr {

class SharedArena {
 public:
  // The arena enumerations in this thread use: the process-wide one, reserved on first use
  // (reserve it before forking workers), unless a PrivateArenaScope is active in this thread.
  static SharedArena& instance();

  ~SharedArena();
  SharedArena(const SharedArena&) = delete;
  SharedArena& operator=(const SharedArena&) = delete;

  // Bytes of address space the process-wide arena reserves: twice the physical memory (nothing is
  // committed until touched), or half the address-space limit (ulimit -v) when that is less, so
  // that the rest of the process still fits under the limit.
  static std::size_t shared_capacity();

  std::byte* base() const { return base_; }
  std::size_t capacity() const { return capacity_; }
  // Forgets every allocation (the memory stays mapped and keeps its contents).
  void reset() { used_ = 0; }
  // Bump allocation aligned to 4 KiB; returns the offset from base(). Throws ResourceError when full.
  std::size_t allocate(std::size_t bytes);
  template <class T>
  T* at(std::size_t offset) const {
    return reinterpret_cast<T*>(base_ + offset);
  }

 private:
  SharedArena();
  friend class PrivateArenaScope;
  explicit SharedArena(bool shared);
  std::byte* base_ = nullptr;
  std::size_t capacity_ = 0;
  std::size_t used_ = 0;
};

// While it lives, enumerations in this thread use an arena of the thread's own (reserved once per
// thread, reused) instead of the process-wide one. A batch worker analyzes whole registers side
// by side with other workers this way; they would otherwise bump-allocate the same shared memory.
class PrivateArenaScope {
 public:
  PrivateArenaScope();
  ~PrivateArenaScope();
  PrivateArenaScope(const PrivateArenaScope&) = delete;
  PrivateArenaScope& operator=(const PrivateArenaScope&) = delete;

 private:
  SharedArena* previous_;
};

}  // namespace lfsr
