#!/usr/bin/env python3
"""Checks one sample program against its ground truth through the build's compilation database.

    run_sample.py --analyzer BIN --build DIR ENGINE VARIANT

legacy: exactly the `// expect:` markers under samples/ENGINE; fixed: no finding at all.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--analyzer", required=True)
    p.add_argument("--build", required=True)
    p.add_argument("engine")
    p.add_argument("variant", choices=["legacy", "fixed"])
    o = p.parse_args()
    listing = subprocess.run([sys.executable, os.path.join(REPO, "tools", "sample_programs.py"),
                              o.build], capture_output=True, text=True, check=True).stdout
    for line in listing.splitlines():
        engine, variant, select = line.split(" ", 2)
        if (engine, variant) == (o.engine, o.variant):
            break
    else:
        print(f"FAIL: no {o.engine} {o.variant} program in {o.build}/compile_commands.json")
        return 1
    cmd = [sys.executable, os.path.join(HERE, "run_case.py"), "--analyzer", o.analyzer,
           "--compile-db", o.build, "--select", select,
           os.path.join(REPO, "samples", o.engine)]
    if o.variant == "fixed":
        cmd.insert(-1, "--expect-none")
    return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
