// Walk lanes in AVX2 registers: four candidates per 256-bit register, each with its own feedback
// as per-lane shift counts, for the processors that have AVX2 (checked at run time; the library
// itself is built for baseline x86-64).
#pragma once

#include <immintrin.h>

#include <array>
#include <bit>
#include <cstdint>

#include "lfsr/error.hpp"
#include "lfsr/feedback.hpp"

namespace lfsr {

// Whether this processor runs the AVX2 lanes.
inline bool avx2_lanes_available() { return __builtin_cpu_supports("avx2") != 0; }

// A quadratic F with at most Linear linear terms (x0 among them) and at most Pairs products, as
// shift counts that bring each variable to bit n - 1: F(s) is bit n - 1 of
//   constant ^ (s << linear_up[0]) ^ ... ^ ((s << first_up[0]) & (s << second_up[0])) ^ ...
// A term a member lacks has the count 64, which AVX2's per-lane shift (vpsllvq) turns into 0.
template <int Linear, int Pairs>
struct ShiftLane {
  static constexpr std::uint64_t none = 64;
  std::uint64_t constant_top = 0;
  std::array<std::uint64_t, Linear> linear_up;
  std::array<std::uint64_t, Pairs> first_up;
  std::array<std::uint64_t, Pairs> second_up;

  static bool fits(const Feedback& feedback) {
    int linear = 0;
    int pairs = 0;
    for (const Feedback::Monomial monomial : feedback.monomials()) {
      const int degree = std::popcount(monomial);
      if (degree > 2) return false;
      linear += degree == 1 ? 1 : 0;
      pairs += degree == 2 ? 1 : 0;
    }
    return linear <= Linear && pairs <= Pairs;
  }
  // The default lane is F = 0: state 0 stays 0.
  ShiftLane() {
    linear_up.fill(none);
    first_up.fill(none);
    second_up.fill(none);
  }
  explicit ShiftLane(const Feedback& feedback) : ShiftLane() {
    if (!fits(feedback)) throw InternalError("ShiftLane: feedback of higher degree or more terms");
    const auto top = static_cast<std::uint64_t>(feedback.bits() - 1);
    std::size_t linear = 0;
    std::size_t pairs = 0;
    for (const Feedback::Monomial monomial : feedback.monomials()) {
      if (monomial == 0) {
        constant_top = std::uint64_t{1} << top;
      } else if (std::has_single_bit(monomial)) {
        linear_up[linear++] = top - static_cast<std::uint64_t>(std::countr_zero(monomial));
      } else {
        first_up[pairs] = top - static_cast<std::uint64_t>(std::countr_zero(monomial));
        second_up[pairs++] = top - static_cast<std::uint64_t>(std::bit_width(monomial) - 1);
      }
    }
  }
};

// Lanes walks of ShiftLane feedbacks, Lanes a multiple of 4, the parameters laid out lane by lane
// for the vector loads.
template <int Linear, int Pairs, std::size_t Lanes>
class Avx2ShiftLanes {
  static_assert(Lanes % 4 == 0);

 public:
  using Lane = ShiftLane<Linear, Pairs>;
  static constexpr std::size_t lanes = Lanes;

  explicit Avx2ShiftLanes(int bits) : top_bit_(std::uint64_t{1} << (bits - 1)) {
    for (std::size_t l = 0; l < Lanes; ++l) idle(l);
  }
  // As ScalarLanes (maximum_period_walks.hpp).
  void start(std::size_t l, const Lane& lane, std::uint64_t state) {
    set(l, lane);
    states_[l] = state;
  }
  void idle(std::size_t l) {
    set(l, Lane{});
    states_[l] = 0;
  }
  bool at_one(std::size_t l) const { return states_[l] == 1; }
  std::uint64_t state(std::size_t l) const { return states_[l]; }
  std::uint64_t step(std::uint64_t burst) { return step_vectors(states_, burst); }

 private:
  void set(std::size_t l, const Lane& lane) {
    constant_[l] = lane.constant_top;
    for (std::size_t i = 0; i < Linear; ++i) linear_[i][l] = lane.linear_up[i];
    for (std::size_t i = 0; i < Pairs; ++i) {
      first_[i][l] = lane.first_up[i];
      second_[i][l] = lane.second_up[i];
    }
  }
  // As step_lanes: at most `burst` rounds, stopping after the first that brings a lane to state 1.
  __attribute__((target("avx2"))) std::uint64_t step_vectors(std::array<std::uint64_t, Lanes>& states,
                                                             std::uint64_t burst) const {
    constexpr std::size_t vectors = Lanes / 4;
    __m256i s[vectors];
    __m256i constant[vectors];
    __m256i linear[Linear > 0 ? Linear : 1][vectors];
    __m256i first[Pairs > 0 ? Pairs : 1][vectors];
    __m256i second[Pairs > 0 ? Pairs : 1][vectors];
    for (std::size_t v = 0; v < vectors; ++v) {
      s[v] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(states.data() + 4 * v));
      constant[v] = _mm256_load_si256(reinterpret_cast<const __m256i*>(constant_.data() + 4 * v));
      for (std::size_t i = 0; i < Linear; ++i)
        linear[i][v] = _mm256_load_si256(reinterpret_cast<const __m256i*>(linear_[i].data() + 4 * v));
      for (std::size_t i = 0; i < Pairs; ++i) {
        first[i][v] = _mm256_load_si256(reinterpret_cast<const __m256i*>(first_[i].data() + 4 * v));
        second[i][v] = _mm256_load_si256(reinterpret_cast<const __m256i*>(second_[i].data() + 4 * v));
      }
    }
    const __m256i top = _mm256_set1_epi64x(static_cast<long long>(top_bit_));
    const __m256i one = _mm256_set1_epi64x(1);
    std::uint64_t rounds = 0;
    while (rounds < burst) {
      __m256i back = _mm256_setzero_si256();
      for (std::size_t v = 0; v < vectors; ++v) {
        __m256i sum = constant[v];
        for (std::size_t i = 0; i < Linear; ++i) sum = _mm256_xor_si256(sum, _mm256_sllv_epi64(s[v], linear[i][v]));
        for (std::size_t i = 0; i < Pairs; ++i) {
          sum = _mm256_xor_si256(
              sum, _mm256_and_si256(_mm256_sllv_epi64(s[v], first[i][v]), _mm256_sllv_epi64(s[v], second[i][v])));
        }
        s[v] = _mm256_or_si256(_mm256_srli_epi64(s[v], 1), _mm256_and_si256(sum, top));
        back = _mm256_or_si256(back, _mm256_cmpeq_epi64(s[v], one));
      }
      ++rounds;
      if (!_mm256_testz_si256(back, back)) break;
    }
    for (std::size_t v = 0; v < vectors; ++v) {
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(states.data() + 4 * v), s[v]);
    }
    return rounds;
  }

  std::uint64_t top_bit_;
  alignas(32) std::array<std::uint64_t, Lanes> states_{};
  alignas(32) std::array<std::uint64_t, Lanes> constant_{};
  alignas(32) std::array<std::array<std::uint64_t, Lanes>, (Linear > 0 ? Linear : 1)> linear_{};
  alignas(32) std::array<std::array<std::uint64_t, Lanes>, (Pairs > 0 ? Pairs : 1)> first_{};
  alignas(32) std::array<std::array<std::uint64_t, Lanes>, (Pairs > 0 ? Pairs : 1)> second_{};
};

}  // namespace lfsr
