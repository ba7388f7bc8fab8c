#!/usr/bin/env python3
"""CLI test: a batch of LFSRs and feedback:N:F lines gives, line by line, what the single runs
(--poly, --taps, --feedback F --bits N) give, in every mode and in JSON, CSV and text; a failing
line has the single run's message; the summary counts the single runs' results; a feedback line
fails as the single run does over another field, in the Galois form and with --method algebraic
or both.

Usage: batch_feedback.py BINARY BATCH_FILE IRREDUCIBLE (the count of irreducible polynomials in the file)
"""
import csv
import io
import json
import subprocess
import sys

binary, batch, irreducible = sys.argv[1], sys.argv[2], int(sys.argv[3])
failures = []
RUN_KEYS = {"line", "mode", "workers", "ranks", "seconds"}


def run(args, stdin=None):
    done = subprocess.run([binary, *args], capture_output=True, text=True, input=stdin)
    return done.returncode, done.stdout, done.stderr


def check(condition, message):
    if not condition:
        failures.append(message)


def single_args(body):
    if body.startswith("feedback:"):
        bits, feedback = body[len("feedback:"):].split(":", 1)
        return ["--bits", bits.strip(), "--feedback", feedback.strip()]
    if body.startswith("taps:"):
        return ["--taps", body[len("taps:"):]]
    return ["--poly", body]


def single(body, extra=()):
    """The single run of a line: (exit code, JSON without the run's keys, or its stderr message)."""
    code, out, err = run([*single_args(body), *extra, "--format", "json"])
    if code != 0:
        return code, err.strip().removeprefix("lfsr-analyze: ")
    return code, {k: v for k, v in json.loads(out).items() if k not in RUN_KEYS}


lines = {}  # line number -> text
with open(batch) as file:
    for number, text in enumerate(file, 1):
        body = text.split("#", 1)[0].strip()
        if body:
            lines[number] = body
expected = {number: single(body) for number, body in lines.items()}
first_failure = next((code for code, _ in expected.values() if code != 0), 0)


def name_of(result):
    """The register as the text and CSV rows and the summary's examples name it."""
    if result["input"] == "feedback":
        return f"feedback:{result['bits']}:{result['feedback']}"
    return result["polynomial"]


for mode in ("seq", "threads", "fork"):
    code, out, err = run(["--batch", batch, "--mode", mode, "--workers", "2", "--format", "json"])
    check(code == first_failure, f"{mode}: exit code {code}, not {first_failure}: {err}")
    got = {}
    for text in out.splitlines():
        line = json.loads(text)
        got[line["line"]] = line.get("error") or {k: v for k, v in line.items() if k not in RUN_KEYS}
    check(sorted(got) == sorted(lines), f"{mode}: lines {sorted(got)}, not {sorted(lines)}")
    for number, (single_code, result) in expected.items():
        check(got.get(number) == result, f"{mode}, line {number} ({lines[number]}):\n batch  {got.get(number)}\n"
                                         f" single {result}")
    failed = [n for n, (c, _) in expected.items() if c != 0]
    check(not failed or f"{len(failed)} of {len(lines)} lines failed" in err, f"{mode}: stderr {err!r}")

# CSV: the register's name where the polynomial goes, the single run's counts.
code, out, _ = run(["--batch", batch, "--mode", "fork", "--workers", "2", "--format", "csv"])
for row in csv.DictReader(io.StringIO(out, newline="")):
    single_code, result = expected[int(row["line"])]
    if single_code != 0:
        check(row["error"] == result and row["polynomial"] == "", f"CSV row {row}")
        continue
    check([row["polynomial"], row["cycles"], row["longest_cycle"], row["maximal_length"], row["cyclic_states"],
           row["transient_states"]] ==
          [name_of(result), str(result["total_cycles"]), str(result["max_cycle_length"]),
           "true" if result["maximal_length"] else "false", str(result["cyclic_states"]),
           str(result["transient_states"])], f"CSV row {row}")

# Text: each register's row ends with its name.
code, out, _ = run(["--batch", batch])
rows = {int(text.split()[0]): text for text in out.splitlines() if text[:6].strip().isdigit()}
for number, (single_code, result) in expected.items():
    if single_code == 0:
        check(rows.get(number, "").endswith("  " + name_of(result)), f"text row {number}: {rows.get(number)!r}")

# The summary: the single runs' results counted, each cycle type's example its first register.
code, out, _ = run(["--batch", batch, "--summary", "--mode", "fork", "--workers", "2", "--format", "json"])
summary = json.loads(out)
done = [result for single_code, result in expected.values() if single_code == 0]
check(summary["registers"] == len(done), f"summary registers {summary['registers']}")
check(summary["errors"] == len(lines) - len(done), f"summary errors {summary['errors']}")
check(summary["maximal_length"] == sum(r["maximal_length"] for r in done), "summary maximal_length")
# Singular: a step that is not a permutation (c_0 = 0, or a feedback register not invertible).
check(summary["singular"] == sum(r["transient_states"] > 0 for r in done), "summary singular")
# A feedback register has no polynomial to be irreducible.
check(summary["irreducible"] == irreducible, f"summary irreducible {summary['irreducible']}")
types = {}
for result in done:
    key = json.dumps([{"length": c["length"], "count": c["count"]} for c in result["cycles"]])
    types.setdefault(key, [0, name_of(result)])[0] += 1
got_types = {json.dumps(t["cycles"]): [t["registers"], t["example"]] for t in summary["cycle_types"]}
check(got_types == types, f"summary cycle types:\n {got_types}\n {types}")

# Over another field, in the Galois form and by the algebraic method, only the feedback line fails.
for options, polynomial in ((["--field", "3"], "x^2+x+2"), (["--form", "galois"], "x^4+x+1"),
                            (["--method", "algebraic"], "x^4+x+1"), (["--method", "both"], "x^4+x+1")):
    code, out, _ = run(["--batch", "-", *options, "--format", "json"], stdin=f"{polynomial}\nfeedback:4:x0+x1\n")
    single_code, message = single("feedback:4:x0+x1", options)
    got = [json.loads(text) for text in out.splitlines()]
    check(code == 2 and single_code == 2, f"{options}: exit codes {code}, {single_code}")
    check(len(got) == 2 and "error" not in got[0] and got[1].get("error") == message,
          f"{options}: {got} (single run: {message})")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"{len(lines)} batch lines equal their single runs in every mode and format")
