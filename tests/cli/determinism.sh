#!/usr/bin/env bash
# The same input gives byte-identical JSON, timing keys and the run's mode and workers aside,
# across runs, modes (seq, threads, fork), worker counts (1, 2, 3, 5) and chunk sizes.
# Usage: determinism.sh BINARY
set -uo pipefail
binary=$1
here=$(dirname "${BASH_SOURCE[0]}")
failures=0 passes=0
printf 'x^12+x^6+x^4+x+1\nx^10+x^9+x^2\nx^9+1\n' >"${TMPDIR:-/tmp}/determinism-$$.txt"
trap 'rm -f "${TMPDIR:-/tmp}/determinism-$$.txt"' EXIT
singles=(
  "--poly x^16+x^5+x^3+x^2+1"
  "--poly x^16+x^15+x^3+x^2"
  "--field 3 --poly x^9+2*x^4+x+2"
  "--field 4 --poly x^7+a*x^2+x+a"
  "--matrix $here/matrices/rule90_8.txt"
  "--poly x^14+1 --all-cycles"
  "--poly x^14+x^13+x^2 --list-cycles"
)
many=("--batch ${TMPDIR:-/tmp}/determinism-$$.txt" "--scan --bits 7" "--field 3 --scan --bits 4")
check() {  # check NAME ARGS... : every variant's output equals the first
  local name=$1 first="" got variant
  shift
  for variant in "${variants[@]}"; do
    read -r -a extra <<<"$variant"
    got=$("$binary" "$@" "${extra[@]}" --method enumerate --format json | python3 "$here/json_without_timing.py" --without-run)
    if [[ -z $got ]]; then echo "FAIL: $name $variant: no output"; failures=$((failures + 1)); return; fi
    [[ -z $first ]] && first=$got
    if [[ $got != "$first" ]]; then
      echo "FAIL: $name: $variant differs"; diff <(echo "$first") <(echo "$got") | head -4
      failures=$((failures + 1)); return
    fi
  done
  passes=$((passes + 1)); echo "ok: $name, ${#variants[@]} variants"
}
variants=("--mode seq" "--mode seq" "--mode threads --workers 1" "--mode threads --workers 2 --chunk 1000"
  "--mode threads --workers 3 --chunk 777" "--mode threads --workers 5" "--mode fork --workers 1"
  "--mode fork --workers 2 --chunk 4096" "--mode fork --workers 3 --chunk 333" "--mode fork --workers 5")
for s in "${singles[@]}"; do read -r -a args <<<"$s"; check "$s" "${args[@]}"; done
variants=("--mode seq" "--mode seq" "--mode threads --workers 2" "--mode threads --workers 3"
  "--mode threads --workers 5" "--mode fork --workers 1" "--mode fork --workers 2" "--mode fork --workers 5")
for s in "${many[@]}"; do
  read -r -a args <<<"$s"
  check "$s" "${args[@]}"
  check "$s --summary" "${args[@]}" --summary
done
echo "$passes passed, $failures failed"
((failures == 0))
