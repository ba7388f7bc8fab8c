// Tests of the report renderers: the JSON contract's keys, exact big integers, escaping, the text table.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "lfsr/report.hpp"

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
                              .sequence = {},
                              .method = "enumerate",
                              .mode = "seq",
                              .workers = 1,
                              .seconds = 0.25},
                      .result = result,
                      .compare = {}};
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
  const std::set<std::string> contract{"schema_version",
                                       "field",
                                       "bits",
                                       "polynomial",
                                       "form",
                                       "input",
                                       "method",
                                       "mode",
                                       "workers",
                                       "states",
                                       "cyclic_states",
                                       "transient_states",
                                       "max_tail",
                                       "cycles",
                                       "total_cycles",
                                       "fixed_points",
                                       "max_cycle_length",
                                       "maximal_length",
                                       "seconds"};
  CHECK(keys == contract);
  CHECK(json["schema_version"] == lfsr::json_schema_version);
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
  CHECK(json["cycles"] == nlohmann::ordered_json::parse(R"([{"length": 1, "count": 1}, {"length": 15, "count": 1}])"));
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
  CHECK(text.find(R"("cycles":[{"length":1,"count":1},{"length":9,"count":4},{"length":10,"count":2},)"
                  R"({"length":1180591620717411303424,"count":3}])") != std::string::npos);
}

TEST_CASE("report_text shows the header, the cycle table, the totals and the timing") {
  const std::string text = lfsr::report_text(maximal_length_report());
  CAPTURE(text);
  CHECK(text.find("GF(2)") != std::string::npos);
  CHECK(text.find("x^4+x+1") != std::string::npos);
  CHECK(text.find("fibonacci") != std::string::npos);
  CHECK(text.find("2^4 = 16 states") != std::string::npos);
  CHECK(text.find("length  cycles  states") != std::string::npos);
  CHECK(text.find("    15       1      15\n") != std::string::npos);
  CHECK(text.find("maximal length") != std::string::npos);
  CHECK(text.find("yes") != std::string::npos);
  CHECK(text.find("enumerated in 0.250 s (seq, 1 worker)") != std::string::npos);

  SECTION("singular maps also show cyclic and transient states and the longest tail") {
    lfsr::Report report = maximal_length_report();
    report.run.polynomial = "x^3+x^2";
    report.run.bits = 3;
    report.result.states = 8;
    report.result.cyclic_states = 2;
    report.result.transient_states = 6;
    report.result.max_tail = 2;
    report.result.cycles.clear();
    report.result.add_cycles(1, 2);
    const std::string singular = lfsr::report_text(report);
    CAPTURE(singular);
    CHECK(singular.find("transient states") != std::string::npos);
    CHECK(singular.find("longest tail") != std::string::npos);
    CHECK(singular.find("maximal length    no") != std::string::npos);
  }
}
