#!/usr/bin/env bash
# CLI test: lfsr-analyze ARGS must exit with CODE (not a signal), print nothing on stdout and
# exactly one stderr line "lfsr-analyze: ..." containing MESSAGE.
# Usage: expect_failure.sh BINARY CODE MESSAGE [ARGS...]
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cli_run.sh"

binary=$1 code=$2 message=$3
shift 3
run_binary "$binary" "$@"
if ((status > 128)); then
  problems+=("killed by signal $((status - 128)) (exit status $status), expected exit code $code")
elif ((status != code)); then
  problems+=("exit code $status, expected $code")
fi
[[ -s $out ]] && problems+=("stdout is not empty")
lines=$(wc -l <"$err")
((lines == 1)) || problems+=("stderr has $lines lines, expected exactly one")
[[ $(head -n 1 "$err") == "lfsr-analyze: "* ]] || problems+=("stderr does not start with 'lfsr-analyze: '")
# An empty message would be found in any stderr.
[[ -n $message ]] || problems+=("no message given")
grep -qF -- "$message" "$err" || problems+=("stderr does not contain: $message")
report_problems
