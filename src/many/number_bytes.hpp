// Big numbers in the byte encoding of job results: a word when they fit 64 bits, else hexadecimal.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <string>

#include "runners/byte_io.hpp"

namespace lfsr {

// Numbers that fit 64 bits (nearly all of a batch's) cross the pipe as they are; larger ones as
// hexadecimal text: exact, and simple to read back.
inline void put_number(ByteWriter& out, const mpz_class& value) {
  const bool word = value.fits_ulong_p();
  out.put(word);
  if (word) {
    out.put(static_cast<std::uint64_t>(value.get_ui()));
  } else {
    out.put_bytes(value.get_str(16));
  }
}

inline mpz_class get_number(ByteReader& in) {
  if (in.get<bool>()) return mpz_class(static_cast<unsigned long>(in.get<std::uint64_t>()));
  return mpz_class(std::string(in.get_bytes()), 16);
}

}  // namespace lfsr
