// Fuzzes the feedback-function parsers (algebraic normal form, term lists, hex truth tables, the
// notation picked from the text): what parses prints back to itself in every notation that can
// write it, survives serialization, and steps as a separate evaluation and every compiled evaluator say.
#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/feedback_stepper.hpp"
#include "fuzz_support.hpp"
#include "lfsr/error.hpp"
#include "lfsr/feedback.hpp"
#include "text/parsing.hpp"

namespace {

using namespace lfsr;
using namespace lfsr::fuzz;

enum class Notation { anf, term_list, truth_table, any };

// Registers of at most this many bits have their whole truth table computed here, independently of
// the library's evaluation (4096 states).
constexpr int max_tabulated_bits = 12;
// The truth-table round trip costs 2^n evaluations of F, each one pass over its monomials: it is
// checked when 2^n times the monomial count stays below this, so that a run stays in the milliseconds.
constexpr std::uint64_t max_truth_table_work = std::uint64_t{1} << 22;

std::uint64_t state_mask(int bits) { return bits >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1; }

// F(s) monomial by monomial and variable by variable, as the definition reads: a product is 1 when
// each of its variables is.
bool plain_value(const std::vector<Feedback::Monomial>& monomials, std::uint64_t state) {
  bool sum = false;
  for (const Feedback::Monomial monomial : monomials) {
    bool product = true;
    for (int j = 0; j < 64; ++j) {
      if (((monomial >> j) & 1U) != 0 && ((state >> j) & 1U) == 0) product = false;
    }
    sum ^= product;
  }
  return sum;
}

// F at every state of a small register from its monomials by the Moebius transform (F(s) is the sum
// of the coefficients of the monomials inside s), not by evaluating monomials one at a time.
std::vector<std::uint8_t> value_table(const Feedback& f) {
  const std::uint64_t states = std::uint64_t{1} << f.bits();
  std::vector<std::uint8_t> table(states, 0);
  for (const Feedback::Monomial monomial : f.monomials()) table[monomial] ^= 1;
  for (std::uint64_t bit = 1; bit < states; bit <<= 1) {
    for (std::uint64_t state = 0; state < states; ++state) {
      if ((state & bit) != 0) table[state] ^= table[state ^ bit];
    }
  }
  return table;
}

// The digits of a truth table as Feedback::to_truth_table writes them: no "0x", no spaces, lower case.
std::string normalized_digits(std::string_view text) {
  std::string_view digits = trim(text);
  if (digits.size() >= 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) digits.remove_prefix(2);
  std::string lower(digits);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
  return lower;
}

void check_canonical(const Feedback& f, int bits) {
  require(f.bits() == bits, "parsed feedback has another width");
  const std::vector<Feedback::Monomial>& monomials = f.monomials();
  for (std::size_t i = 0; i < monomials.size(); ++i) {
    require((monomials[i] & ~state_mask(bits)) == 0, "monomial outside the register:", f.to_string());
    if (i > 0) require(monomials[i - 1] != monomials[i], "repeated monomial:", f.to_string());
  }
  int degree = 0;
  bool linear = true;
  bool invertible_by_monomials = false;
  for (const Feedback::Monomial monomial : monomials) {
    degree = std::max(degree, std::popcount(monomial));
    linear = linear && std::popcount(monomial) == 1;
    if (monomial == 1) invertible_by_monomials = true;
  }
  for (const Feedback::Monomial monomial : monomials) {
    if ((monomial & 1U) != 0 && monomial != 1) invertible_by_monomials = false;
  }
  require(f.degree() == degree, "wrong degree of", f.to_string());
  require(f.is_linear() == linear, "wrong linearity of", f.to_string());
  require(f.is_invertible() == invertible_by_monomials, "wrong invertibility of", f.to_string());
}

void check_round_trips(const Feedback& f, int bits) {
  const std::string text = f.to_string();
  require(parse_feedback(text, bits) == f, "printed feedback parses to another:", text);
  require(parse_feedback_any(text, bits) == f, "printed feedback read as any notation parses to another:", text);

  const bool has_constant = !f.monomials().empty() && f.monomials().front() == 0;
  if (f.monomials().empty() || has_constant) {
    try {
      (void)f.to_term_list();
      fail("a term list was written for a function it cannot write:", text);
    } catch (const InputError& error) {
      check_message(error);
    }
  } else {
    const std::string terms = f.to_term_list();
    require(parse_feedback_terms(terms, bits) == f, "term list parses to another:", terms);
    // A lone variable "3" reads as a constant in the any-notation parser (documented): "(3)" is its term list there.
    const std::string any_terms = terms.find_first_of(",(") == std::string::npos ? "(" + terms + ")" : terms;
    require(parse_feedback_any(any_terms, bits) == f, "term list read as any notation parses to another:", any_terms);
  }

  if (bits > max_truth_table_bits) {
    try {
      (void)f.to_truth_table();
      fail("a truth table was written above its width limit:", text);
    } catch (const InputError& error) {
      check_message(error);
    }
  } else if ((std::uint64_t{1} << bits) * std::max<std::size_t>(1, f.monomials().size()) <= max_truth_table_work) {
    const std::string table = f.to_truth_table();
    require(parse_feedback_truth_table(table, bits) == f, "truth table parses to another:", table.substr(0, 200));
    require(parse_feedback_any("0x" + table, bits) == f,
            "0x truth table read as any notation parses to another:", table.substr(0, 200));
  }

  require(Feedback::deserialize(f.serialize()) == f, "serialized feedback deserializes to another:", text);
}

// The states checked one at a time: the extremes, single bits, and states drawn from the input.
std::vector<std::uint64_t> sample_states(int bits, const std::uint8_t* data, std::size_t size) {
  const std::uint64_t mask = state_mask(bits);
  std::vector<std::uint64_t> states{
      0, mask, 1, std::uint64_t{1} << (bits - 1), 0x5555555555555555U & mask, 0xaaaaaaaaaaaaaaaaU & mask};
  std::uint64_t hash = 0xcbf29ce484222325U;  // FNV-1a over the input
  for (std::size_t i = 0; i < size; ++i) {
    hash = (hash ^ data[i]) * 0x100000001b3U;
    if (i % 7 == 6 && states.size() < 16) states.push_back(hash & mask);
  }
  while (states.size() < 16) {
    hash = (hash ^ (hash >> 29)) * 0xbf58476d1ce4e5b9U;
    states.push_back(hash & mask);
  }
  return states;
}

void check_steps(const Feedback& f, const std::vector<std::uint64_t>& states) {
  const int bits = f.bits();
  const std::uint64_t top = std::uint64_t{1} << (bits - 1);
  const FeedbackStepper general(f);
  const std::optional<FeedbackTableStepper> table =
      FeedbackTableStepper::fits(f) ? std::optional<FeedbackTableStepper>(f) : std::nullopt;
  for (const std::uint64_t state : states) {
    const bool value = plain_value(f.monomials(), state);
    const std::uint64_t next = (state >> 1) | (value ? top : 0);
    require(f.value(state) == value && f.next(state) == next, "Feedback::next differs from the plain evaluation of",
            f.to_string());
    require(general.next(state) == next, "FeedbackStepper differs from the plain evaluation of", f.to_string());
    require(with_feedback_stepper(f, [state](const auto& stepper) { return stepper.next(state); }) == next,
            "the chosen feedback stepper differs from the plain evaluation of", f.to_string());
    if (table)
      require(table->next(state) == next, "FeedbackTableStepper differs from the plain evaluation of", f.to_string());
  }
}

// 64 walks bit-sliced against 64 walks stepped one at a time; `steps` past the sliced walks' buffer
// (4096 steps) also moves their window back to the front.
void check_bit_sliced(const Feedback& f, const std::vector<std::uint64_t>& states, std::uint64_t steps) {
  std::array<std::uint64_t, BitSlicedFeedbackWalks::walks> start{};
  for (std::size_t walk = 0; walk < start.size(); ++walk) {
    const std::uint64_t state = states[walk % states.size()];
    // Walks beyond the samples start from rotated samples, so the 64 lanes differ.
    start[walk] = walk < states.size() ? state : (state * 0x9e3779b97f4a7c15U + walk) & state_mask(f.bits());
  }
  BitSlicedFeedbackWalks sliced(f);
  sliced.set_states(start);
  require(sliced.states() == start, "bit-sliced walks do not hold the states they were given");
  sliced.advance(steps);
  std::array<std::uint64_t, BitSlicedFeedbackWalks::walks> expected = start;
  for (std::uint64_t& state : expected) {
    for (std::uint64_t step = 0; step < steps; ++step) state = f.next(state);
  }
  require(sliced.states() == expected, "bit-sliced walks differ from Feedback::next on", f.to_string());
}

// For a small register: Feedback::value equals the Moebius table everywhere, and is_invertible says
// whether the step is a permutation (F(0, y) != F(1, y) for every y).
void check_small_register(const Feedback& f) {
  const std::vector<std::uint8_t> table = value_table(f);
  bool permutation = true;
  for (std::uint64_t state = 0; state < table.size(); state += 2) {
    permutation = permutation && table[state] != table[state + 1];
  }
  require(f.is_invertible() == permutation, "is_invertible is not whether the step permutes the states of",
          f.to_string());
  for (std::uint64_t state = 0; state < table.size(); state += 1 + state / 64) {
    require(f.value(state) == (table[state] != 0), "Feedback::value differs from the Moebius table of", f.to_string());
  }
}

}  // namespace

// Byte 0: the register's width n = (byte0 & 63) + 1 and the notation byte0 >> 6 (0 algebraic normal
// form, 1 term list, 2 truth table, 3 any, as --feedback reads). The rest: the text.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const int bits = (data[0] & 63) + 1;
  const auto notation = static_cast<Notation>(data[0] >> 6);
  const std::string_view text = as_text(data + 1, size - 1);
  std::optional<Feedback> f;
  try {
    switch (notation) {
      case Notation::anf:
        f = parse_feedback(text, bits);
        break;
      case Notation::term_list:
        f = parse_feedback_terms(text, bits);
        break;
      case Notation::truth_table:
        f = parse_feedback_truth_table(text, bits);
        break;
      case Notation::any:
        f = parse_feedback_any(text, bits);
        break;
    }
  } catch (const InputError& error) {
    check_message(error);
    return 0;
  }
  // Past the parse any exception is a finding: libFuzzer reports it as a crash.
  check_canonical(*f, bits);
  check_round_trips(*f, bits);
  if (notation == Notation::truth_table) {
    require(f->to_truth_table() == normalized_digits(text),
            "truth table prints back to other digits:", text.substr(0, 200));
  }
  const std::vector<std::uint64_t> states = sample_states(bits, data, size);
  check_steps(*f, states);
  // Mostly a few steps; one input in sixteen walks past the sliced walks' buffer.
  const std::uint64_t steps = data[size - 1] % 16 == 0 && f->monomials().size() <= 16 ? 4200 : 1 + data[size - 1] % 5;
  check_bit_sliced(*f, states, steps);
  if (bits <= max_tabulated_bits) check_small_register(*f);
  return 0;
}
