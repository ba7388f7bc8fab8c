#!/usr/bin/env bash
# The largest d for which 2^d - 1 is factored within one second, each d in a fresh process (no
# cached factors). Usage: bench/factor_scan.sh [LOW] [HIGH] [BENCH_ALGEBRA]; prints every d that
# took over a second or stayed unfactored, then the answer.
set -euo pipefail
low=${1:-2}
high=${2:-400}
bench=${3:-$(dirname "$0")/../build/bench/bench_algebra}
largest=0
first_miss=
for ((d = low; d <= high; d++)); do
  read -r _ seconds _ status < <(timeout 60 "$bench" factor "$d" || echo "2^$d-1 60 s timeout")
  if [[ $status == factored ]] && awk -v s="$seconds" 'BEGIN {exit !(s <= 1.0)}'; then
    largest=$d
  else
    echo "2^$d-1: $seconds s, $status"
    first_miss=${first_miss:-$d}
  fi
done
echo "largest d in $low..$high with 2^d-1 factored within 1 s: $largest"
echo "every d from $low up to $((${first_miss:-$((high + 1))} - 1)) factored within 1 s"
