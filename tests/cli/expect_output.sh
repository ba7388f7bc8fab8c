#!/usr/bin/env bash
# CLI test: lfsr-analyze ARGS must exit 0 with nothing on stderr and a stdout line matching PATTERN
# (an extended regular expression).
# Usage: expect_output.sh BINARY PATTERN [ARGS...]
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cli_run.sh"

binary=$1 pattern=$2
shift 2
run_binary "$binary" "$@"
expect_success
# An empty pattern would match any output, even none.
[[ -n $pattern ]] || problems+=("no pattern given")
grep -qE -- "$pattern" "$out" || problems+=("no stdout line matches: $pattern")
report_problems
