// Uses the installed lfsr library: the cycle structure of a register and of a matrix, each found by
// enumeration and from the factorization, checked equal, and printed as text and as JSON.
#include <chrono>
#include <exception>
#include <iostream>
#include <lfsr/algebra.hpp>
#include <lfsr/cycle_structure.hpp>
#include <lfsr/enumerate.hpp>
#include <lfsr/error.hpp>
#include <lfsr/field.hpp>
#include <lfsr/lfsr.hpp>
#include <lfsr/linear_map.hpp>
#include <lfsr/matrix.hpp>
#include <lfsr/polynomial.hpp>
#include <lfsr/report.hpp>
#include <lfsr/runner.hpp>
#include <memory>
#include <string>

namespace {

// Enumerates `map` with `runner` and checks the result against the algebraic method's.
lfsr::CycleStructure enumerate_and_check(const lfsr::LinearMap& map, lfsr::Runner& runner,
                                         const lfsr::CycleStructure& algebraic) {
  lfsr::CycleStructure enumerated = lfsr::enumerate(map, runner);
  // == compares the structure (counts, lengths, tails), not the representative states each picked.
  if (!(enumerated == algebraic)) throw lfsr::MismatchError("enumeration and factorization disagree");
  return enumerated;
}

// What a report says about the run besides the result.
lfsr::RunInfo run_info(const lfsr::Field& field, int bits, const std::string& polynomial, const lfsr::Runner& runner) {
  lfsr::RunInfo run;
  run.field = field;
  run.bits = bits;
  run.polynomial = polynomial;
  run.method = "both";
  run.mode = std::string(lfsr::mode_name(runner.mode()));
  run.workers = runner.workers();
  return run;
}

}  // namespace

int main() {
  try {
    const std::unique_ptr<lfsr::Runner> runner = lfsr::make_thread_runner(2);

    // A Fibonacci register over GF(3) with f(x) = x^5 + x^3 + 2x^2: f(0) = 0, so the register is
    // singular and most states lead into a cycle without lying on one.
    const lfsr::Field gf3 = lfsr::Field::from_order(3);
    const lfsr::Lfsr reg{lfsr::parse_polynomial("x^5+x^3+2*x^2", gf3), lfsr::Form::fibonacci};
    const auto start = std::chrono::steady_clock::now();
    lfsr::Report register_report;
    register_report.run = run_info(gf3, reg.degree(), reg.polynomial.to_string(), *runner);
    register_report.run.form = std::string(lfsr::form_name(reg.form));
    register_report.result =
        enumerate_and_check(lfsr::linear_map_of(reg), *runner, lfsr::algebraic_cycle_structure(reg));
    register_report.run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << lfsr::report_text(register_report) << '\n';

    // v -> A v on GF(4)^3, a the generator of GF(4) = GF(2)[a]/(a^2+a+1).
    const lfsr::Field gf4 = lfsr::Field::from_order(4);
    const lfsr::Matrix a = lfsr::parse_matrix("1 1 0\n0 1 0\n0 0 a\n", gf4);
    lfsr::Report matrix_report;
    matrix_report.run = run_info(gf4, a.n, lfsr::characteristic_polynomial(a).to_string(), *runner);
    matrix_report.run.input = "matrix";
    matrix_report.result =
        enumerate_and_check(lfsr::linear_map_of(gf4, a.n, a.entries), *runner, lfsr::algebraic_cycle_structure(a));
    nlohmann::ordered_json json = lfsr::report_json(matrix_report);
    json.erase("seconds");  // not measured here
    std::cout << lfsr::dump_json(json, 2, 2) << '\n';
    return 0;
  } catch (const lfsr::InputError& error) {
    std::cerr << "bad input: " << error.what() << '\n';
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "failed: " << error.what() << '\n';
    return 1;
  }
}
