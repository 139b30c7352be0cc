#!/usr/bin/env python3
"""docs/man/rtcheck.1 lists, per subcommand, exactly the options `rtcheck SUBCOMMAND --help`
prints: a new flag without a man entry, or a man entry for a removed flag, fails.
Usage: test_man_page.py RTCHECK MANPAGE"""
import re
import subprocess
import sys

RTCHECK, MANPAGE = sys.argv[1], sys.argv[2]
ALWAYS = {"-h", "--help"}  # every subcommand has them; the man page says so once


def help_text(*args):
    r = subprocess.run([RTCHECK, *args, "--help"], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        sys.exit(f"{RTCHECK} {' '.join(args)} --help exited {r.returncode}: {r.stderr}")
    return r.stdout


def subcommands():
    text = help_text().split("Subcommands:", 1)[1]
    return [m.group(1) for m in re.finditer(r"^  (\S+)\s", text, re.M)]


def help_options(sub):
    names = set()
    in_options = False
    for line in help_text(sub).splitlines():
        if line.startswith("Options:"):
            in_options = True
        elif in_options and re.match(r"^  -", line):
            flags = line.split()[0]  # "-j,--jobs"
            names.update(flags.split(","))
        elif in_options and line and not line.startswith(" "):
            in_options = False
    return names - ALWAYS


def man_sections():
    sections, current = {}, None
    with open(MANPAGE) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith(".SS "):
                current = line[4:].replace("\\-", "-").strip()
                sections[current] = set()
            elif line.startswith(".SH "):
                current = None
            elif current and line.startswith(".B \\-"):
                words = line[3:].replace("\\-", "-").replace(",", " ").split()
                sections[current].update(w for w in words if w.startswith("-"))
    return sections


def main():
    man = man_sections()
    problems = []
    subs = subcommands()
    if sorted(man) != sorted(subs):
        problems.append(f"subcommands: --help has {sorted(subs)}, the man page {sorted(man)}")
    for sub in subs:
        cli, page = help_options(sub), man.get(sub, set())
        for name in sorted(cli - page):
            problems.append(f"{sub}: {name} is in --help but not in {MANPAGE}")
        for name in sorted(page - cli):
            problems.append(f"{sub}: {name} is in {MANPAGE} but not in --help")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
