#!/usr/bin/env bash
# CLI test: the bounds read from files and streams, each at its edge: the limit is accepted, one
# more is refused with exit 2 and one stderr line naming the bound.
# Usage: input_bounds.sh BINARY
set -uo pipefail
binary=$1
problems=()
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# expect NAME CODE MESSAGE ARGS...: exit CODE and MESSAGE in the one stderr line (CODE 0: success).
expect() {
  local name=$1 code=$2 message=$3
  shift 3
  "$binary" "$@" >"$dir/out" 2>"$dir/err" <"${stdin:-/dev/null}"
  local status=$?
  ((status == code)) || problems+=("$name: exit status $status, expected $code: $(head -c 200 "$dir/err")")
  if ((code != 0)); then
    (($(wc -l <"$dir/err") == 1)) || problems+=("$name: stderr has $(wc -l <"$dir/err") lines")
    grep -qF -- "$message" "$dir/err" || problems+=("$name: stderr lacks '$message': $(head -c 200 "$dir/err")")
  fi
}

# Sequences: 10^6 elements over GF(2), 30000 over other fields.
head -c 1000000 /dev/zero | tr '\0' 0 >"$dir/gf2_limit"
expect "10^6 bits" 0 "" --sequence-file "$dir/gf2_limit"
{ cat "$dir/gf2_limit"; echo 0; } >"$dir/gf2_over"
expect "10^6 + 1 bits" 2 "more than 1000000 elements, the most accepted over GF(2)" --sequence-file "$dir/gf2_over"
yes 0 | head -n 30000 >"$dir/gf3_limit"
expect "30000 elements over GF(3)" 0 "" --field 3 --sequence-file "$dir/gf3_limit"
{ cat "$dir/gf3_limit"; echo 0; } >"$dir/gf3_over"
expect "30001 elements over GF(3)" 2 "more than 30000 elements" --field 3 --sequence-file "$dir/gf3_over"

# The register a sequence gives is held to the degree limit: 99999 zeros then a 1 give x^100000.
{ head -c 99999 /dev/zero | tr '\0' 0; echo 1; } >"$dir/complexity_limit"
expect "linear complexity 100000" 0 "" --sequence-file "$dir/complexity_limit" --method algebraic --format json
grep -q '"linear_complexity": 100000' "$dir/out" || problems+=("linear complexity 100000: not in the report")
{ head -c 100000 /dev/zero | tr '\0' 0; echo 1; } >"$dir/complexity_over"
expect "linear complexity 100001" 2 "linear complexity 100001, above the degree limit 100000" \
  --sequence-file "$dir/complexity_over"
{ head -c 999999 /dev/zero | tr '\0' 0; echo 1; } >"$dir/complexity_million"
expect "999999 zeros then a 1" 2 "linear complexity 1000000, above the degree limit 100000" \
  --sequence-file "$dir/complexity_million"

# Matrix and sequence files: 64 MiB at most, whatever their lines.
head -c $((64 << 20)) /dev/zero | tr '\0' '#' >"$dir/file_limit"
expect "a 64 MiB sequence file is read" 2 "empty sequence" --sequence-file "$dir/file_limit"
echo >>"$dir/file_limit"
expect "a sequence file of 64 MiB + 1 byte" 2 "is larger than 64 MiB" --sequence-file "$dir/file_limit"
stdin="$dir/file_limit" expect "a matrix on stdin of 64 MiB + 1 byte" 2 "matrix file (standard input) is larger than 64 MiB" \
  --matrix -
rm -f "$dir/file_limit"
# A matrix line splits into at most 1024 entries, however long it is.
head -c $((4 << 20)) /dev/zero | tr "\0" " " | sed "s/  /0 /g" >"$dir/wide_matrix"
expect "a matrix line of a million entries" 2 "matrix line 1: more than 1024 entries" --matrix "$dir/wide_matrix"

# Batch lines: 4 MiB (4194304 bytes) at most.
{ printf 'x^4+x+1'; head -c $((4194304 - 7)) /dev/zero | tr '\0' ' '; echo; } >"$dir/batch_limit"
expect "a batch line of 4194304 bytes" 0 "" --batch "$dir/batch_limit" --format json
grep -q '"line":1,.*"maximal_length":true' "$dir/out" || problems+=("a batch line of 4194304 bytes: not analyzed")
{ printf 'x^4+x+1'; head -c $((4194304 - 6)) /dev/zero | tr '\0' ' '; echo; } >"$dir/batch_over"
expect "a batch line of 4194305 bytes" 2 "1 of 1 line failed: line 1" --batch "$dir/batch_over" --format json
grep -q 'line 1 is longer than 4194304 bytes' "$dir/out" || problems+=("a batch line of 4194305 bytes: no error line")

((${#problems[@]} == 0)) && exit 0
printf 'FAIL: %s\n' "${problems[@]}"
exit 1
