#!/usr/bin/env python3
"""Cluster model (not a test): measures on this machine what a run spread over MPI ranks sends and
how long its work takes, fits per-unit costs to the measurements, and projects the two runs of
docs/distributed.md onto a cluster: the enumeration of a degree-40 register and the degree-28 scan,
on NODES nodes of CORES cores (one rank per node, a worker per core).

Measured here, each a least-squares line through runs of two or three sizes:
  - a register's analysis (degree 28, --summary's chunk job) in CPU seconds, by one process;
  - what the calling process (rank 0) spends per register receiving and folding results, with
    --summary (whole scans of degree 14 and 16) and with JSON Lines (the degree-28 registers), read
    from its own CPU time while one forked worker computes;
  - the bytes a rank sends back per register (LFSR_MPI_STATS under mpirun -n 2), likewise;
  - the segment walk: states per second per worker (run seconds of mpirun -n 2, one worker per
    rank) for Fibonacci GF(2) (word-level walk) and Galois (one state a step), the bytes sent per
    segment, and rank 0's fixed cost (the line's intercept: stitching, start of the job);
  - each rank's peak memory (the enumeration of a permutation needs no state bitset);
  - mpirun's start-up for 2 ranks on this machine.
Usage: bench/cluster_model.py [BINARY] [--nodes 64] [--cores 32] [--link-gbytes 12.5]
"""
import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

ENV = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
           OMPI_MCA_btl_tcp_if_include="lo", OMPI_MCA_oob_tcp_if_include="lo", LFSR_MPI_STATS="1")
MPIRUN = ["mpirun", "--oversubscribe", "--bind-to", "none"]


def fit(points):
    """Least-squares line y = a + b x through (x, y) points: returns (a, b)."""
    xs, ys = zip(*points)
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    b = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x in xs)
    return my - b * mx, b


def stats_lines(stderr):
    """Every rank's LFSR_MPI_STATS line as a dict, by rank."""
    ranks = {}
    for line in stderr.splitlines():
        if "mpi stats:" in line:
            fields = dict(item.split("=") for item in line.split("mpi stats:")[1].split())
            ranks[int(fields["rank"])] = {k: float(v) for k, v in fields.items()}
    return ranks


def mpirun(binary, ranks, args, rss=False):
    """Runs BINARY ARGS under mpirun -n RANKS; returns (stdout, stats by rank, wall seconds, peak KiB by rank)."""
    command = MPIRUN + ["-n", str(ranks)]
    command += ["/usr/bin/time", "-f", "peak-kib %M"] if rss else []
    start = time.monotonic()
    run = subprocess.run(command + [binary] + args, env=ENV, capture_output=True, text=True, check=True)
    wall = time.monotonic() - start
    peaks = [int(v) for v in re.findall(r"peak-kib (\d+)", run.stderr)]
    return run.stdout, stats_lines(run.stderr), wall, peaks


def result_bytes_per_unit(stats, units):
    """Bytes rank 1 sent per unit of work it ran (its share of the chunks times the units)."""
    total_chunks = sum(s["chunks"] for s in stats.values())
    return stats[1]["bytes_sent"] / (units * stats[1]["chunks"] / total_chunks)


def parent_cpu_seconds(command):
    """CPU seconds of the calling process alone (not its forked workers), read from /proc while it runs."""
    with subprocess.Popen(command, stdout=subprocess.DEVNULL) as process:
        last = 0
        while process.poll() is None:
            try:
                with open(f"/proc/{process.pid}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                last = int(fields[11]) + int(fields[12])  # utime + stime, clock ticks
            except (FileNotFoundError, ProcessLookupError, IndexError):
                pass
            time.sleep(0.01)
    return last / os.sysconf("SC_CLK_TCK")


def cpu_seconds(command):
    """User + system CPU seconds of COMMAND and its children."""
    before = os.times()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def batch_file(directory, registers, seed):
    """REGISTERS random monic degree-28 polynomials over GF(2), as the scan meets them (any coefficients)."""
    path = os.path.join(directory, f"deg28-{registers}.txt")
    rng = random.Random(seed)
    with open(path, "w") as out:
        for _ in range(registers):
            out.write(hex((1 << 28) | rng.getrandbits(28)) + "\n")
    return path


def measure_scan(binary, directory):
    sizes = [4000, 16000]
    files = {n: batch_file(directory, n, 28) for n in sizes}
    compute = fit([(n, min(cpu_seconds([binary, "--batch", files[n], "--summary", "--format", "json", "--mode", "seq"])
                             for _ in range(2))) for n in sizes])
    # Rank 0's share: JSON Lines from the random registers; a summary from whole scans (degrees 14
    # and 16, algebraic), whose cycle types repeat as a scan's do (random registers of degree 28
    # are nearly all of different types, and writing the types, once, would pass for work per register).
    scans = {14: ["--scan", "--bits", "14"], 16: ["--scan", "--bits", "16"]}
    fold = {
        "lines": fit([(n, min(parent_cpu_seconds([binary, "--batch", files[n], "--format", "json", "--mode", "fork",
                                                  "--workers", "1"]) for _ in range(2))) for n in sizes])[1],
        "summary": fit([(2 ** n, min(parent_cpu_seconds([binary] + scan + ["--method", "algebraic", "--summary",
                                                                           "--format", "json", "--mode", "fork",
                                                                           "--workers", "1"]) for _ in range(2)))
                        for n, scan in scans.items()])[1],
    }
    sent, peak = {}, {}
    runs = {"summary": (scans[16] + ["--method", "algebraic", "--summary"], 2 ** 16),
            "lines": (["--batch", files[sizes[-1]]], sizes[-1])}
    for label, (args, registers) in runs.items():
        _, stats, _, peaks = mpirun(binary, 2, args + ["--format", "json", "--mode", "seq"], rss=True)
        sent[label] = result_bytes_per_unit(stats, registers)
        peak[label] = max(peaks)
    return {"cpu_per_register": compute[1], "fold": fold, "bytes_per_register": sent, "peak_kib": peak}


def segment_points(n, form):
    """Segment points of a GF(2) register of degree N, as enumerate_by_segments chooses them."""
    bits = max(min(max(n - 8, 2), 10), n - 16)
    if form == "fibonacci" and n >= 24:
        bits = max(bits, 15)
    return 2 ** (n - bits)


def measure_segments(binary, form, degrees):
    points, sent, peaks = [], [], []
    for n in degrees:
        args = ["--bits", str(n), "--form", form, "--method", "enumerate", "--format", "json", "--mode", "seq",
                "--workers", "1"]
        best = None
        for _ in range(2):
            out, stats, _, peak = mpirun(binary, 2, args, rss=True)
            seconds = json.loads(out)["seconds"]
            best = seconds if best is None else min(best, seconds)
        points.append((2 ** n, best))
        if stats[1]["chunks"] > 0:  # a small job may be done before rank 1 asks
            sent.append(result_bytes_per_unit(stats, segment_points(n, form)))
        peaks.append(max(peak))
    intercept, per_state = fit(points)
    return {"rate_per_worker": 1 / (2 * per_state), "fixed": max(intercept, 0.0),
            "bytes_per_segment": statistics.fmean(sent), "peak_kib": max(peaks), "points": points}


def check_segments(binary, kernel, n):
    """The fitted line's prediction for 2 ranks x 1 worker at degree N against a run of it."""
    predicted = kernel["fixed"] + 2 ** n / (2 * kernel["rate_per_worker"])
    out, _, _, peak = mpirun(binary, 2, ["--bits", str(n), "--method", "enumerate", "--format", "json", "--mode", "seq",
                                         "--workers", "1"], rss=True)
    return predicted, json.loads(out)["seconds"], max(peak)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "build",
                                                                   "lfsr-analyze"))
    parser.add_argument("--nodes", type=int, default=64)
    parser.add_argument("--cores", type=int, default=32)
    parser.add_argument("--link-gbytes", type=float, default=12.5, help="rank 0's network link, GB/s (100 Gb/s)")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    with open("/proc/loadavg") as load:
        print(f"measured on {os.cpu_count()} CPUs, load {' '.join(load.read().split()[:3])}")

    start = time.monotonic()
    subprocess.run(MPIRUN + ["-n", "2", binary, "--bits", "4"], env=ENV, capture_output=True, check=True)
    startup = time.monotonic() - start
    with tempfile.TemporaryDirectory() as directory:
        scan = measure_scan(binary, directory)
    # The built-in maximal-length registers; from 2^24 states on, 2^16 segment points each.
    fibonacci = measure_segments(binary, "fibonacci", [24, 32, 34])
    galois = measure_segments(binary, "galois", [24, 28, 29])
    check = check_segments(binary, fibonacci, 36)

    print("\nfitted here:")
    print(f"  mpirun start, 2 ranks                 {startup:.2f} s")
    print(f"  degree-28 register, compute           {scan['cpu_per_register'] * 1e6:.1f} us CPU")
    for label in ("summary", "lines"):
        print(f"  rank 0 per register, {label:8}         {scan['fold'][label] * 1e6:.1f} us CPU; "
              f"sent back {scan['bytes_per_register'][label]:.0f} bytes")
    for name, kernel in (("Fibonacci", fibonacci), ("Galois", galois)):
        print(f"  segments, {name:9} walk              {kernel['rate_per_worker'] / 1e9:.2f} G states/s per worker; "
              f"fixed {kernel['fixed']:.3f} s; {kernel['bytes_per_segment']:.1f} bytes per segment; "
              f"peak {kernel['peak_kib'] / 1024:.0f} MiB per rank")
        print("    run seconds: " + ", ".join(f"2^{s.bit_length() - 1}: {t:.3f}" for s, t in kernel["points"]))
    print(f"  check: 2^36 states, Fibonacci, 2 ranks x 1 worker: the line predicts {check[0]:.2f} s, the run took "
          f"{check[1]:.2f} s, peak {check[2] / 1024:.0f} MiB per rank")

    ranks, workers = options.nodes, options.nodes * options.cores
    link = options.link_gbytes * 1e9
    print(f"\nprojected: {options.nodes} nodes x {options.cores} cores, one rank per node, rank 0's link "
          f"{options.link_gbytes} GB/s, start-up not included")
    print("| run | bytes each rank sends | rank 0 receives | memory per rank | expected time |")
    print("|---|---|---|---|---|")
    segments = segment_points(40, "galois")
    for name, kernel in (("Fibonacci GF(2)", fibonacci), ("Galois GF(2)", galois)):
        sent = segments * kernel["bytes_per_segment"]
        walk = 2 ** 40 / (workers * kernel["rate_per_worker"])
        print(f"| n = 40, {name}, a permutation | {sent / ranks / 1024:.0f} KiB | {sent / 2 ** 20:.1f} MiB | "
              f"{kernel['peak_kib'] / 1024:.0f} MiB (no state bitset) | {walk + kernel['fixed']:.2f} s "
              f"(walks {walk:.2f} s + rank 0 {kernel['fixed']:.2f} s) |")
    registers = 2 ** 28
    compute = registers * scan["cpu_per_register"] / workers
    for label in ("summary", "lines"):
        received = registers * scan["bytes_per_register"][label]
        fold = registers * scan["fold"][label]
        network = received / link
        total = max(compute, fold, network)
        bound = {compute: "compute", fold: "rank 0's folding", network: "rank 0's link"}[total]
        print(f"| degree-28 scan, {'--summary' if label == 'summary' else 'JSON Lines'} | "
              f"{received / ranks / 1e9:.2f} GB | {received / 1e9:.1f} GB | {scan['peak_kib'][label] / 1024:.0f} MiB | "
              f"{total:.0f} s, bound by {bound} (compute {compute:.1f} s, rank 0 {fold:.0f} s, link {network:.1f} s) |")


if __name__ == "__main__":
    sys.exit(main())
