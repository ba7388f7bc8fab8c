// The compiled feedback evaluators against a plain simulation, invertibility by brute force, and
// linear feedback stepping exactly as the LFSR kernels of the same polynomial.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "closed_formulas.hpp"
#include "engine/feedback_stepper.hpp"
#include "engine/stepper.hpp"
#include "lfsr/error.hpp"
#include "lfsr/feedback.hpp"
#include "lfsr/linear_map.hpp"

using namespace lfsr;

namespace {

// The reference register, kept apart from the library: F as lists of variable indexes (an empty
// list is the constant 1), evaluated variable by variable, and the shift written out cell by cell.
struct ReferenceRegister {
  int n = 0;
  std::vector<std::vector<int>> terms;

  int cell(std::uint64_t state, int j) const { return static_cast<int>((state >> j) & 1U); }
  int feedback(std::uint64_t state) const {
    int sum = 0;
    for (const auto& term : terms) {
      int product = 1;
      for (const int j : term) product &= cell(state, j);
      sum ^= product;
    }
    return sum;
  }
  std::uint64_t next(std::uint64_t state) const {
    std::uint64_t next = 0;
    for (int j = 0; j + 1 < n; ++j) next |= static_cast<std::uint64_t>(cell(state, j + 1)) << j;
    return next | static_cast<std::uint64_t>(feedback(state)) << (n - 1);
  }
  std::string text() const {
    std::string text;
    for (const auto& term : terms) {
      if (!text.empty()) text += " + ";
      if (term.empty()) text += "1";
      for (std::size_t i = 0; i < term.size(); ++i) text += (i == 0 ? "x" : "*x") + std::to_string(term[i]);
    }
    return text.empty() ? "0" : text;
  }
};

ReferenceRegister random_register(int n, int max_terms, int max_degree, std::mt19937_64& random) {
  ReferenceRegister reference{n, {}};
  const auto terms = static_cast<int>(random() % static_cast<std::uint64_t>(max_terms + 1));
  for (int t = 0; t < terms; ++t) {
    std::vector<int> term(random() % static_cast<std::uint64_t>(max_degree + 1));
    for (int& j : term) j = static_cast<int>(random() % static_cast<std::uint64_t>(n));
    reference.terms.push_back(term);
  }
  return reference;
}

std::uint64_t state_mask(int n) { return n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1; }

}  // namespace

TEST_CASE("the feedback evaluators agree with a plain simulation on every state up to 12 bits", "[feedback]") {
  std::mt19937_64 random(1215);
  for (int n = 1; n <= 12; ++n) {
    for (int round = 0; round < testing::random_cases(6); ++round) {
      const ReferenceRegister reference = random_register(n, 8, 4, random);
      const Feedback feedback = parse_feedback(reference.text(), n);
      CAPTURE(n, reference.text());
      const FeedbackStepper plain(feedback);
      const FeedbackTableStepper table(feedback);
      for (std::uint64_t state = 0; state < (std::uint64_t{1} << n); ++state) {
        const std::uint64_t expected = reference.next(state);
        REQUIRE(feedback.next(state) == expected);
        REQUIRE(plain.next(state) == expected);
        REQUIRE(table.next(state) == expected);
      }
      with_feedback_stepper(feedback, [&](const auto& stepper) {
        for (std::uint64_t state = 0; state < (std::uint64_t{1} << n); ++state) {
          REQUIRE(stepper.next(state) == reference.next(state));
        }
      });
    }
  }
}

TEST_CASE("the feedback evaluators agree with a plain simulation on random states up to 64 bits", "[feedback]") {
  std::mt19937_64 random(6415);
  for (int n : {13, 17, 24, 31, 32, 33, 40, 48, 57, 63, 64}) {
    for (int round = 0; round < testing::random_cases(4); ++round) {
      const ReferenceRegister reference = random_register(n, 10, 5, random);
      const Feedback feedback = parse_feedback(reference.text(), n);
      CAPTURE(n, reference.text());
      const FeedbackStepper plain(feedback);
      const bool table_fits = FeedbackTableStepper::fits(feedback);
      const FeedbackTableStepper table(table_fits ? feedback : Feedback(n, {}));
      for (int sample = 0; sample < 2000; ++sample) {
        const std::uint64_t state = random() & state_mask(n);
        const std::uint64_t expected = reference.next(state);
        REQUIRE(plain.next(state) == expected);
        if (table_fits) REQUIRE(table.next(state) == expected);
      }
      with_feedback_stepper(feedback, [&](const auto& stepper) {
        for (int sample = 0; sample < 2000; ++sample) {
          const std::uint64_t state = random() & state_mask(n);
          REQUIRE(stepper.next(state) == reference.next(state));
        }
        std::array<std::uint64_t, 8> lanes{};
        for (auto& state : lanes) state = random() & state_mask(n);
        std::array<std::uint64_t, 8> expected = lanes;
        for (int step = 0; step < 100; ++step) {
          stepper.next_lanes(lanes);
          for (auto& state : expected) state = reference.next(state);
          REQUIRE(lanes == expected);
        }
      });
    }
  }
}

TEST_CASE("quadratic feedback of up to 6 products gets the unrolled evaluator", "[feedback]") {
  const auto pairs_of = [](const std::string& text, int n) {
    return with_feedback_stepper(parse_feedback(text, n), [](const auto& stepper) {
      using Stepper = std::decay_t<decltype(stepper)>;
      if constexpr (std::is_same_v<Stepper, FeedbackStepper>) {
        return -1;
      } else {
        return Stepper::pairs;
      }
    });
  };
  CHECK(pairs_of("x0 + x3", 4) == 0);
  CHECK(pairs_of("1 + x0 + x1 + x2*x3", 4) == 1);
  CHECK(pairs_of("x0 + x7 + x4*x9 + x2*x11 + x6*x15 + x13*x22", 24) == 4);
  CHECK(pairs_of("x0 + x1*x2 + x1*x3 + x1*x4 + x1*x5 + x1*x6 + x1*x7", 8) == 6);
  CHECK(pairs_of("x0 + x1*x2 + x1*x3 + x1*x4 + x1*x5 + x1*x6 + x1*x7 + x2*x3", 8) == -1);
  CHECK(pairs_of("x0 + x1*x2*x3", 4) == -1);
  CHECK_THROWS_AS(QuadraticFeedbackStepper<1>(parse_feedback("x0 + x1*x2*x3", 4)), InternalError);
}

TEST_CASE("the table evaluator takes feedback reading up to 16 variables", "[feedback]") {
  CHECK(FeedbackTableStepper::fits(parse_feedback("x0 + x15*x30 + x1*x2*x3*x4*x5*x6*x7*x8*x9*x10*x11*x12*x13", 40)));
  CHECK_FALSE(
      FeedbackTableStepper::fits(parse_feedback("x0 + x16*x30 + x1*x2*x3*x4*x5*x6*x7*x8*x9*x10*x11*x12*x13*x14", 40)));
}

TEST_CASE("64 bit-sliced walks step as 64 plain walks", "[feedback]") {
  std::mt19937_64 random(6464);
  for (int n : {1, 2, 5, 12, 24, 40, 64}) {
    for (int round = 0; round < testing::random_cases(3); ++round) {
      const ReferenceRegister reference = random_register(n, 8, 3, random);
      const Feedback feedback = parse_feedback(reference.text(), n);
      CAPTURE(n, reference.text());
      std::array<std::uint64_t, BitSlicedFeedbackWalks::walks> expected{};
      for (auto& state : expected) state = random() & state_mask(n);
      BitSlicedFeedbackWalks walks(feedback);
      walks.set_states(expected);
      REQUIRE(walks.states() == expected);
      // Past the window's move back to the front of its buffer (4096 steps) and again.
      for (const std::uint64_t steps : {1, 7, 5000, 4100}) {
        walks.advance(steps);
        for (auto& state : expected) {
          for (std::uint64_t s = 0; s < steps; ++s) state = reference.next(state);
        }
        REQUIRE(walks.states() == expected);
      }
    }
  }
}

TEST_CASE("the step is a bijection on the 2^n states exactly when the feedback is invertible", "[feedback]") {
  const auto is_bijection = [](const Feedback& feedback) {
    const std::uint64_t states = std::uint64_t{1} << feedback.bits();
    std::vector<bool> reached(states);
    for (std::uint64_t state = 0; state < states; ++state) reached[feedback.next(state)] = true;
    return std::find(reached.begin(), reached.end(), false) == reached.end();
  };
  SECTION("every function of up to 4 variables") {
    for (int n = 1; n <= 4; ++n) {
      const std::uint64_t tables = std::uint64_t{1} << (std::uint64_t{1} << n);
      for (std::uint64_t table = 0; table < tables; ++table) {
        std::string hex = fmt::format("{:x}", table);
        hex.insert(0, std::max<std::size_t>(1, (std::size_t{1} << n) / 4) - hex.size(), '0');
        const Feedback feedback = parse_feedback_truth_table(hex, n);
        CAPTURE(n, hex, feedback.to_string());
        REQUIRE(feedback.is_invertible() == is_bijection(feedback));
      }
    }
  }
  SECTION("random functions of 5 to 12 variables, half of them x0 + g") {
    std::mt19937_64 random(5012);
    for (int n = 5; n <= 12; ++n) {
      for (int round = 0; round < testing::random_cases(20); ++round) {
        ReferenceRegister reference = random_register(n, 6, 3, random);
        if (round % 2 == 0) {
          for (auto& term : reference.terms) std::erase(term, 0);
          reference.terms.push_back({0});
        }
        const Feedback feedback = parse_feedback(reference.text(), n);
        CAPTURE(n, feedback.to_string());
        REQUIRE(feedback.is_invertible() == is_bijection(feedback));
      }
    }
  }
}

TEST_CASE("linear feedback steps exactly as the Fibonacci LFSR of its polynomial", "[feedback]") {
  std::mt19937_64 random(1515);
  for (int n = 1; n <= 14; ++n) {
    for (int round = 0; round < 4; ++round) {
      ReferenceRegister reference{n, {}};
      for (int j = 0; j < n; ++j) {
        if (random() % 2 == 0) reference.terms.push_back({j});
      }
      const Feedback feedback = parse_feedback(reference.text(), n);
      REQUIRE(feedback.is_linear());
      const LinearMap map = linear_map_of(Lfsr{feedback.characteristic_polynomial(), Form::fibonacci});
      CAPTURE(n, feedback.to_string(), feedback.characteristic_polynomial().to_string());
      REQUIRE(map.kind == LinearMap::Kind::gf2_fibonacci);
      REQUIRE(map.gf2_taps == feedback.linear_taps());
      const FeedbackStepper plain(feedback);
      const FeedbackTableStepper table(feedback);
      const Gf2MatrixStepper matrix(map);
      with_stepper(map, [&](const auto& lfsr) {
        for (std::uint64_t state = 0; state < (std::uint64_t{1} << n); ++state) {
          const std::uint64_t expected = lfsr.next(state);
          REQUIRE(matrix.next(state) == expected);
          REQUIRE(reference.next(state) == expected);
          REQUIRE(feedback.next(state) == expected);
          REQUIRE(plain.next(state) == expected);
          REQUIRE(table.next(state) == expected);
        }
      });
    }
  }
}
