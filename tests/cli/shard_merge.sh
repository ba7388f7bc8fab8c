#!/usr/bin/env bash
# CLI test: for N = 1..5, --merge of the parts --shard 1/N .. N/N prints what the whole scan or
# batch prints, apart from the timing keys, with its exit code and its stderr, both for JSON Lines
# and for --summary; the parts' JSON Lines without their {"shard...} lines concatenate into the
# whole run's; a part run again prints the same apart from timing keys. A batch with bad lines
# exits with 2 (the whole run, the parts holding them, the merge); any other failure fails the test.
# With --alternate-modes the odd parts run by fork with 2 workers, the even ones by threads with 1,
# and the keys naming the runner (mode, workers) are left out of the comparison.
# Usage: shard_merge.sh BINARY STRIP_SCRIPT [--alternate-modes] SCAN_OR_BATCH_OPTIONS...
set -euo pipefail
binary=$1 strip=$2
shift 2
alternate=0 strip_options=()
if [[ ${1-} == --alternate-modes ]]; then
  alternate=1 strip_options=(--without-run)
  shift
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "$*"
  exit 1
}
# run OUTPUT COMMAND...: stdout to OUTPUT, stderr to OUTPUT.err, the exit code to OUTPUT.code.
run() {
  local output=$1 code=0
  shift
  "$@" >"$output" 2>"$output.err" || code=$?
  if ((code != 0 && code != 2)); then
    echo "$* exited with $code:"
    cat "$output.err"
    exit 1
  fi
  echo "$code" >"$output.code"
}
stripped() { python3 "$strip" "${strip_options[@]}" <"$1"; }
# same WHOLE_STRIPPED OUTPUT: OUTPUT without the timing keys is WHOLE_STRIPPED.
same() { cmp -s "$1" <(stripped "$2"); }
for summary in "" --summary; do
  run "$work/whole" "$binary" "$@" $summary --format json
  [[ -s $work/whole ]] || fail "the whole run printed nothing"
  stripped "$work/whole" >"$work/whole.stripped"
  for ((count = 1; count <= 5; count++)); do
    parts=()
    : >"$work/concatenated"
    for ((index = 1; index <= count; index++)); do
      runner=()
      if ((alternate)); then
        ((index % 2)) && runner=(--mode fork --workers 2) || runner=(--mode threads --workers 1)
      fi
      part=$work/part$index
      run "$part" "$binary" "$@" "${runner[@]}" $summary --format json --shard "$index/$count"
      if [[ -z $summary ]]; then
        grep -v '^{"shard' "$part" >>"$work/concatenated" || true  # an empty part has no other line
      fi
      parts=("$part" "${parts[@]}")  # given last part first: --merge orders them
      if ((count == 3 && index == 2)); then
        run "$work/rerun" "$binary" "$@" "${runner[@]}" $summary --format json --shard "$index/$count"
        stripped "$part" >"$work/part.stripped"
        same "$work/part.stripped" "$work/rerun" || fail "part 2/3 of $* $summary differs when run again"
      fi
    done
    if [[ -z $summary ]] && ! same "$work/whole.stripped" "$work/concatenated"; then
      fail "parts 1..$count of $*, their {\"shard...} lines left out, differ from the whole run"
    fi
    run "$work/merged" "$binary" --merge "${parts[@]}"
    if ! same "$work/whole.stripped" "$work/merged"; then
      echo "--merge of parts 1..$count of $* $summary differs from the whole run:"
      diff "$work/whole.stripped" <(stripped "$work/merged") | head -20
      exit 1
    fi
    cmp -s "$work/whole.code" "$work/merged.code" ||
      fail "--merge of parts 1..$count of $* $summary exits with $(<"$work/merged.code"), the whole run with $(<"$work/whole.code")"
    cmp -s "$work/whole.err" "$work/merged.err" ||
      fail "--merge of parts 1..$count of $* $summary writes \"$(<"$work/merged.err")\" on stderr, the whole run \"$(<"$work/whole.err")\""
  done
done
