#!/bin/sh
# The slow default-polynomial searches, whole command, two builds one after the other: user CPU and
# wall seconds of `lfsr-analyze --bits N --field q --method algebraic` (the search, then the
# factorization and cycle structure of the polynomial found, the same in both).
#   bench/primitive_search_cli.sh BEFORE_BINARY AFTER_BINARY
set -eu
before=$1
after=$2
times=$(mktemp)
trap 'rm -f "$times"' EXIT
for case in "200 9" "60 243" "63 6561" "60 256" "60 65536"; do
  set -- $case
  for binary in "$before" "$after"; do
    /usr/bin/time -f "%U %e" -o "$times" "$binary" --bits "$1" --field "$2" --method algebraic >/dev/null
    echo "$binary GF($2) N=$1: user $(cut -d' ' -f1 "$times") s, wall $(cut -d' ' -f2 "$times") s"
  done
done
