#!/usr/bin/env python3
"""Chaos: SIGKILL a random fork worker at a random time, run after run, over single registers (the
distinguished-point enumeration, --list-cycles, --all-cycles, --method both, a matrix), batches,
scans and summaries over GF(2), GF(3), GF(4), GF(5), GF(7) and GF(16), singular and not.

A run must give exactly the output of an undisturbed run (timing keys aside), or fail with exit
code 5, one stderr line naming the dead worker and, on stdout, whole lines that begin the right
output: never a wrong answer, never a hang, no worker left behind.

A kill counts when it hit a live worker and the tool noticed: a fresh pool was forked (a batch or a
scan runs again what the worker lost) or the run failed with exit 5. A worker killed idle at the
end of a run goes unnoticed and does not count. The first kill of a run comes once its workers
are running, at a random time within the undisturbed run's busy time; a batch or scan gets one
more kill per job (each job survives one death), spaced a job's length apart. Runs go on until
KILLS kills counted; the test fails if that takes more than 5 * KILLS runs.

Usage: chaos_test.py BINARY [KILLS]
  KILLS: default 100; LFSR_CHAOS_KILLS overrides it, LFSR_TEST_MULTIPLIER (an integer) scales it.
  LFSR_CHAOS_SEED=N repeats a sequence of cases, kill times and victims (the timing of the machine
  still varies).
"""
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from json_without_timing import TIMING, strip  # noqa: E402

POLL_SECONDS = 0.002
HANG_SECONDS = 120  # a run still alive after this long is a hang


class Case:
    def __init__(self, arguments, jobs=1):
        self.arguments = arguments.split()
        self.jobs = jobs  # kills a run may survive: one per job of a batch or scan
        self.reference = None
        self.busy_seconds = 0.0


def rule90_matrix(cells):
    """Rule 90 with null boundaries: each cell becomes the XOR of its neighbours; singular for odd sizes."""
    rows = []
    for i in range(cells):
        rows.append(",".join("1" if abs(i - j) == 1 else "0" for j in range(cells)))
    return "# rule 90 on %d cells\n%s\n" % (cells, "\n".join(rows))


def make_cases(scratch):
    batch = os.path.join(scratch, "batch.txt")
    with open(batch, "w") as f:
        # Registers of more than 2^22 states are a job each, over all workers; the small one is a
        # job of its own between them.
        f.write("x^23+x^5+1\nx^10+x^3+1\n# a comment\nx^23+x^22+x^2\nx^23+x^9+1\n")
    matrix = os.path.join(scratch, "rule90_21.txt")
    with open(matrix, "w") as f:
        f.write(rule90_matrix(21))
    # Sized to keep the workers busy for about 0.1 to 0.5 s each on a loaded machine.
    return [
        Case("--poly x^24+x^7+x^2+x+1 --workers 3 --chunk 65536"),
        Case("--poly x^23+x^22+x^3+x^2 --workers 2 --chunk 65536"),
        Case("--poly x^22+x^21+x^2 --workers 3 --all-cycles"),
        Case("--poly x^24+x^4+x^3+x+1 --workers 2 --list-cycles 1000"),
        Case("--matrix %s --workers 3 --chunk 65536" % matrix),
        Case("--field 3 --poly x^12+2*x^5+x+1 --workers 3 --chunk 65536"),
        Case("--field 3 --poly x^12+x^11+2*x^2 --workers 2 --method both"),
        Case("--field 4 --poly x^11+a*x^3+x+a --workers 3"),
        Case("--field 5 --poly x^9+x^8+3*x^2 --workers 2"),
        Case("--field 7 --poly x^7+x+3 --workers 3 --method both"),
        Case("--field 16 --poly x^5+x+a --workers 2 --chunk 65536"),
        Case("--batch %s --workers 2" % batch, jobs=3),
        Case("--batch %s --workers 3 --summary" % batch, jobs=3),
        Case("--scan --bits 10 --workers 2"),
        Case("--scan --bits 12 --workers 2 --summary", jobs=2),  # two windows of 2048 registers
        Case("--scan --bits 12 --nonsingular --workers 3 --summary"),
        Case("--field 3 --scan --bits 5 --workers 2"),
        Case("--field 4 --scan --bits 5 --workers 3"),
        Case("--field 7 --scan --bits 3 --nonsingular --workers 2 --summary"),
    ]


def process_stat(pid):
    """(state, parent pid, start time, exit signal) of a process, or None when it is gone."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            text = f.read()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return fields[0], int(fields[1]), int(fields[19]), int(fields[35])


def children(pid):
    found = set()
    try:
        tasks = os.listdir("/proc/%d/task" % pid)
    except OSError:
        return found
    for task in tasks:
        try:
            with open("/proc/%d/task/%s/children" % (pid, task)) as f:
                found.update(int(child) for child in f.read().split())
        except OSError:
            pass
    return found


def normalized_lines(text):
    """The output without timing keys, one JSON value per line; None if a line is no JSON."""
    try:
        documents = [json.loads(text)] if text.strip() else []
    except json.JSONDecodeError:
        try:
            documents = [json.loads(line) for line in text.splitlines()]
        except json.JSONDecodeError:
            return None
    return [json.dumps(strip(document, TIMING), separators=(",", ":")) for document in documents]


class Outcome:
    def __init__(self):
        self.status = None
        self.stdout = ""
        self.stderr = ""
        self.kills = 0  # SIGKILLs sent to a live worker
        self.counted = 0  # of those, the ones the tool noticed
        self.kill_times = []
        self.busy_seconds = 0.0
        self.hung = False
        self.left_behind = []


def run(binary, case, rng=None):
    """Runs a case, killing workers when given a random generator; watches /proc every 2 ms."""
    outcome = Outcome()
    method = [] if "--method" in case.arguments else ["--method", "enumerate"]
    command = [binary] + case.arguments + method + ["--mode", "fork", "--format", "json", "--no-progress"]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err)
        start = time.monotonic()
        seen = {}  # worker pid -> start time
        killed = set()
        first_busy = None
        kill_at = None
        waiting_for_notice = False
        while process.poll() is None:
            now = time.monotonic()
            if now - start > HANG_SECONDS:
                outcome.hung = True
                process.kill()
                process.wait()
                break
            live = {}
            for pid in children(process.pid):
                stat = process_stat(pid)
                # A worker is forked: it signals its end with SIGCHLD. A sanitizer's helper, such
                # as LeakSanitizer's tracer at exit, is a clone that does not, and is left alone.
                if stat and stat[0] not in "ZXx" and stat[1] == process.pid and stat[3] == signal.SIGCHLD:
                    live[pid] = stat
            fresh = [pid for pid in live if pid not in seen]
            for pid in fresh:
                seen[pid] = live[pid][2]
            if waiting_for_notice and fresh:  # the pool was forked afresh: the death was seen
                outcome.counted += 1
                waiting_for_notice = False
            running = [pid for pid in live if live[pid][0] == "R" and pid not in killed]
            if running and first_busy is None:
                first_busy = now
            if rng is not None and outcome.kills < case.jobs and not waiting_for_notice:
                if kill_at is None and running:
                    job_seconds = case.busy_seconds / case.jobs
                    if outcome.kills == 0:
                        delay = rng.uniform(0, 0.8 * case.busy_seconds)
                    else:  # past the job that runs again, into a later one
                        delay = rng.uniform(1.2 * job_seconds, 2.0 * job_seconds)
                    kill_at = now + delay
                if kill_at is not None and now >= kill_at:
                    victims = sorted(pid for pid in live if pid not in killed)
                    if victims:  # else the workers are gone: the run is ending
                        victim = rng.choice(victims)
                        try:
                            os.kill(victim, signal.SIGKILL)
                            killed.add(victim)
                            outcome.kills += 1
                            outcome.kill_times.append(round(now - start, 3))
                            waiting_for_notice = True
                        except ProcessLookupError:
                            pass
                    kill_at = None
            time.sleep(POLL_SECONDS)
        end = time.monotonic()
        outcome.status = process.returncode
        if waiting_for_notice and outcome.status == 5:
            outcome.counted += 1
        outcome.busy_seconds = end - first_busy if first_busy is not None else end - start
        # Workers are killed and reaped before the tool exits: none may outlive it.
        for _ in range(500):
            outcome.left_behind = [pid for pid, started in seen.items()
                                   if (stat := process_stat(pid)) and stat[2] == started and stat[0] not in "ZXx"]
            if not outcome.left_behind:
                break
            time.sleep(POLL_SECONDS)
        out.seek(0)
        err.seek(0)
        outcome.stdout = out.read().decode(errors="replace")
        outcome.stderr = err.read().decode(errors="replace")
    return outcome


def judge(case, outcome):
    """Why the run is wrong, or None."""
    if outcome.hung:
        return "still running after %d s" % HANG_SECONDS
    if outcome.left_behind:
        return "workers %s outlived the run" % outcome.left_behind
    got = normalized_lines(outcome.stdout)
    if got is None:
        return "stdout holds a line that is no JSON (a partial line?)"
    if outcome.status == 0:
        if outcome.stderr:
            return "exit 0 with stderr: " + outcome.stderr[:300]
        if got != case.reference:
            return "exit 0 with an output that differs from the undisturbed run's"
        return None
    if outcome.status == 5:
        lines = outcome.stderr.splitlines()
        if len(lines) != 1 or not re.match(r"^lfsr-analyze: worker [0-9]+ died", lines[0]):
            return "exit 5 without the one stderr line naming the dead worker: " + outcome.stderr[:300]
        if got != case.reference[:len(got)]:
            return "exit 5, but its output is not a beginning of the undisturbed run's"
        return None
    return "exit %s, stderr: %s" % (outcome.status, outcome.stderr[:300])


def required_kills(argument):
    kills = int(os.environ.get("LFSR_CHAOS_KILLS", argument))
    multiplier = os.environ.get("LFSR_TEST_MULTIPLIER", "")
    return kills * max(1, int(multiplier)) if multiplier.isdigit() else kills


def main():
    binary = sys.argv[1]
    target = required_kills(sys.argv[2] if len(sys.argv) > 2 else "100")
    seed = int(os.environ.get("LFSR_CHAOS_SEED", random.SystemRandom().randrange(1 << 31)))
    print("seed %d (LFSR_CHAOS_SEED=%d repeats this sequence); %d kills to count" % (seed, seed, target), flush=True)
    rng = random.Random(seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as scratch:
        cases = make_cases(scratch)
        for case in cases:
            reference = run(binary, case)
            case.reference = normalized_lines(reference.stdout)
            if reference.status != 0 or not case.reference or reference.stderr:
                print("FAIL: the undisturbed run of %s: exit %s, %s" %
                      (" ".join(case.arguments), reference.status, reference.stderr[:300]))
                return 1
            case.busy_seconds = reference.busy_seconds
            print("  %.2f s: %s" % (reference.busy_seconds, " ".join(case.arguments)), flush=True)
        print("undisturbed runs: %.1f s" % (time.monotonic() - started), flush=True)

        failures = runs = kills = counted = survived = survived_kills = failed_cleanly = 0
        order = []
        while counted < target and runs < 5 * target:
            if not order:  # every case once per round, in a random order
                order = list(range(len(cases)))
                rng.shuffle(order)
            case = cases[order.pop()]
            outcome = run(binary, case, rng)
            runs += 1
            kills += outcome.kills
            counted += outcome.counted
            problem = judge(case, outcome)
            if os.environ.get("LFSR_CHAOS_VERBOSE"):
                print("run %d: exit %s, kills at %s s, %d noticed: %s" % (runs, outcome.status, outcome.kill_times,
                                                                         outcome.counted, " ".join(case.arguments)))
            if problem:
                failures += 1
                print("FAIL run %d: %s, kills at %s s: %s" % (runs, " ".join(case.arguments), outcome.kill_times,
                                                              problem))
            elif outcome.status == 0:
                survived += 1
                survived_kills += 1 if outcome.counted else 0
            else:
                failed_cleanly += 1
        print("%d runs in %.1f s: %d workers killed, %d of them noticed by the tool; %d right results (%d of them "
              "after a noticed kill), %d clean worker failures (exit 5), %d wrong" %
              (runs, time.monotonic() - started, kills, counted, survived, survived_kills, failed_cleanly, failures))
    if counted < target:
        print("FAIL: only %d kills counted in %d runs, %d wanted" % (counted, runs, target))
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
