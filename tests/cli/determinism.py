#!/usr/bin/env python3
"""The same input gives byte-identical JSON, timing keys and the run's mode and workers aside,
across runs, modes (seq, threads, fork), worker counts (1, 2, 3, 5) and chunk sizes: single
registers over GF(2), GF(3) and GF(4), singular and not, a matrix, --all-cycles and --list-cycles,
and batches and scans over GF(2) and GF(3), with and without --summary.

One Python process runs every variant, two at a time (the registers are small: a run costs about
its start-up), and compares each output with the first variant's.
Usage: determinism.py BINARY
"""
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from json_without_timing import RUN, TIMING, strip  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

# Every mode with worker counts 1, 2, 3 and 5, chunk sizes from the default down to 333 states,
# and seq twice: two runs of the same command.
SINGLE_VARIANTS = [
    "--mode seq", "--mode seq", "--mode threads --workers 1", "--mode threads --workers 2 --chunk 1000",
    "--mode threads --workers 3 --chunk 777", "--mode threads --workers 5", "--mode fork --workers 1",
    "--mode fork --workers 2 --chunk 4096", "--mode fork --workers 3 --chunk 333", "--mode fork --workers 5",
]
# Batches and scans take no --chunk: their registers are whole tasks.
MANY_VARIANTS = [
    "--mode seq", "--mode seq", "--mode threads --workers 2", "--mode threads --workers 3",
    "--mode threads --workers 5", "--mode fork --workers 1", "--mode fork --workers 2", "--mode fork --workers 5",
]


def subjects(batch):
    singles = [
        "--poly x^16+x^5+x^3+x^2+1",
        "--poly x^16+x^15+x^3+x^2",
        "--field 3 --poly x^9+2*x^4+x+2",
        "--field 4 --poly x^7+a*x^2+x+a",
        "--matrix %s" % os.path.join(HERE, "matrices", "rule90_8.txt"),
        "--poly x^14+1 --all-cycles",
        "--poly x^14+x^13+x^2 --list-cycles",
    ]
    many = ["--batch %s" % batch, "--scan --bits 7", "--field 3 --scan --bits 4"]
    cases = [(single, SINGLE_VARIANTS) for single in singles]
    for subject in many:
        cases += [(subject, MANY_VARIANTS), (subject + " --summary", MANY_VARIANTS)]
    return cases


def normalized(text):
    try:
        documents = [json.loads(text)]
    except json.JSONDecodeError:
        documents = [json.loads(line) for line in text.splitlines()]
    return "\n".join(json.dumps(strip(document, TIMING | RUN), separators=(",", ":")) for document in documents)


def run(binary, subject, variant):
    """The normalized output of one variant, or why there is none."""
    command = [binary] + subject.split() + variant.split() + ["--method", "enumerate", "--format", "json"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None, "no end within 120 s"
    if done.returncode != 0 or not done.stdout:
        return None, "exit %d, stderr: %s" % (done.returncode, done.stderr[:300])
    try:
        return normalized(done.stdout), None
    except json.JSONDecodeError as error:
        return None, "output that is no JSON: %s" % error


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as scratch:
        batch = os.path.join(scratch, "batch.txt")
        with open(batch, "w") as f:
            f.write("x^12+x^6+x^4+x+1\nx^10+x^9+x^2\nx^9+1\n")
        cases = subjects(batch)
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            futures = [[pool.submit(run, binary, subject, variant) for variant in variants]
                       for subject, variants in cases]
            failures = 0
            for (subject, variants), results in zip(cases, futures):
                outputs = [result.result() for result in results]
                problems = ["%s: %s" % (variant, problem) for variant, (_, problem) in zip(variants, outputs) if problem]
                differing = [variant for variant, (output, _) in zip(variants, outputs)
                             if output is not None and output != outputs[0][0]]
                if problems or differing:
                    failures += 1
                    print("FAIL: %s" % subject)
                    for problem in problems:
                        print("  " + problem)
                    for variant in differing:
                        print("  %s differs from %s" % (variant, variants[0]))
                else:
                    print("ok: %s, %d variants" % (subject, len(variants)))
    print("%d passed, %d failed" % (len(cases) - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
