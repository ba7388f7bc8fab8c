#!/usr/bin/env bash
# CLI test: NTL running out of memory under ulimit -v, in the main thread, a worker thread or a
# forked worker, ends with exit 3 and one stderr line about memory, never SIGABRT or exit 6; the
# line fails alone: the lines before and after it are analyzed.
# Usage: ntl_memory_error.sh BINARY SANITIZED
set -uo pipefail
binary=$1 sanitized=$2
if [[ $sanitized == ON ]]; then
  echo "skipped: AddressSanitizer reserves terabytes of address space, so no ulimit -v fits it"
  exit 0
fi
problems=()
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'x^4+x+1\nx^20000+x+1\nx^5+x^2+1\n' >"$dir/batch.txt"

for mode in seq threads fork; do
  (
    ulimit -v 120000
    exec "$binary" --batch "$dir/batch.txt" --field 65536 --method algebraic --mode "$mode" --workers 2 \
      --format json >"$dir/out" 2>"$dir/err"
  )
  status=$?
  ((status == 3)) || problems+=("$mode: exit status $status, expected 3")
  (($(wc -l <"$dir/err") == 1)) || problems+=("$mode: stderr has $(wc -l <"$dir/err") lines: $(cat "$dir/err")")
  grep -q 'memory\|line 2' "$dir/err" || problems+=("$mode: stderr names neither memory nor line 2: $(cat "$dir/err")")
  [[ $(sed -n 1p "$dir/out") == '{"line":1,'*'"polynomial":"x^4+x+1"'* ]] || problems+=("$mode: line 1 not analyzed")
  # The degree-20000 register is analyzed in a child process of its own: NTL ending it fails line 2 alone.
  [[ $(sed -n 2p "$dir/out") == '{"line":2,"error":"out of memory'* ]] || problems+=("$mode: line 2 did not fail on memory")
  [[ $(sed -n 3p "$dir/out") == '{"line":3,'*'"polynomial":"x^5+x^2+1"'* ]] || problems+=("$mode: line 3 was not analyzed")
  [[ $(cat "$dir/err") == 'lfsr-analyze: 1 of 3 lines failed: line 2' ]] || problems+=("$mode: stderr: $(cat "$dir/err")")
done

((${#problems[@]} == 0)) && exit 0
printf 'FAIL: %s\n' "${problems[@]}"
exit 1
