#!/usr/bin/env bash
# MPI scaling (not a test): the degree-16 enumeration scan (WORKLOAD scan, floor 1.7x) or the
# enumeration of (x+1)(x^31+x^3+1) (WORKLOAD register, floor 1.6x) under `mpirun -n 1` and
# `mpirun -n 2`, one worker per rank, interleaved R times so that a spell of load falls on both;
# prints each time (the whole mpirun, and the run's own "seconds", which leaves out mpirun's start),
# the medians and minimums, the ratio of the medians (2 ranks against one rank), and
# every rank's LFSR_MPI_STATS line of the last round. Never asserts. --bind-to none: Open MPI
# binds each of 2 ranks to one core by default, and on a machine shared with other work a bound
# rank cannot move away from a busy core.
# Usage: bench/bench_mpi.sh [BINARY] [ROUNDS] [WORKLOAD]   (build/lfsr-analyze, 3, scan)
set -euo pipefail
binary=${1:-$(dirname "$0")/../build/lfsr-analyze}
rounds=${2:-3}
workload=${3:-scan}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl_tcp_if_include=lo OMPI_MCA_oob_tcp_if_include=lo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case "$workload" in
  scan)
    what="degree-16 enumeration scan"
    floor=1.7
    scan=(--scan --bits 16 --method enumerate --summary --format json --mode seq)
    ;;
  register)
    what="enumeration of (x+1)(x^31+x^3+1)"
    floor=1.6
    scan=(--poly 'x^32+x^31+x^4+x^3+x+1' --method enumerate --format json --mode seq)
    ;;
  *)
    echo "unknown workload '$workload': scan or register" >&2
    exit 2
    ;;
esac

# run RANKS: "wall cpu" seconds of the whole mpirun (cpu: user + system of every rank); the stats
# lines to $work/stats.RANKS.
run() {
  LFSR_MPI_STATS=1 /usr/bin/time -f "%e %U %S" -o "$work/time.$1" mpirun --oversubscribe --bind-to none -n "$1" \
    "$binary" "${scan[@]}" >"$work/out.$1" 2>"$work/stats.$1"
  local seconds
  seconds=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["seconds"])' "$work/out.$1")
  awk -v s="$seconds" '{printf "%.3f %.3f %.3f\n", $1, $2 + $3, s}' "$work/time.$1"
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

echo "$what (${scan[*]}), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$work/one"
: >"$work/two"
: >"$work/cpu"
: >"$work/one_run"
: >"$work/two_run"
for ((round = 1; round <= rounds; round++)); do
  read -r one one_cpu one_run <<<"$(run 1)"
  read -r two two_cpu two_run <<<"$(run 2)"
  echo "$one" >>"$work/one"
  echo "$two" >>"$work/two"
  echo "$one_run" >>"$work/one_run"
  echo "$two_run" >>"$work/two_run"
  echo "$one_cpu $two_cpu" >>"$work/cpu"
  echo "round $round: 1 rank x 1 worker $one s ($one_cpu s CPU, run $one_run s), 2 ranks x 1 worker $two s ($two_cpu s CPU, run $two_run s)"
done
python3 - "$work/out.1" "$work/out.2" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
for d in (a, b):
    for k in ("seconds", "mode", "workers", "ranks"):
        d.pop(k, None)
print("results identical" if a == b else "RESULTS DIFFER")
PY
one_median=$(median <"$work/one")
two_median=$(median <"$work/two")
one_min=$(sort -g "$work/one" | head -1)
two_min=$(sort -g "$work/two" | head -1)
ratio() {
  awk -v a="$2" -v b="$3" -v am="$4" -v bm="$5" -v what="$1" -v floor="$floor" 'BEGIN {
    printf "%s median (min): 1 rank %.3f s (%.3f), 2 ranks %.3f s (%.3f); 2 ranks / 1 rank: %.2fx median, %.2fx min (floor %sx)\n",
           what, a, am, b, bm, a / b, am / bm, floor }'
}
ratio "whole mpirun," "$one_median" "$two_median" "$one_min" "$two_min"
ratio "the run's seconds," "$(median <"$work/one_run")" "$(median <"$work/two_run")" \
  "$(sort -g "$work/one_run" | head -1)" "$(sort -g "$work/two_run" | head -1)"
# On a busy machine the wall times measure the load as much as the runner; the CPU seconds and the
# ranks' waits do not: 2 ranks can reach 2 x (1-rank CPU / 2-rank CPU) x (1 - waited share).
awk '{one += $1; two += $2} END {printf "CPU seconds, sum of the rounds: 1 rank %.3f, 2 ranks %.3f (2 ranks spend %.3fx the CPU of 1)\n", one, two, two / one}' "$work/cpu"
echo "LFSR_MPI_STATS of the last round, 2 ranks:"
cat "$work/stats.2"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
