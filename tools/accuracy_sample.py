#!/usr/bin/env python3
"""Reproduce the accuracy measurements of docs/accuracy.md from `rtcheck check --format=json` reports.

  accuracy_sample.py summary RUN.json                 counts per category, roots, duplicates per (line, category)
  accuracy_sample.py sample RUN.json [N] [SEED] [EXCL] the random sample (default 25, seed 1): index, site, chain;
                                                      EXCL=S first removes the N findings seed S picks
                                                      (the second sample of 25 in docs/accuracy.md: 25 2 1)
  accuracy_sample.py union WHOLE.json PER.json...     whole-database run vs the union of per-program runs
  accuracy_sample.py compare BEFORE.json AFTER.json   which (file, line, category) keys appeared / disappeared
  accuracy_sample.py collapse SUMDIR...               user functions defined at 2+ places over `rtcheck extract` summaries
  accuracy_sample.py baseline RUN AFTER.json          the same against docs/accuracy/baseline-keys.tsv (RUN: e.g. fluidsynth-all)

The sample is `random.Random(SEED).sample(range(len(findings)), N)` over the report's findings in
file order, so the same report gives the same sample; an "after" run is compared by the
(file, line, category) keys listed in docs/accuracy.md, not by index. Paths are shown relative to
the code base's root (the first component under --strip, default /work/realcode/<name>/).
"""
import collections
import json
import random
import re
import sys

STRIP = re.compile(r"^/work/realcode/[^/]+/")


def rel(path):
    return STRIP.sub("", path)


def load(path):
    with open(path) as f:
        return json.load(f)


def keys(doc):
    return {(rel(x["file"]), x["line"], x["category"]) for x in doc["findings"]}


def baseline_keys(run):
    import os
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "accuracy", "baseline-keys.tsv")
    out = set()
    with open(path) as f:
        for line in f:
            if line.startswith("#") or line.startswith("run\t"):
                continue
            r, file, num, cat, _ = line.rstrip("\n").split("\t")
            if r == run:
                out.add((file, int(num), cat))
    if not out:
        raise SystemExit(f"no run {run!r} in {path}")
    return out


def summary(doc):
    findings = doc["findings"]
    per_line = collections.Counter((x["file"], x["line"], x["category"]) for x in findings)
    print("findings", len(findings), "distinct (file,line,category)", len(per_line),
          "duplicates", sum(v - 1 for v in per_line.values()))
    print("by category", dict(collections.Counter(x["category"] for x in findings)))
    print("stats", doc["stats"])
    print("roots", len(doc["roots"]))
    for r in doc["roots"]:
        print("  ", r["function"], f"{rel(r['file'])}:{r['line']}", r["origin"], r["context"])
    for e in doc.get("errors", []):
        print("error", str(e)[:200])


def source_line(path, line):
    try:
        with open(path, errors="replace") as f:
            return f.read().split("\n")[line - 1].strip()[:110]
    except OSError:
        return "?"


def sample(doc, n, seed, exclude_seed=None):
    findings = doc["findings"]
    pool = list(range(len(findings)))
    if exclude_seed is not None:
        taken = set(random.Random(exclude_seed).sample(pool, min(n, len(pool))))
        pool = [i for i in pool if i not in taken]
    for i in sorted(random.Random(seed).sample(pool, min(n, len(pool)))):
        x = findings[i]
        chain = " > ".join(c["function"] + "@" + str(c["line"]) for c in x["chain"] if not c.get("system"))
        print(f"#{i} {rel(x['file'])}:{x['line']} [{x['category']}] {x['callee'][:60]} | "
              f"{source_line(x['file'], x['line'])}\n    {chain}")


def union(whole, per):
    w = keys(whole)
    u = set()
    for name, doc in per:
        k = keys(doc)
        u |= k
        print(f"{name}: {len(doc['findings'])} findings, {len(k)} keys, {len(doc['roots'])} roots, "
              f"{doc['stats']['translation_units']} TUs, {len(k - w)} not in the whole run")
    print(f"whole: {len(whole['findings'])} findings, {len(w)} keys; union of per-program: {len(u)} keys")
    for k in sorted(u - w):
        print("  lost in whole:", k)
    for k in sorted(w - u):
        print("  only in whole:", k)


def collapse(dirs):
    import glob
    defs = collections.defaultdict(set)
    names = {}
    count = 0
    for d in dirs:
        for path in glob.glob(d + "/*.rtsum.json"):
            count += 1
            for fn in load(path)["functions"]:
                if fn.get("body") and not fn.get("system") and not fn.get("generated"):
                    loc = fn.get("loc") or ["?", 0]
                    defs[fn["usr"]].add((rel(loc[0]), loc[1]))
                    names[fn["usr"]] = fn["name"]
    multi = {u: v for u, v in defs.items() if len(v) > 1}
    print(f"{count} summaries, {len(defs)} user functions with bodies, {len(multi)} defined at 2+ places")
    for usr, places in sorted(multi.items(), key=lambda kv: names[kv[0]]):
        print("  ", names[usr], " | ".join(f"{f}:{l}" for f, l in sorted(places)))


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    cmd = argv[1]
    if cmd == "summary":
        summary(load(argv[2]))
    elif cmd == "sample":
        sample(load(argv[2]), int(argv[3]) if len(argv) > 3 else 25, int(argv[4]) if len(argv) > 4 else 1,
               int(argv[5]) if len(argv) > 5 else None)
    elif cmd == "union":
        union(load(argv[2]), [(p, load(p)) for p in argv[3:]])
    elif cmd == "collapse":
        collapse(argv[2:])
    elif cmd in ("compare", "baseline"):
        before = keys(load(argv[2])) if cmd == "compare" else baseline_keys(argv[2])
        after = keys(load(argv[3]))
        for k in sorted(before - after):
            print("gone:", k)
        for k in sorted(after - before):
            print("new: ", k)
        print(f"before {len(before)} keys, after {len(after)}, gone {len(before - after)}, new {len(after - before)}")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
