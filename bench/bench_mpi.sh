#!/usr/bin/env bash
# MPI scaling (not a test): the degree-16 enumeration scan under `mpirun -n 1` and `mpirun -n 2`,
# one worker per rank, interleaved R times so that a spell of load falls on both; prints each
# time, the medians and minimums, the ratio of the medians (floor: 2 ranks >= 1.7x one rank), and
# every rank's LFSR_MPI_STATS line of the last round. Never asserts. --bind-to none: Open MPI
# binds each of 2 ranks to one core by default, and on a machine shared with other work a bound
# rank cannot move away from a busy core.
# Usage: bench/bench_mpi.sh [BINARY] [ROUNDS]   (BINARY defaults to build/lfsr-analyze)
set -euo pipefail
binary=${1:-$(dirname "$0")/../build/lfsr-analyze}
rounds=${2:-3}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl_tcp_if_include=lo OMPI_MCA_oob_tcp_if_include=lo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scan=(--scan --bits 16 --method enumerate --summary --format json --mode seq)

# run RANKS: "wall cpu" seconds of the whole mpirun (cpu: user + system of every rank); the stats
# lines to $work/stats.RANKS.
run() {
  LFSR_MPI_STATS=1 /usr/bin/time -f "%e %U %S" -o "$work/time.$1" mpirun --oversubscribe --bind-to none -n "$1" \
    "$binary" "${scan[@]}" >"$work/out.$1" 2>"$work/stats.$1"
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$work/time.$1"
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

echo "degree-16 enumeration scan (${scan[*]}), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$work/one"
: >"$work/two"
: >"$work/cpu"
for ((round = 1; round <= rounds; round++)); do
  read -r one one_cpu <<<"$(run 1)"
  read -r two two_cpu <<<"$(run 2)"
  echo "$one" >>"$work/one"
  echo "$two" >>"$work/two"
  echo "$one_cpu $two_cpu" >>"$work/cpu"
  echo "round $round: 1 rank x 1 worker $one s ($one_cpu s CPU), 2 ranks x 1 worker $two s ($two_cpu s CPU)"
done
python3 - "$work/out.1" "$work/out.2" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
for d in (a, b):
    for k in ("seconds", "mode", "workers", "ranks"):
        d.pop(k, None)
print("summaries identical" if a == b else "SUMMARIES DIFFER")
PY
one_median=$(median <"$work/one")
two_median=$(median <"$work/two")
one_min=$(sort -g "$work/one" | head -1)
two_min=$(sort -g "$work/two" | head -1)
awk -v a="$one_median" -v b="$two_median" -v am="$one_min" -v bm="$two_min" 'BEGIN {
  printf "median (min): 1 rank %.3f s (%.3f), 2 ranks %.3f s (%.3f); 2 ranks / 1 rank: %.2fx median, %.2fx min (floor 1.7x)\n",
         a, am, b, bm, a / b, am / bm }'
# On a busy machine the wall times measure the load as much as the runner; the CPU seconds and the
# ranks' waits do not: 2 ranks can reach 2 x (1-rank CPU / 2-rank CPU) x (1 - waited share).
awk '{one += $1; two += $2} END {printf "CPU seconds, sum of the rounds: 1 rank %.3f, 2 ranks %.3f (2 ranks spend %.3fx the CPU of 1)\n", one, two, two / one}' "$work/cpu"
echo "LFSR_MPI_STATS of the last round, 2 ranks:"
cat "$work/stats.2"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
