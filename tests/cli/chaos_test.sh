#!/usr/bin/env bash
# Chaos: SIGKILL a random fork worker at a random time, run after run, over registers, batches and
# scans over GF(2), GF(3) and GF(4), singular and not. Each run must give exactly the result of an
# undisturbed run (timing keys aside) or fail with exit code 5 and one stderr line, its stdout a
# prefix of the right output: never a wrong answer, never a hang.
# Usage: chaos_test.sh BINARY [RUNS]   (RUNS default 100; LFSR_CHAOS_SEED=N repeats a sequence)
set -uo pipefail
binary=$1 runs=${2:-100}
here=$(dirname "${BASH_SOURCE[0]}")
seed=${LFSR_CHAOS_SEED:-$(( $(date +%s%N) % 32768 ))}
echo "seed $seed (LFSR_CHAOS_SEED=$seed repeats this sequence)"
RANDOM=$seed
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
printf 'x^22+x+1\nx^21+x^20+x^2\nx^16+x^5+x^3+x^2+1\nx^22+x^21\n' >"$scratch/batch2.txt"
printf 'x^11+x^3+a*x+1\nx^11+x^10+x^2\nx^7+(a+1)*x+a\n' >"$scratch/batch4.txt"
fork=(--mode fork --method enumerate --format json --no-progress)
cases=(
  "--poly x^27+x^5+x^2+x+1 --workers 3 --chunk 65536"
  "--poly x^26+x^25+x^3+x^2 --workers 2 --chunk 65536"
  "--field 3 --poly x^14+2*x^5+x+1 --workers 3 --chunk 65536"
  "--field 3 --poly x^14+x^13+2*x^2 --workers 2 --chunk 65536"
  "--field 4 --poly x^12+a*x^3+x+a --workers 3 --chunk 65536"
  "--field 4 --poly x^13+x^12+a*x^2 --workers 2 --chunk 65536"
  "--poly x^25+x^3+1 --list-cycles 100000 --workers 2 --chunk 65536"
  "--batch $scratch/batch2.txt --workers 2"
  "--field 4 --batch $scratch/batch4.txt --workers 3"
  "--scan --bits 12 --workers 2"
  "--field 3 --scan --bits 7 --nonsingular --workers 3"
)
normalize() { python3 "$here/json_without_timing.py"; }
declare -a reference duration_ms
for c in "${!cases[@]}"; do
  read -r -a args <<<"${cases[$c]}"
  start=$(date +%s%N)
  reference[$c]=$(timeout 120 "$binary" "${args[@]}" "${fork[@]}" | normalize) || { echo "FAIL: reference run of ${cases[$c]}"; exit 1; }
  duration_ms[$c]=$(( ($(date +%s%N) - start) / 1000000 ))
done

failures=0 killed=0 survived=0 failed_cleanly=0
for ((run = 1; run <= runs; ++run)); do
  c=$((RANDOM % ${#cases[@]}))
  read -r -a args <<<"${cases[$c]}"
  delay_ms=$((RANDOM % (duration_ms[c] * 8 / 10 + 1)))
  "$binary" "${args[@]}" "${fork[@]}" >"$scratch/out" 2>"$scratch/err" &
  parent=$!
  for _ in $(seq 200); do [[ -n $(pgrep -P $parent) ]] && break; sleep 0.01; done  # forked
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  mapfile -t workers < <(pgrep -P $parent)
  if ((${#workers[@]} > 0)); then
    kill -KILL "${workers[RANDOM % ${#workers[@]}]}" 2>/dev/null && killed=$((killed + 1))
  fi
  # A hang shows as a run still alive after a minute.
  for ((waited = 0; waited < 3000; ++waited)); do kill -0 $parent 2>/dev/null || break; sleep 0.02; done
  if kill -0 $parent 2>/dev/null; then
    echo "FAIL run $run: ${cases[$c]} still running a minute after the kill"; kill -KILL $parent
    failures=$((failures + 1)); wait $parent; continue
  fi
  wait $parent
  status=$?
  got=$(normalize <"$scratch/out" 2>/dev/null)
  if ((status == 0)) && [[ $got == "${reference[$c]}" && ! -s $scratch/err ]]; then
    survived=$((survived + 1))
  elif ((status == 5)) && [[ $(wc -l <"$scratch/err") == 1 ]] && grep -q '^lfsr-analyze: worker [0-9]* died' "$scratch/err" &&
    [[ ${reference[$c]} == "$got"* ]]; then
    failed_cleanly=$((failed_cleanly + 1))
  else
    echo "FAIL run $run: ${cases[$c]}, kill after ${delay_ms} ms: exit $status, stderr: $(head -c 300 "$scratch/err")"
    diff <(echo "${reference[$c]}") <(echo "$got") | head -5
    failures=$((failures + 1))
  fi
done
echo "$runs runs, $killed workers killed: $survived right results, $failed_cleanly clean worker failures (exit 5)"
echo "$((runs - failures)) passed, $failures failed"
((failures == 0))
