// A batch's directly written JSON line against the general writer (report_json through dump_json).
#include <catch2/catch.hpp>
#include <random>

#include "lfsr/algebra.hpp"
#include "lfsr/enumerate.hpp"
#include "lfsr/feedback.hpp"
#include "lfsr/state_period.hpp"
#include "random_matrices.hpp"
#include "report/json_line.hpp"
#include "report/run_info.hpp"

using namespace lfsr;

namespace {

std::string general_line(std::uint64_t line, const Report& report) {
  nlohmann::ordered_json json{{"line", line}};
  json.update(report_json(report));
  return dump_json(json);
}

RunInfo run_of(const Lfsr& lfsr, const std::string& method, double seconds) {
  RunInfo run = register_run_info(lfsr);
  run.method = method;
  run.mode = "threads";
  run.workers = 2;
  run.seconds = seconds;
  return run;
}

void require_same_line(std::uint64_t line, const Report& report) {
  std::string direct = "kept ";
  append_report_json_line(direct, line, report);
  REQUIRE(direct == "kept " + general_line(line, report));
  // Cut in two, as a batch's worker and writer write it: the same bytes.
  std::string keys;
  append_report_json_keys(keys, report);
  std::string joined = "kept ";
  append_json_line(joined, line, keys);
  REQUIRE(joined == direct);
}

}  // namespace

TEST_CASE("the direct JSON line equals the general writer's", "[report][json]") {
  std::mt19937_64 random(5);
  const auto runner = make_sequential_runner();
  const double seconds[] = {0, 3.1e-05, 0.000124, 0.1234567, 1e-7, 12.5, 1234.000001};
  std::uint64_t line = 1;
  for (const auto& [q, n] : {std::pair{2U, 10}, std::pair{2U, 5}, std::pair{3U, 5}, std::pair{4U, 4}, std::pair{9U, 2},
                             std::pair{256U, 2}}) {
    const Field field = Field::from_order(q);
    for (int trial = 0; trial < 12; ++trial, ++line) {
      const Polynomial f = testing::random_polynomial(field, n, random);
      const Lfsr lfsr{f, trial % 2 == 0 ? Form::fibonacci : Form::galois};
      CAPTURE(q, f.to_string());
      CycleStructure result = enumerate(linear_map_of(lfsr), *runner,
                                        {.chunk_states = 0, .list_cycles = trial % 3 == 0, .on_progress = {}});
      require_same_line(line, Report{run_of(lfsr, "enumerate", seconds[trial % 7]), result, {}});
      add_minimal_polynomials(lfsr, result);
      require_same_line(line * 1000003, Report{run_of(lfsr, "both", seconds[(trial + 3) % 7]), result, {}});
      RunInfo matrix_run = run_of(lfsr, "algebraic", 0.5);
      matrix_run.form.clear();
      matrix_run.input = "matrix";
      require_same_line(line, Report{matrix_run, algebraic_cycle_structure(lfsr), {}});
    }
  }
  // Counts far beyond 64 bits, and a field whose modulus is named.
  for (const unsigned q : {2U, 49U}) {
    const Field field = Field::from_order(q);
    const Lfsr lfsr{testing::random_polynomial(field, 90, random), Form::fibonacci};
    require_same_line(7, Report{run_of(lfsr, "algebraic", 0.25), algebraic_cycle_structure(lfsr), {}});
    require_same_line(8, Report{run_of(lfsr, "algebraic", 0.25), algebraic_cycle_structure(lfsr.polynomial), {}});
  }
}

TEST_CASE("a JSON line with keys a batch never has goes through the general writer", "[report][json]") {
  const Lfsr lfsr{parse_polynomial("x^4+x+1", Field::from_order(2)), Form::fibonacci};
  const auto runner = make_sequential_runner();
  Report report{run_of(lfsr, "enumerate", 0.001), enumerate(linear_map_of(lfsr), *runner), {}};
  report.run.sequence = SequenceInfo{4, 8, true, {0, 1, 1, 2}};
  require_same_line(3, report);
  report.run.sequence.reset();
  report.compare.push_back(ModeTiming{Mode::seq, 1, 0.001, 0.001, 0.002, 1.0, 16000.0});
  require_same_line(4, report);
}

TEST_CASE("a feedback register's direct JSON line equals the general writer's", "[report][json][feedback]") {
  const auto runner = make_sequential_runner();
  std::uint64_t line = 1;
  // Invertible and singular, with and without transient states, a constant term, the zero function.
  for (const auto& [text, bits] : {std::pair{"x0+x1+x2+x1*x2", 4}, std::pair{"x1*x2", 3}, std::pair{"1+x0+x3*x5", 7},
                                   std::pair{"0", 2}, std::pair{"x0+x3*x9+x1*x4*x7", 10}}) {
    CAPTURE(text, bits);
    const Feedback feedback = parse_feedback(text, bits);
    RunInfo run;
    run.field = Field::from_order(2);
    run.bits = bits;
    run.form = "fibonacci";
    run.input = "feedback";
    run.feedback = feedback.to_string();
    run.invertible = feedback.is_invertible();
    run.mode = "fork";
    run.workers = 2;
    run.seconds = 0.000125;
    for (const bool list_cycles : {false, true})
      require_same_line(line++, Report{run,
                                       enumerate(feedback, *runner,
                                                 {.chunk_states = 0, .list_cycles = list_cycles, .on_progress = {}}),
                                       {}});
  }
}
