#!/usr/bin/env python3
"""End-to-end tests of #10's precision options: one finding per (line, category), --library
globs (flag and configuration), --noreturn-paths in the configuration, and Objective-C input."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

ANALYZER = os.environ["RTCHECK_ANALYZER"]
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
INCLUDE = os.path.join(REPO, "runtime", "include")
FIXTURES = os.path.join(HERE, "fixtures", "precision")


def rtcheck(*args, cwd=None):
    return subprocess.run([ANALYZER, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def check_json(*args, cwd=None):
    run = rtcheck("check", "--format=json", "--fail-on=none", *args, cwd=cwd)
    if run.returncode != 0:
        raise AssertionError(run.stderr)
    return json.loads(run.stdout)


class OneFindingPerLine(unittest.TestCase):
    """`std::cout << x << std::endl` is one syscall finding naming every call; a throw is one."""

    def findings(self, fmt="json"):
        src = os.path.join(FIXTURES, "stream_line.cpp")
        return check_json(src, "--", "-std=c++20", "-I" + INCLUDE)

    def test_json_lists_every_callee(self):
        doc = self.findings()
        by_key = {}
        for f in doc["findings"]:
            key = (f["line"], f["category"])
            self.assertNotIn(key, by_key, f"two findings for line {key[0]}, {key[1]}")
            by_key[key] = f
        stream = by_key[(7, "syscall")]
        # `<< frames` and `<< std::endl` are two calls of operator<<, at two columns.
        self.assertGreaterEqual(len(stream.get("merged", [])), 1, stream)
        columns = [stream["column"]] + [m["column"] for m in stream["merged"]]
        self.assertEqual(len(set(columns)), len(columns), columns)
        self.assertEqual(columns, sorted(columns))
        for m in stream["merged"]:
            self.assertIn("operator<<", m["callee"])
            self.assertIn(f"on the same line also '{m['callee']}'", stream["message"])
        throw = by_key[(9, "exception")]
        self.assertIn("__cxa", throw["callee"] + "".join(m["callee"] for m in throw.get("merged", [])))

    def test_fingerprint_is_the_first_calls(self):
        first = self.findings()
        second = self.findings()
        self.assertEqual([f["fingerprint"] for f in first["findings"]],
                         [f["fingerprint"] for f in second["findings"]])
        self.assertEqual(len({f["fingerprint"] for f in first["findings"]}),
                         len(first["findings"]))

    def test_text_and_sarif_count_the_merge(self):
        src = os.path.join(FIXTURES, "stream_line.cpp")
        doc = self.findings()
        sarif = rtcheck("check", "--format=sarif", "--fail-on=none", src, "--", "-std=c++20",
                        "-I" + INCLUDE)
        self.assertEqual(sarif.returncode, 0, sarif.stderr)
        results = json.loads(sarif.stdout)["runs"][0]["results"]
        self.assertEqual(len(results), len(doc["findings"]))
        text = rtcheck("check", "--color=never", "--fail-on=none", src, "--", "-std=c++20",
                       "-I" + INCLUDE)
        headlines = [l for l in text.stdout.splitlines()
                     if l.startswith(src + ":7:") and (": error: " in l or ": warning: " in l)]
        self.assertEqual(len(headlines), 1, text.stdout)


class LibraryGlobs(unittest.TestCase):
    """Files matching `library` are library code: the finding moves to the user's call."""

    SRC = os.path.join(FIXTURES, "uses_vendor.c")

    def sites(self, *args, cwd=None):
        doc = check_json(*args, self.SRC, "--", "-std=c11", "-I" + INCLUDE, cwd=cwd)
        return [(os.path.basename(f["file"]), f["line"], f["category"]) for f in doc["findings"]], doc

    def test_without_library_the_vendor_line_is_reported(self):
        sites, _ = self.sites()
        self.assertEqual(sites, [("tiny_queue.h", 5, "alloc")])

    def test_flag_moves_the_finding_to_the_users_call(self):
        sites, doc = self.sites("--library", "*/vendor/*")
        self.assertEqual(sites, [("uses_vendor.c", 8, "alloc")])
        chain = [s["function"] for s in doc["findings"][0]["chain"]]
        self.assertEqual(chain, ["on_event", "tiny_queue_push", "tiny_queue_grow", "realloc"])

    def test_relative_glob_in_the_config_file(self):
        tmp = tempfile.mkdtemp(prefix="rtcheck-precision-")
        self.addCleanup(shutil.rmtree, tmp, ignore_errors=True)
        cfg = os.path.join(tmp, "rtcheck.json")
        with open(cfg, "w") as f:
            json.dump({"library": [os.path.relpath(os.path.join(FIXTURES, "vendor"), tmp) + "/*"]}, f)
        sites, _ = self.sites("--config", cfg)
        self.assertEqual(sites, [("uses_vendor.c", 8, "alloc")])
        with open(cfg, "w") as f:
            json.dump({"library": "vendor"}, f)
        run = rtcheck("check", "--config", cfg, self.SRC, "--", "-I" + INCLUDE)
        self.assertEqual(run.returncode, 2)
        self.assertIn("'library' must be an array", run.stderr)


class NoReturnPathsInConfig(unittest.TestCase):
    def test_config_key_turns_them_on(self):
        src = os.path.join(REPO, "tests", "corpus", "c", "assert_path_not_a_hazard.c")
        flags = ["--", "-std=c11", "-I" + INCLUDE]
        doc = check_json(src, *flags)
        self.assertEqual([f["line"] for f in doc["findings"]], [12])
        tmp = tempfile.mkdtemp(prefix="rtcheck-precision-")
        self.addCleanup(shutil.rmtree, tmp, ignore_errors=True)
        cfg = os.path.join(tmp, "rtcheck.json")
        with open(cfg, "w") as f:
            json.dump({"noreturn_paths": True}, f)
        doc = check_json("--config", cfg, src, *flags)
        self.assertEqual(sorted({f["line"] for f in doc["findings"]}), [9, 10, 12])
        with open(cfg, "w") as f:
            f.write('{"noreturn_paths": "yes"}')
        run = rtcheck("check", "--config", cfg, src, *flags)
        self.assertEqual(run.returncode, 2)
        self.assertIn("'noreturn_paths' must be true or false", run.stderr)


class ObjectiveC(unittest.TestCase):
    def test_reported_as_not_analysed(self):
        src = os.path.join(FIXTURES, "objc_unit.m")
        run = rtcheck("check", "--root=make_buffer", src, "--", "-x", "objective-c")
        self.assertEqual(run.returncode, 3, run.stdout + run.stderr)
        self.assertIn("Objective-C is not analysed", run.stdout + run.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
