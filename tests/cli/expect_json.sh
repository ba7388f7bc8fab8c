#!/usr/bin/env bash
# CLI test: lfsr-analyze ARGS must exit 0 with nothing on stderr and print JSON that passes
# json_check CHECKS ("key=<json value>" or "key").
# Usage: expect_json.sh BINARY JSON_CHECK [ARGS...] -- [CHECKS...]
set -uo pipefail

binary=$1 checker=$2
shift 2
args=()
while (($# > 0)) && [[ $1 != -- ]]; do
  args+=("$1")
  shift
done
(($# > 0)) && shift
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

"$binary" "${args[@]}" >"$out" 2>"$err"
status=$?

problems=()
((status == 0)) || problems+=("exit code $status, expected 0")
[[ -s $err ]] && problems+=("stderr is not empty")
"$checker" "$@" <"$out" || problems+=("the JSON fails the checks above")

if ((${#problems[@]} > 0)); then
  echo "lfsr-analyze$(printf ' %q' "${args[@]}")"
  printf 'FAIL: %s\n' "${problems[@]}"
  echo "--- stdout:"; cat "$out"
  echo "--- stderr:"; cat "$err"
  exit 1
fi
