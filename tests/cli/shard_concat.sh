#!/usr/bin/env bash
# CLI test: the JSON lines of --shard 1/N .. N/N, concatenated in order, are those of the whole scan
# or batch apart from the timing keys, for N = 1..5. A batch with bad lines exits with 2 (the whole
# run and the parts holding them); any other failure fails the test.
# Usage: shard_concat.sh BINARY STRIP_SCRIPT SCAN_OR_BATCH_OPTIONS...
set -euo pipefail
binary=$1 strip=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() {
  local code=0
  "$binary" "$@" --format json >"$work/out.jsonl" 2>"$work/err.txt" || code=$?
  if ((code != 0 && code != 2)); then
    echo "$* exited with $code:"
    cat "$work/err.txt"
    exit 1
  fi
  python3 "$strip" <"$work/out.jsonl"
}
run "$@" >"$work/whole.jsonl"
[[ -s $work/whole.jsonl ]] || { echo "the whole scan printed nothing"; exit 1; }
for ((count = 1; count <= 5; count++)); do
  : >"$work/parts.jsonl"
  for ((index = 1; index <= count; index++)); do
    run "$@" --shard "$index/$count" >>"$work/parts.jsonl"
  done
  if ! cmp -s "$work/whole.jsonl" "$work/parts.jsonl"; then
    echo "parts 1..$count of $* differ from the whole scan:"
    diff "$work/whole.jsonl" "$work/parts.jsonl" | head -20
    exit 1
  fi
done
