#!/usr/bin/env python3
"""Runs rtcheck over one annotated corpus case and compares its findings with the markers.

A case is one source file, or a directory whose sources form one program. Expected findings are
`// expect: cat[, cat...]` at the end of the site's line; the run fails on any missing and any
unexpected (file, line, category), and on any translation unit that fails to parse.
Directives on the first lines: `// rtcheck-args: ...` and `// compile-flags: ...`.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys

EXPECT = re.compile(r"//\s*expect:\s*([a-z, ]+?)\s*$")
ARGS = re.compile(r"//\s*rtcheck-args:\s*(.*)$")
FLAGS = re.compile(r"//\s*compile-flags:\s*(.*)$")
SOURCES = (".c", ".cc", ".cpp", ".cxx")


def sources_of(case):
    if os.path.isdir(case):
        return sorted(os.path.join(case, f) for f in os.listdir(case) if f.endswith(SOURCES))
    return [case]


def annotated_files(case, recursive=False):
    if not os.path.isdir(case):
        return [case]
    if recursive:
        return sorted(os.path.join(d, f) for d, _, fs in os.walk(case) for f in fs
                      if f.endswith(SOURCES + (".h", ".hpp")))
    return sorted(os.path.join(case, f) for f in os.listdir(case)
                  if f.endswith(SOURCES + (".h", ".hpp")))


def read_case(case, recursive=False):
    expected, args, flags = set(), [], []
    for path in annotated_files(case, recursive):
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if m := EXPECT.search(line):
                    for cat in m.group(1).split(","):
                        if cat.strip():
                            expected.add((os.path.realpath(path), number, cat.strip()))
                if number <= 5:
                    if m := ARGS.search(line):
                        args += shlex.split(m.group(1))
                    if m := FLAGS.search(line):
                        flags += shlex.split(m.group(1))
    return expected, args, flags


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--analyzer", required=True)
    p.add_argument("--include", action="append", default=[])
    p.add_argument("--compile-db", help="analyse this build's database instead of the case's files")
    p.add_argument("--select", help="with --compile-db: the program's compile commands (regex)")
    p.add_argument("--expect-none", action="store_true",
                   help="expect no finding at all (markers are ignored): a fixed variant")
    p.add_argument("case", help="a file, or a directory of files forming one program (with "
                                "--compile-db: the directory whose markers are read, recursively)")
    o = p.parse_args()

    if o.compile_db:
        expected, args, _ = read_case(o.case, recursive=True)
        cmd = [o.analyzer, "check", "--format=json", "--fail-on=none", "--color=never", *args,
               "-p", o.compile_db] + (["--select", o.select] if o.select else [])
    else:
        expected, args, flags = read_case(o.case)
        files = sources_of(o.case)
        is_c = all(f.endswith(".c") for f in files)
        if not any(f.startswith("-std=") for f in flags):
            flags.append("-std=c11" if is_c else "-std=c++20")
        flags += ["-I" + i for i in o.include]
        cmd = [o.analyzer, "check", "--format=json", "--fail-on=none", "--color=never", *args,
               *files, "--", *flags]
    if o.expect_none:
        expected = set()
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if run.returncode not in (0, 1):
        print(f"FAIL {o.case}: rtcheck exited {run.returncode}\n{run.stderr}")
        return 1
    doc = json.loads(run.stdout)
    problems = [f"error: {e['file']}: {e['message']}" for e in doc["errors"]]
    got = {}
    for f in doc["findings"]:
        got.setdefault((os.path.realpath(f["file"]), f["line"], f["category"]), f)
    for key in sorted(expected - got.keys()):
        problems.append(f"missing: {key[0]}:{key[1]}: {key[2]}")
    for key in sorted(got.keys() - expected):
        problems.append(f"unexpected: {key[0]}:{key[1]}: {key[2]}: {got[key]['message']}")
    if problems:
        print(f"FAIL {o.case} ({len(expected)} expected, {len(got)} reported)")
        print("\n".join("  " + x for x in problems))
        print("  command: " + shlex.join(cmd))
        return 1
    print(f"PASS {o.case}: {len(expected)} expected findings, {len(doc['roots'])} roots")
    return 0


if __name__ == "__main__":
    sys.exit(main())
