"""The rules database as rtcheck's Python tools read it: the category vocabulary and name resolution.

Every Python script that needs either imports this module, so each has one Python home; the C++
analyzer (rtcheck/lib/Rules.cpp) is the other implementation of resolution, and
tests/rules/test_resolution_conformance.py proves the two agree over every name in the rules.

Resolution: an exact entry wins (later files, then later entries, win); otherwise the most specific
glob ('*' any run, '?' one character): most literal characters, then the later entry.
"""

import json
import re
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"
CATEGORIES_FILE = RULES_DIR / "vocabulary" / "categories.json"


def load_categories(path=CATEGORIES_FILE):
    """The category records of the master list, in their canonical order."""
    return json.loads(Path(path).read_text())["categories"]


def category_names(path=CATEGORIES_FILE):
    return [c["name"] for c in load_categories(path)]


def runtime_category_names(path=CATEGORIES_FILE):
    """The categories the shim counts, in the order of its enum."""
    return [c["name"] for c in load_categories(path) if c["runtime"]]


def is_glob(pattern):
    return "*" in pattern or "?" in pattern


def glob_to_regex(pattern):
    return re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern) + r"\Z",
                      re.S)


def literal_length(pattern):
    return len(pattern) - pattern.count("*") - pattern.count("?")


def qualified_spellings(name):
    """The spellings a qualified name is matched under, most specific first: the name, then each
    suffix after a top-level `::` that is still qualified (docs/rules-format.md, "Names")."""
    boundaries, depth, i = [], 0, 0
    while i + 1 < len(name):
        c = name[i]
        if c in "<(":
            depth += 1
        elif c in ">)" and depth > 0:
            depth -= 1
        elif depth == 0 and name.startswith("::", i):
            boundaries.append(i + 2)
            i += 1
        i += 1
    return [name] + [name[b:] for b in boundaries[:-1]]


def qualified_match(pattern, name):
    regex = glob_to_regex(pattern)
    return any(regex.match(s) for s in qualified_spellings(name))


def family_files(rules_dir):
    """The family files the analyzer loads, in its load order (file name order)."""
    return sorted(Path(rules_dir).glob("*.json"))


class RuleIndex:
    """The function entries of the family files, resolvable by name."""

    def __init__(self):
        self.entries = []  # (entry, file name), in load order
        self._exact = {}
        self._globs = []  # (literal length, load position, compiled regex, entry, file)
        self._sorted = True

    def add(self, entry, file):
        position = len(self.entries)
        self.entries.append((entry, file))
        name = entry["name"]
        if is_glob(name):
            self._globs.append((literal_length(name), position, glob_to_regex(name), entry, file))
            self._sorted = False
        else:
            self._exact[name] = (entry, file)

    @classmethod
    def from_dir(cls, rules_dir):
        index = cls()
        for path in family_files(rules_dir):
            for entry in json.loads(path.read_text()).get("functions", []):
                index.add(entry, path.name)
        return index

    def resolve(self, name):
        """(entry, file name) of the rule for `name`, or None: the full name first (exact, then
        globs), then each shorter qualified spelling, as RuleSet::match does."""
        if not self._sorted:
            self._globs.sort(key=lambda g: (g[0], g[1]), reverse=True)
            self._sorted = True
        for spelling in qualified_spellings(name):
            if spelling in self._exact:
                return self._exact[spelling]
            for _, _, regex, entry, file in self._globs:
                if regex.match(spelling):
                    return entry, file
        return None
