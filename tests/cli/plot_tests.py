#!/usr/bin/env python3
"""CLI test of --plot: every kind of plot is rendered by rsvg-convert (exit code 0, a PNG of the
document's size) and parsed with xml.etree for the elements it must hold: the title, one mark per
cycle length, one bar per cycle type (at most 20, with a note for the rest), whiskers per mode.
Bad plot paths exit 2 with one line, before any work.
Usage: plot_tests.py BINARY"""
import json
import os
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

binary = sys.argv[1]
matrices = os.path.join(os.path.dirname(os.path.abspath(__file__)), "matrices")
work = tempfile.mkdtemp()
failures = []
SVG = "{http://www.w3.org/2000/svg}"


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def plot(name, *args):
    """Runs lfsr-analyze ARGS --plot FILE --format json; returns its JSON and the parsed, rendered SVG."""
    path = os.path.join(work, name + ".svg")
    done = subprocess.run([binary, *args, "--plot", path, "--format", "json"], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"lfsr-analyze {' '.join(args)} --plot exited {done.returncode}: {done.stderr}")
    report = json.loads(done.stdout)
    root = ElementTree.parse(path).getroot()
    png = os.path.join(work, name + ".png")
    rendered = subprocess.run(["rsvg-convert", path, "-o", png], capture_output=True, text=True)
    check(rendered.returncode == 0, f"{name}: rsvg-convert exited {rendered.returncode}: {rendered.stderr}")
    with open(png, "rb") as file:
        header = file.read(24)
    check(header[:8] == b"\x89PNG\r\n\x1a\n", f"{name}: rsvg-convert wrote no PNG")
    width, height = struct.unpack(">II", header[16:24])
    check((width, height) == (round(float(root.get("width"))), round(float(root.get("height")))),
          f"{name}: PNG of {width} x {height}, the SVG says {root.get('width')} x {root.get('height')}")
    check(400 <= width <= 1200 and 200 <= height <= 2000, f"{name}: odd size {width} x {height}")
    return report, root


def elements(root, tag, css_class):
    return [e for e in root.iter(SVG + tag) if css_class in (e.get("class") or "").split()]


def texts(root, css_class):
    return ["".join(e.itertext()) for e in elements(root, "text", css_class)]


def title_text(root):
    return " ".join(texts(root, "title"))


# Single runs: one mark per cycle length, the polynomial, form and field in the title.
for name, args in [
    ("x16", ["--poly", "x^16+1"]),
    ("galois_gf4_singular", ["--field", "4", "--poly", "x^5+a*x^3+x^2", "--form", "galois"]),
    ("matrix", ["--matrix", os.path.join(matrices, "rule90_8.txt")]),
    # 65521^80 states: counts far beyond double precision.
    ("beyond_double", ["--field", "65521", "--poly", "x^80-1", "--method", "algebraic"]),
]:
    report, root = plot(name, *args)
    marks = elements(root, "circle", "mark")
    check(len(marks) == len(report["cycles"]) > 0, f"{name}: {len(marks)} marks for {len(report['cycles'])} lengths")
    title = title_text(root)
    check(report["polynomial"].replace(" ", "") in title.replace(" ", ""),
          f"{name}: title '{title}' lacks {report['polynomial']}")
    check(f"GF({report['field']['q']})" in title, f"{name}: title '{title}' lacks the field")
    if report["form"]:
        check(report["form"] in title, f"{name}: title '{title}' lacks the form")
    check(len(texts(root, "tick-label")) >= 4, f"{name}: fewer than 4 tick labels")
    # A mark higher up holds more states.
    heights = [float(m.get("cy")) for m in marks]
    states = [int(c["length"]) * int(c["count"]) for c in report["cycles"]]
    order = sorted(range(len(states)), key=lambda i: states[i])
    check(all(heights[a] >= heights[b] - 1e-6 for a, b in zip(order, order[1:])),
          f"{name}: marks are not ordered by their states")

# --compare: one bar, one whisker and one speedup per mode.
report, root = plot("compare", "--bits", "14", "--compare", "--workers", "2", "--repeat", "2")
for kind in ("bar", "whisker", "speedup"):
    found = elements(root, "rect" if kind == "bar" else "line" if kind == "whisker" else "text", kind)
    check(len(found) == len(report["compare"]) == 3, f"compare: {len(found)} {kind} elements for 3 modes")
check(len(elements(root, "line", "whisker-cap")) == 6, "compare: not two caps per whisker")
# Each label is the speedup of its mode to two decimals (the JSON has three: allow the rounding of both).
speedups = texts(root, "speedup")
check(len(speedups) == len(report["compare"]) and
      all(s.startswith("speedup ") and s.endswith("x") and abs(float(s[len("speedup "):-1]) - m["speedup"]) <= 0.0051
          for s, m in zip(speedups, report["compare"])),
      f"compare: speedups {speedups} for {[m['speedup'] for m in report['compare']]}")

# Scan summary: bars per cycle type, the most common first, capped at 20 with a note.
for bits, capped in (("4", False), ("8", True)):
    report, root = plot("scan" + bits, "--scan", "--bits", bits, "--summary")
    types = report["cycle_types"]
    bars = elements(root, "rect", "cycle-type")
    check(len(bars) == min(20, len(types)), f"scan {bits}: {len(bars)} bars for {len(types)} cycle types")
    counts = [int(t) for t in texts(root, "count")][: len(bars)]
    check(counts == [t["registers"] for t in types[: len(bars)]], f"scan {bits}: bar counts {counts}")
    notes = " ".join(texts(root, "note"))
    check(("other cycle types" in notes) == capped, f"scan {bits}: note '{notes}'")
    check(len(elements(root, "rect", "longest-cycle")) >= 1, f"scan {bits}: no bars per longest cycle")
    check(f"degree-{bits}" in title_text(root), f"scan {bits}: title '{title_text(root)}'")

# A batch whose file name needs XML escaping: the title still parses and names it.
odd_name = os.path.join(work, "regs <&'\">.txt")
with open(odd_name, "w") as file:
    file.write("x^4+x+1\nx^4+1\nx^4+x^3+x^2+x+1\ntaps:4,3\n")
report, root = plot("batch", "--batch", odd_name, "--summary")
check(odd_name in title_text(root) or "..." in title_text(root), f"batch: title '{title_text(root)}'")
check(len(elements(root, "rect", "cycle-type")) == len(report["cycle_types"]), "batch: one bar per cycle type")
ticks = texts(root, "tick-label")
check(len(ticks) == len(set(ticks)) * 2, f"batch: repeated tick labels on a panel: {ticks}")


# Refusals: exit 2, one line on stderr, no file left behind, before the run.
def rejects(message, *args):
    done = subprocess.run([binary, *args], capture_output=True, text=True)
    lines = done.stderr.strip().splitlines()
    check(done.returncode == 2 and len(lines) == 1 and message in done.stderr,
          f"{args}: exit {done.returncode}, stderr {done.stderr!r}, expected 2 and '{message}'")


rejects("--plot: cannot write /nonexistent/dir/p.svg: no directory /nonexistent/dir",
        "--bits", "4", "--plot", "/nonexistent/dir/p.svg")
rejects("it is a directory", "--bits", "4", "--plot", work)
rejects("--plot: cannot write", "--scan", "--bits", "30", "--summary", "--plot", "/nonexistent/p.svg")
rejects("add --summary", "--scan", "--bits", "4", "--plot", os.path.join(work, "none.svg"))
rejects("excludes", "--bits", "4", "--trace", "1", "--plot", os.path.join(work, "none.svg"))
rejects("excludes", "--bits", "4", "--period-of", "1", "--plot", os.path.join(work, "none.svg"))
check(not os.path.exists(os.path.join(work, "none.svg")), "a refused run left a plot file")

for failure in failures:
    print("FAIL:", failure)
if failures:
    print("plots kept in", work)
    sys.exit(1)
subprocess.run(["rm", "-rf", work])
print("every kind of plot renders and holds its elements")
