#!/usr/bin/env python3
"""Every bad-input class of docs/hardening.md gets the exit status and the message the table there
promises; a TU too deep to walk fails alone, the others' findings kept."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

ANALYZER = os.environ["RTCHECK_ANALYZER"]
DRIVER = os.path.join(os.path.dirname(ANALYZER), "rtcheck")
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
INCLUDE = os.path.join(REPO, "runtime", "include")
TABLE = os.path.join(REPO, "docs", "hardening.md")
FLAGS = ["--", "-I" + INCLUDE]

def summary_format_version():
    """The summary format the analyzer reads, from its one home (Summary.h)."""
    header = os.path.join(os.path.dirname(__file__), "..", "..", "rtcheck", "include", "rtcheck",
                          "Summary.h")
    with open(header, encoding="utf-8") as f:
        return int(re.search(r"SummaryFormatVersion = (\d+);", f.read()).group(1))


def callees(doc):
    """Every callee reported, including the calls merged into a finding of the same line."""
    return ({f["callee"] for f in doc["findings"]} |
            {m["callee"] for f in doc["findings"] for m in f.get("merged", [])})


ROOT_C = """#include <stdlib.h>
#include <rtcheck/realtime.h>
RTCHECK_REALTIME(audio) void callback(void) { free(malloc(4)); }
"""
NO_ROOT_C = "#include <stdlib.h>\nvoid helper(void) { free(malloc(4)); }\n"


def run(*args, cwd=None, program=ANALYZER):
    return subprocess.run([program, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def deep_expression(terms):
    return "int deep(int x) { return " + "+".join(["x"] * terms) + "; }\n"


def documented_cases():
    """case -> (exit status, message) from the table in docs/hardening.md."""
    cases = {}
    row = re.compile(r"^\| `([a-z-]+)` \|[^|]*\| (\d) \| `(.*)` \|$")
    with open(TABLE) as f:
        for line in f:
            m = row.match(line.strip())
            if m:
                cases[m.group(1)] = (int(m.group(2)), m.group(3))
    return cases


class BadInputTable(unittest.TestCase):
    def setUp(self):
        self.top = self.dir = tempfile.mkdtemp(prefix="rtcheck-harden-")
        self.file = ""
        self.program = ANALYZER

    def tearDown(self):
        shutil.rmtree(self.top, ignore_errors=True)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def root_file(self):
        return self.write("root.c", ROOT_C)

    # One method per case: the command to run (cwd, program) for the table's row.
    def case_source_directory(self):
        os.mkdir(os.path.join(self.dir, "src"))
        self.dir = os.path.join(self.dir, "src")
        return ["check", self.dir, *FLAGS]

    def case_source_device(self):
        return ["check", "/dev/null", *FLAGS]

    def case_source_no_extension(self):
        return ["check", self.write("config", "#define X 1\n"), *FLAGS]

    def case_source_missing(self):
        self.file = os.path.join(self.dir, "missing.c")
        return ["check", self.file, *FLAGS]

    def case_command_directory_missing(self):
        # A same-named file in rtcheck's own working directory must not be analysed instead.
        self.write("root.c", ROOT_C)
        self.write("compile_commands.json", json.dumps([{
            "directory": os.path.join(self.dir, "gone"), "file": "root.c",
            "arguments": ["cc", "-I" + INCLUDE, "-c", "root.c"]}]))
        return ["check", "-p", self.dir]

    def case_database_truncated(self):
        self.write("compile_commands.json", '[{"directory": "/tmp", "file": ')
        return ["check", "-p", self.dir]

    def case_database_not_json(self):
        self.write("compile_commands.json", "this is not JSON\n")
        return ["check", "-p", self.dir]

    def case_database_not_array(self):
        self.write("compile_commands.json", '{"directory": "/tmp"}')
        return ["check", "-p", self.dir]

    def case_driver_unknown_option(self):
        self.program = DRIVER
        return ["--bogus"]

    def case_unknown_option(self):
        return ["check", "--bogus", self.root_file(), *FLAGS]

    def case_rules_show_unknown(self):
        return ["rules", "show", "no_such_function"]

    def case_rules_duplicate(self):
        entry = {"name": "my_lock", "category": "lock", "reason": "waits"}
        mine = self.write("mine.json", json.dumps({"family": "mine", "functions": [entry, entry]}))
        return ["rules", "validate", mine]

    def case_rules_dir_empty(self):
        os.mkdir(os.path.join(self.dir, "rules"))
        self.dir = os.path.join(self.dir, "rules")
        return ["check", "--rules-dir", self.dir, self.write("root.c", ROOT_C), *FLAGS]

    def case_no_roots(self):
        return ["check", self.write("helper.c", NO_ROOT_C), *FLAGS]

    def case_no_roots_fail(self):
        return ["check", "--fail-on-no-roots", self.write("helper.c", NO_ROOT_C), *FLAGS]

    def case_link_empty_directory(self):
        return ["link", self.dir]

    def case_link_dangling_callee(self):
        summary = {"rtcheck_summary": summary_format_version(), "main_file": "/x.c", "functions": [{
            "usr": "c:@F@cb", "name": "cb", "loc": ["/x.c", 1, 1],
            "body": True,
            "calls": [{"kind": "direct", "callee": "c:@F@nowhere",
                       "loc": ["/x.c", 1, 5]}]}]}
        self.write("x.rtsum.json", json.dumps(summary))
        return ["link", self.dir]

    def case_failed_tu_text(self):
        self.file = self.write("broken.c", "int f( {\n")
        return ["check", "--color=never", self.file, self.root_file(), *FLAGS]

    def case_nesting_too_deep(self):
        return ["check", self.write("deep.c", deep_expression(30000)), self.root_file(), *FLAGS]

    def case_config_unknown_key(self):
        self.file = self.write("rtcheck.json", '{"colour": 1}')
        return ["check", "--config", self.file, self.root_file(), *FLAGS]

    def case_output_directory(self):
        return ["check", "-o", self.dir, self.root_file(), *FLAGS]

    def test_every_documented_case(self):
        cases = documented_cases()
        self.assertGreaterEqual(len(cases), 20, "the table in docs/hardening.md was not found")
        methods = {m[len("case_"):].replace("_", "-") for m in dir(self) if m.startswith("case_")}
        self.assertEqual(set(cases), methods, "each documented case needs a case_ method, and back")
        for name, (status, message) in sorted(cases.items()):
            with self.subTest(case=name):
                self.tearDown()
                self.setUp()
                try:
                    args = getattr(self, "case_" + name.replace("-", "_"))()
                    result = run(*args, cwd=self.dir, program=self.program)
                    expected = message.replace("{dir}", self.dir).replace("{file}", self.file)
                    self.assertEqual(result.returncode, status, result.stderr + result.stdout)
                    self.assertIn(expected, result.stderr)
                    self.assertNotIn("Stack dump", result.stderr)
                finally:
                    self.tearDown()


class StackExhaustion(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="rtcheck-deep-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def test_a_too_deep_tu_fails_alone(self):
        deep = self.write("deep.c", deep_expression(30000))
        root = self.write("root.c", ROOT_C)
        result = run("check", "--format=json", deep, root, *FLAGS)
        self.assertEqual(result.returncode, 3, result.stderr)
        doc = json.loads(result.stdout)
        self.assertEqual([e["file"] for e in doc["errors"]], [deep])
        self.assertIn("nested deeper", doc["errors"][0]["message"])
        self.assertEqual(callees(doc), {"malloc", "free"},
                         "the other TU's findings are kept")

    def test_deep_but_bounded_nesting_is_analysed(self):
        body = deep_expression(5000).replace("int deep(int x) { return ", "").rstrip("; }\n")
        src = ("#include <stdlib.h>\n#include <rtcheck/realtime.h>\n"
               "RTCHECK_REALTIME(audio) int deep(int x) { free(malloc(1)); return " + body + "; }\n")
        path = self.write("deep.c", src)
        result = run("check", "--format=json", path, *FLAGS)
        self.assertEqual(result.returncode, 1, result.stderr)
        doc = json.loads(result.stdout)
        self.assertEqual(doc["errors"], [])
        self.assertEqual(callees(doc), {"malloc", "free"})


if __name__ == "__main__":
    unittest.main(verbosity=2)
