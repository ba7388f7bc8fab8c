#!/usr/bin/env bash
# Runs case LINE of the bad-input corpus (bad_inputs.txt) through the real binary: it must exit
# with the case's code (never a signal, never a hang), print nothing on stdout and exactly one
# stderr line "lfsr-analyze: ..." that matches the case's regex, which names the offending value.
# Usage: bad_inputs.sh BINARY CORPUS LINE
# The arguments may use these fixtures, made fresh for each case:
#   $EMPTY an empty file, $BINARY_DATA bytes 0x00 0x01 0xff 0xfe, $DIRECTORY a directory,
#   $FIFO a FIFO nobody writes to, $UNREADABLE a file with mode 000 (as root, the case runs as
#   the user nobody, for whom the mode holds; skipped when that cannot be done), $COMMENTS a file
#   of comments and blank lines, $MATRICES the matrix files of the CLI tests.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/cli_run.sh"
binary=$1 corpus=$2 number=$3
line=$(sed -n "${number}p" "$corpus")
code=${line%% | *}
rest=${line#* | }
regex=${rest%% | *}
arguments=${rest#* | }

scratch=$(mktemp -d)
trap 'chmod -R u+rwx "$scratch"; rm -rf "$scratch"' EXIT
EMPTY=$scratch/empty.txt BINARY_DATA=$scratch/binary.dat DIRECTORY=$scratch/directory FIFO=$scratch/fifo
UNREADABLE=$scratch/unreadable.txt COMMENTS=$scratch/comments.txt MATRICES=$(dirname "$corpus")/matrices
: >"$EMPTY"
printf '\x00\x01\xff\xfe' >"$BINARY_DATA"
mkdir "$DIRECTORY"
mkfifo "$FIFO"
printf 'x^4+x+1\n' >"$UNREADABLE"
chmod 000 "$UNREADABLE"
printf '# nothing but comments\n\n   # and blanks\n' >"$COMMENTS"
eval "args=($arguments)"

runner=()
if [[ $arguments == *'$UNREADABLE'* && $(id -u) == 0 ]]; then
  # Root reads a file whatever its mode: run the case as nobody, for whom mode 000 holds.
  chmod 755 "$scratch"
  runner=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  if ! "${runner[@]}" true 2>/dev/null || "${runner[@]}" cat "$UNREADABLE" >/dev/null 2>&1; then
    echo "SKIP: cannot run as a user for whom a mode-000 file is unreadable"
    exit 77
  fi
fi

out=$scratch/stdout err=$scratch/stderr
# The timeout turns a hang into a failure that says so (a FIFO or /dev/zero read forever).
timeout 30 "${runner[@]}" "$binary" "${args[@]}" >"$out" 2>"$err" </dev/null
status=$?
problems=()
expect_one_line_failure "$code"
grep -qE -- "$regex" "$err" || problems+=("stderr does not match: $regex")
((${#problems[@]} == 0)) && exit 0
echo "case $number: lfsr-analyze $arguments"
printf 'FAIL: %s\n' "${problems[@]}"
echo "--- stdout:"; head -c 2000 "$out"
echo "--- stderr:"; head -c 2000 "$err"
exit 1
