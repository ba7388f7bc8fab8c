#!/usr/bin/env python3
"""CLI test of the shell completions: bash's completion function, called as bash calls it on Tab
(COMP_WORDS, COMP_CWORD, COMP_LINE set, COMPREPLY read back), with and without bash-completion's
helpers loaded, and zsh's, completed in an interactive zsh on a pseudo-terminal. Both must complete
every option --help lists and no other; after an option, its fixed values (the set the program
itself reports for a wrong word), files where --help says FILE, nothing where it expects a number or
a polynomial, and options again after a flag or an optional value.
Usage: completion.py BINARY BASH_SCRIPT ZSH_SCRIPT"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from help_options import fixed_values, help_exclusions, help_options, optional_value, takes_value

binary, bash_script, zsh_script = (os.path.abspath(path) for path in sys.argv[1:4])
zsh_driver = os.path.join(os.path.dirname(os.path.abspath(__file__)), "zsh_complete.zsh")
bash_completion = "/usr/share/bash-completion/bash_completion"
failures = []

options = help_options(binary)
exclusions = help_exclusions(binary)
value_sets = fixed_values(binary, options)
for name in ["--form", "--format", "--mode", "--method"]:
    if name not in value_sets:
        failures.append(f"{name} reports no fixed set of values for a wrong word")

# A directory to complete file names in: a file, a directory and a file with a space.
work = tempfile.mkdtemp()
for name in ["regs.txt", "rule90.txt", "with space.txt"]:
    open(os.path.join(work, name), "w").close()
os.mkdir(os.path.join(work, "matrices"))
files = {"regs.txt", "rule90.txt", "with space.txt", "matrices"}

# Reads cases (a count and the words, NUL-separated; the last word is the one completed) and prints
# each COMPREPLY the same way: its count, then its entries.
BASH_DRIVER = r"""
[[ -n $2 ]] && source "$2"
source "$1"
declare -F _lfsr_analyze >/dev/null || { echo "$1 defines no function _lfsr_analyze" >&2; exit 1; }
while read -r -d '' count; do
  COMP_WORDS=()
  for ((i = 0; i < count; i++)); do read -r -d '' word; COMP_WORDS+=("$word"); done
  COMP_CWORD=$((count - 1))
  COMP_LINE="${COMP_WORDS[*]}"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _lfsr_analyze lfsr-analyze "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\0' "${#COMPREPLY[@]}"
  for reply in "${COMPREPLY[@]}"; do printf '%s\0' "$reply"; done
done
"""


def bash_complete(cases, helpers):
    """The COMPREPLY of each case (a list of words after lfsr-analyze), as sets."""
    stdin = "".join(f"{len(words) + 1}\0lfsr-analyze\0" + "".join(word + "\0" for word in words) for words in cases)
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c", BASH_DRIVER, "bash", bash_script,
                           bash_completion if helpers else ""], input=stdin, capture_output=True, text=True,
                          cwd=work, timeout=60)
    if done.returncode != 0:
        raise SystemExit(f"bash completion driver exited {done.returncode}: {done.stderr}")
    fields = iter(done.stdout.split("\0"))
    results = []
    for count in fields:
        if count:
            results.append({next(fields) for _ in range(int(count))})
    if len(results) != len(cases):
        raise SystemExit(f"bash completion driver answered {len(results)} of {len(cases)} cases: {done.stderr}")
    return results


def zsh_complete(lines):
    """The matches of each line, as sets, unquoted ("with\\ space.txt" is "with space.txt")."""
    with tempfile.TemporaryDirectory() as dump_directory:
        done = subprocess.run(["zsh", "-f", zsh_driver, os.path.dirname(zsh_script), *lines], capture_output=True,
                              text=True, cwd=work, timeout=60, env=dict(os.environ, TMPDIR=dump_directory))
    if done.returncode != 0:
        raise SystemExit(f"zsh completion driver exited {done.returncode}: {done.stderr}")
    results, current = [], set()
    for line in done.stdout.splitlines():
        if line == "END":
            results.append(current)
            current = set()
        elif line:
            current.add(re.sub(r"\\(.)", r"\1", line))
    if len(results) != len(lines):
        raise SystemExit(f"zsh completion driver answered {len(results)} of {len(lines)} lines: {done.stdout}")
    return results


def expected_after(name):
    """What Tab offers in the word after option NAME, and a description of it."""
    value_name = options[name]
    if name in value_sets:
        return set(value_sets[name]), f"its values {value_sets[name]}"
    if value_name == "FILE":
        return files, "file names"
    if takes_value(value_name) and not optional_value(value_name):
        return set(), f"nothing (it takes {value_name})"
    return None, "options"


all_options = set(options)
long_options = {name for name in options if name.startswith("--")}


def check(shell, line, got, expected, what):
    if got != expected:
        failures.append(f"{shell}: '{line}<Tab>' should offer {what}: missing {sorted(expected - got)}, "
                        f"not expected {sorted(got - expected)}")


# --- bash ---
bash_cases = [(["--"], long_options, "every long option"),
              (["-"], all_options, "every option"),
              (["--mo"], {"--mode", "--modulus"}, "--mode and --modulus"),
              (["--seq"], {"--sequence", "--sequence-file"}, "--sequence and --sequence-file"),
              (["--mode", "=", "th"], {"threads"}, "threads, after --mode= split at '='"),
              (["--mode", "="], set(value_sets.get("--mode", [])), "every mode, after --mode="),
              (["--mode=th"], {"--mode=threads"}, "--mode=threads, when '=' does not split words"),
              (["--batch", "r"], {"regs.txt", "rule90.txt"}, "the files starting with r"),
              (["--bits", "12", "--poly", "x^12+x^6+x^4+x+1", "--fo"], {"--form", "--format"}, "--form and --format")]
for name in sorted(options):
    expected, what = expected_after(name)
    bash_cases.append(([name, ""], all_options if expected is None else expected, what))
for helpers in [False, True]:
    if helpers and not os.path.exists(bash_completion):
        failures.append(f"{bash_completion} is missing: install bash-completion (scripts/setup.sh does)")
        continue
    shell = "bash with bash-completion" if helpers else "bash"
    for (words, expected, what), got in zip(bash_cases, bash_complete([words for words, _, _ in bash_cases], helpers)):
        check(shell, "lfsr-analyze " + " ".join(words), got, expected, what)

# --- zsh --- _arguments offers each option once, and none that an option on the line excludes.
syntax = subprocess.run(["zsh", "-n", zsh_script], capture_output=True, text=True) if shutil.which("zsh") else None
if syntax is None:
    failures.append("zsh is not installed (scripts/setup.sh installs it)")
else:
    if syntax.returncode != 0 or syntax.stderr:
        failures.append(f"zsh -n {zsh_script}: {syntax.stderr.strip()}")
    zsh_cases = [("lfsr-analyze --", long_options, "every long option"),
                 ("lfsr-analyze --mo", {"--mode", "--modulus"}, "--mode and --modulus"),
                 ("lfsr-analyze --mode=", set(value_sets.get("--mode", [])), "every mode, after --mode="),
                 ("lfsr-analyze --batch r", {"regs.txt", "rule90.txt"}, "the files starting with r")]
    sample_value = {"FILE": "regs.txt"}
    for name in sorted(options):
        expected, what = expected_after(name)
        # -h, --help and --version exclude everything else.
        others = set() if name in ("-h", "--help", "--version") else all_options - {name} - exclusions.get(name, set())
        if expected is None:
            zsh_cases.append((f"lfsr-analyze {name} ", others, "the options it does not exclude"))
        else:
            zsh_cases.append((f"lfsr-analyze {name} ", expected, what))
            value = value_sets[name][0] if name in value_sets else sample_value.get(options[name], "1")
            zsh_cases.append((f"lfsr-analyze {name} {value} -", others, "the options it does not exclude"))
    for (line, expected, what), got in zip(zsh_cases, zsh_complete([line for line, _, _ in zsh_cases])):
        check("zsh", line, got, expected, what)

shutil.rmtree(work)
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"completion: {len(options)} options and the values of {sorted(value_sets)} complete in bash and zsh")
