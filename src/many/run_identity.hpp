// The identity of a run over many registers: a hash of everything that decides its results, which
// every part of a sharded run states, so that parts of different runs are never merged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lfsr/field.hpp"

namespace lfsr {

// The 64-bit FNV-1a hash (Fowler, Noll, Vo): simple, stable across machines and versions of the
// compiler, and fast enough to run over a batch file byte by byte while its lines are counted.
class Fnv1a64 {
 public:
  void add(std::string_view bytes) {
    for (const char byte : bytes) add(byte);
  }
  void add(char byte) {
    state_ = (state_ ^ static_cast<unsigned char>(byte)) * prime;
    ++bytes_;
  }
  std::uint64_t value() const { return state_; }
  std::uint64_t bytes() const { return bytes_; }  // added so far

 private:
  static constexpr std::uint64_t offset_basis = 0xcbf29ce484222325;
  static constexpr std::uint64_t prime = 0x100000001b3;
  std::uint64_t state_ = offset_basis;
  std::uint64_t bytes_ = 0;
};

// What decides the results of a scan or batch. Resource and timing settings (mode, workers,
// chunk, progress, --max-memory, --factor-seconds) are left out: they decide where and how fast
// registers are analyzed, or whether one fits, never what its result is, and parts run with
// different ones must merge.
struct RunSettings {
  Field field = Field::from_order(2);
  std::string form = "fibonacci";
  std::string method = "auto";  // as asked: `auto` resolves per register, the same way in every part
  bool scan = false;            // a scan of every polynomial of degree `bits`, else a batch file
  int bits = 0;                 // scan
  bool nonsingular = false;     // scan
  Fnv1a64 batch_bytes;          // batch: the file's bytes, as far as the run reads them
  std::string search_family;    // --search-nlfsr: the family's canonical name (and `bits`), else empty
};

// The text the identity hashes: one "key value" line per setting, with the program's version and
// JSON schema. Exposed so that tests and documentation can show what goes in.
std::string run_identity_text(const RunSettings& settings);

// 16 lowercase hexadecimal digits: FNV-1a of run_identity_text.
std::string run_identity(const RunSettings& settings);

}  // namespace lfsr
