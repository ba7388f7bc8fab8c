#!/usr/bin/env bash
# CLI test: lfsr-analyze ARGS must exit 0 with nothing on stderr and print JSON that passes
# json_check CHECKS ("key=<json value>", "key~<json value>" or "key").
# Usage: expect_json.sh BINARY JSON_CHECK [ARGS...] -- [CHECKS...]
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cli_run.sh"

binary=$1 checker=$2
shift 2
args=()
while (($# > 0)) && [[ $1 != -- ]]; do
  args+=("$1")
  shift
done
(($# > 0)) && shift
run_binary "$binary" "${args[@]}"
expect_success
"$checker" "$@" <"$out" || problems+=("the JSON fails the checks above")
report_problems
