#!/usr/bin/env bash
# CLI test: --version names the version on its first line, the git commit when the sources are a git
# checkout, and NTL, GMP and FLINT; every JSON object that has schema_version also has `version`.
# Usage: version_output.sh BINARY JSON_CHECK SOURCE_DIR VERSION
set -uo pipefail
binary=$1 checker=$2 source_dir=$3 version=$4
problems=()
fail() { problems+=("$1"); }

text=$("$binary" --version) || fail "--version exits $?"
mapfile -t lines <<<"$text"
[[ ${lines[0]} == "lfsr-analyze $version" ]] || fail "first line '${lines[0]}', expected 'lfsr-analyze $version'"
top=$(git -C "$source_dir" rev-parse --show-toplevel 2>/dev/null)
if [[ -n $top && $(realpath "$top") == $(realpath "$source_dir") ]]; then
  [[ ${lines[1]} =~ ^git\ [0-9A-Za-z._/+-]+$ ]] || fail "no 'git <description>' line from a git checkout"
else
  [[ $text != *$'\n'git\ * ]] || fail "a git line outside a git checkout"
fi
# `--version` alone is answered before the option parser is built; beside other options, by it.
[[ $("$binary" --bits 4 --version) == "$text" ]] || fail "--bits 4 --version prints another text than --version"
# A version that could not be written is no success (exit 5, one line on stderr).
if [[ -w /dev/full ]]; then
  "$binary" --version >/dev/full 2>/dev/null
  status=$?
  ((status == 5)) || fail "--version into a full device exits $status, expected 5"
fi
for library in NTL GMP FLINT; do
  grep -qE "^$library [0-9]+\.[0-9]+(\.[0-9]+)? \((compile|run) time" <<<"$text" || fail "no '$library X.Y.Z (...)' line"
done

# check NAME CHECKS... < JSON: one object passes json_check.
check() {
  local name=$1
  shift
  "$checker" "version=\"$version\"" "schema_version=1" "$@" || fail "$name: no \"version\": \"$version\""
}
check "a report" < <("$binary" --bits 6 --format json)
check "one state" < <("$binary" --bits 6 --period-of 1 --format json)
check "a trace" < <("$binary" --bits 6 --trace 1 --steps 2 --format json)
check "a sequence of zeros" < <("$binary" --sequence "0 0 0" --format json)
check "a batch line" "line=1" < <(printf 'x^4+x+1\n' | "$binary" --batch - --format json)
check "a scan summary" "registers=8" < <("$binary" --scan --bits 3 --summary --format json)

((${#problems[@]} == 0)) && exit 0
printf 'FAILED: %s\n' "${problems[@]}"
printf '%s\n' "--version printed:" "$text"
exit 1
