#!/usr/bin/env python3
"""The shim and the rules database must agree. Checks, against the built librtcheck_rt.so:
  1. the table the shim reports (RTCHECK_OPTIONS=print_interceptors=1) lists exactly the functions of
     runtime/interceptors.def, each with the category of its rule in rules/, and no rule is `safe`;
  2. every interposed function is exported by the shim (the mangled forms for operator new/delete);
  3. every function in LLVM RealtimeSanitizer's interceptor list is interposed, or is listed with a
     reason in the exclusion file;
  4. every blocking function of the families the shim covers (--covered: rules/libc.json and
     rules/pthread.json) is interposed or listed with a reason in that file's `runtime_exclusions`
     (docs/rules-format.md)."""

import json

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "runtime"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import gen_categories  # noqa: E402  (the interceptors.def reader)
import rtcheck_rules  # noqa: E402  (the one Python home of rule resolution)

OPERATORS = {
    "operator new": ["_Znwm", "_ZnwmRKSt9nothrow_t", "_ZnwmSt11align_val_t", "_ZnwmSt11align_val_tRKSt9nothrow_t"],
    "operator new[]": ["_Znam", "_ZnamRKSt9nothrow_t", "_ZnamSt11align_val_t", "_ZnamSt11align_val_tRKSt9nothrow_t"],
    "operator delete": ["_ZdlPv", "_ZdlPvm", "_ZdlPvRKSt9nothrow_t", "_ZdlPvSt11align_val_t",
                        "_ZdlPvmSt11align_val_t", "_ZdlPvSt11align_val_tRKSt9nothrow_t"],
    "operator delete[]": ["_ZdaPv", "_ZdaPvm", "_ZdaPvRKSt9nothrow_t", "_ZdaPvSt11align_val_t",
                          "_ZdaPvmSt11align_val_t", "_ZdaPvSt11align_val_tRKSt9nothrow_t"],
}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shim", required=True)
    ap.add_argument("--def", dest="deffile", required=True, type=Path)
    ap.add_argument("--rules", required=True, type=Path)
    ap.add_argument("--rtsan", required=True, type=Path)
    ap.add_argument("--exclusions", required=True, type=Path)
    ap.add_argument("--covered", default="libc.json,pthread.json",
                    help="comma-separated family files of --rules whose blocking functions the shim must cover")
    args = ap.parse_args()
    problems = []

    env = {k: v for k, v in os.environ.items() if not k.startswith("RTCHECK_")}
    env.update(LD_PRELOAD=args.shim, RTCHECK_OPTIONS="print_interceptors=1")
    out = subprocess.run(["/bin/true"], env=env, capture_output=True, text=True, check=True).stderr
    table = {}
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0] == "rtcheck-interceptor":
            table[parts[1]] = parts[2]
    declared = [name for _, name in gen_categories.interposed(args.deffile)]
    if sorted(table) != sorted(declared):
        problems.append(f"the shim's table and interceptors.def differ: "
                        f"{sorted(set(table) ^ set(declared))}")

    index = rtcheck_rules.RuleIndex.from_dir(args.rules)
    for name, category in sorted(table.items()):
        hit = index.resolve(name)
        if hit is None:
            problems.append(f"'{name}' is interposed but has no rule")
        elif hit[0].get("safe"):
            problems.append(f"'{name}' is interposed but {hit[1]} marks it safe")
        elif hit[0]["category"] != category:
            problems.append(f"'{name}': the shim says {category}, {hit[1]} says {hit[0]['category']}")

    nm = subprocess.run(["nm", "-D", "--defined-only", args.shim], capture_output=True, text=True, check=True)
    exported = {line.split()[-1].split("@")[0] for line in nm.stdout.splitlines() if line.strip()}
    for name in table:
        for sym in OPERATORS.get(name, [name]):
            if sym not in exported:
                problems.append(f"'{name}': symbol {sym} is not exported by {args.shim}")

    excluded = {}
    for line in args.exclusions.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, reason = line.partition(":")
            if not reason.strip():
                problems.append(f"exclusion '{name}' has no reason")
            excluded[name.strip()] = reason.strip()
    rtsan = [l.strip() for l in args.rtsan.read_text().splitlines() if l.strip() and not l.startswith("#")]
    for name in rtsan:
        if name not in table and name not in excluded:
            problems.append(f"RealtimeSanitizer intercepts '{name}' but the shim does not")
    for name in excluded:
        if name in table:
            problems.append(f"'{name}' is excluded but interposed: drop the exclusion")

    shim_categories = set(rtcheck_rules.runtime_category_names())
    covered_blocking = excluded_total = 0
    for family in args.covered.split(","):
        data = json.loads((args.rules / family).read_text())
        listed = {e["name"] for e in data["functions"]}
        out = {}
        for group in data.get("runtime_exclusions", []):
            if not group.get("reason", "").strip():
                problems.append(f"{family}: runtime_exclusions {group.get('names')} have no reason")
            for name in group.get("names", []):
                out[name] = group.get("reason", "")
                if name not in listed:
                    problems.append(f"{family}: runtime_exclusions names '{name}', which has no entry in functions")
                if name in table:
                    problems.append(f"{family}: '{name}' is interposed but listed in runtime_exclusions: drop it there")
        excluded_total += len(out)
        for e in data["functions"]:
            name = e["name"]
            if e.get("safe") or e.get("category") not in shim_categories or "*" in name or "?" in name:
                continue
            covered_blocking += 1
            if name not in table and name not in out:
                problems.append(f"{family}: '{name}' is {e['category']} but neither interposed nor in runtime_exclusions")

    for p in problems:
        print(f"FAIL {p}")
    print(f"{covered_blocking} blocking functions in {args.covered}, {excluded_total} of them excluded with a reason")
    print(f"{len(table)} interposed functions, {len(rtsan)} RealtimeSanitizer names, "
          f"{len(excluded)} exclusions: {'FAILED' if problems else 'ok'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
