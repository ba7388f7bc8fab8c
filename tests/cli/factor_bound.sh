#!/usr/bin/env bash
# CLI test: the factoring time bound. A batch line whose factoring exceeds --factor-seconds fails
# alone with exit code 3, the other lines are analyzed (seq, threads and fork); scans, --period-of
# and --sequence take the option.
# Usage: factor_bound.sh BINARY
set -uo pipefail
binary=$1
problems=()

# x^2000+x^3+1 needs 2^142 - 1 and 2^1687 - 1: not within 0.01 s of processor time.
batch=$'x^4+x+1\nx^2000+x^3+1\nx^5+x^2+1'
for mode in seq threads fork; do
  err=$(mktemp)
  out=$("$binary" --batch - --format json --factor-seconds 0.01 --mode "$mode" --workers 2 <<<"$batch" 2>"$err")
  status=$?
  ((status == 3)) || problems+=("$mode: exit code $status, expected 3")
  (($(wc -l <<<"$out") == 3)) || problems+=("$mode: $(wc -l <<<"$out") output lines, expected 3")
  [[ $(sed -n 1p <<<"$out") == *'"line":1,'*'"maximal_length":true'* ]] || problems+=("$mode: line 1 was not analyzed")
  [[ $(sed -n 2p <<<"$out") == '{"line":2,"error":"cannot factor 2^'*'time bound of 0.01 s'*'--factor-seconds'* ]] ||
    problems+=("$mode: line 2 is not the error naming the bound: $(sed -n 2p <<<"$out")")
  [[ $(sed -n 3p <<<"$out") == *'"line":3,'*'"maximal_length":true'* ]] || problems+=("$mode: line 3 was not analyzed")
  [[ $(cat "$err") == 'lfsr-analyze: 1 of 3 lines failed: line 2' ]] || problems+=("$mode: stderr '$(cat "$err")'")
  rm -f "$err"
done

# A line with the default bound is analyzed.
out=$("$binary" --batch - --format json --mode seq <<<$'x^5+x^2+1' 2>/dev/null)
[[ $out == *'"maximal_length":true'* ]] || problems+=("the default bound does not analyze x^5+x^2+1")

# A scan honours the bound per register: over GF(2) every degree-3 register needs only 2^1 - 1 .. 2^3 - 1.
out=$("$binary" --scan --bits 3 --factor-seconds 0.01 --method algebraic --format csv 2>&1)
status=$?
((status == 0)) || problems+=("a degree-3 scan with --factor-seconds 0.01: exit code $status: $out")

# Single runs: --period-of honours the bound too.
err=$("$binary" --poly 'x^2000+x^3+1' --period-of 1 --factor-seconds 0.000001 2>&1 >/dev/null)
status=$?
((status == 3)) || problems+=("--period-of: exit code $status, expected 3")
[[ $err == 'lfsr-analyze: cannot factor 2^'*'time bound of 1e-06 s'* ]] || problems+=("--period-of: stderr '$err'")
out=$("$binary" --sequence 01010011010001110011 --factor-seconds 5 --format json 2>/dev/null)
[[ $out == *'"linear_complexity"'* ]] || problems+=("--sequence with --factor-seconds 5 was not analyzed")

((${#problems[@]} == 0)) && exit 0
printf 'FAIL: %s\n' "${problems[@]}"
exit 1
