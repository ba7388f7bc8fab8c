// A state index as its coordinate vector, checked against the size of the state space, and back.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "lfsr/field.hpp"

namespace lfsr::detail {

// The coordinates v_i (base-q digits of the index, i < n) of a state of GF(q)^n. Throws InputError
// unless 0 <= state < q^n, naming `owner` ("a degree-8 register", "an 8 x 8 matrix").
std::vector<std::uint32_t> state_coordinates(const mpz_class& state, const Field& field, int n, std::string_view owner);

// The index sum v_i q^i of the state with these coordinates (elements 0..q-1).
mpz_class state_index(const std::vector<std::uint32_t>& coordinates, std::uint32_t q);

}  // namespace lfsr::detail
