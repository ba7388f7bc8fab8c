#!/usr/bin/env bash
# CLI test: the run a part names ("run" of its {"shard": ...} line) is the same for every part and
# for any mode, workers, chunk or factoring bound, and differs when an option that decides results
# differs, or the batch file's bytes do.
# Usage: run_identity.sh BINARY
set -euo pipefail
binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run_of() {
  "$binary" "$@" --format json >"$work/part.jsonl"
  head -n 1 "$work/part.jsonl" | sed -E 's/.*"run":"([0-9a-f]{16})".*/\1/'
}
fail() {
  echo "$*"
  exit 1
}
base=(--scan --bits 4 --shard 1/2)
reference=$(run_of "${base[@]}")
[[ $reference =~ ^[0-9a-f]{16}$ ]] || fail "no run in the first line of a part: $reference"
for shard in 2/2 1/3 3/3; do
  [[ $(run_of --scan --bits 4 --shard $shard) == "$reference" ]] || fail "--shard $shard changes the run"
done
for same in "--mode fork --workers 2" "--mode threads --workers 1" "--mode seq" \
  "--factor-seconds 5" "--max-memory 1G" "--form fibonacci" "--field 2" "--method auto"; do
  # shellcheck disable=SC2086
  [[ $(run_of "${base[@]}" $same) == "$reference" ]] || fail "$same changes the run"
done
seen=("$reference")
for different in "--nonsingular" "--form galois" "--method algebraic" "--method enumerate" "--field 3" \
  "--field 4" "--field 4 --modulus a^2+a+1"; do
  # shellcheck disable=SC2086
  run=$(run_of "${base[@]}" $different)
  [[ $run != "$reference" ]] || fail "$different does not change the run"
  seen+=("$run")
done
[[ $(run_of --scan --bits 5 --shard 1/2) != "$reference" ]] || fail "--bits 5 does not change the run"
# GF(4) with its Conway modulus given is the same field as GF(4).
[[ ${seen[6]} == "${seen[7]}" ]] || fail "--modulus a^2+a+1 of GF(4), its Conway modulus, changes the run"
printf 'x^4+x+1\nx^3+x+1\n' >"$work/a.txt"
cp "$work/a.txt" "$work/b.txt"
batch=$(run_of --batch "$work/a.txt" --shard 1/2)
[[ $(run_of --batch "$work/b.txt" --shard 2/2 --workers 1) == "$batch" ]] || fail "the batch file's name changes the run"
[[ $batch != "$reference" ]] || fail "a batch and a scan have one run"
printf 'x^4+x+1\nx^3+x+1 \n' >"$work/b.txt"
[[ $(run_of --batch "$work/b.txt" --shard 1/2) != "$batch" ]] || fail "a byte more in the batch file does not change the run"
