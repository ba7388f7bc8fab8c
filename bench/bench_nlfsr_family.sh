#!/usr/bin/env bash
# The maximum-period search's floors (not a test): the whole family x0+xa+xb+xc*xd for every
# n = 2..MAX_N with `--search-nlfsr --summary` on W workers (floor: all of n <= 20 within 60 s),
# one lfsr-analyze process per n, timed whole; then, with BIG_N, that one length alone (floor for
# n = 24: within an hour). Prints per n the members, the counts found, the walks and the process's
# wall time, and the totals. Never asserts.
# Usage: bench/bench_nlfsr_family.sh [BINARY] [MAX_N] [WORKERS] [BIG_N] [FAMILY]
#        (build/lfsr-analyze, 20, 2, none, x0+xa+xb+xc*xd)
set -euo pipefail
binary=${1:-$(dirname "$0")/../build/lfsr-analyze}
max_n=${2:-20}
workers=${3:-2}
big_n=${4:-}
family=${5:-x0+xa+xb+xc*xd}
now() { date +%s.%N; }
run() {
  local n=$1 start end
  start=$(now)
  summary=$("$binary" --search-nlfsr "$family" --bits "$n" --summary --format json --workers "$workers")
  end=$(now)
  python3 - "$n" "$start" "$end" "$summary" <<'PY'
import json, sys
n, start, end, summary = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), json.loads(sys.argv[4])
print(f"{n:>3} {summary['candidates']:>9} {summary['nonzero_cycle']:>6} {summary['de_bruijn']:>6} "
      f"{summary['walks']:>8} {summary['walk_steps']:>16} {end - start:>9.3f}  {summary['mode']}, {summary['workers']}")
PY
}
echo "family $family, $workers workers, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  n   members  2^n-1 deBruijn   walks       walk steps   wall s  runner"
total_start=$(now)
for ((n = 2; n <= max_n; n++)); do run "$n"; done
total_end=$(now)
python3 -c "import sys; print(f'n = 2..{sys.argv[1]}: {float(sys.argv[3]) - float(sys.argv[2]):.2f} s in all, whole processes')" \
  "$max_n" "$total_start" "$total_end"
if [[ -n $big_n ]]; then
  run "$big_n"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
