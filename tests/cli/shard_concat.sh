#!/usr/bin/env bash
# CLI test: the JSON lines of --shard 1/N .. N/N, concatenated in order, are those of the whole scan
# apart from the timing keys, for N = 1..5.
# Usage: shard_concat.sh BINARY STRIP_SCRIPT SCAN_OPTIONS...
set -euo pipefail
binary=$1 strip=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$binary" "$@" --format json | python3 "$strip" >"$work/whole.jsonl"
[[ -s $work/whole.jsonl ]] || { echo "the whole scan printed nothing"; exit 1; }
for ((count = 1; count <= 5; count++)); do
  : >"$work/parts.jsonl"
  for ((index = 1; index <= count; index++)); do
    "$binary" "$@" --shard "$index/$count" --format json | python3 "$strip" >>"$work/parts.jsonl"
  done
  if ! cmp -s "$work/whole.jsonl" "$work/parts.jsonl"; then
    echo "parts 1..$count of $* differ from the whole scan:"
    diff "$work/whole.jsonl" "$work/parts.jsonl" | head -20
    exit 1
  fi
done
