#!/usr/bin/env python3
"""Prints the JSON document or JSON lines on stdin without the timing keys (docs/json.md) and, with
--without-run, without the keys that name the run's mode, workers and MPI ranks: what must be identical
across runs, modes, worker counts and chunk sizes. Keys keep their order; one value per line."""
import json
import sys

TIMING = {"seconds", "median_seconds", "min_seconds", "max_seconds", "speedup", "states_per_second", "unstable"}
RUN = {"mode", "workers", "ranks"}


def strip(value, drop):
    if isinstance(value, dict):
        return {k: strip(v, drop) for k, v in value.items() if k not in drop}
    if isinstance(value, list):
        return [strip(v, drop) for v in value]
    return value


def main():
    drop = TIMING | (RUN if "--without-run" in sys.argv else set())
    text = sys.stdin.read()
    try:
        documents = [json.loads(text)]
    except json.JSONDecodeError:
        documents = [json.loads(line) for line in text.splitlines()]
    for document in documents:
        print(json.dumps(strip(document, drop), separators=(",", ":")))


if __name__ == "__main__":
    main()
