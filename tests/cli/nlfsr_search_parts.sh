#!/bin/bash
# --search-nlfsr in parts: the --shard parts' JSON Lines and summaries, merged, are the whole
# search's; parts of another family's search are refused; the three formats agree.
set -euo pipefail
binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
family="x0+xa+xb*xc+xd*xe"
"$binary" --search-nlfsr "$family" --bits 10 --format json >"$work/whole.jsonl"
[[ -s "$work/whole.jsonl" ]] || { echo "the search found nothing"; exit 1; }
for count in 1 2 5; do
  parts=()
  for ((i = 1; i <= count; i++)); do
    mode=$([[ $((i % 2)) == 0 ]] && echo fork || echo threads)
    "$binary" --search-nlfsr "$family" --bits 10 --format json --shard "$i/$count" --mode "$mode" --workers 2 \
      >"$work/part$i.jsonl"
    parts=("$work/part$i.jsonl" "${parts[@]}")
  done
  "$binary" --merge "${parts[@]}" >"$work/merged.jsonl"
  cmp "$work/whole.jsonl" "$work/merged.jsonl" || { echo "$count parts merged differ from the whole search"; exit 1; }
done
# Summaries: the merged counts are the whole search's.
counts() { python3 -c 'import json,sys; d=json.load(sys.stdin); print([d[k] for k in ("search","bits","candidates","searched","maximum_period","nonzero_cycle","de_bruijn","walks","walk_steps")])'; }
whole=$("$binary" --search-nlfsr "$family" --bits 10 --summary --format json | counts)
for i in 1 2 3; do "$binary" --search-nlfsr "$family" --bits 10 --summary --format json --shard "$i/3" >"$work/s$i.json"; done
merged=$("$binary" --merge "$work/s2.json" "$work/s3.json" "$work/s1.json" | counts)
[[ "$whole" == "$merged" ]] || { echo "merged summary $merged, whole $whole"; exit 1; }
# The text and CSV list the members the JSON Lines list.
json_members=$(python3 -c 'import json,sys; print(sorted(json.loads(l)["index"] for l in open(sys.argv[1])))' "$work/whole.jsonl")
csv_members=$("$binary" --search-nlfsr "$family" --bits 10 --format csv | python3 -c 'import csv,sys; print(sorted(int(r["index"]) for r in csv.DictReader(sys.stdin)))')
text_members=$("$binary" --search-nlfsr "$family" --bits 10 | python3 -c '
import re,sys; print(sorted(int(m.group(1)) for m in (re.match(r" +(\d+)  2\^", l) for l in sys.stdin) if m))')
[[ "$json_members" == "$csv_members" && "$json_members" == "$text_members" ]] || { echo "formats list different members"; exit 1; }
# A part of another family's search is refused.
"$binary" --search-nlfsr "x0+xa+xb+xc*xd" --bits 10 --format json --shard 1/2 >"$work/other.jsonl"
"$binary" --search-nlfsr "$family" --bits 10 --format json --shard 2/2 >"$work/mine.jsonl"
if "$binary" --merge "$work/other.jsonl" "$work/mine.jsonl" >/dev/null 2>"$work/err"; then
  echo "parts of two searches merged"; exit 1
fi
grep -q "is a part of another run" "$work/err" || { cat "$work/err"; exit 1; }
echo "search parts: ok"
