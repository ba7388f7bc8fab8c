"""The options lfsr-analyze --help lists, read from its output: the one list the man page and the
completion scripts are checked against, so that an option added to the program and forgotten there
fails a test."""
import itertools
import re
import subprocess
import tempfile

# "  -h,--help   Print ...", "  --bits N   Register ...", "  --scan Excludes: --poly ...": an
# option line starts with exactly two spaces; description lines that wrap start with more.
OPTION_LINE = re.compile(r"^  (?:(-\w),)?(--[a-z][a-z-]*)(?: (\S+))?")


def option_lines(binary):
    """The option lines of --help, as (short name or None, name, the rest of the line)."""
    done = subprocess.run([binary, "--help"], capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    if "Options:" not in lines:
        raise SystemExit(f"--help has no 'Options:' line: has its layout changed?\n{done.stdout}")
    found = []
    for line in itertools.takewhile(str.strip, lines[lines.index("Options:") + 1:]):
        if match := OPTION_LINE.match(line):
            found.append((match.group(1), match.group(2), line[match.end(2):]))
    if len(found) < 20:
        raise SystemExit(f"read only {len(found)} options from --help: has its layout changed?\n{done.stdout}")
    return found


def help_options(binary):
    """{option: value name or None}: None for a flag, "FILE", "[N]=100000", "fibonacci|galois"... for
    an option that takes a value. "-h" is listed with "--help"."""
    options = {}
    for short, name, rest in option_lines(binary):
        words = rest.split()
        # "--scan Excludes: ..." and "--nonsingular Needs: ...": constraints, not a value name.
        value = words[0] if rest.startswith(" ") and not rest.startswith("  ") and not words[0].endswith(":") else None
        options[name] = value
        if short:
            options[short] = None
    return options


def help_exclusions(binary):
    """{option: the options it excludes}, from the "Excludes: --a --b" of its line."""
    exclusions = {}
    for _, name, rest in option_lines(binary):
        if " Excludes: " in rest:
            words = rest.split(" Excludes: ", 1)[1].split()
            exclusions[name] = set(itertools.takewhile(lambda word: word.startswith("--"), words))
    return exclusions


def takes_value(value_name):
    return value_name is not None


def optional_value(value_name):
    """--list-cycles [N]: the value may be left out."""
    return value_name is not None and value_name.startswith("[")


def fixed_values(binary, options):
    """{option: [values]} for every option that accepts only a fixed set of words, as the program
    itself reports it when given another word ("--mode: x not in {seq,threads,fork,auto}"). Run in an
    empty directory: no option may leave a file behind."""
    sets = {}
    with tempfile.TemporaryDirectory() as empty:
        for name, value_name in options.items():
            if not takes_value(value_name) or optional_value(value_name):
                continue
            done = subprocess.run([binary, name, "not-a-value"], capture_output=True, text=True, cwd=empty,
                                  timeout=60)
            match = re.search(re.escape(name) + r": not-a-value not in \{([^}]*)\}", done.stderr)
            if match:
                sets[name] = match.group(1).split(",")
    return sets
