// What the enumeration engine steps: a linear map over GF(p), or a nonlinear feedback function over GF(2).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "lfsr/feedback.hpp"
#include "lfsr/linear_map.hpp"

namespace lfsr {

// The successor function of the states 0 .. state_count() - 1, as one value that the engine, its
// chunk jobs and the workers of every runner carry: enumeration visits states and needs nothing of
// the map but its step, so linear registers, matrices and NLFSRs share the whole engine. Both
// constructors convert implicitly, so a LinearMap or a Feedback is passed wherever a Transition is.
class Transition {
 public:
  Transition(LinearMap map) : step_(std::move(map)) {}           // NOLINT(google-explicit-constructor)
  Transition(Feedback feedback) : step_(std::move(feedback)) {}  // NOLINT(google-explicit-constructor)

  // Nothing for a nonlinear register.
  const LinearMap* linear_map() const { return std::get_if<LinearMap>(&step_); }
  // Nothing for a linear map.
  const Feedback* feedback() const { return std::get_if<Feedback>(&step_); }

  // p^dimension (2^n for feedback), or 0 when that does not fit in 63 bits.
  std::uint64_t state_count() const;
  // Whether the step is a permutation of the states (no transient states).
  bool is_invertible() const;
  // The state space for messages: "2^24", "3^10".
  std::string state_space() const;
  // A Fibonacci register over GF(2), linear or not: its states are n-bit windows of its output
  // sequence, so a cycle of length L < n consists of L-periodic windows (short_cycle_search.hpp).
  bool is_gf2_shift_register() const;
  // Register length in GF(p) digits (the map's dimension, the feedback's bits).
  int dimension() const;

  // Compact binary form, so that a forked worker or another rank rebuilds the same step.
  std::string serialize() const;
  // Throws InternalError when the bytes are not a serialized Transition.
  static Transition deserialize(std::string_view bytes);

 private:
  std::variant<LinearMap, Feedback> step_;
};

}  // namespace lfsr
