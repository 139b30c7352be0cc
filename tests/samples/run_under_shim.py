#!/usr/bin/env python3
"""Runs a sample engine under the runtime shim (`rtcheck run`) and checks its JSON report.

  run_under_shim.py --rtcheck BIN --report FILE [--clean SCOPE]... [--dirty SCOPE=cat,cat]...
                    -- PROGRAM ARGS...

--clean SCOPE: the scope ran (calls > 0) and recorded zero alloc, lock, syscall and driver calls.
--dirty SCOPE=cats: the scope ran and recorded a non-zero count of each listed category.
The program must exit 0.
"""
import argparse
import json
import subprocess
import sys

CATEGORIES = ("alloc", "lock", "syscall", "driver")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rtcheck", required=True)
    p.add_argument("--report", required=True)
    p.add_argument("--clean", action="append", default=[])
    p.add_argument("--dirty", action="append", default=[])
    p.add_argument("command", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = a.command[1:] if a.command[:1] == ["--"] else a.command
    r = subprocess.run([a.rtcheck, "run", "--report", a.report, "--", *cmd],
                       capture_output=True, text=True, timeout=120)
    sys.stdout.write(r.stdout[-3000:])
    sys.stderr.write(r.stderr[-3000:])
    if r.returncode != 0:
        print(f"FAIL: exit status {r.returncode}")
        return 1
    with open(a.report) as f:
        report = json.load(f)
    scopes = {s["name"]: s for s in report["scopes"]}
    failures = []
    for name in a.clean:
        s = scopes.get(name)
        if not s or s["calls"] == 0:
            failures.append(f"scope {name!r} did not run")
            continue
        bad = {c: s["violations"].get(c, 0) for c in CATEGORIES if s["violations"].get(c, 0)}
        if bad:
            failures.append(f"scope {name!r} is not clean: {bad}")
    for spec in a.dirty:
        name, cats = spec.split("=", 1)
        s = scopes.get(name)
        if not s or s["calls"] == 0:
            failures.append(f"scope {name!r} did not run")
            continue
        for c in cats.split(","):
            if s["violations"].get(c, 0) == 0:
                failures.append(f"scope {name!r} recorded no {c} calls: {s['violations']}")
    for name, s in scopes.items():
        print(f"{name}: {s['calls']} calls, violations {s['violations']}")
    if failures:
        print("FAIL: " + "; ".join(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
