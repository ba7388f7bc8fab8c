// The state-transition graph of a map with few states, drawn by Graphviz from the DOT language.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lfsr/transition.hpp"

namespace lfsr {

// Most states --format dot draws: beyond, Graphviz takes minutes and the picture is unreadable.
inline constexpr std::uint64_t max_graph_states = 4096;

// A DOT digraph of the map on its q^n states (at most max_graph_states): a node per state,
// labelled with its digit vector (state_digits_text) and its index; an edge from each state to its
// successor; states on a cycle filled and drawn as double circles, transient states as plain
// ellipses; `title` (lines separated by '\n') and the counts of states and cycles as its label.
std::string state_graph_dot(const Transition& map, std::uint32_t q, int n, std::string_view title);

}  // namespace lfsr
