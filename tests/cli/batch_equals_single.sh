#!/usr/bin/env bash
# CLI test: every JSON line of a batch equals the single run of that line's polynomial, apart from
# the keys that describe the run rather than the register (line, mode, workers, seconds).
# Usage: batch_equals_single.sh BINARY MODE FIELD COUNT
set -euo pipefail
binary=$1 mode=$2 field=$3 count=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Random polynomials of degree 1..7 with coefficients given as element numbers [n].
RANDOM=$((field * 7 + count))
for ((i = 0; i < count; i++)); do
  degree=$((RANDOM % 7 + 1))
  poly="x^$degree"
  for ((e = degree - 1; e >= 0; e--)); do
    c=$((RANDOM % field))
    ((c == 0)) || poly+="+[$c]*x^$e"
  done
  echo "$poly"
done >"$work/batch.txt"
strip() { sed -E 's/"(line|mode|workers|seconds)":[^,}]*,?//g; s/,}/}/g'; }
"$binary" --batch "$work/batch.txt" --field "$field" --mode "$mode" --workers 2 --format json | strip >"$work/batch.jsonl"
[[ $(wc -l <"$work/batch.jsonl") -eq $count ]] || { echo "expected $count lines"; exit 1; }
line=0
while IFS= read -r poly; do
  line=$((line + 1))
  # No key or value of these objects holds a space, so deleting every space and newline compacts them.
  single=$("$binary" --poly "$poly" --field "$field" --format json | tr -d ' \n' | strip)
  batch=$(sed -n "${line}p" "$work/batch.jsonl")
  if [[ $single != "$batch" ]]; then
    echo "line $line ($poly) differs:"
    echo "single: $single"
    echo "batch:  $batch"
    exit 1
  fi
done <"$work/batch.txt"
echo "$count lines equal their single runs"
