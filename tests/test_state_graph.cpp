// The DOT state graph against NTL's successors and the brute-force structure; digit vectors of states.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "brute_force.hpp"
#include "lfsr/linear_map.hpp"
#include "lfsr/polynomial.hpp"
#include "report/state_graph.hpp"
#include "registers/state_text.hpp"

using namespace lfsr;

namespace {

// The base-q digits of a state, most significant first, separated by commas when q > 10: written
// here rather than taken from state_digits_text, which the graph itself uses.
std::string digits_of(std::uint64_t state, std::uint32_t q, int n) {
  std::vector<std::string> digits;
  for (int i = 0; i < n; ++i, state /= q) digits.push_back(std::to_string(state % q));
  std::string text;
  for (auto digit = digits.rbegin(); digit != digits.rend(); ++digit) {
    if (!text.empty() && q > 10) text += ',';
    text += *digit;
  }
  return text;
}

}  // namespace

TEST_CASE("a state is its digit vector, most significant digit first", "[state_graph]") {
  CHECK(state_digits_text(2, 4, 6) == "0110");
  CHECK(state_digits_text(2, 4, 0) == "0000");
  CHECK(state_digits_text(3, 3, 5) == "012");
  CHECK(state_digits_text(9, 2, 80) == "88");
  CHECK(state_digits_text(16, 3, 18) == "0,1,2");
  CHECK(state_digits_text(65536, 2, 65535) == "0,65535");
  mpz_class top;
  mpz_ui_pow_ui(top.get_mpz_t(), 2, 100);
  CHECK(state_digits_text(2, 101, top) == "1" + std::string(100, '0'));
}

TEST_CASE("the DOT graph has every state once, its successor, and the cycles of the brute force", "[state_graph]") {
  const auto [q, polynomial, form] = GENERATE(table<std::uint32_t, const char*, Form>({
      {2, "x^4+x+1", Form::fibonacci},
      {2, "x^6+x^5+x^3", Form::galois},
      {2, "x^12+x^11+x^3+x^2", Form::fibonacci},
      {3, "x^4+x^3+2*x^2", Form::fibonacci},
      {4, "x^3+a*x+1", Form::galois},
      {16, "x^2+a*x", Form::fibonacci},
  }));
  const Field field = Field::from_order(q);
  const Lfsr lfsr{parse_polynomial(polynomial, field), form};
  CAPTURE(q, polynomial);
  const std::vector<std::uint64_t> next = testing::successors_by_ntl(lfsr);
  const CycleStructure expected = testing::brute_force_structure(next);
  const std::string dot = state_graph_dot(linear_map_of(lfsr), q, lfsr.degree(), "title \"quoted\"");

  const std::regex node(R"re(^  s(\d+) \[label="([0-9,]+)\\n(\d+)"(, shape=doublecircle[^\]]*)?\];$)re");
  const std::regex edge(R"(^  s(\d+) -> s(\d+);$)");
  std::vector<int> nodes(next.size(), 0);
  std::vector<int> edges(next.size(), 0);
  std::uint64_t cyclic = 0;
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (std::regex_match(line, match, node)) {
      const std::uint64_t state = std::stoull(match[1]);
      REQUIRE(state < next.size());
      ++nodes[state];
      CHECK(std::stoull(match[3]) == state);
      CHECK(match[2] == digits_of(state, q, lfsr.degree()));
      cyclic += match[4].matched ? 1 : 0;
    } else if (std::regex_match(line, match, edge)) {
      const std::uint64_t from = std::stoull(match[1]);
      REQUIRE(from < next.size());
      ++edges[from];
      CHECK(std::stoull(match[2]) == next[from]);
    }
  }
  CHECK(std::count(nodes.begin(), nodes.end(), 1) == static_cast<long>(next.size()));
  CHECK(std::count(edges.begin(), edges.end(), 1) == static_cast<long>(next.size()));
  CHECK(mpz_class(std::to_string(cyclic)) == expected.cyclic_states);
  CHECK(dot.starts_with("digraph"));
  CHECK(dot.find(R"(label="title \"quoted\"\n)") != std::string::npos);
  CHECK(dot.find(fmt::format("{} states, {} on {} cycle", next.size(), cyclic, expected.total_cycles().get_str())) !=
        std::string::npos);
}
