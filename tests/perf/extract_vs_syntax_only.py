#!/usr/bin/env python3
"""Benchmark: rtcheck's per-TU extraction against `clang -fsyntax-only` on the same commands.

Both sides run as processes on the same compile commands, interleaved (A, B, A, B, ...) so that
machine noise hits both alike; the median of each is reported with the ratio. Usage:
    extract_vs_syntax_only.py --analyzer build/bin/rtcheck-analyzer -p build [--reps 5] [--filter RE]
"""
import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


LAUNCHERS = ("ccache", "sccache", "distcc", "icecc", "buildcache")


def clang_command(entry, clang, resource_dir):
    args = entry.get("arguments") or shlex.split(entry["command"])
    # A compiler launcher (Meson writes `ccache cc ...`) is not the compiler, as in rtcheck.
    while len(args) > 1 and os.path.basename(args[0]) in LAUNCHERS:
        args = args[1:]
    out, skip = [clang], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or a.startswith(("-o", "-MF")):
            continue
        out.append(a)
    # The same adjustments rtcheck makes: no warnings, no output.
    return out + ["-fsyntax-only", "-w", "-Wno-error", "-resource-dir=" + resource_dir]


def timed(cmd, cwd):
    start = time.perf_counter()
    run = subprocess.run(cmd, cwd=cwd, capture_output=True)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"failed: {shlex.join(cmd)}\n{run.stderr.decode()[-2000:]}")
    return elapsed


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--analyzer", required=True)
    p.add_argument("-p", dest="build", required=True)
    p.add_argument("--clang", default="clang++-22")
    p.add_argument("--resource-dir", default="/usr/lib/llvm-22/lib/clang/22")
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--filter", default="")
    o = p.parse_args()
    o.analyzer = os.path.abspath(o.analyzer)
    o.build = os.path.abspath(o.build)
    with open(os.path.join(o.build, "compile_commands.json")) as f:
        entries = [e for e in json.load(f) if re.search(o.filter, e["file"])]
    total_a = total_b = 0.0
    print(f"{'translation unit':50} {'syntax-only':>12} {'extract':>10} {'ratio':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for e in entries:
            a_cmd = clang_command(e, o.clang, o.resource_dir)
            b_cmd = [o.analyzer, "extract", "-p", o.build, e["file"], "-o",
                     os.path.join(tmp, "out.rtsum.json")]
            a, b = [], []
            for _ in range(o.reps):
                a.append(timed(a_cmd, e["directory"]))
                b.append(timed(b_cmd, e["directory"]))
            ma, mb = statistics.median(a), statistics.median(b)
            total_a += ma
            total_b += mb
            name = os.path.relpath(e["file"], os.path.dirname(os.path.abspath(o.build)))
            print(f"{name[-50:]:50} {ma * 1000:10.0f}ms {mb * 1000:8.0f}ms {mb / ma:6.2f}x")
    print(f"{'total (' + str(len(entries)) + ' TUs, median of ' + str(o.reps) + ')':50} "
          f"{total_a * 1000:10.0f}ms {total_b * 1000:8.0f}ms {total_b / total_a:6.2f}x")


if __name__ == "__main__":
    main()
