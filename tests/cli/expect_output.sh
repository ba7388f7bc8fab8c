#!/usr/bin/env bash
# CLI test: lfsr-analyze ARGS must exit 0 with nothing on stderr and a stdout line matching PATTERN
# (an extended regular expression).
# Usage: expect_output.sh BINARY PATTERN [ARGS...]
set -uo pipefail

binary=$1 pattern=$2
shift 2
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

"$binary" "$@" >"$out" 2>"$err"
status=$?

problems=()
((status == 0)) || problems+=("exit code $status, expected 0")
[[ -s $err ]] && problems+=("stderr is not empty")
grep -qE -- "$pattern" "$out" || problems+=("no stdout line matches: $pattern")

if ((${#problems[@]} > 0)); then
  echo "lfsr-analyze$(printf ' %q' "$@")"
  printf 'FAIL: %s\n' "${problems[@]}"
  echo "--- stdout:"; cat "$out"
  echo "--- stderr:"; cat "$err"
  exit 1
fi
