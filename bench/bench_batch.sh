#!/usr/bin/env bash
# Batch throughput (issue floor: 10,000 random degree-10 GF(2) registers, JSON Lines to a file,
# seq at least 100,000 registers/s, threads and fork each within 1.05x of seq): registers per
# second of each mode and their ratios, measured in one run with the modes interleaved. Wall time
# (median and min of R runs) and CPU time (user + system, median) of the whole process; the CPU
# time says what the machine can do when other load stretches the wall time. Never asserts.
# Usage: bench/bench_batch.sh [BINARY] [RUNS]   (BINARY defaults to build/lfsr-analyze)
# With BASELINE=OTHER_BINARY, OTHER_BINARY's modes run interleaved with BINARY's (rows "base seq", ...),
# and every ratio is to BINARY's seq: two versions side by side under the same load.
set -euo pipefail
binary=${1:-$(dirname "$0")/../build/lfsr-analyze}
runs=${2:-7}
baseline=${BASELINE:-}
workers=${WORKERS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The batch of bench/bench_many.sh: 10,000 random monic degree-10 polynomials, a fixed seed.
source "$(dirname "$0")/random_batch.sh"
random_batch "$work/batch10.txt"
registers=10000

# One run: "wall_us cpu_us" of the whole process, output to a file as a user's run writes it.
run_once() {
  local mode=$1 program=$binary start end TIMEFORMAT='%3U %3S'
  if [[ $mode == base-* ]]; then
    mode=${mode#base-}
    program=$baseline
  fi
  start=$(date +%s%N)
  { time "$program" --batch "$work/batch10.txt" --format json --mode "$mode" --workers "$workers" \
    >"$work/out.jsonl"; } 2>"$work/cpu"
  end=$(date +%s%N)
  awk -v w="$(((end - start) / 1000))" '{printf "%d %d\n", w, ($1 + $2) * 1e6}' "$work/cpu"
}

modes=(seq threads fork)
[[ -n $baseline ]] && modes+=(base-seq base-threads base-fork)
for mode in "${modes[@]}"; do : >"$work/$mode"; done
run_once seq >/dev/null  # warm-up: the binary and its libraries in the page cache
[[ -z $baseline ]] || run_once base-seq >/dev/null
for ((r = 0; r < runs; r++)); do
  for mode in "${modes[@]}"; do run_once "$mode" >>"$work/$mode"; done
done

# median and min of column c of a mode's runs
stat() { sort -n -k"$2" "$work/$1" | awk -v c="$2" '{v[NR]=$c} END {printf "%d %d", v[int((NR+1)/2)], v[1]}'; }

echo "lfsr-analyze --batch (10,000 x degree 10, GF(2)) --format json > file: $runs runs per mode, interleaved,"
echo "$workers workers, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| mode | wall median s | wall min s | registers/s (median) | registers/s (min time) | CPU median s | registers/CPU s | wall / seq |"
echo "|---|---|---|---|---|---|---|---|"
read -r seq_wall _ <<<"$(stat seq 1)"
for mode in "${modes[@]}"; do
  read -r wall wall_min <<<"$(stat "$mode" 1)"
  read -r cpu _ <<<"$(stat "$mode" 2)"
  awk -v m="$mode" -v w="$wall" -v wm="$wall_min" -v c="$cpu" -v s="$seq_wall" -v n="$registers" \
    'BEGIN {sub(/^base-/, "base ", m); printf "| %s | %.4f | %.4f | %.0f | %.0f | %.4f | %.0f | %.3f |\n", m, w / 1e6, wm / 1e6, n / (w / 1e6), n / (wm / 1e6), c / 1e6, n / (c / 1e6), w / s}'
done
