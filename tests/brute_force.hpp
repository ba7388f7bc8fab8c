// Independent reference: the functional graph of an LFSR built by NTL matrix products, analyzed
// with the textbook colouring walk. Shares no code with the engine.
#pragma once

#include <NTL/mat_GF2.h>
#include <NTL/mat_lzz_p.h>

#include <cstdint>
#include <vector>

#include "lfsr/cycle_structure.hpp"
#include "lfsr/lfsr.hpp"

namespace lfsr::testing {

// next[s] for every state index s, computed as A v with NTL.
inline std::vector<std::uint64_t> successors_by_ntl(const Lfsr& lfsr) {
  const long n = lfsr.degree();
  const long q = lfsr.field().q();
  std::uint64_t states = 1;
  for (long i = 0; i < n; ++i) states *= static_cast<std::uint64_t>(q);
  std::vector<std::uint64_t> next(states);
  auto to_index = [&](const auto& v) {
    std::uint64_t index = 0;
    for (long i = n; i-- > 0;)
      index = index * static_cast<std::uint64_t>(q) + static_cast<std::uint64_t>(NTL::rep(v[i]));
    return index;
  };
  auto fill = [&](const auto& a, auto v) {
    for (std::uint64_t s = 0; s < states; ++s) {
      std::uint64_t digits = s;
      for (long i = 0; i < n; ++i, digits /= static_cast<std::uint64_t>(q))
        v[i] = static_cast<long>(digits % static_cast<std::uint64_t>(q));
      next[s] = to_index(a * v);
    }
  };
  if (q == 2) {
    NTL::vec_GF2 v;
    v.SetLength(n);
    fill(transition_matrix_gf2(lfsr), v);
  } else {
    NTL::zz_pPush push(q);
    NTL::vec_zz_p v;
    v.SetLength(n);
    fill(transition_matrix_zz_p(lfsr), v);
  }
  return next;
}

// Cycle structure of an arbitrary functional graph: colour walks for cycles, memoized depths for tails.
inline CycleStructure brute_force_structure(const std::vector<std::uint64_t>& next) {
  const std::uint64_t states = next.size();
  enum : std::uint8_t { unseen, on_path, done };
  std::vector<std::uint8_t> colour(states, unseen);
  std::vector<bool> cyclic(states, false);
  CycleStructure result;
  result.states = mpz_class(std::to_string(states));
  for (std::uint64_t s = 0; s < states; ++s) {
    std::vector<std::uint64_t> path;
    std::uint64_t x = s;
    while (colour[x] == unseen) {
      colour[x] = on_path;
      path.push_back(x);
      x = next[x];
    }
    if (colour[x] == on_path) {  // closed a new cycle at x
      std::uint64_t length = 0;
      std::uint64_t y = x;
      do {
        cyclic[y] = true;
        y = next[y];
        ++length;
      } while (y != x);
      result.add_cycles(length, 1);
    }
    for (std::uint64_t y : path) colour[y] = done;
  }
  std::vector<std::int64_t> depth(states, -1);
  std::uint64_t cyclic_count = 0, longest = 0;
  for (std::uint64_t s = 0; s < states; ++s) {
    if (cyclic[s]) {
      depth[s] = 0;
      ++cyclic_count;
    }
  }
  for (std::uint64_t s = 0; s < states; ++s) {
    std::vector<std::uint64_t> path;
    std::uint64_t x = s;
    while (depth[x] < 0) {
      path.push_back(x);
      x = next[x];
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) depth[*it] = depth[next[*it]] + 1;
    longest = std::max<std::uint64_t>(longest, static_cast<std::uint64_t>(depth[s]));
  }
  result.cyclic_states = mpz_class(std::to_string(cyclic_count));
  result.transient_states = mpz_class(std::to_string(states - cyclic_count));
  result.max_tail = mpz_class(std::to_string(longest));
  return result;
}

// Every monic polynomial of degree n over GF(q), coefficients counted up in base q.
inline std::vector<Polynomial> all_polynomials(const Field& field, int n) {
  std::vector<Polynomial> all;
  std::uint64_t count = 1;
  for (int i = 0; i < n; ++i) count *= field.q();
  for (std::uint64_t code = 0; code < count; ++code) {
    std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n) + 1, 1);
    std::uint64_t digits = code;
    for (int i = 0; i < n; ++i, digits /= field.q())
      coefficients[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(digits % field.q());
    all.emplace_back(field, coefficients);
  }
  return all;
}

}  // namespace lfsr::testing
