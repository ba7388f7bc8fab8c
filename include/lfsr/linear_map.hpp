// The transition as the engine sees it: a linear map over GF(p) on the base-p digits of the state index.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lfsr/lfsr.hpp"

namespace lfsr {

// next = M v over GF(p), v_i = base-p digit i of the state index (index = sum v_i p^i).
// A register over GF(p^k) of degree n is a map of dimension k*n over GF(p) with the same index.
struct LinearMap {
  // The GF(2) LFSR kinds have dedicated shift-and-parity kernels; every map also has `matrix`.
  enum class Kind : std::uint8_t { gf2_fibonacci, gf2_galois, general };

  Kind kind = Kind::general;
  std::uint32_t p = 2;
  int dimension = 0;
  std::vector<std::uint32_t> matrix;  // row-major dimension x dimension, entries < p
  std::uint64_t gf2_taps = 0;         // GF(2) LFSR kinds: bit i = c_i

  std::uint32_t entry(int row, int col) const {
    return matrix[static_cast<std::size_t>(row) * static_cast<std::size_t>(dimension) + static_cast<std::size_t>(col)];
  }
  // p^dimension, or 0 when that does not fit in 63 bits (too large to enumerate).
  std::uint64_t state_count() const;
  // Whether the map is a permutation of the states (no transient states).
  bool is_invertible() const;

  // Compact binary form, so a forked worker can rebuild the same map.
  std::string serialize() const;
  static LinearMap deserialize(std::string_view bytes);
};

// The map v -> A v on GF(q)^n, A dense row-major with n x n elements of field, as a map over GF(p)
// of dimension k n on the same state index: coordinate i's digit j is GF(p) coordinate i k + j.
LinearMap linear_map_of(const Field& field, int n, const std::vector<std::uint32_t>& entries);

// The transition of an LFSR (over GF(2) with the dedicated kinds).
LinearMap linear_map_of(const Lfsr& lfsr);

}  // namespace lfsr
