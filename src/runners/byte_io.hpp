// Fixed-layout binary encoding of plain values, for job specs and results crossing a pipe.
#pragma once

#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "lfsr/error.hpp"

namespace lfsr {

// Appends the bytes of trivially copyable values; both ends are the same binary, so no byte order.
class ByteWriter {
 public:
  template <class T>
  ByteWriter& put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
    return *this;
  }
  ByteWriter& put_bytes(std::string_view bytes) {
    put(bytes.size());
    bytes_.append(bytes);
    return *this;
  }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

// Reads what ByteWriter wrote; running past the end is an internal error, never a silent zero.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  template <class T>
  T get() {
    static_assert(std::is_trivially_copyable_v<T>);
    if (bytes_.size() < sizeof(T)) throw InternalError("truncated message");
    T value;
    std::memcpy(&value, bytes_.data(), sizeof value);
    bytes_.remove_prefix(sizeof value);
    return value;
  }
  std::string_view get_bytes() {
    const auto size = get<std::size_t>();
    if (bytes_.size() < size) throw InternalError("truncated message");
    const std::string_view bytes = bytes_.substr(0, size);
    bytes_.remove_prefix(size);
    return bytes;
  }
  bool empty() const { return bytes_.empty(); }

 private:
  std::string_view bytes_;
};

}  // namespace lfsr
