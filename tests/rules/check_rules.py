#!/usr/bin/env python3
"""Validates the rules database: every family and profile file against its JSON Schema, no duplicate
entries within a file or across family files, valid globs, complete profiles, a profile for every
context that registrations and overrides use, and a non-safe rule for every function LLVM's
RealtimeSanitizer intercepts."""

import argparse
import json
import sys
from pathlib import Path

try:
    import jsonschema
except ImportError:
    print("error: python3-jsonschema is required (apt-get install python3-jsonschema)", file=sys.stderr)
    sys.exit(2)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from rtcheck_rules import RuleIndex, category_names  # noqa: E402  (one home of categories and resolution)

CATEGORIES = category_names()


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, what, problems):
        """Records one check; `problems` is a list of strings, empty when the check passes."""
        if problems:
            self.failed += 1
            print(f"FAIL {what}")
            for p in problems:
                print(f"  {p}")
        else:
            self.passed += 1


def glob_problem(pattern):
    """The analyzer's glob dialect: '*' any run, '?' one character, everything else literal."""
    if not pattern:
        return "empty name"
    if pattern != pattern.strip() or "\n" in pattern or "\t" in pattern:
        return f"'{pattern}': stray white space"
    if "**" in pattern:
        return f"'{pattern}': '**' is not supported"
    return None


def duplicates(items):
    seen, dups = set(), []
    for it in items:
        if it in seen and it not in dups:
            dups.append(it)
        seen.add(it)
    return dups


def check_family(chk, path, data, schema, index):
    rel = path.name
    errors = sorted(schema.iter_errors(data), key=lambda e: list(e.absolute_path))
    chk.check(f"{rel}: schema", [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message[:200]}"
                                 for e in errors[:20]])
    if not isinstance(data, dict):
        return 0
    # Keep checking the well-formed part of a file that failed its schema, so one bad entry does not
    # hide every other problem (or make every RealtimeSanitizer name look uncovered).
    def wellformed(key, *required):
        items = data.get(key, [])
        items = items if isinstance(items, list) else []
        return [i for i in items if isinstance(i, dict) and all(isinstance(i.get(k), str) for k in required)]
    functions = wellformed("functions", "name")
    regs = wellformed("registrations", "function")
    overrides = wellformed("overrides", "method")
    chk.check(f"{rel}: family name matches the file name",
              [] if data.get("family") == path.stem else [f"family '{data.get('family')}' in {rel}"])
    dup = duplicates([f["name"] for f in functions])
    dup += [f"registration {d}" for d in duplicates(
        [(r["function"], r.get("argument"), r.get("field")) for r in regs])]
    dup += [f"override {d}" for d in duplicates([o["method"] for o in overrides])]
    chk.check(f"{rel}: no duplicate entries", [f"duplicate: {d}" for d in dup])
    bad = [glob_problem(f["name"]) for f in functions]
    bad += [glob_problem(r["function"]) for r in regs]
    bad += [glob_problem(r["field"]) for r in regs if isinstance(r.get("field"), str)]
    bad += [glob_problem(o["method"]) for o in overrides]
    chk.check(f"{rel}: valid names and globs", [b for b in bad if b])
    chk.check(f"{rel}: unless_arg and when_arg only on non-safe entries",
              [f"'{f['name']}' is safe but has {k}" for f in functions
               for k in ("unless_arg", "when_arg") if f.get("safe") and k in f])
    for f in functions:
        index.add(f, rel)
    return len(functions) + len(regs) + len(overrides)


def check_profile(chk, path, data, schema):
    rel = f"profiles/{path.name}"
    errors = list(schema.iter_errors(data))
    chk.check(f"{rel}: schema", [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message[:200]}"
                                 for e in errors[:20]])
    if errors:
        return 0
    chk.check(f"{rel}: context matches the file name",
              [] if data["context"] == path.stem else [f"context '{data['context']}' in {rel}"])
    missing = [c for c in CATEGORIES if c not in data["severity"]] if "extends" not in data else []
    chk.check(f"{rel}: severity for every category", [f"no severity for '{c}'" for c in missing])
    forbid = data.get("forbid", [])
    bad = [glob_problem(f["name"]) for f in forbid] + [glob_problem(f["unless"]) for f in forbid if "unless" in f]
    chk.check(f"{rel}: valid forbid globs", [b for b in bad if b])
    return len(forbid)


def main():
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rules", type=Path, default=here.parent.parent / "rules")
    ap.add_argument("--rtsan", type=Path, default=here / "rtsan-interceptors-llvm22.txt",
                    help="names RealtimeSanitizer intercepts; each needs a non-safe rule")
    args = ap.parse_args()

    family_schema = jsonschema.Draft202012Validator(json.loads((args.rules / "schema/family.schema.json").read_text()))
    profile_schema = jsonschema.Draft202012Validator(json.loads((args.rules / "schema/profile.schema.json").read_text()))
    chk = Checker()
    index = RuleIndex()
    files = entries = 0
    contexts_used = {}

    family_files = sorted(args.rules.glob("*.json"))
    profile_files = sorted((args.rules / "profiles").glob("*.json"))
    profiles = set()
    for path in family_files + profile_files:
        files += 1
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError) as e:
            chk.check(f"{path.name}: valid JSON", [str(e)])
            continue
        chk.check(f"{path.name}: valid JSON", [])
        if path.parent.name == "profiles":
            entries += check_profile(chk, path, data, profile_schema)
            if isinstance(data, dict) and "context" in data:
                profiles.add(data["context"])
        else:
            entries += check_family(chk, path, data, family_schema, index)
            if isinstance(data, dict):
                for r in (data.get("registrations", []) + data.get("overrides", [])
                          + data.get("roots", [])):
                    if isinstance(r, dict) and "context" in r:
                        contexts_used.setdefault(r["context"], path.name)

    chk.check("every registration/override context has a profile",
              [f"context '{c}' (used in {f}) has no profiles/{c}.json" for c, f in sorted(contexts_used.items())
               if c not in profiles])
    chk.check("profiles: default, audio, camera, firmware-task, firmware-isr exist",
              [f"missing profiles/{c}.json" for c in ["default", "audio", "camera", "firmware-task", "firmware-isr"]
               if c not in profiles])

    owners = {}
    for entry, file in index.entries:
        owners.setdefault(entry["name"], []).append(file)
    chk.check("no function name is defined in two family files",
              [f"'{n}' in {', '.join(fs)}" for n, fs in sorted(owners.items()) if len(set(fs)) > 1])

    names = [l.strip() for l in args.rtsan.read_text().splitlines() if l.strip() and not l.startswith("#")]
    missing, safe = [], []
    for name in names:
        hit = index.resolve(name)
        if hit is None:
            missing.append(name)
        elif hit[0].get("safe"):
            safe.append(f"{name} (safe in {hit[1]} via '{hit[0]['name']}')")
    chk.check(f"every RealtimeSanitizer interceptor ({len(names)} names) has a non-safe rule",
              [f"no rule: {n}" for n in missing] + [f"marked safe: {s}" for s in safe])

    print(f"rules: {files} files, {entries} entries: {chk.passed} passed, {chk.failed} failed")
    return 1 if chk.failed else 0


if __name__ == "__main__":
    sys.exit(main())
