// analyze_batch: outcomes in input order, and on_reported after every task, so that the CLI, which
// writes its gathered lines then, leaves no finished line waiting.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lfsr/enumerate.hpp"
#include "lfsr/error.hpp"
#include "lfsr/feedback.hpp"
#include "lfsr/polynomial.hpp"
#include "lfsr/report.hpp"
#include "many/batch.hpp"
#include "report/json_line.hpp"
#include "report/run_info.hpp"

using namespace lfsr;

namespace {

std::vector<BatchRegister> registers_of(const std::vector<std::string>& texts) {
  const Field gf2 = Field::from_order(2);
  std::vector<BatchRegister> registers;
  for (const std::string& text : texts) registers.push_back(Lfsr{parse_polynomial(text, gf2), Form::fibonacci});
  return registers;
}

}  // namespace

TEST_CASE("a batch reports in order and calls on_reported once each task is handed on", "[batch]") {
  // Small registers one per task (two workers, few registers), the degree-12 one chunked.
  const std::vector<BatchRegister> registers =
      registers_of({"x^4+x+1", "x^5+x^2+1", "x^12+x^6+x^4+x+1", "x^3+x+1", "x^4+1"});
  BatchOptions options;
  options.method = "enumerate";
  options.whole_register_states = 1024;
  std::vector<std::size_t> reported;
  std::vector<std::size_t> reported_at_call;  // how many registers report had been given at each call
  options.on_reported = [&] { reported_at_call.push_back(reported.size()); };
  const auto runner = make_sequential_runner();
  analyze_batch(registers, *runner, options, [&](std::size_t i, BatchOutcome&& outcome) {
    REQUIRE(outcome.ok());
    reported.push_back(i);
  });
  CHECK(reported == std::vector<std::size_t>{0, 1, 2, 3, 4});
  // The sequential runner finishes tasks in order: one call after each register.
  CHECK(reported_at_call == std::vector<std::size_t>{1, 2, 3, 4, 5});
}

TEST_CASE("with workers, tasks that finish early are held back, and the last call follows the last line",
          "[batch][threads]") {
  std::vector<std::string> texts;
  for (int i = 0; i < 40; ++i) texts.push_back(i % 2 == 0 ? "x^10+x^3+1" : "x^6+x+1");
  const std::vector<BatchRegister> registers = registers_of(texts);
  BatchOptions options;
  options.method = "enumerate";
  std::vector<std::size_t> reported;
  std::vector<std::size_t> reported_at_call;
  options.on_reported = [&] { reported_at_call.push_back(reported.size()); };
  const auto runner = make_thread_runner(2);
  analyze_batch(registers, *runner, options, [&](std::size_t i, BatchOutcome&& outcome) {
    REQUIRE(outcome.ok());
    CHECK(i == reported.size());
    reported.push_back(i);
  });
  REQUIRE(reported.size() == registers.size());
  REQUIRE_FALSE(reported_at_call.empty());
  CHECK(std::is_sorted(reported_at_call.begin(), reported_at_call.end()));
  CHECK(reported_at_call.back() == registers.size());
}

TEST_CASE("with json_lines each worker writes its registers' JSON keys, the same as from their results",
          "[batch][threads]") {
  // Whole registers over several workers, a degree-12 one chunked, a singular one and one over GF(3).
  std::vector<BatchRegister> registers =
      registers_of({"x^4+x+1", "x^12+x^6+x^4+x+1", "x^5+x^4+x^2", "x^10+x^3+1", "x^4+1"});
  registers.push_back(Lfsr{parse_polynomial("x^3+2*x+1", Field::from_order(3)), Form::galois});
  for (const auto& runner : {make_sequential_runner(), make_thread_runner(2), make_fork_runner(2)}) {
    CAPTURE(mode_name(runner->mode()));
    BatchOptions options;
    options.whole_register_states = 2048;
    std::vector<BatchOutcome> results(registers.size());
    analyze_batch(registers, *runner, options, [&](std::size_t i, BatchOutcome&& outcome) {
      REQUIRE(outcome.json_keys.empty());
      results[i] = std::move(outcome);
    });
    options.json_lines = true;
    analyze_batch(registers, *runner, options, [&](std::size_t i, BatchOutcome&& outcome) {
      REQUIRE(outcome.ok());
      CHECK(outcome.result.cycles.empty());  // only the line comes back
      Report report{registers[i].run_info(), results[i].result, {}};
      report.run.method = results[i].method;
      report.run.mode = std::string(mode_name(runner->mode()));
      report.run.workers = runner->workers();
      report.run.seconds = outcome.seconds;  // the one key that differs between runs
      std::string expected;
      append_report_json_keys(expected, report);
      CHECK(outcome.json_keys == expected);
    });
  }
}

TEST_CASE("with summary the task summaries, added in order, are the summary of every register's result",
          "[batch][threads]") {
  std::vector<std::string> texts;
  for (unsigned c = 0; c < 64; ++c) {
    std::string text = "x^6";
    for (int i = 5; i >= 0; --i)
      if ((c >> i & 1U) != 0) text += i == 0 ? "+1" : i == 1 ? "+x" : "+x^" + std::to_string(i);
    texts.push_back(text);
    if (c == 20) texts.push_back("x^12+x^6+x^4+x+1");  // chunked over the workers, summarized here
  }
  const std::vector<BatchRegister> registers = registers_of(texts);
  BatchOptions options;
  options.method = "enumerate";
  options.whole_register_states = 1024;
  CycleTypeSummary one_by_one;
  const auto sequential = make_sequential_runner();
  analyze_batch(registers, *sequential, options, [&](std::size_t i, BatchOutcome&& outcome) {
    REQUIRE(!outcome.summarized);
    one_by_one.add(registers[i], outcome.result);
  });
  options.summary = true;
  const auto threads = make_thread_runner(4);  // a task or two per register
  CycleTypeSummary by_tasks;
  std::size_t summarized = 0;
  std::size_t task_summaries = 0;
  analyze_batch(registers, *threads, options, [&](std::size_t i, BatchOutcome&& outcome) {
    REQUIRE(outcome.ok());
    if (outcome.task_summary) {
      by_tasks.add(*outcome.task_summary);
      ++task_summaries;
    }
    if (outcome.summarized) {
      ++summarized;
    } else {
      by_tasks.add(registers[i], outcome.result);
    }
  });
  CHECK(summarized == 64);
  CHECK(task_summaries > 16);
  CHECK(by_tasks.examples() == one_by_one.examples());
  CHECK(dump_json(by_tasks.json()) == dump_json(one_by_one.json()));
}

namespace {

// A runner whose first run loses every other task, as when a worker dies part-way: the even
// chunks' results never arrive and the run ends in a WorkerError; later runs are whole.
class LosingRunner final : public Runner {
 public:
  Mode mode() const override { return Mode::threads; }
  int workers() const override { return 1; }
  std::vector<std::string> run(const JobDescription& job) override {
    if (runs_++ > 0) return inner_->run(job);
    JobDescription odd = job;
    odd.on_result = [&job](std::uint64_t chunk, std::string&& result) {
      if (chunk % 2 == 1) job.on_result(chunk, std::move(result));
    };
    inner_->run(odd);
    throw WorkerError("a worker died part-way");
  }

 private:
  std::unique_ptr<Runner> inner_ = make_sequential_runner();
  int runs_ = 0;
};

}  // namespace

TEST_CASE("a summary retried after a dead worker keeps each cycle type's first register as example", "[batch]") {
  // Tasks of 5 registers, every other one lost (registers 0-4, 10-14, ...): the retry's 40
  // registers in tasks of 2 would put 4 and 10 in one task, whose summary is added at 4's turn,
  // before that of 5-9. Register 10 has the cycle type that 5 has first.
  std::vector<std::string> texts(80, "x^7");
  for (std::size_t i = 5; i < 10; ++i) texts[i] = "x^7+x+1";
  texts[10] = "x^7+x^3+1";
  const std::vector<BatchRegister> registers = registers_of(texts);
  BatchOptions options;
  options.method = "enumerate";
  CycleTypeSummary one_by_one;
  const auto sequential = make_sequential_runner();
  analyze_batch(registers, *sequential, options,
                [&](std::size_t i, BatchOutcome&& outcome) { one_by_one.add(registers[i], outcome.result); });
  options.summary = true;
  LosingRunner losing;
  CycleTypeSummary by_tasks;
  analyze_batch(registers, losing, options, [&](std::size_t i, BatchOutcome&& outcome) {
    REQUIRE(outcome.ok());
    if (outcome.task_summary) by_tasks.add(*outcome.task_summary);
    if (!outcome.summarized) by_tasks.add(registers[i], outcome.result);
  });
  CHECK(by_tasks.examples() == one_by_one.examples());
  CHECK(dump_json(by_tasks.json()) == dump_json(one_by_one.json()));
}

namespace {

// Linear and nonlinear registers mixed: invertible and singular ones, a constant term, a linear F,
// and a 12-bit one chunked over the workers when whole registers have at most 1024 states.
std::vector<BatchRegister> mixed_registers() {
  const Field gf2 = Field::from_order(2);
  std::vector<BatchRegister> registers;
  registers.push_back(Lfsr{parse_polynomial("x^4+x+1", gf2), Form::fibonacci});
  for (const auto& [text, bits] :
       {std::pair{"x0+x1+x2+x1*x2", 4}, std::pair{"x1*x2", 3}, std::pair{"1+x0+x3*x5", 7}, std::pair{"x0+x3+x5", 9},
        std::pair{"x0+x1+x5*x7+x3*x9", 12}, std::pair{"x2*x4+x7", 8}})
    registers.emplace_back(parse_feedback(text, bits));
  registers.push_back(Lfsr{parse_polynomial("x^5+x^4+x^2", gf2), Form::galois});
  return registers;
}

}  // namespace

TEST_CASE("a batch of feedback registers gives each the result of its own enumeration, in every mode",
          "[batch][feedback][threads]") {
  const std::vector<BatchRegister> registers = mixed_registers();
  const auto sequential = make_sequential_runner();
  for (const auto& runner : {make_sequential_runner(), make_thread_runner(2), make_fork_runner(2)}) {
    CAPTURE(mode_name(runner->mode()));
    for (const bool json_lines : {false, true}) {
      BatchOptions options;
      options.whole_register_states = 1024;
      options.json_lines = json_lines;
      std::size_t reported = 0;
      analyze_batch(registers, *runner, options, [&](std::size_t i, BatchOutcome&& outcome) {
        CAPTURE(registers[i].text());
        REQUIRE(outcome.ok());
        REQUIRE(i == reported++);
        CHECK(outcome.method == "enumerate");  // auto: a feedback register has nothing else
        if (registers[i].lfsr()) return;
        // Representatives and the longest-tail state included: every field a single run prints.
        const CycleStructure expected = enumerate(registers[i].transition(), *sequential);
        if (!json_lines) {
          CHECK(outcome.result == expected);
          CHECK(outcome.result.representatives == expected.representatives);
          CHECK(outcome.result.longest_tail_state == expected.longest_tail_state);
          return;
        }
        Report report{registers[i].run_info(), expected, {}};
        report.run.method = "enumerate";
        report.run.mode = std::string(mode_name(runner->mode()));
        report.run.workers = runner->workers();
        report.run.seconds = outcome.seconds;
        std::string keys;
        append_report_json_keys(keys, report);
        CHECK(outcome.json_keys == keys);
        CHECK(outcome.json_keys.find(R"("polynomial":null,"form":"fibonacci","input":"feedback","feedback":")") !=
              std::string::npos);
      });
      CHECK(reported == registers.size());
    }
  }
}

TEST_CASE("a feedback register of a batch refuses the algebraic method alone, as a single run does",
          "[batch][feedback]") {
  const std::vector<BatchRegister> registers = mixed_registers();
  for (const std::string method : {"algebraic", "both"}) {
    BatchOptions options;
    options.method = method;
    options.whole_register_states = 1024;
    const auto runner = make_thread_runner(2);
    analyze_batch(registers, *runner, options, [&](std::size_t i, BatchOutcome&& outcome) {
      CAPTURE(method, registers[i].text());
      if (registers[i].lfsr()) {
        CHECK(outcome.ok());
        return;
      }
      CHECK(outcome.error_code == ExitCode::usage);
      // The words of a single run: a linear F is named as its --poly register.
      const Feedback& feedback = *registers[i].feedback();
      CHECK(outcome.error == (feedback.is_linear()
                                  ? "--method " + method + " needs a characteristic polynomial: this linear F is the "
                                                           "register --poly '" +
                                        feedback.characteristic_polynomial().to_string() + "', which has one"
                                  : "--method " + method +
                                        " factors the characteristic polynomial of a linear register; a nonlinear "
                                        "register has none: its cycles are found by --method enumerate"));
    });
  }
}

TEST_CASE("a summary counts feedback registers by cycle type, singular when not invertible, never irreducible",
          "[batch][feedback][threads]") {
  const std::vector<BatchRegister> registers = mixed_registers();
  BatchOptions options;
  options.whole_register_states = 1024;
  options.summary = true;
  CycleTypeSummary summary;
  const auto runner = make_fork_runner(2);
  analyze_batch(registers, *runner, options, [&](std::size_t i, BatchOutcome&& outcome) {
    REQUIRE(outcome.ok());
    if (outcome.task_summary) summary.add(*outcome.task_summary);
    if (!outcome.summarized) summary.add(registers[i], outcome.result);
  });
  CHECK(summary.registers == registers.size());
  CHECK(summary.irreducible == 1);  // x^4+x+1
  // x^5+x^4+x^2 (c_0 = 0), x1*x2 and x2*x4+x7 (no x0 term): not permutations of their states.
  CHECK(summary.singular == 3);
  // x^4+x+1, x0+x1+x2+x1*x2 (one cycle of the 15 nonzero states) and x0+x3+x5, whose polynomial
  // x^9+x^5+x^3+1 is not primitive: two maximal length.
  CHECK(summary.maximal_length == 2);
  const auto examples = summary.examples();
  const std::map<mpz_class, mpz_class> de_bruijn_less{{1, 1}, {15, 1}};
  CHECK(examples.at(de_bruijn_less) == "x^4+x+1");  // the first of its type
  const std::map<mpz_class, mpz_class> singular_nonlinear{{1, 2}};
  CHECK(examples.at(singular_nonlinear) == "feedback:3:x1*x2");
}

TEST_CASE("a batch register names itself as its batch line and converts from either kind", "[batch][feedback]") {
  const BatchRegister nonlinear = parse_feedback_terms("0,1,2,(1,2)", 4);
  CHECK(nonlinear.text() == "feedback:4:x0 + x1 + x2 + x1*x2");
  CHECK(nonlinear.bits() == 4);
  CHECK(nonlinear.states() == 16);
  CHECK(nonlinear.field() == Field::from_order(2));
  const RunInfo run = nonlinear.run_info();
  CHECK(run.input == "feedback");
  CHECK(run.feedback == "x0 + x1 + x2 + x1*x2");
  CHECK(run.invertible);
  CHECK(run.polynomial.empty());
  const BatchRegister linear = Lfsr{parse_polynomial("x^3+2*x+1", Field::from_order(3)), Form::galois};
  CHECK(linear.text() == "x^3+2*x+1");
  CHECK(linear.states() == 27);
  CHECK(linear.run_info().form == "galois");
  CHECK_FALSE(linear == nonlinear);
  CHECK(nonlinear == BatchRegister(parse_feedback("x0+x1+x2+x1*x2", 4)));
}
