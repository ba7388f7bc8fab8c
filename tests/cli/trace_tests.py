#!/usr/bin/env python3
"""CLI test of --trace: where a trace closes its cycle agrees with --period-of (registers of both
forms, matrices, GF(2), GF(3), GF(4), states beyond 64 bits), and 2n output symbols of a
maximal-length register, given to --sequence, recover its polynomial.
Usage: trace_tests.py BINARY"""
import json
import os
import subprocess
import sys

binary = sys.argv[1]
matrices = os.path.join(os.path.dirname(os.path.abspath(__file__)), "matrices")
failures = []


def run_json(*args):
    done = subprocess.run([binary, *args, "--format", "json"], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"lfsr-analyze {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return json.loads(done.stdout)


def trace_matches_period_of(state, *args):
    trace = run_json(*args, "--trace", state)
    expected = run_json(*args, "--period-of", state)
    if trace["stop"] != "repeat" or not trace["steps"] == trace["tail"] + trace["period"] == len(trace["trace"]):
        failures.append(f"{args} from {state}: stopped at {trace['stop']} after {trace['steps']} steps")
    elif (trace["tail"], trace["period"]) != (expected["tail"], expected["period"]):
        failures.append(f"{args} from {state}: the trace says tail {trace['tail']}, period {trace['period']}; "
                        f"--period-of says {expected['tail']}, {expected['period']}")


trace_matches_period_of("5", "--poly", "x^6+x^3+1")
trace_matches_period_of("5", "--poly", "x^6+x^3+1", "--form", "galois")
trace_matches_period_of("1", "--poly", "x^5+x^4+x^2")
trace_matches_period_of("0x1f", "--poly", "x^5+x^4+x^2", "--form", "galois")
trace_matches_period_of("17", "--field", "3", "--poly", "x^4+x^3+2*x^2")
trace_matches_period_of("40", "--field", "3", "--poly", "x^4+2*x+2", "--form", "galois")
trace_matches_period_of("9", "--field", "4", "--poly", "x^3+a*x+1")
trace_matches_period_of("33", "--field", "4", "--poly", "x^3+a*x^2", "--form", "galois")
trace_matches_period_of("3", "--matrix", os.path.join(matrices, "rule90_8.txt"))
trace_matches_period_of("0x3f", "--matrix", os.path.join(matrices, "cyclic_shift_6.txt"))
trace_matches_period_of("7", "--matrix", os.path.join(matrices, "nilpotent_4.txt"))
trace_matches_period_of("11", "--field", "4", "--matrix", os.path.join(matrices, "gf4_companion.txt"))
# Beyond 64 bits: every period of x^n - 1 divides n p^e, so the cycle closes within the trace.
trace_matches_period_of("0x123456789abcdef0123456789abcdef", "--poly", "x^200+1")
trace_matches_period_of("0x123456789abcdef0123456789abcdef", "--poly", "x^200+1", "--form", "galois")
trace_matches_period_of("98765432109876543210987654321", "--field", "5", "--poly", "x^60+4")

# Round trip: the 2n outputs from a nonzero state of a maximal-length register are its sequence.
for field in ("2", "3", "4", "5", "9"):
    for bits in (3, 7):
        polynomial = run_json("--bits", str(bits), "--field", field)["polynomial"]
        for form in ("fibonacci", "galois"):
            trace = run_json("--bits", str(bits), "--field", field, "--form", form, "--trace", "2",
                             "--steps", str(2 * bits))
            outputs = " ".join(str(row["output"]) for row in trace["trace"])
            recovered = run_json("--sequence", outputs, "--field", field)["polynomial"]
            if recovered != polynomial:
                failures.append(f"GF({field}) {form} {polynomial}: the outputs {outputs} give {recovered}")

for failure in failures:
    print("FAIL:", failure)
if failures:
    sys.exit(1)
print("traces agree with --period-of and give their registers back")
