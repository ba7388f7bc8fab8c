#!/usr/bin/env python3
"""Every representative a report names lies on a cycle of its length: --period-of gives that period,
tail 0 and the reported minimal polynomial; the longest-tail state has the longest tail.

Usage: representatives_have_their_period.py LFSR_ANALYZE
Runs each case below by enumeration and by the algebraic method, over GF(2), GF(p), GF(p^k), both
forms, singular maps and matrices, and asks --period-of about every state the report names."""

import json
import os
import subprocess
import sys

BINARY = sys.argv[1]
MATRICES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "matrices")

# Register or matrix arguments, and the methods to run them with.
CASES = [
    (["--poly", "x^6+x^3+1"], ["enumerate", "algebraic", "both"]),
    (["--poly", "x^6+x^3+1", "--form", "galois"], ["enumerate", "algebraic"]),
    (["--poly", "x^8+x^4+x^3+x^2"], ["enumerate", "algebraic"]),
    (["--poly", "x^8+x^4+x^3+x^2", "--form", "galois"], ["enumerate", "algebraic"]),
    (["--poly", "x^12+1"], ["enumerate", "algebraic"]),
    (["--poly", "x^10+x^9+x^7+x^6+x^4+x^3"], ["enumerate", "algebraic"]),
    (["--field", "3", "--poly", "x^5+2*x^2-1"], ["enumerate", "algebraic"]),
    (["--field", "3", "--poly", "x^6+x^3+2*x^2", "--form", "galois"], ["enumerate", "algebraic"]),
    (["--field", "5", "--poly", "x^4+1"], ["enumerate", "algebraic"]),
    (["--field", "4", "--poly", "x^3+a*x+1"], ["enumerate", "algebraic"]),
    (["--field", "4", "--poly", "x^4+a*x^2+x", "--form", "galois"], ["enumerate", "algebraic"]),
    (["--field", "9", "--poly", "x^3+[4]*x+[5]"], ["enumerate", "algebraic"]),
    (["--matrix", os.path.join(MATRICES, "rule90_8.txt")], ["enumerate", "algebraic"]),
    (["--matrix", os.path.join(MATRICES, "cyclic_shift_6.txt")], ["enumerate", "algebraic"]),
    (["--matrix", os.path.join(MATRICES, "nilpotent_4.txt")], ["enumerate", "algebraic"]),
    (["--field", "4", "--matrix", os.path.join(MATRICES, "gf4_companion.txt")], ["enumerate", "algebraic"]),
    (["--poly", "x^1024+x+1"], ["algebraic"]),
    (["--field", "3", "--bits", "200"], ["algebraic"]),
]


def run(arguments):
    done = subprocess.run([BINARY, *arguments, "--format", "json"], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise AssertionError(f"lfsr-analyze {' '.join(arguments)}: exit {done.returncode}: {done.stderr.strip()}")
    return json.loads(done.stdout)


def main():
    failures = []
    checked = 0
    for register, methods in CASES:
        for method in methods:
            report = run([*register, "--method", method])
            where = f"{' '.join(register)} --method {method}"
            if not report["cycles"]:  # every map has at least the zero state's cycle
                failures.append(f"{where}: no cycles at all")
                continue
            if any("representative" not in cycle for cycle in report["cycles"]):
                failures.append(f"{where}: a cycle length without a representative")
                continue
            for cycle in report["cycles"]:
                state = run([*register, "--period-of", str(cycle["representative"])])
                checked += 1
                if state["period"] != cycle["length"] or state["tail"] != 0:
                    failures.append(f"{where}: representative {cycle['representative']} of length "
                                    f"{cycle['length']} has period {state['period']}, tail {state['tail']}")
                if cycle.get("minimal_polynomial") != state["minimal_polynomial"]:
                    failures.append(f"{where}: representative {cycle['representative']} has minimal polynomial "
                                    f"{state['minimal_polynomial']}, reported {cycle.get('minimal_polynomial')}")
            if report["transient_states"] > 0:
                deepest = report.get("longest_tail_state")
                if deepest is None:
                    failures.append(f"{where}: transient states but no longest_tail_state")
                else:
                    state = run([*register, "--period-of", str(deepest)])
                    checked += 1
                    if state["tail"] != report["max_tail"]:
                        failures.append(f"{where}: longest_tail_state {deepest} has tail {state['tail']}, "
                                        f"max_tail is {report['max_tail']}")
            elif report.get("longest_tail_state") is not None:
                failures.append(f"{where}: a longest_tail_state without transient states")
    for failure in failures:
        print("FAIL:", failure)
    print(f"{checked} states checked with --period-of")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
