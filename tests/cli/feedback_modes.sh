#!/bin/bash
# A nonlinear register gives the same JSON report in every mode, and a linear F the report of
# --poly for its polynomial (the register keys apart).
set -euo pipefail
binary=$1
strip() { grep -v '"seconds"\|"mode"\|"workers"'; }
registers=("x0+x1+x5*x7+x3*x9" "x1+x4*x6+x2*x3*x5+x17" "1+x0+x2*x11+x9")
for feedback in "${registers[@]}"; do
  expected=$("$binary" --bits 18 --feedback "$feedback" --mode seq --list-cycles 1000000 --format json | strip)
  for mode in threads fork; do
    got=$("$binary" --bits 18 --feedback "$feedback" --mode "$mode" --workers 2 --list-cycles 1000000 --format json | strip)
    if [[ "$got" != "$expected" ]]; then
      echo "--feedback $feedback: --mode $mode differs from seq" >&2
      exit 1
    fi
  done
done
# Linear F = x0 + x3 + x5 is the LFSR of x^12 + x^5 + x^3 + 1: the same cycles and states.
# The linear report also names each representative's minimal polynomial, which a nonlinear one has not.
cycles() {
  python3 -c 'import json,sys
d = json.load(sys.stdin)
for c in d["cycles"]: c.pop("minimal_polynomial")
print(json.dumps([d[k] for k in ("cycles", "cycle_list", "longest_tail_state", "transient_states")]))'
}
for pair in "x0+x3+x5:x^12+x^5+x^3+1" "x3+x5+x11:x^12+x^11+x^5+x^3" "x0+x1+x4+x6:x^12+x^6+x^4+x+1"; do
  nonlinear=$("$binary" --bits 12 --feedback "${pair%%:*}" --list-cycles --format json | cycles)
  linear=$("$binary" --poly "${pair##*:}" --method enumerate --list-cycles --format json | cycles)
  if [[ "$nonlinear" != "$linear" ]]; then
    echo "--feedback ${pair%%:*} differs from --poly ${pair##*:}" >&2
    exit 1
  fi
done
echo "feedback modes and linear feedback: ok"
