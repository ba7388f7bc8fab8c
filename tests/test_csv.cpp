// CSV output: RFC 4180 quoting, and the rows of a single run and of one state.
#include <catch2/catch.hpp>

#include "report/csv.hpp"

TEST_CASE("a CSV field is quoted only when it holds a comma, a quote or a line break", "[csv]") {
  CHECK(lfsr::csv_field("x^4+x+1") == "x^4+x+1");
  CHECK(lfsr::csv_field("") == "");
  CHECK(lfsr::csv_field("a,b") == "\"a,b\"");
  CHECK(lfsr::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(lfsr::csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(lfsr::csv_field("cr\r") == "\"cr\r\"");
  CHECK(lfsr::csv_row({"1", "x^2+(a+1)*x", "b,c"}) == "1,x^2+(a+1)*x,\"b,c\"\n");
}

TEST_CASE("a single run is a row per cycle length with exact numbers", "[csv]") {
  lfsr::Report report;
  report.result.states = 64;
  report.result.cyclic_states = 64;
  report.result.add_cycles(1, 1);
  report.result.add_cycles(9, 7);
  mpz_class huge;
  mpz_ui_pow_ui(huge.get_mpz_t(), 2, 100);
  report.result.add_cycles(huge, 3);
  CHECK(lfsr::report_csv(report) ==
        "length,count,states,representative\n1,1,1,\n9,7,63,\n1267650600228229401496703205376,3,"
        "3802951800684688204490109616128,\n");
  report.result.representatives[9] = {1, {1, 0, 0, 1, 0, 0, 1}};
  report.result.representatives[huge] = {huge - 1, {}};
  CHECK(lfsr::report_csv(report) ==
        "length,count,states,representative\n1,1,1,\n9,7,63,1\n1267650600228229401496703205376,3,"
        "3802951800684688204490109616128,1267650600228229401496703205375\n");
}

TEST_CASE("the CSV of one state (--period-of) is a header and one row", "[csv]") {
  const lfsr::StateReport report{{}, 19, 2, 31, "x^8+x^4+x^3+x^2"};
  CHECK(lfsr::state_report_csv(report) == "state,tail,period,minimal_polynomial\n19,2,31,x^8+x^4+x^3+x^2\n");
}
