#!/usr/bin/env bash
# CLI test: a batch line longer than the bound (4 MiB) fails with exit 2 and ends the reading; the
# lines before it are analyzed and written, and /dev/zero, one endless line, ends at once.
# Usage: batch_line_bound.sh BINARY
set -uo pipefail
binary=$1
problems=()

out=$({ echo 'x^4+x+1'; head -c 5000000 /dev/zero | tr '\0' x; echo; echo 'x^5+x^2+1'; } |
  "$binary" --batch - --format json 2>/dev/null)
status=$?
((status == 2)) || problems+=("exit code $status, expected 2")
(($(wc -l <<<"$out") == 2)) || problems+=("$(wc -l <<<"$out") output lines, expected 2 (line 3 is never read)")
[[ $(head -n 1 <<<"$out") == *'"line":1,'*'"maximal_length":true'* ]] || problems+=("line 1 was not analyzed")
[[ $(tail -n 1 <<<"$out") == *'"line":2,"error":"line 2 is longer than 4194304 bytes'* ]] ||
  problems+=("line 2 is not the error naming the bound")

err=$(timeout 20 "$binary" --batch /dev/zero 2>&1 >/dev/null)
status=$?
((status == 2)) || problems+=("--batch /dev/zero: exit code $status, expected 2")
[[ $err == 'lfsr-analyze: 1 of 1 line failed: line 1' ]] || problems+=("--batch /dev/zero: stderr '$err'")

((${#problems[@]} == 0)) && exit 0
printf 'FAIL: %s\n' "${problems[@]}"
head -c 300 <<<"$out"
exit 1
