#!/usr/bin/env python3
"""Writes the summary files (docs/formats.md) of a synthetic program of N functions, for measuring
`rtcheck link` alone at sizes no real code base on one machine reaches (docs/performance.md,
"Scale").

The program has the shape of tests/perf/bench_link.cpp, spread over TUs of --per-tu functions:
20 layers (bounded call depth, growing width); every function calls three of the next layer, in
any TU (one of them virtual), every fiftieth overrides one of the layer above, every tenth calls
malloc; one function in --root-every is a real-time root. Each TU also declares the functions it
calls in other TUs, as the extractor does. Usage:
    synthetic_summaries.py --functions 1000000 --out /tmp/synth-1m
    /usr/bin/time -v rtcheck-analyzer link /tmp/synth-1m --format=json -o /dev/null
"""
import argparse
import json
import os
import re

# The format version the analyzer of this tree reads: its one home is Summary.h.
_SUMMARY_H = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rtcheck",
                          "include", "rtcheck", "Summary.h")
with open(_SUMMARY_H) as _f:
    SUMMARY_FORMAT = int(re.search(r"SummaryFormatVersion = (\d+);", _f.read()).group(1))
DEPTH = 20


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--functions", type=int, required=True)
    ap.add_argument("--per-tu", type=int, default=2000)
    ap.add_argument("--root-every", type=int, default=1000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    n = a.functions
    width = max(1, n // DEPTH)

    def usr(i):
        return "c:@F@f%d" % i

    for tu, first in enumerate(range(0, n, a.per_tu)):
        path = "/synthetic/tu%05d.c" % tu
        functions, declared = [], set()
        for i in range(first, min(n, first + a.per_tu)):
            nxt = (i // width + 1) * width
            calls = []
            for k in range(3):
                if nxt >= n:
                    break
                callee = nxt + (i * 7919 + k * 104729) % min(width, n - nxt)
                calls.append({"kind": "virtual" if k == 2 else "direct", "callee": usr(callee),
                              "loc": [path, i - first + 1, k + 1]})
                if not first <= callee < first + a.per_tu:
                    declared.add(callee)
            if i % 10 == 0:
                calls.append({"kind": "direct", "callee": "c:@F@malloc",
                              "loc": [path, i - first + 1, 9]})
            f = {"usr": usr(i), "name": "f%d" % i, "loc": [path, i - first + 1, 1],
                 "body": True, "calls": calls}
            if i % 50 == 1 and i >= width:
                f["overrides"] = [usr(i - width)]
            if i % a.root_every == 0:
                f["root_context"] = "audio"
                f["root_origin"] = "annotation"
            functions.append(f)
        for d in sorted(declared):
            functions.append({"usr": usr(d), "name": "f%d" % d, "loc": [path, 1, 1]})
        functions.append({"usr": "c:@F@malloc", "name": "malloc", "system": True,
                          "loc": ["/usr/include/stdlib.h", 1, 1]})
        summary = {"rtcheck_summary": SUMMARY_FORMAT, "main_file": path, "functions": functions,
                   "address_taken": [], "suppressions": [], "field_stores": [], "classes": [],
                   "constructed": [], "flows": []}
        with open(os.path.join(a.out, "tu%05d.rtsum.json" % tu), "w") as f:
            json.dump(summary, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
