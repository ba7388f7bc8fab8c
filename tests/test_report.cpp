// Tests of the report renderers: the JSON contract's keys, exact big integers, escaping, the text table.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "lfsr/report.hpp"
#include "lfsr/version.hpp"
#include "report/number_text.hpp"

namespace {

mpz_class power_of_two(unsigned long exponent) {
  mpz_class value;
  mpz_ui_pow_ui(value.get_mpz_t(), 2, exponent);
  return value;
}

// x^4 + x + 1 over GF(2): one cycle of 15 states and the fixed zero state.
lfsr::Report maximal_length_report() {
  lfsr::CycleStructure result;
  result.states = 16;
  result.cyclic_states = 16;
  result.transient_states = 0;
  result.max_tail = 0;
  result.add_cycles(15, 1);
  result.add_cycles(1, 1);
  return lfsr::Report{.run = {.field = lfsr::Field::from_order(2),
                              .bits = 4,
                              .polynomial = "x^4+x+1",
                              .form = "fibonacci",
                              .input = "polynomial",
                              .feedback = {},
                              .invertible = false,
                              .sequence = {},
                              .method = "enumerate",
                              .mode = "seq",
                              .workers = 1,
                              .seconds = 0.25},
                      .result = result,
                      .compare = {}};
}

// x^3 + x^2 over GF(2): both fixed points on cycles, six transient states, the longest tail 2.
lfsr::Report singular_report() {
  lfsr::Report report = maximal_length_report();
  report.run.polynomial = "x^3+x^2";
  report.run.bits = 3;
  report.result.states = 8;
  report.result.cyclic_states = 2;
  report.result.transient_states = 6;
  report.result.max_tail = 2;
  report.result.cycles.clear();
  report.result.add_cycles(1, 2);
  return report;
}

// A cycle of length 2^127 - 1 (a Mersenne prime) on 2^127 states: every count is beyond 64 bits.
lfsr::Report huge_report() {
  lfsr::Report report = maximal_length_report();
  report.run.bits = 127;
  report.result.states = power_of_two(127);
  report.result.cyclic_states = power_of_two(127);
  report.result.cycles.clear();
  report.result.add_cycles(power_of_two(127) - 1, 1);
  report.result.add_cycles(1, 1);
  return report;
}

}  // namespace

TEST_CASE("report_json has exactly the keys of the contract") {
  const nlohmann::ordered_json json = lfsr::report_json(maximal_length_report());
  std::set<std::string> keys;
  for (const auto& item : json.items()) {
    keys.insert(item.key());
  }
  const std::set<std::string> contract{"schema_version", "field",
                                       "bits",           "polynomial",
                                       "form",           "input",
                                       "method",         "mode",
                                       "workers",        "states",
                                       "cyclic_states",  "transient_states",
                                       "max_tail",       "longest_tail_state",
                                       "cycles",         "total_cycles",
                                       "fixed_points",   "max_cycle_length",
                                       "maximal_length", "seconds",
                                       "version"};
  CHECK(keys == contract);
  CHECK(json["schema_version"] == lfsr::json_schema_version);
  CHECK(json["version"] == std::string(lfsr::version()));
  CHECK(json["field"] == nlohmann::ordered_json{{"q", 2}, {"p", 2}, {"k", 1}, {"modulus", nullptr}});
  CHECK(json["input"] == "polynomial");
  CHECK(json["bits"] == 4);
  CHECK(json["polynomial"] == "x^4+x+1");
  CHECK(json["method"] == "enumerate");
  CHECK(json["workers"] == 1);
  CHECK(json["states"] == 16);
  CHECK(json["total_cycles"] == 2);
  CHECK(json["fixed_points"] == 1);
  CHECK(json["max_cycle_length"] == 15);
  CHECK(json["maximal_length"] == true);
  CHECK(json["seconds"].is_number_float());
  CHECK(json["cycles"] == nlohmann::ordered_json::parse(
                              R"([{"length": 1, "count": 1, "representative": null, "minimal_polynomial": null},
                                 {"length": 15, "count": 1, "representative": null, "minimal_polynomial": null}])"));
  CHECK(json["longest_tail_state"].is_null());
}

TEST_CASE("report_json names a GF(p^k) field with its modulus, and a matrix run has no form") {
  lfsr::Report report = maximal_length_report();
  report.run.field = lfsr::Field::from_order(9);
  report.run.form.clear();
  report.run.input = "matrix";
  const nlohmann::ordered_json json = lfsr::report_json(report);
  CHECK(json["field"] == nlohmann::ordered_json{{"q", 9}, {"p", 3}, {"k", 2}, {"modulus", "a^2+2*a+2"}});
  CHECK(json["form"].is_null());
  CHECK(json["input"] == "matrix");
  const std::string text = lfsr::report_text(report);
  CHECK_THAT(text, Catch::Matchers::Contains("field GF(9) = GF(3)[a]/(a^2+2*a+2)"));
  CHECK_THAT(text, Catch::Matchers::Contains("GF(9) linear map v -> A v, A of size 4 x 4"));
}

TEST_CASE("integers beyond 64 bits are written as bare digits") {
  const std::string text = lfsr::dump_json(lfsr::report_json(huge_report()), 2);
  CAPTURE(text);
  CHECK(text.find(R"("length": 170141183460469231731687303715884105727)") != std::string::npos);
  CHECK(text.find(R"("states": 170141183460469231731687303715884105728)") != std::string::npos);
  CHECK(text.find(R"("max_cycle_length": 170141183460469231731687303715884105727)") != std::string::npos);
  CHECK(text.find('\x1f') == std::string::npos);
  // nlohmann reads such numbers as doubles, which is enough to prove the text is valid JSON.
  const nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(text);
  CHECK(parsed["states"].is_number_float());
  CHECK(parsed["states"].get<double>() == Approx(1.7014118346046923e38));
}

TEST_CASE("big_number is an ordinary JSON number while it fits in 64 bits") {
  const mpz_class largest = power_of_two(64) - 1;
  CHECK(lfsr::big_number(largest).is_number_unsigned());
  CHECK(lfsr::dump_json(lfsr::big_number(largest)) == "18446744073709551615");
  CHECK(lfsr::big_number(-5).is_number_integer());
  CHECK(lfsr::dump_json(lfsr::big_number(-5)) == "-5");

  SECTION("and bare digits beyond") {
    CHECK(lfsr::dump_json(lfsr::big_number(power_of_two(64))) == "18446744073709551616");
    CHECK(lfsr::dump_json(lfsr::big_number(-power_of_two(70))) == "-1180591620717411303424");
    CHECK(lfsr::dump_json(nlohmann::ordered_json::array({lfsr::big_number(power_of_two(64))})) ==
          "[18446744073709551616]");
  }
}

TEST_CASE("dump_json writes everything else exactly as nlohmann's dump") {
  const nlohmann::ordered_json value = {
      {"text", "quote \" backslash \\ newline \n tab \t control \x01 unicode \xc3\xa9"},
      {"numbers", {0, -7, 18446744073709551615ULL, 0.1, 1e300, -2.5}},
      {"flags", {true, false, nullptr}},
      {"empty object", nlohmann::ordered_json::object()},
      {"empty array", nlohmann::ordered_json::array()},
      {"nested", {{"a", {{"b", nlohmann::ordered_json::array({nlohmann::ordered_json::object({{"c", 1}})})}}}}},
      {"key with \"quotes\"", "value"},
  };
  const int indent = GENERATE(-1, 0, 1, 2, 4);
  CAPTURE(indent);
  CHECK(lfsr::dump_json(value, indent) == value.dump(indent));
  CHECK(lfsr::dump_json(nlohmann::ordered_json::object(), indent) == "{}");
  CHECK(lfsr::dump_json("plain", indent) == "\"plain\"");
}

TEST_CASE("polynomial text is escaped in the JSON") {
  lfsr::Report report = maximal_length_report();
  report.run.polynomial = "x^4+\"x\"+1\\";
  const nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(lfsr::dump_json(lfsr::report_json(report)));
  CHECK(parsed["polynomial"] == "x^4+\"x\"+1\\");
}

TEST_CASE("cycles are listed by length ascending, compared as numbers") {
  lfsr::Report report = maximal_length_report();
  report.result.cycles.clear();
  report.result.add_cycles(power_of_two(70), 3);
  report.result.add_cycles(10, 2);
  report.result.add_cycles(9, 4);
  report.result.add_cycles(1, 1);
  const std::string text = lfsr::dump_json(lfsr::report_json(report));
  constexpr const char* unknown = R"("representative":null,"minimal_polynomial":null)";
  CHECK(text.find(fmt::format(R"("cycles":[{{"length":1,"count":1,{0}}},{{"length":9,"count":4,{0}}},)"
                              R"({{"length":10,"count":2,{0}}},{{"length":1180591620717411303424,"count":3,{0}}}])",
                              unknown)) != std::string::npos);
}

TEST_CASE("report_text shows the header, the cycle table, the totals and the timing") {
  // The totals are two columns: labels padded to the longest ("transient states", 16), values
  // right-aligned to the widest. Each line is checked whole, value included: every report prints
  // the labels "maximal length" and "transient states", only the values tell the cases apart.
  const std::string text = lfsr::report_text(maximal_length_report());
  CAPTURE(text);
  CHECK_THAT(text, Catch::Matchers::StartsWith("GF(2) register x^4+x+1, fibonacci form\ndegree 4, 2^4 = 16 states\n"));
  CHECK(text.find("  length  cycles  states\n") != std::string::npos);
  CHECK(text.find("       1       1       1\n") != std::string::npos);
  CHECK(text.find("      15       1      15\n") != std::string::npos);
  CHECK(text.find("\ncycles              2\n") != std::string::npos);
  CHECK(text.find("\nfixed points        1\n") != std::string::npos);
  CHECK(text.find("\nlongest cycle      15\n") != std::string::npos);
  CHECK(text.find("\nmaximal length    yes\n") != std::string::npos);
  CHECK(text.find("\ntransient states    0\n") != std::string::npos);
  CHECK(text.find("cyclic states") == std::string::npos);
  CHECK(text.find("longest tail") == std::string::npos);
  CHECK(text.find("\nenumerated in 0.250 s (seq, 1 worker)\n") != std::string::npos);

  SECTION("singular maps also show cyclic and transient states and the longest tail") {
    const std::string singular = lfsr::report_text(singular_report());
    CAPTURE(singular);
    CHECK(singular.find("\ncycles             2\n") != std::string::npos);
    CHECK(singular.find("\nfixed points       2\n") != std::string::npos);
    CHECK(singular.find("\nlongest cycle      1\n") != std::string::npos);
    CHECK(singular.find("\nmaximal length    no\n") != std::string::npos);
    CHECK(singular.find("\ncyclic states      2\n") != std::string::npos);
    CHECK(singular.find("\ntransient states   6\n") != std::string::npos);
    CHECK(singular.find("\nlongest tail       2\n") != std::string::npos);
    CHECK(singular.find("yes") == std::string::npos);
  }
}

TEST_CASE("report_text names how the result was found, and the workers only when it enumerated") {
  lfsr::Report report = maximal_length_report();
  report.run.method = "algebraic";
  CHECK_THAT(lfsr::report_text(report), Catch::Matchers::EndsWith("\ncomputed from the factorization in 0.250 s\n"));
  report.run.method = "both";
  report.run.mode = "threads";
  report.run.workers = 4;
  CHECK_THAT(lfsr::report_text(report),
             Catch::Matchers::EndsWith(
                 "\nenumerated and computed from the factorization, agreeing, in 0.250 s (threads, 4 workers)\n"));
  // Below a millisecond the time has six decimals.
  report.run.method = "enumerate";
  report.run.seconds = 0.000125;
  CHECK_THAT(lfsr::report_text(report), Catch::Matchers::EndsWith("\nenumerated in 0.000125 s (threads, 4 workers)\n"));
}

namespace {

// x^6 + x^3 + 1 over GF(2) (= (x^2+x+1)^3): the zero state and 7 cycles of length 9, with the
// representatives and minimal polynomials filled in by hand.
lfsr::Report report_with_representatives() {
  lfsr::Report report = maximal_length_report();
  report.run.polynomial = "x^6+x^3+1";
  report.run.bits = 6;
  report.result.states = 64;
  report.result.cyclic_states = 64;
  report.result.cycles.clear();
  report.result.add_cycles(1, 1);
  report.result.add_cycles(9, 7);
  report.result.representatives[1] = {0, {1}};
  report.result.representatives[9] = {1, {1, 0, 0, 1, 0, 0, 1}};
  return report;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("each cycle length carries its representative and minimal polynomial in JSON") {
  const nlohmann::ordered_json json = lfsr::report_json(report_with_representatives());
  CHECK(json["cycles"] == nlohmann::ordered_json::parse(
                              R"([{"length": 1, "count": 1, "representative": 0, "minimal_polynomial": "1"},
                                  {"length": 9, "count": 7, "representative": 1, "minimal_polynomial": "x^6+x^3+1"}])"));
  SECTION("a representative without its polynomial has a null polynomial") {
    lfsr::Report report = report_with_representatives();
    report.result.representatives[9].minimal_polynomial.clear();
    report.result.representatives[9].state = power_of_two(100);
    const std::string text = lfsr::dump_json(lfsr::report_json(report));
    CHECK_THAT(
        text,
        Catch::Matchers::Contains(
            R"({"length":9,"count":7,"representative":1267650600228229401496703205376,"minimal_polynomial":null})"));
  }
}

TEST_CASE("the text table has a representative column when the method found them") {
  const std::string text = lfsr::report_text(report_with_representatives());
  CAPTURE(text);
  CHECK_THAT(text, Catch::Matchers::Contains("  length  cycles  states  representative\n"));
  CHECK_THAT(text, Catch::Matchers::Contains("       9       7      63               1\n"));
  CHECK_THAT(lfsr::report_text(maximal_length_report()), !Catch::Matchers::Contains("representative"));
}

TEST_CASE("a singular map names a state with the longest tail") {
  lfsr::Report report = singular_report();
  CHECK(lfsr::report_json(report)["longest_tail_state"].is_null());
  CHECK_THAT(lfsr::report_text(report), !Catch::Matchers::Contains("longest-tail state"));
  report.result.longest_tail_state = 4;
  CHECK(lfsr::report_json(report)["longest_tail_state"] == 4);
  CHECK_THAT(lfsr::report_text(report), Catch::Matchers::Contains("longest-tail state   4\n"));
}

TEST_CASE("huge numbers in the text report are short, and no line is longer than 100 characters") {
  lfsr::Report report = huge_report();
  report.result.representatives[1] = {0, {1}};
  report.result.representatives[power_of_two(127) - 1] = {1, {}};
  const std::string text = lfsr::report_text(report);
  CAPTURE(text);
  CHECK_THAT(text, Catch::Matchers::Contains("degree 127, 2^127 states\n"));
  CHECK_THAT(text, Catch::Matchers::Contains("  2^127 - 1       1  2^127 - 1               1\n"));
  CHECK_THAT(text, Catch::Matchers::Contains("longest cycle     2^127 - 1\n"));

  SECTION("a table too wide for 100 characters leaves out the digit counts") {
    // Lengths and counts with no short form: four columns of "d.dddde1203 (1204 digits)" would
    // need 108 characters.
    report.result.cycles.clear();
    report.result.representatives.clear();
    const mpz_class length = power_of_two(4000) / 7 + 12345;
    report.result.add_cycles(length, length + 2);
    report.result.representatives[length] = {length + 4, {}};
    const std::string compact = lfsr::report_text(report);
    CAPTURE(compact);
    for (const std::string& line : lines_of(compact)) CHECK(line.size() <= 100);
    // The leading digits, rounded half up, from Python's exact integers: L = 2**4000 // 7 + 12345 has
    // 1204 digits, 1.88308...e1203; L * (L + 2) = 3.54622...e2406.
    CHECK_THAT(compact, Catch::Matchers::Contains("  1.8831e1203  1.8831e1203  3.5462e2406     1.8831e1203\n"));
    // The totals keep the digit counts.
    CHECK_THAT(compact, Catch::Matchers::Contains("longest cycle     1.8831e1203 (1204 digits)\n"));
  }

  SECTION("a long polynomial is broken between its terms") {
    std::string polynomial = "x^1000";
    for (int e = 999; e > 0; e -= 7) polynomial += fmt::format("+x^{}", e);
    report.run.polynomial = polynomial + "+1";
    const std::string text_lines = lfsr::report_text(report);
    CAPTURE(text_lines);
    const std::vector<std::string> lines = lines_of(text_lines);
    for (const std::string& line : lines) CHECK(line.size() <= 100);
    CHECK(lines[1].starts_with("    +x^"));
  }
}

TEST_CASE("the text of one state puts a long minimal polynomial on lines of its own") {
  lfsr::StateReport report{maximal_length_report().run, power_of_two(300) + 1, 0, power_of_two(300) - 1, ""};
  for (int e = 300; e > 0; e -= 3) report.minimal_polynomial += fmt::format("x^{}+", e);
  report.minimal_polynomial += "1";
  const std::string text = lfsr::state_report_text(report);
  CAPTURE(text);
  for (const std::string& line : lines_of(text)) CHECK(line.size() <= 100);
  CHECK_THAT(text, Catch::Matchers::Contains("state   2^300 + 1\n"));
  CHECK_THAT(text, Catch::Matchers::Contains("period  2^300 - 1\nminimal polynomial\n  x^300+x^297"));
}
