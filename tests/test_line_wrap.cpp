// Line breaking: no line over the width, breaks between terms or words, and nothing lost or added.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "report/line_wrap.hpp"

using lfsr::BreakAt;
using lfsr::wrap_line;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The polynomial x^n + x^(n-1) + ... + x + 1, every power present.
std::string dense_polynomial(int n) {
  std::string out;
  for (int e = n; e >= 2; --e) out += "x^" + std::to_string(e) + "+";
  return out + "x+1";
}

}  // namespace

TEST_CASE("a polynomial is broken before its terms, every line within the width", "[line_wrap]") {
  const std::string polynomial = dense_polynomial(300);
  const std::string prefix = "GF(2) register ";
  const std::string wrapped = wrap_line(prefix, polynomial + ", fibonacci form", 4, BreakAt::terms);
  const std::vector<std::string> lines = lines_of(wrapped);
  REQUIRE(lines.size() > 1);
  std::string joined = lines.front();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(i, lines[i]);
    CHECK(lines[i].size() <= lfsr::max_line_width);
    if (i == 0) continue;
    CHECK(lines[i].starts_with("    +"));
    joined += lines[i].substr(4);
  }
  CHECK(joined == prefix + polynomial + ", fibonacci form");
}

TEST_CASE("terms are broken outside parentheses when they can be, inside when they must", "[line_wrap]") {
  const std::string text = "x^3+(a^3+a^2+a+1)*x^2+(a^3+a+1)*x+a";
  const std::vector<std::string> lines = lines_of(wrap_line("", text, 2, BreakAt::terms, 24));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "x^3+(a^3+a^2+a+1)*x^2");
  CHECK(lines[1] == "  +(a^3+a+1)*x+a");
  const std::vector<std::string> narrow = lines_of(wrap_line("", "(a^3+a^2+a+1)*x^2", 0, BreakAt::terms, 10));
  CHECK(narrow == std::vector<std::string>{"(a^3+a^2+a", "+1)*x^2"});
}

TEST_CASE("words are broken at spaces, which are dropped; a word too long is cut", "[line_wrap]") {
  CHECK(wrap_line("profile ", "1 1 2 2 3 3", 8, BreakAt::spaces, 13) == "profile 1 1 2\n        2 3 3");
  CHECK(wrap_line("", "abcdefghij", 0, BreakAt::spaces, 4) == "abcd\nefgh\nij");
  CHECK(wrap_line("", "1^1 (2^31 - 1)^2 3^4", 2, BreakAt::spaces, 16) == "1^1 (2^31 - 1)^2\n  3^4");
  CHECK(wrap_line("", "1^1 3^1 (2^31 - 1)^2", 2, BreakAt::spaces, 16) == "1^1 3^1\n  (2^31 - 1)^2");
}

TEST_CASE("text that fits is left alone, and the last line of a prefix counts", "[line_wrap]") {
  CHECK(wrap_line("state  ", "x^4+x+1", 4, BreakAt::terms) == "state  x^4+x+1");
  const std::vector<std::string> lines =
      lines_of(wrap_line(std::string(90, '=') + "\n  ", dense_polynomial(20), 2, BreakAt::terms));
  REQUIRE(lines.size() == 2);
  CHECK(lines[1] == "  " + dense_polynomial(20));
}
