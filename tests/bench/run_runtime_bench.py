#!/usr/bin/env python3
"""Runs the runtime benchmarks and prints the docs/performance.md table: no shim vs the shim vs LLVM
RealtimeSanitizer (the minimum over N repetitions of the CPU ns per iteration: on a shared,
oversubscribed machine the least disturbed repetition is the stable figure, and CPU time is
inflated less than wall time), then the first-violation latency figures.

    python3 tests/bench/run_runtime_bench.py BUILD_DIR [--repetitions 5]"""

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path


def run(binary, env_extra, reps):
    env = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD",) and not k.startswith("RTCHECK_")}
    env.update(env_extra)
    out = subprocess.run([str(binary), f"--benchmark_repetitions={reps}", "--benchmark_format=json"],
                         env=env, capture_output=True, text=True, check=True).stdout
    res = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") == "iteration" and b["time_unit"] == "ns":
            name = b["run_name"]
            res[name] = min(res.get(name, b["cpu_time"]), b["cpu_time"])
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("build", type=Path)
    ap.add_argument("--repetitions", type=int, default=5)
    ap.add_argument("--baseline-shim", type=Path,
                    help="another librtcheck_rt.so (e.g. the main branch's) measured side by side")
    args = ap.parse_args()
    bench = args.build / "tests/bench"
    shim = args.build / "lib/librtcheck_rt.so"
    cols = {
        "g++, no shim": run(bench / "rtcheck_bench", {}, args.repetitions),
        "g++ + shim": run(bench / "rtcheck_bench", {"LD_PRELOAD": str(shim)}, args.repetitions),
        "g++ + shim, clock=monotonic": run(bench / "rtcheck_bench", {"LD_PRELOAD": str(shim),
                                                                     "RTCHECK_OPTIONS": "clock=monotonic"},
                                           args.repetitions),
        "clang++-22": run(bench / "rtcheck_bench_clang", {}, args.repetitions),
        "clang++-22 RTSan": run(bench / "rtcheck_bench_rtsan", {}, args.repetitions),
    }
    if args.baseline_shim:
        cols["g++ + baseline shim"] = run(bench / "rtcheck_bench", {"LD_PRELOAD": str(args.baseline_shim)},
                                          args.repetitions)
    names = ["BM_MallocFreeOutsideScope", "BM_ScopeBeginEnd", "BM_ScopeBeginEndNames/8",
             "BM_ScopeBeginEndNames/32", "BM_ScopeBeginEndNames/400", "BM_MallocFreeInsideScope",
             "BM_WrappedPluginRun", "BM_ClockReadTsc", "BM_ClockReadMonotonic"]
    print("| benchmark (CPU ns/iteration, min of repetitions) | " + " | ".join(cols) +
          " | shim / no shim | shim - no shim (ns) | RTSan / clang |")
    print("|---|" + "---|" * (len(cols) + 3))
    for n in names:
        vals = [cols[c].get(n) for c in cols]
        cells = [f"{v:.1f}" if v is not None else "-" for v in vals]
        r1 = f"{vals[1] / vals[0]:.2f}x" if vals[0] and vals[1] else "-"
        d1 = f"{vals[1] - vals[0]:+.1f}" if vals[0] and vals[1] else "-"
        r2 = f"{vals[4] / vals[3]:.2f}x" if vals[3] and vals[4] else "-"
        print(f"| {n} | " + " | ".join(cells) + f" | {r1} | {d1} | {r2} |")
    print()
    wrapped = {"no shim": run(bench / "rtcheck_bench_autoscopes", {}, args.repetitions),
               "shim": run(bench / "rtcheck_bench_autoscopes", {"LD_PRELOAD": str(shim)}, args.repetitions)}
    print("| wrapped callback (CPU ns/call, min of repetitions) | no shim | shim | added (ns) |")
    print("|---|---|---|---|")
    for n in sorted(set(wrapped["no shim"]) & set(wrapped["shim"])):
        plain, shimmed = wrapped["no shim"][n], wrapped["shim"][n]
        print(f"| {n} | {plain:.1f} | {shimmed:.1f} | {shimmed - plain:+.1f} |")
    print()
    print("| first violation at a site (scope latency, ns) | median | max | known site, p50 |")
    print("|---|---|---|---|")
    shims = [("shim", shim)] + ([("baseline shim", args.baseline_shim)] if args.baseline_shim else [])
    for label, path in shims:
        for mode in ("count", "log"):
            med, worst, known = first_violation(args.build, path, mode)
            print(f"| {label}, mode={mode} | {med:.0f} | {worst} | {known} |")


def first_violation(build, shim, mode):
    """Latency of a scope whose violation is the first at its site, against a known site (ns)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.startswith("RTCHECK_")}
        env.update(LD_PRELOAD=str(shim), RTCHECK_OPTIONS=f"report={tmp}/r.json:max_sites=1024:mode={mode}")
        subprocess.run([str(build / "tests/bench/rtcheck_bench_first_violation")], env=env, check=True,
                       stderr=subprocess.DEVNULL)
        scopes = json.loads(Path(tmp, "r.json").read_text())["scopes"]
    first = [s["latency_ns"]["max"] for s in scopes if s["name"] != "first_violation.known"]
    known = next(s for s in scopes if s["name"] == "first_violation.known")["latency_ns"]
    return statistics.median(first), max(first), known["p50"]


if __name__ == "__main__":
    main()
