#!/usr/bin/env python3
"""Each copy of the category vocabulary agrees with its master list, rules/vocabulary/categories.json:
the analyzer's generated Categories.def is current, and every category enum in the rules schemas
names exactly the master list's categories. (The shim's enum, the rules checks and the rules
reference are generated from the master list at build time and need no check.)"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import rtcheck_rules  # noqa: E402


def category_enums(node, path="(top)"):
    """Every `enum` in a schema that lists at least one category name, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "enum" and isinstance(value, list) and set(value) & set(rtcheck_rules.category_names()):
                yield path, value
            else:
                yield from category_enums(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from category_enums(value, f"{path}/{i}")


def main():
    problems = []
    gen = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_categories_def.py"), "--check"],
                         capture_output=True, text=True, check=False)
    if gen.returncode != 0:
        problems.append(gen.stderr.strip())
    master = rtcheck_rules.category_names()
    checked = 1
    for schema in sorted((ROOT / "rules" / "schema").glob("*.json")):
        for where, values in category_enums(json.loads(schema.read_text())):
            checked += 1
            if sorted(values) != sorted(master):
                problems.append(f"{schema.relative_to(ROOT)} {where}: {values} is not the category list {master}")
    for p in problems:
        print(p)
    print(f"vocabulary: {checked - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
