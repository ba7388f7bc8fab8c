// Memory every worker sees: one MAP_SHARED region reserved once per process, before any fork,
// and reused by every run (first touch of fresh memory is slow, so it is never given back).
#pragma once

#include <cstddef>
#include <cstdint>

namespace lfsr {

class SharedArena {
 public:
  // The process-wide arena, reserved on first use. Reserve it before forking workers.
  static SharedArena& instance();

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
  std::byte* base_ = nullptr;
  std::size_t capacity_ = 0;
  std::size_t used_ = 0;
};

}  // namespace lfsr
