#!/usr/bin/env python3
"""The Python resolver (tools/rtcheck_rules.py, used by the shim's generator and the rules checks) and
the analyzer's (RuleSet::match) pick the same entry for every name: each exact rule name, several
instantiations of each glob, every interposed and RealtimeSanitizer name, and near misses of them."""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "runtime"))
import gen_categories  # noqa: E402  (the interceptors.def reader)
import rtcheck_rules  # noqa: E402


def instantiations(pattern):
    """Names a glob matches (and, through the suffixes below, names it nearly matches)."""
    for star, query in (("", "q"), ("Xy", "z"), ("a::b<int>", "_")):
        yield pattern.replace("*", star).replace("?", query)


def probe_names(index, rules_dir, interposed_def, rtsan_list):
    names = set()
    for entry, _ in index.entries:
        name = entry["name"]
        names.update(instantiations(name) if rtcheck_rules.is_glob(name) else [name])
    names.update(name for _, name in gen_categories.interposed(interposed_def))
    names.update(l.strip() for l in rtsan_list.read_text().splitlines() if l.strip() and not l.startswith("#"))
    near = {n + "_x" for n in names} | {"x" + n for n in names} | {n[:-1] for n in names if len(n) > 1}
    return sorted(n for n in names | near if n and "\n" not in n)


# Overlapping entries the bundled rules rarely have, so that every tie-break of the resolution order
# is exercised: exact over glob, later file over earlier, later entry within a file, more literal
# characters over fewer, the later of two equally specific globs, '?' against '*'.
SYNTHETIC = {
    "a": ["alpha", "alpha*", "al*", "*pha", "beta", "ga??a", "ga*a", "d*l?a", "*", "x::*::y", "x::*", "k::m", "r*::s"],
    "b": ["beta", "alp*", "*a", "gam?a", "d*lta", "x::y<*>::*", "e?silon*", "eps*lon"],
}


def synthetic_rules(directory):
    for family, names in SYNTHETIC.items():
        functions = [{"name": n, "category": "alloc", "reason": f"entry {i} of {family}"} for i, n in enumerate(names)]
        (directory / f"{family}.json").write_text(json.dumps({"family": family, "functions": functions}))
    words = ["alpha", "alphabet", "alpa", "pha", "beta", "gamma", "gamaa", "gamoa", "delta", "dela", "dlta", "x::y",
             "x::z::y", "x::y<int>::f", "n::x::y", "n::alpha", "ns::k::m", "a::b::k::m", "nsk::m", "k::m::n",
             "t<u::k>::m", "n::r1::s", "rn::s", "ns::operator<", "epsilon", "epsilonx", "eksilon", "zeta", ""]
    return [w for w in words if w]


def compare(resolver, rules_dir, names):
    """Disagreements between the two resolvers, and how many names had a rule."""
    index = rtcheck_rules.RuleIndex.from_dir(rules_dir)
    run = subprocess.run([resolver, str(rules_dir)], input="\n".join(names) + "\n",
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        return [f"resolve_names failed ({run.returncode}): {run.stderr.strip()}"], 0
    cxx = {}
    for line in run.stdout.splitlines():
        name, entry, file = line.split("\t")
        cxx[name] = None if entry == "-" else (entry, file)
    disagreements, matched = [], 0
    for name in names:
        hit = index.resolve(name)
        py = None if hit is None else (hit[0]["name"], hit[1])
        matched += py is not None
        if cxx.get(name, "missing") != py:
            disagreements.append(f"{rules_dir.name}: '{name}': Python {py}, C++ {cxx.get(name, 'no answer')}")
    return disagreements, matched


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--resolver", required=True, help="the built resolve_names helper")
    ap.add_argument("--rules", type=Path, default=ROOT / "rules")
    args = ap.parse_args()

    index = rtcheck_rules.RuleIndex.from_dir(args.rules)
    names = probe_names(index, args.rules, ROOT / "runtime" / "interceptors.def",
                        ROOT / "tests" / "rules" / "rtsan-interceptors-llvm22.txt")
    disagreements, matched = compare(args.resolver, args.rules, names)
    with tempfile.TemporaryDirectory() as tmp:
        synthetic = Path(tmp) / "synthetic"
        synthetic.mkdir()
        words = synthetic_rules(synthetic)
        more, more_matched = compare(args.resolver, synthetic, words)
    disagreements += more
    total = len(names) + len(words)
    for d in disagreements[:30]:
        print(d)
    print(f"resolution conformance: {total} names ({matched + more_matched} with a rule): "
          f"{total - len(disagreements)} passed, {len(disagreements)} failed")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
