#!/usr/bin/env python3
"""Lists the sample programs of a build and the --select regex that picks each one's sources.

    sample_programs.py BUILD_DIR      ->  "<engine> <variant> <regex>" per line

A program is one engine (samples/<engine>/) in one variant: the CMake targets of that engine
whose name carries the variant, plus the ones that carry no variant (code shared by both), plus
the targets under samples/common/.
"""
import json
import re
import sys

VARIANTS = ("legacy", "fixed")


def main():
    build = sys.argv[1]
    with open(f"{build}/compile_commands.json") as f:
        entries = json.load(f)
    targets = {}  # engine -> set of target names
    for e in entries:
        text = " ".join([e.get("output", ""), e.get("command", ""), *e.get("arguments", [])])
        m = re.search(r"samples/([^/ ]+)/CMakeFiles/([^/ ]+)\.dir/", text)
        if m:
            targets.setdefault(m.group(1), set()).add(m.group(2))
    common = targets.pop("common", set())
    for engine in sorted(targets):
        for variant in VARIANTS:
            mine = [t for t in targets[engine] if variant in t]
            if not mine:
                continue
            shared = [t for t in targets[engine] if not any(v in t for v in VARIANTS)]
            alternatives = [f"{engine}/CMakeFiles/{re.escape(t)}" for t in sorted(mine + shared)]
            alternatives += [f"common/CMakeFiles/{re.escape(t)}" for t in sorted(common)]
            print(f"{engine} {variant} samples/({'|'.join(alternatives)})[.]dir/")


if __name__ == "__main__":
    main()
