#!/usr/bin/env python3
"""CLI test of the man page docs/lfsr-analyze.1: it has an entry (a .TP item) for every option that
--help lists and none for an option the program does not have, its synopsis names every option, its
EXIT STATUS the exit codes of --help, groff -ww finds nothing to warn about, and man renders it at 80
columns without a message.
Usage: man_page.py BINARY MAN_PAGE"""
import os
import re
import subprocess
import sys

from help_options import help_options

binary, page = sys.argv[1], sys.argv[2]
failures = []
options = set(help_options(binary))
with open(page, encoding="utf-8") as file:
    source = file.read()

# Options are written \-\-name (or \-h) in roff.
OPTION = re.compile(r"\\-(?:\\-)?[a-z](?:[a-z0-9]|\\-)*")


def options_in(text):
    return {match.replace("\\-", "-") for match in OPTION.findall(text)}


# The tag line of each .TP item.
documented = set().union(*(options_in(item) for item in re.findall(r"^\.TP\n(.*)$", source, re.MULTILINE)))
in_synopsis = options_in(source[source.index(".SH SYNOPSIS"):source.index(".SH DESCRIPTION")])

for option in sorted(options - documented):
    failures.append(f"{option} is in --help but has no entry in the man page")
for option in sorted(documented - options):
    failures.append(f"the man page documents {option}, which --help does not list")
for option in sorted(options - in_synopsis - {"-h"}):
    failures.append(f"{option} is missing from the man page's synopsis")

# "Exit codes: 0 success, 2 bad usage or input, ..." at the end of --help.
usage = subprocess.run([binary, "--help"], capture_output=True, text=True, check=True).stdout
help_codes = set(re.findall(r"(?:^|, |: )(\d+) [a-z]", usage[usage.index("Exit codes:"):]))
exit_status = source[source.index(".SH EXIT STATUS"):source.index(".SH FILES")]
man_codes = set(re.findall(r"^\.TP\n\.B (\d+)$", exit_status, re.MULTILINE))
if help_codes != man_codes or len(help_codes) < 5:
    failures.append(f"EXIT STATUS lists codes {sorted(man_codes)}, --help {sorted(help_codes)}")

groff = subprocess.run(["groff", "-ww", "-man", "-z", page], capture_output=True, text=True)
if groff.returncode != 0 or groff.stderr:
    failures.append(f"groff -ww -man -z exited {groff.returncode}: {groff.stderr.strip()}")
# What lintian runs: man's own warnings (-ww to groff) while formatting for a UTF-8 terminal.
environment = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8")
man = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", page], capture_output=True,
                     text=True, env=environment)
if man.returncode != 0 or man.stderr:
    failures.append(f"man --warnings -l exited {man.returncode}: {man.stderr.strip()}")
rendered = subprocess.run(["man", "-l", page], capture_output=True, text=True, env=environment)
if rendered.returncode != 0 or rendered.stderr:
    failures.append(f"man -l exited {rendered.returncode}: {rendered.stderr.strip()}")
for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "POLYNOMIALS", "MATRIX FILES", "BATCH FILES",
                "SEQUENCES", "STATE INDEXES", "EXIT STATUS", "FILES", "EXAMPLES"]:
    if not re.search(rf"^{heading}$", rendered.stdout, re.MULTILINE):
        failures.append(f"the rendered page has no {heading} section")
too_wide = [line for line in rendered.stdout.splitlines() if len(line) > 80]
if too_wide:
    failures.append(f"lines wider than 80 columns: {too_wide}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"man page: {len(options)} options documented, renders without warnings")
