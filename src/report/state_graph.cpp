// The state-transition graph in DOT: successors from the map's stepper, cyclic states found by walking.
#include "report/state_graph.hpp"

#include <fmt/format.h>

#include <cassert>
#include <iterator>
#include <vector>

#include "registers/state_text.hpp"
#include "engine/stepper.hpp"

namespace lfsr {
namespace {

// A DOT string literal's body: quotes and backslashes escaped, lines as DOT's centred "\n".
std::string dot_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// on_cycle[s]: whether s lies on a cycle; returns the number of cycles. Each walk follows
// successors until it meets a state already seen: a state of this walk closes a new cycle (the
// states from it on), a state of an earlier walk adds none.
std::uint64_t mark_cycles(const std::vector<std::uint64_t>& next, std::vector<bool>& on_cycle) {
  constexpr std::uint64_t unseen = 0;
  std::vector<std::uint64_t> walk_of(next.size(), unseen);  // 1 + the walk that first saw the state
  std::uint64_t cycles = 0;
  for (std::uint64_t start = 0; start < next.size(); ++start) {
    if (walk_of[start] != unseen) continue;
    const std::uint64_t walk = start + 1;
    std::uint64_t state = start;
    while (walk_of[state] == unseen) {
      walk_of[state] = walk;
      state = next[state];
    }
    if (walk_of[state] != walk) continue;
    ++cycles;
    const std::uint64_t first = state;
    do {
      on_cycle[state] = true;
      state = next[state];
    } while (state != first);
  }
  return cycles;
}

}  // namespace

std::string state_graph_dot(const Transition& map, std::uint32_t q, int n, std::string_view title) {
  const std::uint64_t states = map.state_count();
  assert(states != 0 && states <= max_graph_states);
  std::vector<std::uint64_t> next(states);
  with_stepper(map, [&](const auto& stepper) {
    for (std::uint64_t state = 0; state < states; ++state) next[state] = stepper.next(state);
  });
  std::vector<bool> on_cycle(states, false);
  const std::uint64_t cycles = mark_cycles(next, on_cycle);
  std::uint64_t cyclic = 0;
  for (const bool cyclic_state : on_cycle) cyclic += cyclic_state ? 1 : 0;

  std::string out = "digraph state_transitions {\n";
  const std::string label = fmt::format("{}\n{} states, {} on {} cycle{} (double circles), {} transient", title, states,
                                        cyclic, cycles, cycles == 1 ? "" : "s", states - cyclic);
  fmt::format_to(std::back_inserter(out), "  label=\"{}\";\n  labelloc=t;\n", dot_escaped(label));
  out += "  node [shape=ellipse, fontname=\"monospace\", fontsize=10];\n";
  for (std::uint64_t state = 0; state < states; ++state) {
    fmt::format_to(std::back_inserter(out), "  s{} [label=\"{}\\n{}\"{}];\n", state,
                   state_digits_text(q, n, mpz_class(state)), state,
                   on_cycle[state] ? ", shape=doublecircle, style=filled, fillcolor=lightblue" : "");
  }
  for (std::uint64_t state = 0; state < states; ++state)
    fmt::format_to(std::back_inserter(out), "  s{} -> s{};\n", state, next[state]);
  out += "}\n";
  return out;
}

}  // namespace lfsr
