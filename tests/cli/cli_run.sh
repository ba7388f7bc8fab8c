# Sourced by the expect_*.sh CLI tests: run the binary once, collect problems, report them.

# run_binary BINARY ARGS...: runs it with stdout and stderr captured in $out and $err (removed on
# exit); sets status to its exit status and remembers the command line for the report.
run_binary() {
  out=$(mktemp) err=$(mktemp)
  trap 'rm -f "$out" "$err"' EXIT
  command_line="lfsr-analyze$(printf ' %q' "${@:2}")"
  "$@" >"$out" 2>"$err"
  status=$?
  problems=()
}

# A successful run prints nothing on stderr and exits 0. The warning of a --compare mode whose
# runs spread more than 3x apart depends on the machine's load, not on the program: it may appear.
expect_success() {
  ((status == 0)) || problems+=("exit code $status, expected 0")
  grep -qv '^lfsr-analyze: warning: --compare: ' "$err" && problems+=("stderr is not empty")
}

# A refused run exits CODE (not by a signal; 124 is timeout's: a hang), prints nothing on stdout and
# exactly one stderr line "lfsr-analyze: ...".
expect_one_line_failure() {
  local code=$1
  if ((status == 124 && code != 124)); then
    problems+=("still running at the timeout: it hangs")
  elif ((status > 128)); then
    problems+=("killed by signal $((status - 128)) (exit status $status), expected exit code $code")
  elif ((status != code)); then
    problems+=("exit code $status, expected $code")
  fi
  [[ -s $out ]] && problems+=("stdout is not empty")
  local lines
  lines=$(wc -l <"$err")
  ((lines == 1)) || problems+=("stderr has $lines lines, expected exactly one")
  [[ $(head -n 1 "$err") == "lfsr-analyze: "* ]] || problems+=("stderr does not start with 'lfsr-analyze: '")
}

# Exits 1 with the command line, the problems and both outputs when there are problems.
report_problems() {
  ((${#problems[@]} == 0)) && return 0
  echo "$command_line"
  printf 'FAIL: %s\n' "${problems[@]}"
  echo "--- stdout:"; cat "$out"
  echo "--- stderr:"; cat "$err"
  exit 1
}
