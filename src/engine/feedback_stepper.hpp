// Compiled feedback functions: the step of a nonlinear feedback shift register on a state index, and 64 walks
// bit-sliced.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <vector>

#include "lfsr/feedback.hpp"

namespace lfsr {

// Any F: the linear monomials folded into one parity of state & taps (the LFSR kernel's work),
// each product of two variables as (s >> a) & (s >> b), each longer product as a mask compare, all
// without branches (a branch on a product of state bits is mispredicted about half the time).
// s' = (s >> 1) | (F(s) << (n - 1)).
class FeedbackStepper {
 public:
  // The engine's short-cycle search applies: the states are windows of the output sequence.
  static constexpr bool shift_register = true;
  explicit FeedbackStepper(const Feedback& feedback);
  int bits() const { return top_ + 1; }
  std::uint64_t value(std::uint64_t state) const {
    // Bit 0 of sum collects the monomials; the bits above it are garbage.
    std::uint64_t sum = constant_ ^ static_cast<std::uint64_t>(std::popcount(state & linear_taps_));
    for (const Pair pair : pairs_) sum ^= (state >> pair.first) & (state >> pair.second);
    for (const std::uint64_t product : products_) {
      const std::uint64_t missing = (state & product) ^ product;  // 0 exactly when the product is 1
      sum ^= (~missing & (missing - 1)) >> 63;
    }
    return sum & 1U;
  }
  std::uint64_t next(std::uint64_t state) const { return (state >> 1) | (value(state) << top_); }
  // One step of each of several independent walks: their latencies overlap (the engine's walks
  // use this, as they do GfpMatrixStepper's).
  template <std::size_t Lanes>
  void next_lanes(std::array<std::uint64_t, Lanes>& states) const {
    for (std::uint64_t& state : states) state = next(state);
  }

 private:
  struct Pair {
    std::uint8_t first;
    std::uint8_t second;
  };
  std::uint64_t constant_ = 0;
  std::uint64_t linear_taps_ = 0;
  std::vector<Pair> pairs_;              // the products of two variables
  std::vector<std::uint64_t> products_;  // the products of three or more
  int top_;
};

// A quadratic F (degree <= 2) with exactly Pairs products of two variables, their count known to
// the compiler: the products unroll into 3 instructions each and no loop is left in the step.
// FeedbackStepper's work without its loop overhead, for the families the searches try.
template <int Pairs>
class QuadraticFeedbackStepper {
 public:
  static constexpr bool shift_register = true;
  static constexpr int pairs = Pairs;
  // Whether F has degree <= 2 and exactly Pairs products.
  static bool fits(const Feedback& feedback) {
    int count = 0;
    for (const Feedback::Monomial monomial : feedback.monomials()) {
      if (std::popcount(monomial) > 2) return false;
      count += std::popcount(monomial) == 2 ? 1 : 0;
    }
    return count == Pairs;
  }
  // Throws InternalError unless fits(feedback).
  explicit QuadraticFeedbackStepper(const Feedback& feedback);
  int bits() const { return top_ + 1; }
  std::uint64_t value(std::uint64_t state) const { return (at_top(state) >> top_) & 1U; }
  std::uint64_t next(std::uint64_t state) const { return (state >> 1) | (at_top(state) & top_bit_); }
  // One step of each of several independent walks: their latencies overlap (the engine's walks
  // use this, as they do GfpMatrixStepper's).
  template <std::size_t Lanes>
  void next_lanes(std::array<std::uint64_t, Lanes>& states) const {
    for (std::uint64_t& state : states) state = next(state);
  }

 private:
  // F(s) in bit n - 1, other bits garbage: the product x_a x_b is bit n - 1 of
  // (s << (n - 1 - a)) & (s << (n - 1 - b)), so no shift and mask follow the sum (a tenth faster
  // a step than summing in bit 0).
  std::uint64_t at_top(std::uint64_t state) const {
    std::uint64_t sum = constant_ ^ (static_cast<std::uint64_t>(std::popcount(state & linear_taps_)) << top_);
    for (int i = 0; i < Pairs; ++i) sum ^= (state << first_up_[i]) & (state << second_up_[i]);
    return sum;
  }

  std::uint64_t constant_ = 0;  // the constant term in bit n - 1
  std::uint64_t linear_taps_ = 0;
  std::array<std::uint32_t, Pairs> first_up_{};   // n - 1 - a for the product x_a x_b
  std::array<std::uint32_t, Pairs> second_up_{};  // n - 1 - b
  std::uint64_t top_bit_;
  int top_;
};

// Largest number of products QuadraticFeedbackStepper is compiled for.
inline constexpr int max_quadratic_pairs = 6;

// Calls visit with the fastest evaluator for F, as with_stepper does for linear maps: a quadratic
// F with at most max_quadratic_pairs products gets QuadraticFeedbackStepper, any other F the
// general FeedbackStepper. The visitor is compiled once per evaluator.
template <class Visit>
decltype(auto) with_feedback_stepper(const Feedback& feedback, Visit&& visit) {
  if (QuadraticFeedbackStepper<0>::fits(feedback)) return visit(QuadraticFeedbackStepper<0>(feedback));
  if (QuadraticFeedbackStepper<1>::fits(feedback)) return visit(QuadraticFeedbackStepper<1>(feedback));
  if (QuadraticFeedbackStepper<2>::fits(feedback)) return visit(QuadraticFeedbackStepper<2>(feedback));
  if (QuadraticFeedbackStepper<3>::fits(feedback)) return visit(QuadraticFeedbackStepper<3>(feedback));
  if (QuadraticFeedbackStepper<4>::fits(feedback)) return visit(QuadraticFeedbackStepper<4>(feedback));
  if (QuadraticFeedbackStepper<5>::fits(feedback)) return visit(QuadraticFeedbackStepper<5>(feedback));
  if (QuadraticFeedbackStepper<6>::fits(feedback)) return visit(QuadraticFeedbackStepper<6>(feedback));
  return visit(FeedbackStepper(feedback));
}

// F as a table over the variables it reads (its support, at most max_variables of them): each
// byte of the state that holds support variables is gathered by one 256-entry table into its bits
// of the table index, and F is one bit of a 2^k-bit table. A step costs one lookup per such byte
// plus one, whatever the number of monomials.
class FeedbackTableStepper {
 public:
  static constexpr bool shift_register = true;
  static constexpr int max_variables = 16;
  // Whether F reads at most max_variables variables.
  static bool fits(const Feedback& feedback);
  // Throws InternalError unless fits(feedback).
  explicit FeedbackTableStepper(const Feedback& feedback);
  int bits() const { return top_ + 1; }
  std::uint64_t value(std::uint64_t state) const {
    std::uint32_t index = 0;
    for (const Gather& gather : gathers_) index |= gather.table[(state >> gather.shift) & 0xFFU];
    return (table_[index >> 6] >> (index & 63U)) & 1U;
  }
  std::uint64_t next(std::uint64_t state) const { return (state >> 1) | (value(state) << top_); }

 private:
  struct Gather {
    int shift;
    std::array<std::uint32_t, 256> table;  // byte value -> its support bits, packed at their table-index places
  };
  std::vector<Gather> gathers_;
  std::vector<std::uint64_t> table_;  // bit i = F at the state whose support variables are the bits of i
  int top_;
};

// 64 walks of one register in lockstep, bit-sliced: word j of the window holds x_j of the 64
// states (bit L for walk L), so one step is one AND per variable of a product beyond its first and
// one XOR per monomial for all 64 walks together. The states of a Fibonacci register are windows of
// its sequence, so the words are kept as a sequence: a step appends one word and moves the window.
class BitSlicedFeedbackWalks {
 public:
  static constexpr int walks = 64;
  explicit BitSlicedFeedbackWalks(const Feedback& feedback);
  int bits() const { return bits_; }
  void set_states(const std::array<std::uint64_t, walks>& states);
  std::array<std::uint64_t, walks> states() const;
  // Every walk takes `steps` steps.
  void advance(std::uint64_t steps);
  // The words x_0 .. x_{n-1} of the current states.
  const std::uint64_t* window() const { return sequence_.data() + position_; }

 private:
  int bits_;
  std::uint64_t constant_ = 0;               // all ones when F has the constant term
  std::vector<std::uint32_t> linear_;        // indexes of the linear terms
  std::vector<std::uint32_t> product_vars_;  // the products' variables, product after product
  std::vector<std::uint32_t> product_ends_;  // product i's variables end at product_vars_[product_ends_[i]]
  std::vector<std::uint64_t> sequence_;      // sequence_[position_ + j] = x_j of the current states
  std::size_t position_ = 0;
};

}  // namespace lfsr
