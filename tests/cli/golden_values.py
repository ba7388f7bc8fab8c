#!/usr/bin/env python3
"""CLI test: the values cli_tests.cmake pins for small registers, matrices and sequences, derived here
by brute force (stepping every state by the definition of each form, exhaustive linear complexity)
and compared with what lfsr-analyze prints. The pins in cli_tests.cmake are regression pins; this is
their independent check, so a pin copied from a wrong output cannot stand.

Usage: golden_values.py BINARY"""
import itertools
import json
import os
import subprocess
import sys

BINARY = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def run_json(*args):
    done = subprocess.run([BINARY, *args, "--format", "json"], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"lfsr-analyze {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return json.loads(done.stdout)


def check(what, found, expected):
    if found != expected:
        failures.append(f"{what}: lfsr-analyze says {found!r}, the brute force {expected!r}")


class Field:
    """GF(p^k): elements 0..q-1 whose base-p digits are the coefficients of a^0, a^1, ...; modulus c_0..c_k."""

    def __init__(self, p, modulus=None):
        self.p = p
        self.modulus = modulus or [0, 1]
        self.k = len(self.modulus) - 1
        self.q = p ** self.k

    def digits(self, x):
        return [(x // self.p ** i) % self.p for i in range(self.k)]

    def value(self, digits):
        return sum(d * self.p ** i for i, d in enumerate(digits))

    def add(self, x, y):
        return self.value([(a + b) % self.p for a, b in zip(self.digits(x), self.digits(y))])

    def neg(self, x):
        return self.value([(-a) % self.p for a in self.digits(x)])

    def mul(self, x, y):
        product = [0] * (2 * self.k)
        for i, a in enumerate(self.digits(x)):
            for j, b in enumerate(self.digits(y)):
                product[i + j] = (product[i + j] + a * b) % self.p
        for top in range(2 * self.k - 1, self.k - 1, -1):  # a^k = -(c_0 + ... + c_{k-1} a^{k-1})
            c, product[top] = product[top], 0
            for i in range(self.k):
                product[top - self.k + i] = (product[top - self.k + i] - c * self.modulus[i]) % self.p
        return self.value(product[: self.k])


def state_digits(field, n, state):
    return [(state // field.q ** i) % field.q for i in range(n)]


def state_index(field, v):
    return sum(x * field.q ** i for i, x in enumerate(v))


def register_step(field, f, form):
    """Next state of the register of f (coefficients f_0..f_n, f_n = 1): Fibonacci v'_i = v_{i+1},
    v'_{n-1} = sum c_i v_i; Galois v'_i = v_{i-1} + c_i v_{n-1}; c_i = -f_i."""
    n = len(f) - 1
    c = [field.neg(x) for x in f[:n]]

    def step(state):
        v = state_digits(field, n, state)
        if form == "fibonacci":
            feedback = 0
            for ci, vi in zip(c, v):
                feedback = field.add(feedback, field.mul(ci, vi))
            return state_index(field, v[1:] + [feedback])
        shifted = [0] + v[:-1]
        return state_index(field, [field.add(s, field.mul(ci, v[-1])) for s, ci in zip(shifted, c)])

    return step


def matrix_step(field, rows):
    def step(state):
        v = state_digits(field, len(rows), state)
        image = []
        for row in rows:
            total = 0
            for a, x in zip(row, v):
                total = field.add(total, field.mul(a, x))
            image.append(total)
        return state_index(field, image)

    return step


def walk(step, state):
    """(tail, period) of a state and the states visited until the first repeat."""
    seen = {}
    visited = []
    while state not in seen:
        seen[state] = len(visited)
        visited.append(state)
        state = step(state)
    return seen[state], len(visited) - seen[state], visited, state


def structure(step, states):
    """Cycle histogram {length: count}, transient states, longest tail, cycles by smallest state."""
    successors = [step(s) for s in range(states)]
    cycles, on_cycle, done = [], set(), set()
    for s in range(states):  # walk until a state seen before: on this path it closes a new cycle
        path, index = [], {}
        x = s
        while x not in done and x not in index:
            index[x] = len(path)
            path.append(x)
            x = successors[x]
        if x in index:
            cycle = path[index[x]:]
            on_cycle.update(cycle)
            cycles.append((min(cycle), len(cycle)))
        done.update(path)
    histogram = {}
    for _, length in cycles:
        histogram[length] = histogram.get(length, 0) + 1
    depth = {s: 0 for s in on_cycle}

    def tail(s):
        path = []
        while s not in depth:
            path.append(s)
            s = successors[s]
        for t in reversed(path):
            depth[t] = depth[successors[t]] + 1
        return depth[path[0]] if path else depth[s]

    return histogram, states - len(on_cycle), max(tail(s) for s in range(states)), sorted(cycles)


def cycles_of(report):
    return {c["length"]: c["count"] for c in report["cycles"]}


def check_run(what, args, step, states):
    report = run_json(*args)
    histogram, transient, longest_tail, _ = structure(step, states)
    check(f"{what}: cycles", cycles_of(report), histogram)
    check(f"{what}: transient states", report["transient_states"], transient)
    check(f"{what}: longest tail", report["max_tail"], longest_tail)


def check_period(what, args, step, state):
    report = run_json(*args, "--period-of", str(state))
    tail, period, _, _ = walk(step, state)
    check(f"{what}: tail and period of {state}", (report["tail"], report["period"]), (tail, period))


def check_trace(what, args, step, field, n, start, steps=None, output_digit=0):
    report = run_json(*args, "--trace", str(start), *(["--steps", str(steps)] if steps else []))
    tail, period, visited, repeat = walk(step, start)
    expected = visited[:steps] if steps else visited
    next_state = step(expected[-1])
    rows = [{"step": t, "state": s, "digits": state_digits(field, n, s)[::-1],
             "output": state_digits(field, n, s)[output_digit]} for t, s in enumerate(expected)]
    check(f"{what}: trace rows", report["trace"], rows)
    check(f"{what}: next state", report["next_state"], next_state)
    closes = steps is None or steps >= tail + period
    check(f"{what}: tail and period", (report["tail"], report["period"]), (tail, period) if closes else (None, None))


def check_list(what, args, step, states):
    report = run_json(*args, "--list-cycles")
    _, _, _, cycles = structure(step, states)
    check(f"{what}: cycle list", [(c["smallest_state"], c["length"]) for c in report["cycle_list"]], cycles)


def linear_complexity(field, sequence):
    """The least L such that some register of length L generates the sequence, by exhaustion."""
    for length in itertools.count():
        for taps in itertools.product(range(field.q), repeat=length):
            fits = True
            for t in range(len(sequence) - length):
                total = 0
                for c, s in zip(taps, sequence[t:t + length]):
                    total = field.add(total, field.mul(c, s))
                if total != sequence[t + length]:
                    fits = False
                    break
            if fits:
                return length


gf2, gf3, gf5, gf11 = Field(2), Field(3), Field(5), Field(11)
gf4 = Field(2, [1, 1, 1])  # Conway a^2 + a + 1: a = 2

# Registers: coefficients f_0..f_n.
x4_x_1 = [1, 1, 0, 0, 1]
check_run("x^4+1", ["--poly", "x^4+1"], register_step(gf2, [1, 0, 0, 0, 1], "fibonacci"), 16)
check_run("x^3+x^2", ["--poly", "x^3+x^2"], register_step(gf2, [0, 0, 1, 1], "fibonacci"), 8)
check_run("galois x^4+x^2+2*x+2 over GF(5)", ["--field", "5", "--poly", "x^4+x^2+2*x+2", "--form", "galois"],
          register_step(gf5, [2, 2, 1, 0, 1], "galois"), 625)
check_run("x^3+a*x+1 over GF(4)", ["--field", "4", "--poly", "x^3+a*x+1"],
          register_step(gf4, [1, 2, 0, 1], "fibonacci"), 64)
check_run("x^12+x^11+x^3+x^2", ["--poly", "x^12+x^11+x^3+x^2"],
          register_step(gf2, [0, 0, 1, 1] + [0] * 7 + [1, 1], "fibonacci"), 1 << 12)
check_period("x^8+x^4+x^3+x^2", ["--poly", "x^8+x^4+x^3+x^2"], register_step(gf2, [0, 0, 1, 1, 1, 0, 0, 0, 1],
                                                                            "fibonacci"), 19)
check_period("x^6+x^3+1", ["--poly", "x^6+x^3+1"], register_step(gf2, [1, 0, 0, 1, 0, 0, 1], "fibonacci"), 32)
check_period("x^4+x+1", ["--poly", "x^4+x+1"], register_step(gf2, x4_x_1, "fibonacci"), 0)
check_trace("x^4+x+1 from 1", ["--poly", "x^4+x+1"], register_step(gf2, x4_x_1, "fibonacci"), gf2, 4, 1)
check_trace("galois x^4+x+1 from 8", ["--poly", "x^4+x+1", "--form", "galois"],
            register_step(gf2, x4_x_1, "galois"), gf2, 4, 8, steps=1, output_digit=3)
check_trace("x^3+x^2 from 1", ["--poly", "x^3+x^2"], register_step(gf2, [0, 0, 1, 1], "fibonacci"), gf2, 3, 1)
check_trace("x^3+x+5 over GF(11) from 16", ["--field", "11", "--poly", "x^3+x+5"],
            register_step(gf11, [5, 1, 0, 1], "fibonacci"), gf11, 3, 16, steps=2)
check_trace("x^4+x+1 from 3", ["--poly", "x^4+x+1"], register_step(gf2, x4_x_1, "fibonacci"), gf2, 4, 3, steps=3)
check_list("x^4+1", ["--poly", "x^4+1"], register_step(gf2, [1, 0, 0, 0, 1], "fibonacci"), 16)
check_list("x^3+x^2 over GF(3)", ["--field", "3", "--poly", "x^3+x^2"], register_step(gf3, [0, 0, 1, 1], "fibonacci"),
           27)

# Matrices.
nilpotent = [[0, 1, 1, 1], [0, 0, 1, 1], [0, 0, 0, 1], [0, 0, 0, 0]]
nilpotent_file = os.path.join(HERE, "matrices", "nilpotent_4.txt")
check_run("nilpotent_4.txt", ["--matrix", nilpotent_file], matrix_step(gf2, nilpotent), 16)
check_period("nilpotent_4.txt", ["--matrix", nilpotent_file], matrix_step(gf2, nilpotent), 8)
check_run("gf4_companion.txt", ["--field", "4", "--matrix", os.path.join(HERE, "matrices", "gf4_companion.txt")],
          matrix_step(gf4, [[0, 1, 0], [0, 0, 1], [1, 2, 0]]), 64)

# The first register of each cycle type in a scan of degree 4 (scan order: sum c_i 2^i increasing).
summary = run_json("--scan", "--bits", "4", "--summary")
examples = {}
for code in range(16):
    f = [(code >> i) & 1 for i in range(4)] + [1]
    histogram = tuple(sorted(structure(register_step(gf2, f, "fibonacci"), 16)[0].items()))
    text = "+".join(([f"x^{i}" if i > 1 else "x" if i == 1 else "1" for i in range(4, -1, -1) if f[i]]))
    examples.setdefault(histogram, text)
check("scan of degree 4: the first register of each cycle type",
      {tuple((c["length"], c["count"]) for c in t["cycles"]): t["example"] for t in summary["cycle_types"]}, examples)

# Sequences: the linear complexity and its profile by exhaustion.
sequence = [1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 2, 0, 2, 1, 2, 1]
report = run_json("--field", "3", "--sequence", ",".join(map(str, sequence)))
check("the GF(3) sequence's linear complexity", report["linear_complexity"], linear_complexity(gf3, sequence))
with open(os.path.join(HERE, "sequences", "m4.txt")) as file:
    bits = [int(c) for line in file if not line.startswith("#") for c in line if c in "01"]
report = run_json("--sequence-file", os.path.join(HERE, "sequences", "m4.txt"), "--profile")
check("m4.txt's profile", report["profile"], [linear_complexity(gf2, bits[:t + 1]) for t in range(len(bits))])

for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
