#!/usr/bin/env python3
"""The shim's automatic scopes and the rules database must agree on what is real-time. Checks:
  1. every RTCHECK_AUTOSCOPE and RTCHECK_AUTOSCOPE_GAP entry of runtime/autoscopes.def is a
     registration in rules/ (same function, same argument or field);
  2. every registration in rules/ is wrapped, or listed as a gap with a reason, or belongs to a family
     listed as RTCHECK_AUTOSCOPE_ELSEWHERE (firmware, other operating systems);
  3. the thread-raising functions of autoscopes.def are the `create` and `raise` functions of the
     rules' realtime_threads[] (or the function an entry names as its `runtime`), and back;
  4. the shim exports what it says it interposes (the registration function, or dlsym for plug-in
     entry points, or the thread-raising function), and no registration function is in
     interceptors.def (a registration opens a scope; it is not a violation)."""

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "runtime"))
import gen_categories  # noqa: E402  (the interceptors.def reader)

ARGS = r'"((?:[^"\\]|\\.)*)"'
WRAPPED = re.compile(r"^RTCHECK_AUTOSCOPE\(\s*(\w+),\s*" + ARGS + r",\s*" + ARGS + r",\s*" + ARGS + r"\)",
                     re.M)
THREAD = re.compile(r"^RTCHECK_AUTOSCOPE_THREAD\(\s*(\w+),\s*" + ARGS + r"\)", re.M)
GAP = re.compile(r"^RTCHECK_AUTOSCOPE_GAP\(\s*" + ARGS + r",\s*" + ARGS + r",\s*((?:\"[^\"]*\"\s*)+)\)", re.M)
ELSEWHERE = re.compile(r"^RTCHECK_AUTOSCOPE_ELSEWHERE\(\s*" + ARGS + r",\s*" + ARGS + r"\)", re.M)


def registrations(rules_dir):
    """(family, function, slot) for every registration in rules/, slot as autoscopes.def spells it."""
    out = []
    for path in sorted(rules_dir.glob("*.json")):
        family = json.loads(path.read_text())
        for reg in family.get("registrations", []):
            slot = f"argument {reg['argument']}" if "argument" in reg else f"field {reg['field']}"
            out.append((family["family"], reg["function"], slot))
    return out


def thread_functions(rules_dir):
    """{function the shim must see: [rules entries naming it]} for realtime_threads[] create/raise."""
    out = {}
    for path in sorted(rules_dir.glob("*.json")):
        for entry in json.loads(path.read_text()).get("realtime_threads", []):
            name = entry.get("create") or entry.get("raise")
            if name:
                out.setdefault(entry.get("runtime", name), []).append(f"{path.name}: {name}")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shim", required=True)
    ap.add_argument("--def", dest="deffile", required=True, type=Path)
    ap.add_argument("--interceptors", required=True, type=Path)
    ap.add_argument("--rules", required=True, type=Path)
    args = ap.parse_args()
    # Lines joined so an entry wrapped over several lines parses as one.
    text = re.sub(r"/\*.*?\*/", " ", args.deffile.read_text(), flags=re.S)
    text = re.sub(r"\s*\n\s*", " ", text)
    text = re.sub(r"(RTCHECK_AUTOSCOPE\w*\()", r"\n\1", text)
    text = re.sub(r'"\s+"', "", text)  # adjacent string literals
    problems = []

    wrapped = {(reg, slot): how for _, reg, slot, how in WRAPPED.findall(text)}
    threads = [fn for _, fn in THREAD.findall(text)]
    gaps = {}
    for reg, slot, reason in GAP.findall(text):
        if not reason.strip('" '):
            problems.append(f"gap '{reg}' {slot} has no reason")
        gaps[(reg, slot)] = reason
    elsewhere = {family for family, _ in ELSEWHERE.findall(text)}
    if not wrapped:
        problems.append(f"no RTCHECK_AUTOSCOPE entry parsed from {args.deffile}")

    regs = registrations(args.rules)
    known = {(fn, slot) for _, fn, slot in regs}
    families = {family for family, _, _ in regs}
    for key in list(wrapped) + list(gaps):
        if key not in known:
            problems.append(f"autoscopes.def lists '{key[0]}' {key[1]}, which is no registration in rules/")
    for key in wrapped:
        if key in gaps:
            problems.append(f"'{key[0]}' {key[1]} is both wrapped and a gap")
    for family in elsewhere - families:
        problems.append(f"RTCHECK_AUTOSCOPE_ELSEWHERE names '{family}', which has no registration in rules/")
    for family, fn, slot in regs:
        if family not in elsewhere and (fn, slot) not in wrapped and (fn, slot) not in gaps:
            problems.append(f"rules/{family}.json registers a callback through '{fn}' {slot}: "
                            f"wrap it or list it as a gap in autoscopes.def")

    rule_threads = thread_functions(args.rules)
    for fn in sorted(set(rule_threads) - set(threads)):
        problems.append(f"rules/ make threads real-time through '{fn}' ({', '.join(rule_threads[fn])}): "
                        f"list it as RTCHECK_AUTOSCOPE_THREAD in autoscopes.def or name its 'runtime'")
    for fn in sorted(set(threads) - set(rule_threads)):
        problems.append(f"autoscopes.def lists thread function '{fn}', which no realtime_threads[] entry names")

    nm = subprocess.run(["nm", "-D", "--defined-only", args.shim], capture_output=True, text=True, check=True)
    exported = {line.split()[-1].split("@")[0] for line in nm.stdout.splitlines() if line.strip()}
    # C++ registrations (RtAudio::openStream) are exported under their mangled names.
    demangled = subprocess.run(["nm", "-D", "--defined-only", "-C", args.shim], capture_output=True, text=True,
                               check=True)
    exported |= {line.split(maxsplit=2)[-1].split("(")[0] for line in demangled.stdout.splitlines() if line.strip()}
    interposed = {name for _, name in gen_categories.interposed(args.interceptors)}
    registering = {("dlsym" if how == "dlsym" else reg) for (reg, _), how in wrapped.items()}
    for sym in sorted(registering | set(threads)):
        if sym not in exported:
            problems.append(f"'{sym}' is not exported by {args.shim}")
    for sym in sorted(registering & interposed):
        problems.append(f"'{sym}' is in interceptors.def: a registration opens a scope, it is no violation")

    print(f"autoscopes: {len(wrapped)} registrations wrapped, {len(threads)} thread-raising functions, "
          f"{len(gaps)} gaps, {len(elsewhere)} families elsewhere; rules/ has {len(regs)} registrations")
    for p in problems:
        print(f"FAIL: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
