#!/usr/bin/env bash
# CLI test: --format dot renders with Graphviz (dot -Tsvg) to one node and one edge per state, the
# cyclic states drawn apart; the largest graph allowed (4096 states) is checked as text only.
# Usage: dot_output.sh BINARY MATRIX_DIR
set -uo pipefail
binary=$1 matrices=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# check_graph STATES RENDER ARGS...: the graph of ARGS has STATES nodes and edges, its double circles are
# the JSON's cyclic states; with RENDER=yes, Graphviz draws it with as many nodes and edges.
check_graph() {
  local states=$1 render=$2
  shift 2
  if ! "$binary" "$@" --format dot >"$work/graph.dot" 2>"$work/err"; then
    fail "$* --format dot: $(cat "$work/err")"
    return
  fi
  local nodes edges cyclic expected_cyclic
  nodes=$(grep -cE '^  s[0-9]+ \[label=' "$work/graph.dot")
  edges=$(grep -cE '^  s[0-9]+ -> s[0-9]+;$' "$work/graph.dot")
  cyclic=$(grep -c 'doublecircle' "$work/graph.dot")
  expected_cyclic=$("$binary" "$@" --method enumerate --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["cyclic_states"])')
  ((nodes == states && edges == states)) || fail "$*: $nodes nodes and $edges edges for $states states"
  [[ $expected_cyclic =~ ^[0-9]+$ ]] || { fail "$*: no cyclic state count from the JSON"; return; }
  ((cyclic == expected_cyclic)) || fail "$*: $cyclic double circles for $expected_cyclic cyclic states"
  [[ $render == yes ]] || return
  if ! dot -Tsvg "$work/graph.dot" >"$work/graph.svg" 2>"$work/err"; then
    fail "$*: dot -Tsvg failed: $(cat "$work/err")"
    return
  fi
  nodes=$(grep -c 'class="node"' "$work/graph.svg")
  edges=$(grep -c 'class="edge"' "$work/graph.svg")
  ((nodes == states && edges == states)) || fail "$*: the SVG has $nodes nodes and $edges edges for $states states"
  grep -q '<title>state_transitions</title>' "$work/graph.svg" || fail "$*: the SVG has no graph title"
}

check_graph 16 yes --poly 'x^4+x^3+x'
check_graph 32 yes --poly 'x^5+x^4+x^2' --form galois
check_graph 243 yes --field 3 --poly 'x^5+2*x^2-1'
check_graph 81 yes --field 9 --poly 'x^2+[4]*x+[8]'
check_graph 256 yes --matrix "$matrices/rule90_8.txt"
check_graph 16 yes --matrix "$matrices/nilpotent_4.txt"
check_graph 4096 no --poly 'x^12+x^11+x^3+x^2'
((failures == 0))
