#!/usr/bin/env python3
"""Generates docs/rules.md, the rules reference, from rules/*.json and rules/profiles/*.json.

    gen_rules_doc.py RULES_DIR [-o OUTPUT]      (OUTPUT "-" or absent: standard output)

The build target `rules-doc` rewrites docs/rules.md; the test `docs/rules-md-is-current` fails
when the committed file differs from what this script produces.
"""
import argparse
import glob
import json
import os
import sys

import rtcheck_rules

CATEGORY_RECORDS = rtcheck_rules.load_categories()
CATEGORIES = [c["name"] for c in CATEGORY_RECORDS]


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def family_section(path, doc):
    name = os.path.basename(path)
    out = [f"## {doc.get('family', name)} — `rules/{name}`", ""]
    if doc.get("description"):
        out += [doc["description"], ""]
    if doc.get("sources"):
        out += ["Sources: " + "; ".join(doc["sources"]) + ".", ""]
    functions = sorted(doc.get("functions", []), key=lambda e: e["name"])
    if functions:
        out += ["| function | category | reason |", "|---|---|---|"]
        for e in functions:
            cat = e.get("category", "safe")
            notes = []
            if e.get("fallback"):
                notes.append("fallback: only without a visible body")
            if e.get("noreturn_path") is True:
                notes.append("a call to it is a path that ends the program (--noreturn-paths)")
            if e.get("noreturn_path") is False:
                notes.append("noreturn, but the program goes on")
            if "unless_arg" in e:
                u = e["unless_arg"]
                notes.append(f"safe when argument {u['index']} is {u['equals']}")
            if "when_arg" in e:
                u = e["when_arg"]
                notes.append(f"a hazard only when argument {u['index']} is {u['equals']}")
            if e.get("unless_checked"):
                notes.append("not at a call whose object was checked non-empty")
            if e.get("unless_in_range"):
                notes.append("not at an at() whose index is proven in range")
            reason = e["reason"] + (f" *({'; '.join(notes)})*" if notes else "")
            out.append(f"| `{cell(e['name'])}` | {cat} | {cell(reason)} |")
        out.append("")
    regs = doc.get("registrations", [])
    if regs:
        out += ["Callback registrations (the callback becomes a root):", "",
                "| API | callback | context | reason |", "|---|---|---|---|"]
        for r in sorted(regs, key=lambda r: r["function"]):
            where = f"field `{r['field']}`" if r.get("field") else f"argument {r['argument']}"
            if r.get("called_on"):
                where += f" (called on `{r['called_on']}`)"
            out.append(f"| `{cell(r['function'])}` | {where} | {r['context']} | {cell(r['reason'])} |")
        out.append("")
    threads = doc.get("realtime_threads", [])
    if threads:
        out += ["Real-time threads (a start routine created with, or raising itself to, a real-time "
                "policy becomes a root):", "", "| call | kind | arguments | reason |", "|---|---|---|---|"]
        for t in threads:
            kind = next(k for k in ("create", "set_policy", "raise") if k in t)
            args = []
            if "entry" in t:
                args.append(f"start routine {t['entry']}")
            if "attributes" in t:
                args.append(f"attributes {t['attributes']}")
            if "policy" in t:
                args.append(f"policy {t['policy']} in {t['realtime']}")
            if "self" in t:
                self_ = t["self"]
                how = f"`{self_['call']}()`" if "call" in self_ else f"= {self_['equals']}"
                args.append(f"argument {self_['argument']} {how} (the caller)")
            if t.get("context"):
                args.append(f"context {t['context']}")
            if t.get("runtime"):
                args.append(f"shim sees `{t['runtime']}`")
            out.append(f"| `{cell(t[kind])}` | {kind.replace('_', ' ')} | {cell('; '.join(args))} | "
                       f"{cell(t['reason'])} |")
        out.append("")
    overrides = doc.get("overrides", [])
    if overrides:
        out += ["Overrides (an overriding method becomes a root):", "",
                "| virtual method | context | reason |", "|---|---|---|"]
        for r in sorted(overrides, key=lambda r: r["method"]):
            out.append(f"| `{cell(r['method'])}` | {r['context']} | {cell(r['reason'])} |")
        out.append("")
    return out


def category_section():
    out = ["## Categories — `rules/vocabulary/categories.json`", "",
           "| category | rule id | default | counted by the shim | meaning |", "|---|---|---|---|---|"]
    for c in CATEGORY_RECORDS:
        out.append(f"| `{c['name']}` | `rtcheck-{c['name']}` | {c['severity']} | "
                   f"{'yes' if c['runtime'] else 'no'} | {cell(c['description'])} |")
    out.append("")
    return out


def profile_section(profiles):
    out = ["## Profiles — `rules/profiles/`", "",
           "| context | " + " | ".join(CATEGORIES) + " | description |",
           "|---|" + "---|" * len(CATEGORIES) + "---|"]
    # A profile that extends another starts from that profile's severities and forbid list, as
    # the analyzer loads it.
    by_context = {p["context"]: p for _, p in profiles}

    def resolved(p, key):
        base = resolved(by_context[p["extends"]], key) if p.get("extends") in by_context else None
        own = p.get(key, {} if key == "severity" else [])
        if base is None:
            return own
        return {**base, **own} if key == "severity" else base + own

    for _, p in profiles:
        sev = resolved(p, "severity")
        row = [sev.get(c, "(default)") for c in CATEGORIES]
        extends = f"extends `{p['extends']}`: " if p.get("extends") else ""
        out.append(f"| `{p['context']}` | " + " | ".join(row) +
                   f" | {extends}{cell(p.get('description', ''))} |")
    out.append("")
    for _, p in profiles:
        for f in resolved(p, "forbid"):
            unless = f" unless `{f['unless']}`" if f.get("unless") else ""
            out.append(f"- `{p['context']}` forbids `{f['name']}`{unless} ({f['category']}): "
                       f"{f['reason']}")
    out.append("")
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("rules_dir")
    p.add_argument("-o", "--output", default="-")
    o = p.parse_args()
    families = []
    for path in sorted(glob.glob(os.path.join(o.rules_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            families.append((path, json.load(f)))
    profiles = []
    for path in sorted(glob.glob(os.path.join(o.rules_dir, "profiles", "*.json"))):
        with open(path, encoding="utf-8") as f:
            profiles.append((path, json.load(f)))
    n_fn = sum(len(d.get("functions", [])) for _, d in families)
    n_reg = sum(len(d.get("registrations", [])) for _, d in families)
    n_ovr = sum(len(d.get("overrides", [])) for _, d in families)
    lines = ["# Rules reference", "",
             "<!-- Generated by tools/gen_rules_doc.py from rules/ (build target `rules-doc`). "
             "Do not edit by hand. -->", "",
             f"{len(families)} families, {n_fn} function rules, {n_reg} callback registrations, "
             f"{n_ovr} overrides, {len(profiles)} profiles. The format is described in "
             "[rules-format.md](rules-format.md).", ""]
    lines += ["| family | functions | registrations | overrides |", "|---|---|---|---|"]
    for path, d in families:
        lines.append(f"| [{d.get('family', '')}](#{d.get('family', '').lower()}--rules"
                     f"{os.path.basename(path).replace('.', '').lower()}) | "
                     f"{len(d.get('functions', []))} | {len(d.get('registrations', []))} | "
                     f"{len(d.get('overrides', []))} |")
    lines.append("")
    lines += category_section()
    lines += profile_section(profiles)
    for path, d in families:
        lines += family_section(path, d)
    text = "\n".join(lines).rstrip() + "\n"
    if o.output == "-":
        sys.stdout.write(text)
        return
    tmp = o.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, o.output)


if __name__ == "__main__":
    main()
