#!/usr/bin/env bash
# CLI test: under `mpirun -n K` for K = 1, 2, 3 the JSON output and the exit code are those of a
# single run, apart from the timing keys and the keys naming the run (mode "mpi", ranks); and a
# text report says the ranks in one line.
# Usage: mpi_equals_single.sh MPIRUN BINARY STRIP_SCRIPT CASES  (CASES: scans | registers)
set -euo pipefail
mpirun=$1 binary=$2 strip=$3 cases=$4
data=$(cd "$(dirname "$0")" && pwd)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
# No MPI library may print to the terminal in a test, nor look for network interfaces beyond loopback.
export OMPI_MCA_btl_tcp_if_include=lo OMPI_MCA_oob_tcp_if_include=lo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run EXPECTED_CODE OUTPUT COMMAND...: the command's stdout, stripped, into OUTPUT.
run() {
  local expected=$1 output=$2 code=0
  shift 2
  "$@" >"$work/out" 2>"$work/err" || code=$?
  if ((code != expected)); then
    echo "$* exited with $code, not $expected:"
    cat "$work/err"
    exit 1
  fi
  python3 "$strip" --without-run <"$work/out" >"$output"
}

# check EXPECTED_CODE OPTIONS...: the single run against mpirun -n 1, 2, 3.
check() {
  local expected=$1
  shift
  run "$expected" "$work/single" "$binary" "$@" --format json
  [[ -s $work/single ]] || { echo "$* printed nothing"; exit 1; }
  for ranks in 1 2 3; do
    run "$expected" "$work/mpi" "$mpirun" --oversubscribe -n "$ranks" "$binary" "$@" --format json
    grep -Eq '"mode": ?"mpi"' "$work/out" || { echo "mpirun -n $ranks $*: no mode mpi"; exit 1; }
    grep -Eq "\"ranks\": ?$ranks\b" "$work/out" || { echo "mpirun -n $ranks $*: no ranks $ranks"; exit 1; }
    if ! cmp -s "$work/single" "$work/mpi"; then
      echo "mpirun -n $ranks $* differs from the single run:"
      diff "$work/single" "$work/mpi" | head -20
      exit 1
    fi
  done
}

case $cases in
  scans)
    check 0 --scan --bits 8 --mode threads --workers 2
    check 0 --scan --bits 10 --summary --mode fork --workers 2
    check 0 --scan --bits 4 --field 3 --mode seq
    check 0 --scan --bits 9 --nonsingular --method both --mode fork --workers 1
    check 2 --batch "$data/batches/mixed.txt" --mode threads --workers 2
    check 2 --batch "$data/batches/feedback.txt" --mode fork --workers 2
    check 2 --batch "$data/batches/feedback.txt" --summary --mode threads --workers 1
    # The text report names the ranks in a line of its own.
    "$mpirun" --oversubscribe -n 2 "$binary" --scan --bits 6 --summary >"$work/text"
    grep -qx "mpirun: 2 ranks, [0-9]* workers\? each" "$work/text" || { echo "no ranks line:"; cat "$work/text"; exit 1; }
    ;;
  registers)
    check 0 --poly "x^14+x^5+x^3+x+1" --method enumerate --mode fork --workers 2
    check 0 --poly "x^12+x^5+x^3+x" --method enumerate --mode threads --workers 2
    check 0 --matrix "$data/matrices/rule90_8.txt" --method enumerate --mode seq
    # One register spread over the ranks by segments: the count proof completed by the segments
    # (maximal length, Galois, odd p, many chunks), by the short-cycle search ((x+1)(x^31+x^3+1),
    # the issue's register), and by the engine on rank 0 (x^16+1: cycles without segment points).
    check 0 --bits 22 --method enumerate --mode seq
    check 0 --poly "x^20+x^3+1" --form galois --method enumerate --chunk 4096 --mode threads --workers 2
    check 0 --field 3 --poly "x^10+x^3+2*x+1" --method enumerate --list-cycles --mode seq
    check 0 --poly "x^32+x^31+x^4+x^3+x+1" --method enumerate --mode seq
    check 0 --poly "x^16+1" --method enumerate --list-cycles --mode fork --workers 2
    check 0 --poly "x^20+x^9+x^5+x^2" --method enumerate --mode seq
    # --compare gains a row for the MPI runner, and its results agree with the other rows.
    "$mpirun" --oversubscribe -n 2 "$binary" --bits 18 --compare --repeat 1 --warmup 0 --format json >"$work/compare"
    python3 - "$work/compare" <<'PY'
import json, sys
modes = [row["mode"] for row in json.load(open(sys.argv[1]))["compare"]]
if "mpi" not in modes:
    sys.exit(f"--compare under mpirun has no mpi row: {modes}")
PY
    ;;
  nonlinear)
    # A nonlinear register spread by segments (a permutation, and a singular one whose image
    # passes run on rank 0), and the search's summary.
    check 0 --bits 20 --feedback "x0+x1+x5*x7+x3*x9" --list-cycles 1000000 --mode seq
    check 0 --bits 16 --feedback "x1+x4*x6+x2*x3*x5+x15" --mode threads --workers 2
    check 0 --search-nlfsr "x0+xa+xb*xc+xd*xe" --bits 10 --summary --mode fork --workers 2
    # The search's JSON Lines (which name no runner) are those of a single run.
    "$binary" --search-nlfsr "x0+xa+xb+xc*xd" --bits 13 --format json >"$work/single"
    for ranks in 2 3; do
      "$mpirun" --oversubscribe -n "$ranks" "$binary" --search-nlfsr "x0+xa+xb+xc*xd" --bits 13 --format json \
        --workers 1 >"$work/mpi"
      cmp -s "$work/single" "$work/mpi" || { echo "mpirun -n $ranks: the search's lines differ"; exit 1; }
    done
    ;;
esac
