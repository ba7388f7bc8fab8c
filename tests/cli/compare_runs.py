#!/usr/bin/env python3
"""--compare as hyperfine measures: every mode reports its warm-up runs (--warmup, default 1, 0
allowed) and an unstable flag, and stderr holds one warning per unstable mode and nothing else.
Structure only: which modes come out unstable depends on the machine's load."""
import json
import subprocess
import sys

binary = sys.argv[1]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def compare(*args):
    done = subprocess.run([binary, "--bits", "14", "--compare", "--workers", "2", "--format", "json", *args],
                          capture_output=True, text=True, timeout=60)
    check(done.returncode == 0, f"{args}: exit {done.returncode}: {done.stderr}")
    return json.loads(done.stdout), done.stderr


for args, warmups in [((), 1), (("--warmup", "0"), 0), (("--warmup", "3", "--repeat", "2"), 3)]:
    report, stderr = compare(*args)
    modes = report["compare"]
    check([m["mode"] for m in modes] == ["seq", "threads", "fork"], f"{args}: modes {modes}")
    for mode in modes:
        check(mode["warmup_runs"] == warmups, f"{args}: {mode['mode']} warmup_runs {mode['warmup_runs']}")
        check(isinstance(mode["unstable"], bool), f"{args}: {mode['mode']} unstable is not a boolean")
        check(mode["unstable"] == (mode["max_seconds"] > 3 * mode["min_seconds"]) or
              abs(mode["max_seconds"] - 3 * mode["min_seconds"]) <= 2e-6,  # microsecond rounding
              f"{args}: {mode['mode']} unstable {mode['unstable']} for {mode['min_seconds']}-{mode['max_seconds']}")
    warned = [line for line in stderr.splitlines() if line]
    expected = [m["mode"] for m in modes if m["unstable"]]
    check(len(warned) == len(expected), f"{args}: stderr {warned!r}, unstable modes {expected}")
    for line, mode in zip(warned, expected):
        check(line.startswith(f"lfsr-analyze: warning: --compare: the {mode} runs took ") and "more than 3x apart" in line,
              f"{args}: stderr line {line!r}")

for line in failures:
    print("FAIL:", line)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
