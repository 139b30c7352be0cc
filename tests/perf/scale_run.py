#!/usr/bin/env python3
"""Whole-database runs of `rtcheck check -p` against `clang -fsyntax-only` over the same compile
database (docs/performance.md, "Scale"): wall and CPU time and peak memory of

  syntax-only   clang -fsyntax-only on every entry, --jobs at a time (the floor for any parse)
  no-cache      rtcheck check --no-cache
  cold          rtcheck check with an empty cache directory
  warm          the same again, nothing changed
  edit-source   after appending a comment to one source file (--edit-source; restored after)
  edit-header   after appending a comment to one header (--edit-header; restored after)

Each rtcheck run's `stats.cache` is read back, so the table also says how many TUs were parsed.
Usage:
    scale_run.py --analyzer build/bin/rtcheck-analyzer -p /path/to/build --jobs 2 \\
        --edit-source src/foo.c --edit-header include/foo.h [--runs syntax-only,cold,warm,...]
"""
import argparse
import concurrent.futures
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extract_vs_syntax_only import clang_command  # noqa: E402

ALL_RUNS = ["syntax-only", "no-cache", "cold", "warm", "edit-source", "edit-header"]


def measured(run):
    """Wall seconds, CPU seconds of the children and the peak RSS (MB) of the largest child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = run()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: measure each kind in its own
    # process (see main) so that it is this run's.
    return wall, cpu, after.ru_maxrss / 1024, result


def syntax_only(entries, jobs, clang, resource_dir):
    def one(e):
        return subprocess.run(clang_command(e, clang, resource_dir), cwd=e["directory"],
                              capture_output=True).returncode
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        codes = list(pool.map(one, entries))
    return f"{sum(c != 0 for c in codes)} of {len(codes)} failed"


def rtcheck(o, *args):
    out = os.path.join(o.tmp, "report.json")
    run = subprocess.run([o.analyzer, "check", "-p", o.build, "-j", str(o.jobs), "--format=json",
                          "-o", out, "--fail-on", "none", *args], capture_output=True, text=True)
    if run.returncode not in (0, 3):
        sys.exit(f"rtcheck failed ({run.returncode}): {run.stderr[-2000:]}")
    with open(out) as f:
        report = json.load(f)
    cache = report["stats"].get("cache")
    parsed = len(cache["extracted"]) if cache else report["stats"]["commands"]["analysed"]
    return (f"{parsed} parsed, {len(report['findings'])} findings, "
            f"{report['stats']['functions']} functions")


def appended(path):
    """Appends a comment to path for the duration of a with-block."""
    class Edit:
        def __enter__(self):
            with open(path) as f:
                self.text = f.read()
            with open(path, "a") as f:
                f.write("\n/* rtcheck scale_run edit */\n")

        def __exit__(self, *exc):
            with open(path, "w") as f:
                f.write(self.text)
    return Edit()


def one_run(o, kind):
    cache = ["--cache-dir", o.cache]
    if kind == "syntax-only":
        with open(os.path.join(o.build, "compile_commands.json")) as f:
            entries = json.load(f)
        return measured(lambda: syntax_only(entries, o.jobs, o.clang, o.resource_dir))
    if kind == "no-cache":
        return measured(lambda: rtcheck(o, "--no-cache"))
    if kind == "cold":
        shutil.rmtree(o.cache, ignore_errors=True)
        return measured(lambda: rtcheck(o, *cache))
    if kind == "warm":
        return measured(lambda: rtcheck(o, *cache))
    path = o.edit_source if kind == "edit-source" else o.edit_header
    with appended(path):
        result = measured(lambda: rtcheck(o, *cache))
    rtcheck(o, *cache)  # the restored file's entries are hit again by the next run
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--analyzer", required=True)
    p.add_argument("-p", dest="build", required=True)
    p.add_argument("--jobs", type=int, default=2)
    # The C driver: it takes each file's language from its extension, as the build's compilers do.
    p.add_argument("--clang", default="clang-22")
    p.add_argument("--resource-dir", default="/usr/lib/llvm-22/lib/clang/22")
    p.add_argument("--cache", help="cache directory (default: a temporary one)")
    p.add_argument("--edit-source")
    p.add_argument("--edit-header")
    p.add_argument("--runs", default=",".join(ALL_RUNS))
    p.add_argument("--one", help=argparse.SUPPRESS)  # internal: one run in this process
    o = p.parse_args()
    o.analyzer = os.path.abspath(o.analyzer)
    o.build = os.path.abspath(o.build)
    o.tmp = tempfile.mkdtemp(prefix="rtcheck-scale-")
    o.cache = os.path.abspath(o.cache) if o.cache else os.path.join(o.tmp, "cache")
    if o.one:
        wall, cpu, rss, result = one_run(o, o.one)
        shutil.rmtree(o.tmp, ignore_errors=True)
        print(json.dumps({"wall": wall, "cpu": cpu, "rss_mb": rss, "result": result}))
        return
    print(f"| run (-j{o.jobs}) | wall | CPU | peak RSS | result |")
    print("|---|---|---|---|---|")
    for kind in o.runs.split(","):
        # Each run in a process of its own: RUSAGE_CHILDREN's peak is then that run's.
        cmd = [sys.executable, os.path.abspath(__file__), "--one", kind, "--analyzer", o.analyzer,
               "-p", o.build, "--jobs", str(o.jobs), "--clang", o.clang, "--resource-dir",
               o.resource_dir, "--cache", o.cache]
        if o.edit_source:
            cmd += ["--edit-source", o.edit_source]
        if o.edit_header:
            cmd += ["--edit-header", o.edit_header]
        r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        print(f"| {kind} | {r['wall']:.1f} s | {r['cpu']:.1f} s | {r['rss_mb']:.0f} MB | "
              f"{r['result']} |", flush=True)
    shutil.rmtree(o.tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
