#!/usr/bin/env bash
# CLI test: lfsr-analyze ARGS must exit with CODE (not a signal), print nothing on stdout and
# exactly one stderr line "lfsr-analyze: ..." containing MESSAGE.
# Usage: expect_failure.sh BINARY CODE MESSAGE [ARGS...]
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cli_run.sh"

binary=$1 code=$2 message=$3
shift 3
run_binary "$binary" "$@"
expect_one_line_failure "$code"
# An empty message would be found in any stderr.
[[ -n $message ]] || problems+=("no message given")
grep -qF -- "$message" "$err" || problems+=("stderr does not contain: $message")
report_problems
