#!/usr/bin/env bash
# CLI test: a --summary made of many small tasks (one or two registers each, over 12 threads or 12
# forked workers) is the one made of few large tasks (one worker), apart from the keys naming the
# run, for GF(2) and GF(3) scans and for a batch with bad lines (same exit code and stderr too).
# Usage: summary_chunks.sh BINARY STRIP_SCRIPT
set -euo pipefail
binary=$1 strip=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every polynomial of degree 7 in hexadecimal, a malformed line after every 40th.
for ((i = 128; i < 256; ++i)); do
  printf '0x%x\n' "$i"
  ((i % 40 == 0)) && echo "x^3+y+1"
done >"$work/batch.txt"

# run NAME OPTIONS...: stdout stripped of timing and run keys, stderr and exit code, into NAME.*.
run() {
  local name=$1 code=0
  shift
  "$binary" "$@" --summary --format json >"$work/$name.out" 2>"$work/$name.err" || code=$?
  echo "$code" >"$work/$name.code"
  python3 "$strip" --without-run <"$work/$name.out" >"$work/$name.json"
}

check() {
  run few --mode seq --workers 1 "$@"
  [[ -s $work/few.json ]] || { echo "$*: no summary"; cat "$work/few.err"; exit 1; }
  for mode in threads fork; do
    run many --mode "$mode" --workers 12 "$@"
    for part in json err code; do
      if ! cmp -s "$work/few.$part" "$work/many.$part"; then
        echo "$* --mode $mode --workers 12: its $part differs from one worker's:"
        diff "$work/few.$part" "$work/many.$part" | head -20
        exit 1
      fi
    done
  done
}

check --scan --bits 8
check --scan --bits 4 --field 3 --method enumerate
check --batch "$work/batch.txt"
grep -q '"errors":3' "$work/few.json" || { echo "the batch's three bad lines are not counted"; exit 1; }
grep -q "3 of 131 lines failed: lines 34, 75, 116" "$work/few.err" || { echo "stderr:"; cat "$work/few.err"; exit 1; }
