#!/usr/bin/env bash
# CLI test: text output for huge registers, long polynomials, summaries and huge states has no line
# longer than 100 characters, and each run still succeeds.
# Usage: line_width.sh BINARY
set -uo pipefail
binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# check_width DESCRIPTION ARGS...: runs the binary, which must exit 0 and print lines of <= 100 characters.
check_width() {
  local description=$1
  shift
  "$binary" "$@" >"$work/out" 2>"$work/err"
  local status=$?
  local widest
  widest=$(awk '{ if (length($0) > max) max = length($0) } END { print max + 0 }' "$work/out")
  if ((status != 0)) || ((widest > 100)) || [[ ! -s $work/out ]]; then
    echo "FAIL: $description: exit code $status, widest line $widest"
    head -c 2000 "$work/out" "$work/err"
    failures=$((failures + 1))
  fi
}

dense=$(python3 -c "print('+'.join('x^%d' % e for e in range(200, 1, -1)) + '+x+1')")
gf16=$(python3 -c "print('x^30+' + '+'.join('[15]*x^%d' % e for e in range(29, 0, -1)) + '+[9]')")
huge_state=$(python3 -c "print(3**600 + 12345)")
matrix=$work/matrix.txt
python3 -c "
import random
random.seed(7)
n = 64
for i in range(n):
    print(' '.join(str(random.randint(0, 1)) for _ in range(n)))" >"$matrix"
printf 'x^4+x+1\nx^1024+x+1\n%s\nx^3+y+%s\n' "$dense" "$dense" >"$work/batch.txt"

check_width "--bits 1000" --bits 1000
check_width "x^1024+x+1 algebraically" --poly 'x^1024+x+1' --method algebraic --all-cycles
check_width "a polynomial of 200 terms" --poly "$dense" --method algebraic
check_width "a GF(16) polynomial with long coefficients" --field 16 --poly "$gf16" --method algebraic
check_width "a 64 x 64 matrix" --matrix "$matrix" --method algebraic
check_width "--period-of a huge state" --poly 'x^1024+x^3' --period-of "$huge_state"
check_width "--period-of a huge state of a maximal register" --bits 1000 --period-of "$huge_state"
check_width "a long profile" --sequence "1$(printf '0%.0s' {1..2999})" --profile
check_width "a scan summary" --scan --bits 10 --summary
check_width "a scan summary over GF(16)" --scan --bits 3 --field 16 --summary --method algebraic
# A malformed line makes the batch exit 2; its width is checked all the same.
"$binary" --batch "$work/batch.txt" --method algebraic >"$work/batch.out" 2>/dev/null
"$binary" --batch "$work/batch.txt" --method algebraic --summary >>"$work/batch.out" 2>/dev/null
widest=$(awk '{ if (length($0) > max) max = length($0) } END { print max + 0 }' "$work/batch.out")
if ((widest > 100)) || ! grep -q 'x^1024+x+1' "$work/batch.out"; then
  echo "FAIL: batch table and summary: widest line $widest"
  cat "$work/batch.out"
  failures=$((failures + 1))
fi
((failures == 0))
