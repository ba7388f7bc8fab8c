// The SVG plots: text escaped for XML, one mark per cycle length, finite coordinates for any size.
#include <catch2/catch.hpp>
#include <regex>
#include <string>

#include "report/plot.hpp"
#include "report/svg_writer.hpp"

using namespace lfsr;

namespace {

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

Report report_of(const std::string& polynomial, std::uint32_t q, int bits, const CycleStructure& result) {
  Report report;
  report.run.field = Field::from_order(q);
  report.run.bits = bits;
  report.run.polynomial = polynomial;
  report.run.form = "galois";
  report.result = result;
  return report;
}

}  // namespace

TEST_CASE("SVG text is escaped for XML", "[plot]") {
  REQUIRE(detail::xml_escape("x^2+(a+1)*x <&> \"q\" 'p'") == "x^2+(a+1)*x &lt;&amp;&gt; &quot;q&quot; &apos;p&apos;");
  REQUIRE(detail::xml_escape(std::string("a\x01"
                                         "b\x1f",
                                         4)) == "a?b?");
  REQUIRE(detail::shortened("abcdefghij", 6) == "abc...");
  REQUIRE(detail::shortened("abc", 6) == "abc");
}

TEST_CASE("a cycle-length plot has one mark per length, whatever their size", "[plot]") {
  CycleStructure result;
  mpz_ui_pow_ui(result.states.get_mpz_t(), 65521, 200);
  result.cyclic_states = result.states;
  mpz_class huge;
  mpz_ui_pow_ui(huge.get_mpz_t(), 10, 900);  // far beyond a double
  result.add_cycles(1, 65521);
  result.add_cycles(huge, huge);
  result.add_cycles(7, 3);
  const std::string svg = cycle_length_plot(report_of("x^200+x<y", 65521, 200, result));
  REQUIRE(occurrences(svg, "class=\"mark\"") == 3);
  REQUIRE(svg.find("nan") == std::string::npos);
  REQUIRE(svg.find("inf") == std::string::npos);
  REQUIRE(svg.find("x^200+x&lt;y") != std::string::npos);
  REQUIRE(svg.find("x<y") == std::string::npos);
  REQUIRE(svg.find("1.00e900") != std::string::npos);  // the count of the huge cycles
}

TEST_CASE("a compare plot has a bar, a whisker and a speedup per mode", "[plot]") {
  CycleStructure result;
  result.states = 16;
  result.cyclic_states = 16;
  result.add_cycles(1, 1);
  result.add_cycles(15, 1);
  Report report = report_of("x^4+x+1", 2, 4, result);
  report.compare = {{Mode::seq, 1, 0.5, 0.4, 0.7, 1.0, 32}, {Mode::threads, 4, 0.25, 0.2, 0.3, 2.0, 64}};
  const std::string svg = report_plot(report);
  REQUIRE(occurrences(svg, "class=\"bar\"") == 2);
  REQUIRE(occurrences(svg, "class=\"whisker\"") == 2);
  REQUIRE(occurrences(svg, "class=\"whisker-cap\"") == 4);
  REQUIRE(svg.find("speedup 2.00x") != std::string::npos);
}
