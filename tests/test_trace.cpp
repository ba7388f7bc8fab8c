// Traces agree with brute-force stepping (NTL products, the packed kernels), with --period-of's
// algebra, and their output symbols give the register back through Berlekamp-Massey.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "brute_force.hpp"
#include "engine/stepper.hpp"
#include "lfsr/berlekamp_massey.hpp"
#include "lfsr/error.hpp"
#include "lfsr/primitive_search.hpp"
#include "lfsr/state_period.hpp"
#include "lfsr/trace.hpp"
#include "registers/state_text.hpp"
#include "state_samples.hpp"

using namespace lfsr;

namespace {

// Checks every row of `trace` against next[] from `start`: the state, its digits, the output
// symbol, and the tail and period where the walk first meets a state again.
void check_trace(const Trace& trace, const std::vector<std::uint64_t>& next, std::uint64_t start, std::uint64_t q,
                 int n, std::size_t output_digit) {
  std::vector<std::int64_t> first_seen(next.size(), -1);
  std::uint64_t state = start;
  std::optional<std::uint64_t> tail, period;
  for (std::size_t t = 0; t < trace.rows.size(); ++t) {
    const TraceRow& row = trace.rows[t];
    CAPTURE(t, state);
    REQUIRE(row.state == static_cast<unsigned long>(state));
    REQUIRE(row.digits.size() == static_cast<std::size_t>(n));
    std::uint64_t digits = state;
    for (int i = 0; i < n; ++i, digits /= q) REQUIRE(row.digits[static_cast<std::size_t>(i)] == digits % q);
    REQUIRE(row.output == row.digits[output_digit]);
    if (!tail) first_seen[state] = static_cast<std::int64_t>(t);
    state = next[state];
    if (!tail && first_seen[state] >= 0) {
      tail = static_cast<std::uint64_t>(first_seen[state]);
      period = t + 1 - *tail;
    }
  }
  REQUIRE(trace.next_state == static_cast<unsigned long>(state));
  REQUIRE(trace.tail == tail);
  REQUIRE(trace.period == period);
}

}  // namespace

TEST_CASE("a trace follows the NTL transition of every small register", "[trace]") {
  const auto [q, n] =
      GENERATE(std::make_pair(2U, 1), std::make_pair(2U, 3), std::make_pair(2U, 4), std::make_pair(3U, 2),
               std::make_pair(3U, 3), std::make_pair(4U, 2), std::make_pair(5U, 2));
  const Form form = GENERATE(Form::fibonacci, Form::galois);
  const Field field = Field::from_order(q);
  for (const Polynomial& f : testing::all_polynomials(field, n)) {
    const Lfsr lfsr{f, form};
    CAPTURE(f.to_string(), form_name(form));
    const std::vector<std::uint64_t> next = testing::successors_by_ntl(lfsr);
    for (std::uint64_t start = 0; start < next.size(); ++start) {
      const Trace trace = trace_states(lfsr, start, std::nullopt);
      CAPTURE(start);
      REQUIRE(trace.output_digit == (form == Form::fibonacci ? 0 : n - 1));
      check_trace(trace, next, start, q, n, static_cast<std::size_t>(trace.output_digit));
      // Without a step count it ends at the first repeat: every state but the one it returns to is new.
      REQUIRE(trace.stop == TraceStop::repeat);
      REQUIRE(trace.rows.size() == *trace.tail + *trace.period);
      const StatePeriod expected = state_period(lfsr, start);
      REQUIRE(trace.tail == expected.tail.get_ui());
      REQUIRE(trace.period == expected.period.get_ui());
    }
  }
}

TEST_CASE("a trace of K steps has K rows and still finds the cycle", "[trace]") {
  const Field field = Field::from_order(3);
  const Lfsr lfsr{parse_polynomial("x^3+x^2", field), Form::fibonacci};  // singular: tails
  const std::vector<std::uint64_t> next = testing::successors_by_ntl(lfsr);
  const std::uint64_t steps = GENERATE(1, 2, 5, 40);
  for (std::uint64_t start = 0; start < next.size(); ++start) {
    const Trace trace = trace_states(lfsr, start, steps);
    REQUIRE(trace.rows.size() == steps);
    REQUIRE(trace.stop == TraceStop::steps);
    check_trace(trace, next, start, 3, 3, 0);
  }
}

TEST_CASE("a matrix trace follows the packed kernel of its linear map", "[trace]") {
  const unsigned q = GENERATE(2U, 3U, 4U, 9U);
  const int n = GENERATE(1, 3, 4);
  const Field field = Field::from_order(q);
  if (power(q, n) > 10000) return;
  std::mt19937_64 random(q * 131 + static_cast<unsigned>(n));
  for (int round = 0; round < 6; ++round) {
    Matrix a{field, n, std::vector<std::uint32_t>(static_cast<std::size_t>(n * n))};
    // Sparse and dense matrices, singular ones among them.
    for (auto& entry : a.entries) entry = random() % 3 == 0 ? 0 : static_cast<std::uint32_t>(random() % q);
    const LinearMap map = linear_map_of(field, n, a.entries);
    const std::vector<std::uint64_t> next = with_stepper(map, [&](const auto& stepper) {
      std::vector<std::uint64_t> successors(map.state_count());
      for (std::uint64_t s = 0; s < successors.size(); ++s) successors[s] = stepper.next(s);
      return successors;
    });
    for (std::uint64_t start = 0; start < next.size(); start += 1 + start / 7) {
      const Trace trace = trace_states(a, start, std::nullopt);
      CAPTURE(round, start);
      REQUIRE(trace.output_digit == 0);
      check_trace(trace, next, start, q, n, 0);
      const StatePeriod expected = state_period(a, start);
      REQUIRE(trace.tail == expected.tail.get_ui());
      REQUIRE(trace.period == expected.period.get_ui());
    }
  }
}

TEST_CASE("a trace steps states far beyond 64 bits", "[trace]") {
  // Every period of x^n - 1 divides n p^e, so the cycle closes within a short trace.
  const auto [q, n] =
      GENERATE(std::make_pair(2U, 100), std::make_pair(5U, 60), std::make_pair(4U, 90), std::make_pair(257U, 20));
  const Form form = GENERATE(Form::fibonacci, Form::galois);
  const Field field = Field::from_order(q);
  std::vector<std::uint32_t> coefficients(static_cast<std::size_t>(n) + 1, 0);
  coefficients.front() = field.neg(1);
  coefficients.back() = 1;
  const Lfsr lfsr{Polynomial(field, coefficients), form};
  gmp_randclass random(gmp_randinit_default);
  random.seed(q + static_cast<unsigned>(n));
  mpz_class states;
  mpz_ui_pow_ui(states.get_mpz_t(), q, static_cast<unsigned long>(n));
  const mpz_class start = random.get_z_range(states);
  CAPTURE(q, n, form_name(form), start.get_str());

  const Trace trace = trace_states(lfsr, start, std::nullopt);
  REQUIRE(trace.stop == TraceStop::repeat);
  const StatePeriod expected = state_period(lfsr, start);
  REQUIRE(trace.tail == expected.tail.get_ui());
  REQUIRE(trace.period == expected.period.get_ui());
  // x^n - 1 rotates the state: the index digits move one place each step.
  for (std::size_t t = 0; t + 1 < trace.rows.size(); ++t) {
    const mpz_class& state = trace.rows[t].state;
    const mpz_class top = state / (states / q);
    const mpz_class low = state % q;
    const mpz_class rotated = form == Form::fibonacci ? mpz_class(state / q + low * (states / q))
                                                      : mpz_class((state % (states / q)) * q + top);
    REQUIRE(trace.rows[t + 1].state == rotated);
  }
  // The same map as a matrix gives the same states.
  const Trace by_matrix = trace_states(transition_matrix(lfsr), start, std::nullopt);
  REQUIRE(by_matrix.rows.size() == trace.rows.size());
  for (std::size_t t = 0; t < trace.rows.size(); ++t) REQUIRE(by_matrix.rows[t].state == trace.rows[t].state);
}

TEST_CASE("2n output symbols of a maximal-length register give the register back", "[trace]") {
  const unsigned q = GENERATE(2U, 3U, 4U, 5U, 8U, 9U);
  const int n = GENERATE(2, 5, 9);
  const Form form = GENERATE(Form::fibonacci, Form::galois);
  const Field field = Field::from_order(q);
  const Lfsr lfsr{default_primitive_polynomial(n, field), form};
  const mpz_class start = GENERATE(1, 2, 3);
  CAPTURE(q, n, form_name(form), lfsr.polynomial.to_string(), start.get_str());
  const Trace trace = trace_states(lfsr, start, static_cast<std::uint64_t>(2 * n));
  std::vector<std::uint32_t> outputs;
  for (const TraceRow& row : trace.rows) outputs.push_back(row.output);
  const LinearComplexity found = berlekamp_massey(outputs, field);
  REQUIRE(found.complexity == n);
  REQUIRE(found.unique());
  REQUIRE(Polynomial(field, found.polynomial) == lfsr.polynomial);
}

TEST_CASE("a trace checks its state and step count before stepping", "[trace]") {
  const Field field = Field::from_order(3);
  const Lfsr lfsr{parse_polynomial("x^4+x+2", field), Form::galois};
  REQUIRE_THROWS_AS(trace_states(lfsr, 81, std::nullopt), InputError);
  REQUIRE_THROWS_AS(trace_states(lfsr, -1, std::nullopt), InputError);
  REQUIRE_THROWS_AS(trace_states(lfsr, 1, 0), InputError);
  REQUIRE_THROWS_AS(trace_states(lfsr, 1, max_trace_steps + 1), InputError);
  REQUIRE(trace_states(lfsr, 80, 1000).rows.size() == 1000);
  // Long states: the default stops at the digit budget, an explicit count above it is refused.
  const Lfsr long_register{parse_polynomial("x^5000+x+1", Field::from_order(2)), Form::fibonacci};
  const Trace capped = trace_states(long_register, 1, std::nullopt);
  REQUIRE(capped.rows.size() == max_trace_digits / 5000);
  REQUIRE(capped.stop == TraceStop::limit);
  REQUIRE_FALSE(capped.tail);
  REQUIRE_THROWS_AS(trace_states(long_register, 1, max_trace_digits / 5000 + 1), InputError);
}

TEST_CASE("digit vectors are written most significant first, long ones abbreviated") {
  CHECK(lfsr::digits_text({0, 1, 1, 0}, 2) == "0110");
  CHECK(lfsr::digits_text({3, 0, 12}, 13) == "12,0,3");
  CHECK(lfsr::state_digits_text(13, 3, 12 * 169 + 3) == "12,0,3");
  const std::vector<std::uint32_t> ones(1000, 1);
  CHECK(lfsr::digits_text(ones, 2, 40) == "1111111111111111...1111111111111111 (1000 digits)");
  CHECK(lfsr::digits_text(ones, 2).size() == 1000);
}
