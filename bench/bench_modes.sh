#!/usr/bin/env bash
# Whole-process wall time of lfsr-analyze in each mode, the way a user runs it: one fresh process
# per run, median and min of R runs. Prints a markdown table; never asserts.
# Usage: bench/bench_modes.sh [BINARY] [RUNS]   (BINARY defaults to build/lfsr-analyze)
set -euo pipefail
binary=${1:-$(dirname "$0")/../build/lfsr-analyze}
runs=${2:-5}
workers=${WORKERS:-2}

# median and min of the wall times (seconds) of RUNS runs of: lfsr-analyze ARGS
source "$(dirname "$0")/time_runs.sh"

echo "lfsr-analyze whole-process wall time, median (min) of $runs runs, $workers workers, $(nproc) CPUs"
echo
echo "| register | states | seq s | threads s | fork s | threads speedup | fork speedup |"
echo "|---|---|---|---|---|---|---|"
while read -r label args; do
  [[ -z $label || $label == \#* ]] && continue
  read -r -a argv <<<"$args"
  read -r seq seq_min <<<"$(time_runs "${argv[@]}" --method enumerate --no-progress --mode seq)"
  read -r threads threads_min <<<"$(time_runs "${argv[@]}" --method enumerate --no-progress --mode threads --workers "$workers")"
  read -r fork fork_min <<<"$(time_runs "${argv[@]}" --method enumerate --no-progress --mode fork --workers "$workers")"
  states=$("$binary" "${argv[@]}" --method enumerate --mode seq --format json | sed -n 's/^  "states": \([0-9]*\),$/\1/p')
  awk -v l="$label" -v n="$states" -v s="$seq" -v sm="$seq_min" -v t="$threads" -v tm="$threads_min" -v f="$fork" \
    -v fm="$fork_min" 'BEGIN {printf "| %s | %s | %s (%s) | %s (%s) | %s (%s) | %.2fx | %.2fx |\n", l, n, s, sm, t, tm, f, fm, s / t, s / f}'
done <<'REGISTERS'
default-6 --bits 6
default-8 --bits 8
default-10 --bits 10
default-15 --bits 15
default-20 --bits 20
x^20+1 --poly x^20+1
default-24 --bits 24
x^24+1 --poly x^24+1
x^28+1 --poly x^28+1
default-28 --bits 28
default-30 --bits 30
default-32 --bits 32
(x+1)(x^31+x^3+1) --poly x^32+x^31+x^4+x^3+x+1
REGISTERS
