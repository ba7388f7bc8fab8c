#!/usr/bin/env bash
# CLI test: a rank killed (SIGKILL) in the middle of an MPI scan ends the whole job with mpirun's
# message naming the rank and a non-zero exit code (128 + 9), no summary is printed, and no
# process of the job (ranks, their fork workers) is left.
# Usage: mpi_rank_death.sh MPIRUN BINARY
set -euo pipefail
mpirun=$1 binary=$2
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl_tcp_if_include=lo OMPI_MCA_oob_tcp_if_include=lo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A scan of several seconds: rank 1 is killed while it works.
"$mpirun" --oversubscribe -n 2 "$binary" --scan --bits 18 --method enumerate --summary --format json --mode fork \
  --workers 1 >"$work/out" 2>"$work/err" &
launcher=$!

# The job's processes: the ranks (children of mpirun), then their fork workers; rank 1 by its
# environment.
rank1=""
for ((try = 0; try < 100; try++)); do
  [[ -z $rank1 ]] || break
  sleep 0.05
  for pid in $(pgrep -P "$launcher" || true); do
    if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx OMPI_COMM_WORLD_RANK=1; then rank1=$pid; fi
  done
done
[[ -n $rank1 ]] || { echo "rank 1 did not start"; kill "$launcher"; exit 1; }
sleep 1  # the scan is under way: rank 1 has run tasks
job=$(pgrep -P "$launcher" | tr '\n' ' ')
for pid in $job; do job+=" $(pgrep -P "$pid" | tr '\n' ' ')"; done
kill -9 "$rank1"

code=0
wait "$launcher" || code=$?
if ((code != 137)); then
  echo "mpirun exited with $code, not 137 (128 + SIGKILL):"
  cat "$work/err"
  exit 1
fi
grep -q "process rank 1 .* exited on signal 9" "$work/err" || { echo "no message naming rank 1:"; cat "$work/err"; exit 1; }
if [[ -s $work/out ]]; then
  echo "a summary was printed although a rank died:"
  cat "$work/out"
  exit 1
fi
# Every process of the job is gone (a zombie waiting for init's reaping counts as gone).
for ((try = 0; try < 50; try++)); do
  left=""
  for pid in $job; do
    state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)
    [[ -n $state && $state != Z ]] && left+=" $pid"
  done
  [[ -z $left ]] && exit 0
  sleep 0.1
done
echo "processes of the job left:$left"
ps -o pid,ppid,stat,cmd -p "${left// /,}"
exit 1
