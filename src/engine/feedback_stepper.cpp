// Compiled feedback functions: building the per-monomial, table and bit-sliced evaluators.
#include "engine/feedback_stepper.hpp"

#include <algorithm>

#include "lfsr/error.hpp"

namespace lfsr {

namespace {

std::uint64_t support_of(const Feedback& feedback) {
  std::uint64_t support = 0;
  for (const Feedback::Monomial monomial : feedback.monomials()) support |= monomial;
  return support;
}

}  // namespace

FeedbackStepper::FeedbackStepper(const Feedback& feedback) : top_(feedback.bits() - 1) {
  for (const Feedback::Monomial monomial : feedback.monomials()) {
    if (monomial == 0) {
      constant_ = 1;
    } else if (std::has_single_bit(monomial)) {
      linear_taps_ |= monomial;
    } else if (std::popcount(monomial) == 2) {
      pairs_.push_back({static_cast<std::uint8_t>(std::countr_zero(monomial)),
                        static_cast<std::uint8_t>(63 - std::countl_zero(monomial))});
    } else {
      products_.push_back(monomial);
    }
  }
}

template <int Pairs>
QuadraticFeedbackStepper<Pairs>::QuadraticFeedbackStepper(const Feedback& feedback)
    : top_bit_(std::uint64_t{1} << (feedback.bits() - 1)), top_(feedback.bits() - 1) {
  if (!fits(feedback)) throw InternalError("QuadraticFeedbackStepper: the feedback has another shape");
  std::size_t pair = 0;
  for (const Feedback::Monomial monomial : feedback.monomials()) {
    if (monomial == 0) {
      constant_ = top_bit_;
    } else if (std::has_single_bit(monomial)) {
      linear_taps_ |= monomial;
    } else {
      first_up_[pair] = static_cast<std::uint32_t>(top_ - std::countr_zero(monomial));
      second_up_[pair] = static_cast<std::uint32_t>(top_ - (63 - std::countl_zero(monomial)));
      ++pair;
    }
  }
}

template class QuadraticFeedbackStepper<0>;
template class QuadraticFeedbackStepper<1>;
template class QuadraticFeedbackStepper<2>;
template class QuadraticFeedbackStepper<3>;
template class QuadraticFeedbackStepper<4>;
template class QuadraticFeedbackStepper<5>;
template class QuadraticFeedbackStepper<6>;

bool FeedbackTableStepper::fits(const Feedback& feedback) {
  return std::popcount(support_of(feedback)) <= max_variables;
}

FeedbackTableStepper::FeedbackTableStepper(const Feedback& feedback) : top_(feedback.bits() - 1) {
  if (!fits(feedback)) throw InternalError("FeedbackTableStepper: the feedback reads too many variables");
  const std::uint64_t support = support_of(feedback);
  // Support variable x_j (the r-th lowest in the support) lands at bit r of the table index.
  const auto packed = [support](std::uint64_t state) {
    std::uint32_t index = 0;
    int place = 0;
    for (std::uint64_t rest = support; rest != 0; rest &= rest - 1, ++place) {
      if ((state & rest & (0 - rest)) != 0) index |= std::uint32_t{1} << place;
    }
    return index;
  };
  for (int shift = 0; shift < feedback.bits(); shift += 8) {
    if (((support >> shift) & 0xFFU) == 0) continue;
    Gather gather{shift, {}};
    for (std::uint64_t byte = 0; byte < 256; ++byte) gather.table[byte] = packed(byte << shift);
    gathers_.push_back(gather);
  }
  // Entry i: F at the state holding the bits of i at the support's places (the other variables
  // do not change F).
  const int variables = std::popcount(support);
  const std::uint64_t entries = std::uint64_t{1} << variables;
  table_.assign(std::max<std::uint64_t>(1, entries / 64), 0);
  for (std::uint64_t index = 0; index < entries; ++index) {
    std::uint64_t state = 0;
    int place = 0;
    for (std::uint64_t rest = support; rest != 0; rest &= rest - 1, ++place) {
      if (((index >> place) & 1U) != 0) state |= rest & (0 - rest);
    }
    if (feedback.value(state)) table_[index / 64] |= std::uint64_t{1} << (index % 64);
  }
}

BitSlicedFeedbackWalks::BitSlicedFeedbackWalks(const Feedback& feedback) : bits_(feedback.bits()) {
  for (const Feedback::Monomial monomial : feedback.monomials()) {
    if (monomial == 0) {
      constant_ = ~std::uint64_t{0};
    } else if (std::has_single_bit(monomial)) {
      linear_.push_back(static_cast<std::uint32_t>(std::countr_zero(monomial)));
    } else {
      for (std::uint64_t rest = monomial; rest != 0; rest &= rest - 1) {
        product_vars_.push_back(static_cast<std::uint32_t>(std::countr_zero(rest)));
      }
      product_ends_.push_back(static_cast<std::uint32_t>(product_vars_.size()));
    }
  }
  // Room for many steps between the moves of the window back to the front.
  sequence_.assign(static_cast<std::size_t>(bits_) + 4096, 0);
}

void BitSlicedFeedbackWalks::set_states(const std::array<std::uint64_t, walks>& states) {
  position_ = 0;
  for (int j = 0; j < bits_; ++j) {
    std::uint64_t word = 0;
    for (int walk = 0; walk < walks; ++walk) word |= ((states[static_cast<std::size_t>(walk)] >> j) & 1U) << walk;
    sequence_[static_cast<std::size_t>(j)] = word;
  }
}

std::array<std::uint64_t, BitSlicedFeedbackWalks::walks> BitSlicedFeedbackWalks::states() const {
  std::array<std::uint64_t, walks> states{};
  const std::uint64_t* words = window();
  for (int j = 0; j < bits_; ++j) {
    for (int walk = 0; walk < walks; ++walk) {
      states[static_cast<std::size_t>(walk)] |= ((words[j] >> walk) & 1U) << j;
    }
  }
  return states;
}

void BitSlicedFeedbackWalks::advance(std::uint64_t steps) {
  const auto n = static_cast<std::size_t>(bits_);
  for (; steps > 0; --steps) {
    if (position_ + n == sequence_.size()) {
      std::copy(sequence_.end() - static_cast<std::ptrdiff_t>(n), sequence_.end(), sequence_.begin());
      position_ = 0;
    }
    const std::uint64_t* x = sequence_.data() + position_;
    std::uint64_t word = constant_;
    for (const std::uint32_t j : linear_) word ^= x[j];
    std::uint32_t begin = 0;
    for (const std::uint32_t end : product_ends_) {
      std::uint64_t product = x[product_vars_[begin]];
      for (std::uint32_t v = begin + 1; v < end; ++v) product &= x[product_vars_[v]];
      word ^= product;
      begin = end;
    }
    sequence_[position_ + n] = word;
    ++position_;
  }
}

}  // namespace lfsr
