#!/usr/bin/env bash
# Start-up of lfsr-analyze: whole-process wall time of `--version` and of a small register
# (`--bits 6`), beside /bin/true (the cost of starting any process here), each a fresh process,
# measured by hyperfine without a shell (-N). Prints hyperfine's report and a table of medians;
# never asserts (docs/benchmarks.md, "Start-up", has the figures and how they were reached).
# Usage: bench/startup.sh [BINARY] [RUNS]   (BINARY defaults to build/lfsr-analyze, RUNS to 1000)
set -euo pipefail
binary=${1:-$(dirname "$0")/../build/lfsr-analyze}
runs=${2:-1000}
if ! command -v hyperfine >/dev/null; then
  echo "startup.sh: needs hyperfine (apt-get install hyperfine)" >&2
  exit 1
fi
json=$(mktemp)
trap 'rm -f "$json"' EXIT

hyperfine -N --style basic --warmup 50 --runs "$runs" --export-json "$json" \
  "$binary --version" "$binary --bits 6" /bin/true
echo
python3 - "$json" <<'PY'
import json, sys
print("| command | median ms | mean ms | min ms | user ms | system ms |")
print("|---|---|---|---|---|---|")
for r in json.load(open(sys.argv[1]))["results"]:
    ms = lambda s: f"{s * 1000:.2f}"
    print(f"| `{r['command']}` | {ms(r['median'])} | {ms(r['mean'])} | {ms(r['min'])} | {ms(r['user'])} | {ms(r['system'])} |")
PY
