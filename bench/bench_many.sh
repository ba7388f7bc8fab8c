#!/usr/bin/env bash
# Many registers in one process (issue 6 floors): a batch of 10,000 random degree-10 registers over
# GF(2) and scans of degree 16, in each mode; whole-process wall time, median (min) of R runs.
# Prints a markdown table; never asserts.
# Usage: bench/bench_many.sh [BINARY] [RUNS]   (BINARY defaults to build/lfsr-analyze)
set -euo pipefail
binary=${1:-$(dirname "$0")/../build/lfsr-analyze}
runs=${2:-3}
workers=${WORKERS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 10,000 random monic polynomials of degree 10 over GF(2) (a fixed seed: the same file every time).
source "$(dirname "$0")/random_batch.sh"
random_batch "$work/batch10.txt"

source "$(dirname "$0")/time_runs.sh"

echo "lfsr-analyze whole-process wall time, median (min) of $runs runs, $workers workers, $(nproc) CPUs"
echo
echo "| run | seq s | threads s | fork s | threads / seq | fork / seq |"
echo "|---|---|---|---|---|---|"
while read -r label args; do
  [[ -z $label || $label == \#* ]] && continue
  args=${args//BATCH/$work/batch10.txt}
  read -r -a argv <<<"$args"
  read -r seq seq_min <<<"$(time_runs "${argv[@]}" --mode seq)"
  read -r threads threads_min <<<"$(time_runs "${argv[@]}" --mode threads --workers "$workers")"
  read -r fork fork_min <<<"$(time_runs "${argv[@]}" --mode fork --workers "$workers")"
  awk -v l="$label" -v s="$seq" -v sm="$seq_min" -v t="$threads" -v tm="$threads_min" -v f="$fork" -v fm="$fork_min" \
    'BEGIN {printf "| %s | %s (%s) | %s (%s) | %s (%s) | %.3f | %.3f |\n", l, s, sm, t, tm, f, fm, t / s, f / s}'
done <<'RUNS'
batch-10000x10-json --batch BATCH --format json
batch-10000x10-text --batch BATCH
scan-16-enumerate --scan --bits 16 --method enumerate --summary --format json
scan-16-algebraic --scan --bits 16 --method algebraic --summary --format json
RUNS
echo
echo "registers per second of the sequential batch: 10000 / its median"
