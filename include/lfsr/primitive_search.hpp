// Default primitive (maximal-length) polynomials of any degree over any field, chosen by one fixed rule.
#pragma once

#include "lfsr/algebra.hpp"
#include "lfsr/field.hpp"
#include "lfsr/polynomial.hpp"

namespace lfsr {

// Largest degree the search accepts, the degree limit of every polynomial. Far beyond any q^N - 1
// the factoring can split (it refuses those with ResourceError), it only stops absurd requests
// before any work.
inline constexpr int max_primitive_search_bits = max_polynomial_degree;

// The first primitive f = x^N + c_{N-1} x^{N-1} + ... + c_0 of degree N = bits over `field` in this
// order (coefficients compared as the integers 0..q-1 that name the elements):
// - c_0 is fixed: the least element with (-1)^N c_0 primitive in GF(q). (-1)^N c_0 is the norm of a
//   root, and a primitive root has a primitive norm; every such c_0 is the constant term of some
//   primitive polynomial, so the search always ends.
// - c_1..c_{N-1}: the least height max c_i first, then the fewest nonzero c_i, then the least
//   integer sum c_i q^i (the lowest exponents). Height first keeps every family that is searched
//   small: over GF(2^k) no x^N + c_1 x + c_0 with 8 | N is irreducible (Swan), and a rule that
//   tried every c_1 first would try q^2 of them.
// Over GF(2) this is the rule of the built-in table (fewest terms, then the lowest exponents), and
// the tests check that the two agree. Each candidate is decided exactly as is_primitive would, by a
// test made for searches (cheap rejections, then over GF(p^k) the norm down to GF(p), Ben-Or's
// irreducibility test with early abort, one large power and a product tree for the order;
// src/algebra/primitivity_test.hpp). Milliseconds for most fields and degrees; sparse candidates are
// rarely irreducible or primitive in some fields, and near N = 60 over GF(3^5) or GF(65536) and at
// N = 200 over GF(9) a search takes about a second (bench/bench_primitive_search slow). Throws InputError unless 1 <= bits <= max_primitive_search_bits,
// ResourceError when q^N - 1 cannot be factored within options.
Polynomial first_primitive_polynomial(int bits, const Field& field, const AlgebraOptions& options = {});

// The default register of degree `bits` over `field`: over GF(2) for 2 <= bits <= max_default_bits()
// the built-in table's polynomial, otherwise first_primitive_polynomial. Throws as that does.
Polynomial default_primitive_polynomial(int bits, const Field& field, const AlgebraOptions& options = {});

}  // namespace lfsr
