#!/usr/bin/env python3
"""CLI test: --search-nlfsr lists exactly the maximum-period registers a plain simulation finds.

Each family is written out here by its own loops, each candidate simulated bit by bit from state 1
(x0 = 1), and the set of feedback functions with period 2^n - 1 or 2^n compared with those the
program prints as JSON Lines, in every mode. Usage: nlfsr_search_reference.py BINARY
"""
import itertools
import json
import subprocess
import sys

binary = sys.argv[1]


def period_from_one(n, terms):
    """The period of state 1 when the walk from it comes back within 2^n steps, else None."""
    start = 1
    state = start
    for step in range(1, 2 ** n + 1):
        bit = 0
        for term in terms:
            product = 1
            for j in term:
                product &= (state >> j) & 1
            bit ^= product
        state = (state >> 1) | (bit << (n - 1))
        if state == start:
            return step
    return None


def normal_form(terms):
    """F in the program's canonical algebraic normal form: the constant, then by degree and indexes."""
    ordered = sorted(terms, key=lambda t: (len(t), sorted(t)))
    return " + ".join("*".join(f"x{j}" for j in sorted(t)) if t else "1" for t in ordered)


def family_members(family, n):
    m = range(1, n)
    pairs = list(itertools.combinations(m, 2))
    if family == "x0+xa+xb+xc*xd":
        for a, b in itertools.combinations(m, 2):
            for c, d in pairs:
                yield [(0,), (a,), (b,), (c, d)]
    elif family == "x0+xa+xb*xc+xd*xe":
        for a in m:
            for p, q in itertools.combinations(pairs, 2):
                yield [(0,), (a,), p, q]
    elif family == "x0+xa+xb+xc+xd+xe*xf":
        for linear in itertools.combinations(m, 4):
            for e, f in pairs:
                yield [(0,)] + [(j,) for j in linear] + [(e, f)]
    elif family.startswith("anf:"):
        _, most_terms, most_degree = family.split(":")
        monomials = [()] + [c for k in range(1, int(most_degree) + 1) for c in itertools.combinations(m, k)]
        for count in range(int(most_terms)):
            for chosen in itertools.combinations(monomials, count):
                yield [(0,)] + list(chosen)


def expected(family, n):
    found = {}
    for terms in family_members(family, n):
        period = period_from_one(n, terms)
        if period in (2 ** n - 1, 2 ** n):
            # Period 2^n - 1 counts only when 0 is fixed (no constant term): then the walk's cycle holds
            # every nonzero state.
            if period == 2 ** n - 1 and () in terms:
                continue
            found[normal_form(terms)] = period
    return found


def listed(family, n, *options):
    out = subprocess.run([binary, "--search-nlfsr", family, "--bits", str(n), "--format", "json", *options],
                         check=True, capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        member = json.loads(line)
        found[member["feedback"]] = member["period"]
    return found


cases = [("x0+xa+xb+xc*xd", n) for n in range(3, 13)]
cases += [("x0+xa+xb*xc+xd*xe", n) for n in range(3, 9)]
cases += [("x0+xa+xb+xc+xd+xe*xf", n) for n in range(5, 10)]
cases += [("anf:3:2", n) for n in range(2, 8)] + [("anf:4:3", n) for n in range(2, 6)]
for family, n in cases:
    want = expected(family, n)
    for options in ([], ["--mode", "seq"], ["--mode", "fork", "--workers", "2"]):
        got = listed(family, n, *options)
        if got != want:
            sys.exit(f"--search-nlfsr {family} --bits {n} {' '.join(options)}: {len(got)} members listed, the "
                     f"simulation finds {len(want)}; only listed: {sorted(set(got) - set(want))[:5]}, only "
                     f"simulated: {sorted(set(want) - set(got))[:5]}")
    print(f"{family} n={n}: {len(want)} members of maximum period, as simulated")
