#!/usr/bin/env bash
# CLI test: --merge refuses, with exit code 2, one stderr line naming the files and nothing on
# stdout, parts that are missing, duplicated, of another run or split, of two kinds, not parts
# (a whole run's output, text or CSV, not JSON), cut short or edited, and files it cannot read.
# Usage: merge_refusals.sh BINARY EXPECT_FAILURE_SCRIPT
set -euo pipefail
binary=$1 expect_failure=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
# refuses MESSAGE ARGS...: lfsr-analyze ARGS exits with 2, prints nothing, and one line containing MESSAGE.
refuses() {
  local message=$1
  shift
  bash "$expect_failure" "$binary" 2 "$message" "$@" || failures=$((failures + 1))
}
scan=(--scan --bits 6)
for i in 1 2 3; do
  "$binary" "${scan[@]}" --format json --shard $i/3 >p$i.jsonl
  "$binary" "${scan[@]}" --format json --summary --shard $i/3 >s$i.json
done
for i in 1 3; do "$binary" "${scan[@]}" --format json --shard $i/5 >five$i.jsonl; done
"$binary" "${scan[@]}" --format json --shard 2/4 >four2.jsonl
"$binary" "${scan[@]}" --field 3 --format json --shard 2/3 >gf3.jsonl
"$binary" "${scan[@]}" --format json >whole.jsonl
"$binary" "${scan[@]}" --format json --summary >whole.json
"$binary" "${scan[@]}" --shard 2/3 >text2.txt
"$binary" "${scan[@]}" --format csv --shard 2/3 >csv2.csv
printf 'x^4+x+1\nx^3+x+1\nx^5+x^2+1\n' >batch.txt
"$binary" --batch batch.txt --format json --shard 1/2 >batch1.jsonl
printf 'x^4+x+1\nx^3+x+1\nx^5+x^3+1\n' >batch.txt  # the file changed between the parts
"$binary" --batch batch.txt --format json --shard 2/2 >batch2.jsonl
cp p2.jsonl copy2.jsonl

refuses "part 2 of 3 is missing" --merge p1.jsonl p3.jsonl
refuses "3 of the 5 parts are missing: 2, 4, 5" --merge five1.jsonl five3.jsonl
refuses "p2.jsonl and copy2.jsonl are both part 2 of 3" --merge p1.jsonl p2.jsonl copy2.jsonl p3.jsonl
refuses "gf3.jsonl is a part of another run" --merge p1.jsonl gf3.jsonl p3.jsonl
refuses "batch2.jsonl is a part of another run" --merge batch1.jsonl batch2.jsonl
refuses "four2.jsonl is part 2 of 4, but p1.jsonl is part 1 of 3" --merge p1.jsonl four2.jsonl p3.jsonl
refuses "s2.json holds a summary but p1.jsonl holds JSON Lines" --merge p1.jsonl s2.json p3.jsonl
refuses "whole.jsonl: JSON Lines without a {\"shard\": ...} first line" --merge whole.jsonl
refuses "whole.json: a summary without the key \"shard\"" --merge whole.json
refuses "text2.txt: not a part of a sharded run" --merge p1.jsonl text2.txt p3.jsonl
refuses "csv2.csv: not a part of a sharded run" --merge p1.jsonl csv2.csv p3.jsonl
printf '\x00\x01garbage' >binary.bin
refuses "binary.bin: not a part of a sharded run" --merge binary.bin
# Cut short: within the last line, before the end line, within a summary.
head -c -30 p3.jsonl >cut_line.jsonl
refuses "cut_line.jsonl: its last line is cut short" --merge p1.jsonl p2.jsonl cut_line.jsonl
head -n -1 p3.jsonl >no_end.jsonl
refuses "no_end.jsonl: it has no {\"shard_end\": ...} last line" --merge p1.jsonl p2.jsonl no_end.jsonl
head -n -2 p3.jsonl >last_register_lost.jsonl
tail -n 1 p3.jsonl >>last_register_lost.jsonl
refuses "last_register_lost.jsonl: it holds 21 lines of registers but its end line counts 22" \
  --merge p1.jsonl p2.jsonl last_register_lost.jsonl
head -c 500 s3.json >cut.json
refuses "cut.json: not a whole JSON document" --merge s1.json s2.json cut.json
# Edited: lines out of order, a line after the end line.
{ head -n 1 p2.jsonl; sed -n 3p p2.jsonl; sed -n 2p p2.jsonl; tail -n +4 p2.jsonl; } >swapped.jsonl
refuses "swapped.jsonl: line 3 is register line 22, out of order" --merge p1.jsonl swapped.jsonl p3.jsonl
{ cat p2.jsonl; sed -n 2p p2.jsonl; } >after_end.jsonl
refuses "after_end.jsonl: line 24 comes after the part's end line" --merge p1.jsonl after_end.jsonl p3.jsonl
# Unreadable.
refuses "cannot read part no_such.jsonl" --merge p1.jsonl no_such.jsonl p3.jsonl
mkdir directory
refuses "cannot read part directory: it is a directory" --merge p1.jsonl directory p3.jsonl
# Options that the parts decide, or that do nothing for a merge.
refuses "--bits excludes --merge" --merge p1.jsonl p2.jsonl p3.jsonl --bits 6
refuses "--scan excludes --merge" --merge p1.jsonl p2.jsonl p3.jsonl --scan
refuses "--merge combines the parts as they are: not with --workers" --merge p1.jsonl p2.jsonl p3.jsonl --workers 2
refuses "--merge prints JSON, as its parts hold: not --format text" --merge p1.jsonl p2.jsonl p3.jsonl --format text
((failures == 0)) || { echo "$failures refusals failed"; exit 1; }
