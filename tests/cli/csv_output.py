#!/usr/bin/env python3
"""CLI test: --format csv read back with Python's csv module agrees with --format json, row for row.

Usage: csv_output.py BINARY
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

binary = sys.argv[1]
failures = []


def run(*args, allowed=(0,)):
    done = subprocess.run([binary, *args], capture_output=True, text=True)
    if done.returncode not in allowed:
        failures.append(f"{' '.join(args)}: exit code {done.returncode}: {done.stderr}")
    return done.stdout


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


def check(condition, message):
    if not condition:
        failures.append(message)


def header_of(text):
    return next(csv.reader(io.StringIO(text, newline="")))


def single_run(*args):
    rows = read_csv(run(*args, "--format", "csv"))
    expected = json.loads(run(*args, "--format", "json"))["cycles"]
    name = " ".join(args)
    check(header_of(run(*args, "--format", "csv")) == ["length", "count", "states", "representative"],
          f"{name}: header")
    check(len(rows) == len(expected) > 0, f"{name}: {len(rows)} rows for {len(expected)} cycle lengths")
    for row, cycle in zip(rows, expected):
        check(int(row["length"]) == cycle["length"] and int(row["count"]) == cycle["count"], f"{name}: {row}")
        check(int(row["states"]) == cycle["length"] * cycle["count"], f"{name}: states of {row}")
        representative = cycle.get("representative")
        check(row["representative"] == ("" if representative is None else str(representative)),
              f"{name}: representative of {row}")


single_run("--poly", "x^6+x^3+1")
single_run("--poly", "x^5+x^4+x^2", "--form", "galois")
single_run("--field", "9", "--poly", "x^2+[4]*x+[8]", "--method", "both")
single_run("--bits", "1000")  # numbers of 302 digits, exact
single_run("--poly", "x^1024+x+1", "--method", "algebraic")

# Batches: a row per register in input order, a failed line with its error (quotes and all).
with tempfile.TemporaryDirectory() as work:
    batch = os.path.join(work, "batch.txt")
    with open(batch, "w") as file:
        file.write("x^4+x+1\nx^4+1\nx^3+y+1\n# comment\nx^5+x^4+x^2\nx^127+x+1\n")
    text = run("--batch", batch, "--format", "csv", "--method", "algebraic", allowed=(2,))
    rows = read_csv(text)
    check(header_of(text) == ["line", "polynomial", "cycles", "longest_cycle", "maximal_length", "cyclic_states",
                              "transient_states", "seconds", "error"], "batch header")
    lines = [json.loads(line) for line in
             run("--batch", batch, "--format", "json", "--method", "algebraic", allowed=(2,)).splitlines()]
    check(len(rows) == len(lines) == 5, f"batch: {len(rows)} rows, {len(lines)} JSON lines")
    for row, line in zip(rows, lines):
        check(int(row["line"]) == line["line"], f"batch line {row}")
        if "error" in line:
            check(row["error"] == line["error"] and row["polynomial"] == "" and row["cycles"] == "",
                  f"batch error row {row}")
            check('"x^3+y+1"' in row["error"], "the error keeps its quotes")
            continue
        check(row["polynomial"] == line["polynomial"] and row["error"] == "", f"batch row {row}")
        check(int(row["cycles"]) == line["total_cycles"], f"batch cycles {row}")
        check(int(row["longest_cycle"]) == line["max_cycle_length"], f"batch longest {row}")
        check(row["maximal_length"] == ("true" if line["maximal_length"] else "false"), f"batch maximal {row}")
        check(int(row["cyclic_states"]) == line["cyclic_states"], f"batch cyclic {row}")
        check(int(row["transient_states"]) == line["transient_states"], f"batch transient {row}")
        check(float(row["seconds"]) >= 0, f"batch seconds {row}")

# Scans: a row per polynomial in scan order.
rows = read_csv(run("--scan", "--bits", "6", "--format", "csv"))
lines = [json.loads(line) for line in run("--scan", "--bits", "6", "--format", "json").splitlines()]
check(len(rows) == 64 == len(lines), f"scan: {len(rows)} rows")
check([(int(r["line"]), r["polynomial"], int(r["cycles"])) for r in rows] ==
      [(l["line"], l["polynomial"], l["total_cycles"]) for l in lines], "scan rows equal the JSON lines")

# Summaries: a row per cycle type, with its example.
for args in (["--scan", "--bits", "8", "--summary"], ["--scan", "--bits", "3", "--field", "4", "--summary"]):
    text = run(*args, "--format", "csv")
    rows = read_csv(text)
    types = json.loads(run(*args, "--format", "json"))["cycle_types"]
    check(header_of(text) == ["registers", "cycle_type", "example"], "summary header")
    check(len(rows) == len(types), f"{args}: {len(rows)} rows for {len(types)} types")
    for row, kind in zip(rows, types):
        cycle_type = " ".join(f"{c['length']}^{c['count']}" for c in kind["cycles"])
        check(int(row["registers"]) == kind["registers"] and row["cycle_type"] == cycle_type and
              row["example"] == kind["example"], f"{args}: {row} against {kind}")

# --period-of: one row.
rows = read_csv(run("--poly", "x^8+x^4+x^3+x^2", "--period-of", "0x13", "--format", "csv"))
state = json.loads(run("--poly", "x^8+x^4+x^3+x^2", "--period-of", "0x13", "--format", "json"))
check(rows == [{"state": str(state["state"]), "tail": str(state["tail"]), "period": str(state["period"]),
                "minimal_polynomial": state["minimal_polynomial"]}], f"--period-of: {rows}")

# A sequence of zeros has no cycles: the header alone.
check(run("--sequence", "0000", "--format", "csv") == "length,count,states,representative\n", "zero sequence")

for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
