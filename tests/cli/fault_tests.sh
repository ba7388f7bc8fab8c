#!/usr/bin/env bash
# Fault tests of the fork pool through the real binary: a killed worker fails the run with exit
# code 5 and a message, a killed or interrupted parent takes its workers with it, a closed pipe
# ends the run; nothing is left running in any case.
# Usage: fault_tests.sh BINARY [sanitized]
set -uo pipefail
binary=$1
# (x^5+x^2+1)(x^27+x^5+x^2+x+1): a cycle of 31 states stays to be found after the two long walks,
# too many for the short-cycle search, so the walks are replayed: several seconds of work with two
# workers, long enough to strike during it.
slow=(--poly 'x^32+x^29+x^27+x^10+x^6+x^4+x^3+x+1' --method enumerate --mode fork --workers 2 --no-progress)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Prints the pids of the workers of $1 once both are forked (empty after 10 s without them).
workers_of() {
  for _ in $(seq 100); do
    local children
    children=$(pgrep -P "$1" | tr '\n' ' ')
    if [[ $(wc -w <<<"$children") -ge 2 ]]; then echo "$children"; return; fi
    sleep 0.1
  done
}

# Waits up to 10 s for every pid given to be gone.
all_gone() {
  for _ in $(seq 100); do
    local alive=0 pid
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive == 0)) && return 0
    sleep 0.1
  done
  return 1
}

echo "a worker killed during the run"
err=$(mktemp)
"$binary" "${slow[@]}" >/dev/null 2>"$err" &
parent=$!
read -r -a workers <<<"$(workers_of $parent)"
if ((${#workers[@]} < 2)); then fail "no workers appeared"; fi
sleep 0.5
kill -KILL "${workers[0]}"
wait $parent
status=$?
((status == 5)) || fail "exit status $status after a worker was killed, expected 5"
grep -q "lfsr-analyze: worker .* died during the run (killed by signal 9" "$err" || fail "stderr: $(cat "$err")"
all_gone "${workers[@]}" || fail "workers still running after the run failed"

echo "the parent killed during the run"
"$binary" "${slow[@]}" >/dev/null 2>&1 &
parent=$!
read -r -a workers <<<"$(workers_of $parent)"
sleep 0.5
kill -KILL $parent
wait $parent 2>/dev/null
all_gone "${workers[@]}" || fail "workers outlived a killed parent"

echo "Ctrl-C during the run"
# A background job of a script starts with SIGINT ignored; a terminal's foreground job does not.
env --default-signal=INT setsid "$binary" "${slow[@]}" >/dev/null 2>&1 &
parent=$!
read -r -a workers <<<"$(workers_of $parent)"
sleep 0.5
kill -INT -- -$parent  # the whole process group, as a terminal's Ctrl-C does
wait $parent
status=$?
((status == 130)) || fail "exit status $status after SIGINT, expected 130"
all_gone "${workers[@]}" || fail "workers outlived an interrupted parent"

echo "a closed pipe"
"$binary" --bits 16 --mode fork --workers 2 --format json | head -c 10 >/dev/null
[[ -z $(pgrep -f "^$binary --bits 16 --mode fork") ]] || fail "processes left after the pipe closed"

echo "a worker killed during a scan"
# 32768 registers in tasks of many: the lost tasks are analyzed again, no line is lost or repeated.
out=$(mktemp)
"$binary" --scan --bits 15 --method enumerate --mode fork --workers 2 --format json >"$out" 2>"$err" &
parent=$!
read -r -a workers <<<"$(workers_of $parent)"
sleep 0.5
kill -KILL "${workers[0]}"
wait $parent
status=$?
((status == 0)) || fail "exit status $status after a worker died during a scan, expected 0: $(cat "$err")"
lines=$(grep -o '^{"line":[0-9]*' "$out" | cut -d: -f2)
[[ $(wc -l <<<"$lines") == 32768 && $(sort -un <<<"$lines" | wc -l) == 32768 && $(wc -l <"$out") == 32768 ]] ||
  fail "a scan with a killed worker wrote $(wc -l <"$out") lines, not each of 32768 once"
[[ $lines == "$(seq 32768)" ]] || fail "the scan's lines are not in order"

echo "a worker killed while a batch's large register is chunked over the pool"
# This run goes to its end: under a sanitizer (second argument "sanitized"), several times slower,
# the large register is (x^5+x^2+1)(x^24+x^4+x^3+x+1), with 8 times fewer states (both as slow above).
large='x^32+x^29+x^27+x^10+x^6+x^4+x^3+x+1'
[[ ${2-} == sanitized ]] && large='x^29+x^26+x^24+x^9+x^8+x^4+x^2+x+1'
printf 'x^4+x+1\n%s\nx^3+x+1\n' "$large" |
  "$binary" --batch - --method enumerate --mode fork --workers 2 --format json >"$out" 2>"$err" &
parent=$!
read -r -a workers <<<"$(workers_of $parent)"
sleep 0.5
kill -KILL "${workers[0]}"
wait $parent
status=$?
((status == 0)) || fail "exit status $status after a worker died on a chunked register, expected 0: $(cat "$err")"
[[ $(grep -o '^{"line":[0-9]*' "$out" | cut -d: -f2 | tr '\n' ' ') == "1 2 3 " ]] ||
  fail "the batch wrote lines $(grep -o '^{"line":[0-9]*' "$out" | cut -d: -f2 | tr '\n' ' '), not 1 2 3"
grep -q '^{"line":2,.*"transient_states":' "$out" || fail "line 2 has no result: $(sed -n 2p "$out")"

echo "Ctrl-C during a scan"
env --default-signal=INT setsid "$binary" --scan --bits 16 --method enumerate --mode fork --workers 2 --format json \
  >"$out" 2>/dev/null &
parent=$!
read -r -a workers <<<"$(workers_of $parent)"
sleep 1
kill -INT -- -$parent
wait $parent
status=$?
((status == 130)) || fail "exit status $status after SIGINT during a scan, expected 130"
all_gone "${workers[@]}" || fail "workers outlived an interrupted scan"
[[ ! -s $out || $(tail -c 1 "$out" | od -An -c | tr -d ' ') == '\n' ]] || fail "the interrupted scan left a partial line"
grep -vq '^{"line":[0-9]*,.*}$' "$out" && fail "the interrupted scan wrote a line that is not a whole object"

echo "a batch into a pipe closed early"
"$binary" --scan --bits 14 --mode fork --workers 2 --format json | head -n 3 >"$out"
[[ $(wc -l <"$out") == 3 ]] && grep -q '"line":3,' "$out" || fail "head got: $(cat "$out")"
[[ -z $(pgrep -f "^$binary --scan --bits 14") ]] || fail "processes left after the batch's pipe closed"

rm -f "$err" "$out"
echo "$((8 - failures)) passed, $failures failed"
((failures == 0))
