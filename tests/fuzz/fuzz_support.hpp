// What every fuzz target shares: the fields it picks from, the checks that end a run as a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "lfsr/field.hpp"

namespace lfsr::fuzz {

// A finding: libFuzzer saves the input that led here and stops with it.
[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz finding: %.*s %.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

inline void require(bool condition, std::string_view what, std::string_view detail = {}) {
  if (!condition) fail(what, detail);
}

// Longest error message accepted: it quotes at most a shortened part of the input.
inline constexpr std::size_t max_message_bytes = 1024;

// Bad input is answered with one short line: no line break or other control byte (user text is
// escaped), nothing empty, nothing that repeats the whole of a long input.
inline void check_message(const std::exception& error) {
  const std::string_view message = error.what();
  require(!message.empty(), "empty error message");
  require(message.size() <= max_message_bytes, "error message too long:", message.substr(0, 200));
  for (const char c : message) {
    const auto byte = static_cast<unsigned char>(c);
    require(byte >= 0x20 && byte != 0x7f, "control byte in error message:", message);
  }
}

// The fields a target picks from with one byte (byte % size): prime fields, GF(p^k) with the Conway
// modulus, GF(p^k) with a modulus of our own (not primitive for GF(9)), the largest of each kind.
inline const std::vector<Field>& fuzz_fields() {
  static const std::vector<Field> fields = [] {
    std::vector<Field> all;
    for (const std::uint64_t q : {2, 3, 4, 5, 7, 8, 9, 16, 25, 27, 121, 256, 65521, 65536})
      all.push_back(Field::from_order(q));
    all.push_back(Field::with_modulus(9, "a^2+1"));
    all.push_back(Field::with_modulus(16, "a^4+a^3+1"));
    return all;
  }();
  return fields;
}

inline const Field& field_for(std::uint8_t selector) {
  const std::vector<Field>& fields = fuzz_fields();
  return fields[selector % fields.size()];
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// q^n when it is at most `limit`, else 0: registers small enough to check state by state.
inline std::uint64_t small_state_count(const Field& field, int n, std::uint64_t limit) {
  std::uint64_t states = 1;
  for (int i = 0; i < n; ++i) {
    states *= field.q();
    if (states > limit) return 0;
  }
  return states;
}

}  // namespace lfsr::fuzz
