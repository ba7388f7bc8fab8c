#!/usr/bin/env bash
# SIGINT and SIGTERM sent to the parent alone, in every mode: the run dies of the signal (exit
# status 130, 143), no process of it is left (no worker, no zombie), its stdout ends with a whole
# line, and /dev/shm holds nothing new.
# Usage: signal_tests.sh BINARY
set -uo pipefail
binary=$(realpath "$1")  # the symlink below must point to it from anywhere
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# A name of its own: every process of a run (forked workers keep the command line) carries it.
marked=$scratch/lfsr-analyze-signal-test
ln -s "$binary" "$marked"
printf 'x^4+x+1\nx^3+x+1\nx^32+x^29+x^27+x^10+x^6+x^4+x^3+x+1\nx^5+x^2+1\n' >"$scratch/batch.txt"
# (x^5+x^2+1)(x^27+x^5+x^2+x+1): its long walks are replayed to find a cycle of 31 states, seconds
# of work in every mode.
slow='x^32+x^29+x^27+x^10+x^6+x^4+x^3+x+1'
runs=(
  "seq|--poly $slow --method enumerate --mode seq"
  "threads|--poly $slow --method enumerate --mode threads --workers 2"
  "fork|--poly $slow --method enumerate --mode fork --workers 2"
  "compare|--poly x^30+x^6+x^4+x+1 --compare --workers 2 --repeat 5"
  "batch by fork, JSON lines|--batch $scratch/batch.txt --method enumerate --mode fork --workers 2 --format json"
  "scan by threads, JSON lines|--scan --bits 16 --method enumerate --mode threads --workers 2 --format json"
  "scan by fork, JSON lines|--scan --bits 16 --method enumerate --mode fork --workers 2 --format json"
  "scan by fork, text|--scan --bits 16 --method enumerate --mode fork --workers 2"
)
failures=0 passes=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
shm_before=$(ls /dev/shm 2>/dev/null | sort)

for run in "${runs[@]}"; do
  name=${run%%|*}
  read -r -a args <<<"${run#*|}"
  for signal in INT TERM; do
    out=$scratch/out
    # Its own session, SIGINT not ignored: as a terminal's foreground job would run.
    env --default-signal=INT setsid "$marked" "${args[@]}" --no-progress >"$out" 2>"$scratch/err" &
    parent=$!
    sleep 1  # into the work: workers forked, lines being written
    kill -"$signal" $parent
    wait $parent
    status=$?
    expected=$((128 + $(kill -l "$signal")))
    ok=1
    ((status == expected)) || { fail "$name, SIG$signal: exit status $status, expected $expected"; ok=0; }
    for _ in $(seq 50); do pgrep -f "^$marked " >/dev/null || break; sleep 0.1; done
    if pgrep -f "^$marked " >/dev/null; then
      fail "$name, SIG$signal: processes left: $(pgrep -af "^$marked " | tr '\n' ' ')"; ok=0
    fi
    if [[ -s $out && $(tail -c 1 "$out" | od -An -c | tr -d ' ') != '\n' ]]; then
      fail "$name, SIG$signal: stdout ends inside a line: ...$(tail -c 80 "$out")"; ok=0
    fi
    if [[ $name == *"JSON lines"* ]] && grep -vq '^{"line":[0-9]*,.*}$' "$out"; then
      fail "$name, SIG$signal: a line is not a whole JSON object"; ok=0
    fi
    [[ -s $scratch/err ]] && { fail "$name, SIG$signal: stderr: $(head -c 300 "$scratch/err")"; ok=0; }
    ((ok)) && passes=$((passes + 1)) && echo "ok: $name, SIG$signal: exit $status, $(wc -l <"$out") whole lines"
  done
done
[[ $(ls /dev/shm 2>/dev/null | sort) == "$shm_before" ]] || fail "/dev/shm changed: $(ls /dev/shm)"
echo "$passes passed, $failures failed"
((failures == 0))
