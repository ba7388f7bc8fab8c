#!/usr/bin/env python3
"""Counts the maximum-period members of the NLFSR family x0 + xa + xb + xc*xd by plain simulation,
independently of lfsr-analyze (no code shared): a reference for the counts in docs/nonlinear.md.

The family: 1 <= a < b <= n-1 and 1 <= c < d <= n-1 (the product may share variables with the linear
terms), C(n-1, 2)^2 members. The register is the one of --feedback: state s holds x_j in bit j and
steps to (s >> 1) | (F(s) << (n-1)). A member has period 2^n - 1 when the walk from state 1 first
returns to 1 after 2^n - 1 steps, and is a de Bruijn register (period 2^n) when it returns after 2^n.
F has no constant term, so the state 0 is a fixed point and no member of this family is de Bruijn;
the column is computed anyway, as a check of the walk.

Usage: bench/nlfsr_family_counts.py [--from 3] [--to 12] [--list] [--walks]
  prints the Markdown table "n | candidates | period 2^n-1 | de Bruijn"; --list prints each
  maximum-period member (as "n: x0 + xa + xb + xc*xd") after the table; --walks adds a column
  with the mean length of the walk from state 1 over all candidates, as a fraction of 2^n: the
  cost of a search that stops each walk when state 1 returns.
CPU time in CPython: about 2 s for n = 3..12, 80 s more for n = 13..16 (1 to 11,025 candidates per n).
"""
import argparse
from itertools import combinations


def period_from_one(n, a, b, c, d):
    """Steps until the walk from state 1 returns to 1; 0 once it passes 2^n steps without returning
    (it cannot: every member is a permutation, F = x0 + g(x1..x_{n-1}))."""
    top = n - 1
    limit = 1 << n
    state = 1
    for step in range(1, limit + 1):
        f = (state ^ (state >> a) ^ (state >> b) ^ ((state >> c) & (state >> d))) & 1
        state = (state >> 1) | (f << top)
        if state == 1:
            return step
    return 0


def family_members(n):
    pairs = list(combinations(range(1, n), 2))
    for a, b in pairs:
        for c, d in pairs:
            yield a, b, c, d


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="first", type=int, default=3)
    parser.add_argument("--to", dest="last", type=int, default=12)
    parser.add_argument("--list", action="store_true", help="print every maximum-period member")
    parser.add_argument("--walks", action="store_true", help="add the mean walk from state 1 / 2^n")
    args = parser.parse_args()
    if not 3 <= args.first <= args.last <= 20:
        parser.error("need 3 <= --from <= --to <= 20")

    found = []
    print("| n | candidates | period 2^n-1 | de Bruijn |" + (" mean walk / 2^n |" if args.walks else ""))
    print("|---|---|---|---|" + ("---|" if args.walks else ""))
    for n in range(args.first, args.last + 1):
        candidates = 0
        maximal = 0
        de_bruijn = 0
        steps = 0
        for a, b, c, d in family_members(n):
            candidates += 1
            period = period_from_one(n, a, b, c, d)
            steps += period
            if period == (1 << n) - 1:
                maximal += 1
                found.append(f"{n}: x0 + x{a} + x{b} + x{c}*x{d}")
            elif period == 1 << n:
                de_bruijn += 1
                found.append(f"{n}: x0 + x{a} + x{b} + x{c}*x{d} (de Bruijn)")
        walks = f" {steps / candidates / (1 << n):.3f} |" if args.walks else ""
        print(f"| {n} | {candidates} | {maximal} | {de_bruijn} |{walks}", flush=True)
    if args.list:
        print()
        print("\n".join(found))


if __name__ == "__main__":
    main()
