#!/usr/bin/env python3
"""End-to-end tests of the analyzer's command line: formats, exit statuses and bad input."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ANALYZER = os.environ["RTCHECK_ANALYZER"]
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
INCLUDE = os.path.join(REPO, "runtime", "include")
THREE = os.path.join(HERE, "fixtures", "three_tu")
THREE_FILES = [os.path.join(THREE, f) for f in ("main.cpp", "engine.cpp", "granular.cpp")]
SCHEMA = os.path.join(REPO, "tests", "data", "sarif-schema-2.1.0.json")
FLAGS = ["--", "-std=c++20", "-I" + INCLUDE]


def rtcheck(*args, cwd=None):
    return subprocess.run([ANALYZER, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


class Workdir(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="rtcheck-cli-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def compile_db(self, files):
        entries = [{"directory": self.dir, "file": f,
                    "arguments": ["c++", "-std=c++20", "-I" + INCLUDE, "-c", f, "-o", "/dev/null"]}
                   for f in files]
        with open(self.path("compile_commands.json"), "w") as out:
            json.dump(entries, out)

    def assert_one_line_error(self, run, *needles):
        lines = run.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, run.stderr)
        self.assertTrue(lines[0].startswith("rtcheck: error: "), lines[0])
        for n in needles:
            self.assertIn(n, lines[0])


class ThreeTranslationUnits(Workdir):
    """A root in one TU reaches an allocating override in another through a third."""

    def check_json(self):
        run = rtcheck("check", "--format=json", *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 1, run.stderr)
        return json.loads(run.stdout)

    def test_json_chain_has_three_steps(self):
        doc = self.check_json()
        self.assertEqual([r["function"] for r in doc["roots"]], ["audio_callback"])
        news = [f for f in doc["findings"] if f["callee"] == "operator new[]"]
        self.assertEqual(len(news), 1, doc["findings"])
        f = news[0]
        self.assertEqual(f["category"], "alloc")
        self.assertEqual(os.path.basename(f["file"]), "granular.cpp")
        self.assertEqual(f["line"], 6)
        steps = [s["function"] for s in f["chain"]]
        self.assertEqual(steps, ["audio_callback", "render_all", "Granular::render", "operator new[]"])
        self.assertEqual([os.path.basename(s["file"]) for s in f["chain"][1:]],
                         ["main.cpp", "engine.cpp", "granular.cpp"])
        self.assertEqual(f["roots"], ["audio_callback"])
        self.assertEqual(doc["stats"]["translation_units"], 3)
        deletes = [f for f in doc["findings"] if f["callee"] == "operator delete[]"]
        self.assertEqual([d["line"] for d in deletes], [9])

    def test_text_walks_the_chain(self):
        run = rtcheck("check", "--color=never", *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 1)
        out = run.stdout
        self.assertIn("granular.cpp:6:20: error: 'operator new[]' allocates or frees heap memory "
                      "[rtcheck-alloc]", out)
        self.assertIn("note: 'audio_callback' is a real-time root (context 'audio', annotation)", out)
        self.assertIn("main.cpp:8:3: note: 'audio_callback' calls 'render_all'", out)
        self.assertIn("engine.cpp:6:16: note: 'render_all' calls 'Granular::render' (virtual call)",
                      out)

    def test_sarif_validates_and_carries_the_chain(self):
        import jsonschema
        run = rtcheck("check", "--format=sarif", "--source-root", THREE, *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 1, run.stderr)
        doc = json.loads(run.stdout)
        with open(SCHEMA) as s:
            jsonschema.validate(doc, json.load(s))
        results = doc["runs"][0]["results"]
        new = [r for r in results if r["properties"]["callee"] == "operator new[]"][0]
        flow = new["codeFlows"][0]["threadFlows"][0]["locations"]
        self.assertEqual(len(flow), 4)
        self.assertEqual(new["locations"][0]["physicalLocation"]["artifactLocation"],
                         {"uri": "granular.cpp", "uriBaseId": "%SRCROOT%"})
        self.assertIn("rtcheckFingerprint/v2", new["partialFingerprints"])

    def test_compile_database_and_file_restriction(self):
        self.compile_db(THREE_FILES)
        run = rtcheck("check", "-p", self.dir, "--format=json")
        self.assertEqual(run.returncode, 1, run.stderr)
        self.assertEqual(json.loads(run.stdout)["stats"]["translation_units"], 3)
        only_main = rtcheck("check", "-p", self.dir, "--format=json", THREE_FILES[0])
        doc = json.loads(only_main.stdout)
        self.assertEqual(doc["stats"]["translation_units"], 1)
        # Without the other TUs the engine's body is unknown: the chain stops there.
        self.assertEqual({f["category"] for f in doc["findings"]}, {"unknown"})

    def test_extract_then_link_matches_check(self):
        sums = self.path("sums")
        run = rtcheck("extract", "--output-dir", sums, *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(len([f for f in os.listdir(sums) if f.endswith(".rtsum.json")]), 3)
        linked = rtcheck("link", "--format=json", sums)
        checked = rtcheck("check", "--format=json", *THREE_FILES, *FLAGS)
        strip = lambda d: [(f["file"], f["line"], f["category"], f["callee"]) for f in d["findings"]]
        self.assertEqual(strip(json.loads(linked.stdout)), strip(json.loads(checked.stdout)))
        self.assertEqual(linked.returncode, 1)

    def test_parallel_extraction_gives_the_same_answer(self):
        one = rtcheck("check", "-j", "1", "--format=json", *THREE_FILES, *FLAGS)
        two = rtcheck("check", "-j", "2", "--format=json", *THREE_FILES, *FLAGS)
        key = lambda r: [(f["file"], f["line"], f["category"]) for f in json.loads(r.stdout)["findings"]]
        self.assertEqual(key(one), key(two))

    def test_output_file_and_fail_on(self):
        out = self.path("report.json")
        run = rtcheck("check", "--format=json", "-o", out, "--fail-on=none", *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 0)
        self.assertEqual(run.stdout, "")
        with open(out) as f:
            self.assertTrue(json.load(f)["findings"])
        self.assertEqual(os.listdir(self.dir), ["report.json"])


class TwoCheckouts(Workdir):
    """The same sources checked out in two directories give every finding the same fingerprint."""

    def checkout(self, where):
        root = os.path.join(self.dir, where)
        shutil.copytree(THREE, root)
        return root, [os.path.join(root, f) for f in ("main.cpp", "engine.cpp", "granular.cpp")]

    def fingerprints(self, root, files, *args, cwd=None):
        run = rtcheck("check", *args, *files, *FLAGS, cwd=cwd)
        self.assertEqual(run.returncode, 1, run.stderr)
        return json.loads(run.stdout)

    def test_fingerprints_do_not_depend_on_the_checkout_directory(self):
        laptop, laptop_files = self.checkout("home/me/proj")
        ci, ci_files = self.checkout("builds/1234/src/proj")
        # The default source root is the current directory.
        a = self.fingerprints(laptop, laptop_files, "--format=json", cwd=laptop)
        b = self.fingerprints(ci, ci_files, "--format=json", cwd=ci)
        self.assertNotEqual(a["findings"][0]["file"], b["findings"][0]["file"])
        prints = lambda d: [(os.path.basename(f["file"]), f["line"], f["fingerprint"])
                            for f in d["findings"]]
        self.assertTrue(prints(a))
        self.assertEqual(prints(a), prints(b))
        # SARIF with an explicit --source-root, run from elsewhere, agrees with the JSON.
        sarif = lambda root, files: [
            r["partialFingerprints"]["rtcheckFingerprint/v2"]
            for r in self.fingerprints(root, files, "--format=sarif", "--source-root", root,
                                       cwd=self.dir)["runs"][0]["results"]]
        self.assertEqual(sarif(laptop, laptop_files), sarif(ci, ci_files))
        self.assertEqual(sarif(laptop, laptop_files), [f for _, _, f in prints(a)])


class Select(Workdir):
    """--select picks one program from a database that builds the same source twice."""

    def test_select_by_output_path(self):
        src = os.path.join(HERE, "fixtures", "variants.cpp")
        entries = [{"directory": self.dir, "file": src, "output": out,
                    "arguments": ["c++", "-std=c++20", "-I" + INCLUDE, *defs, "-c", src, "-o", out]}
                   for out, defs in (("legacy.dir/variants.o", ["-DLEGACY"]),
                                     ("fixed.dir/variants.o", []))]
        with open(self.path("compile_commands.json"), "w") as f:
            json.dump(entries, f)
        legacy = rtcheck("check", "-p", self.dir, "--format=json", "--select", "legacy[.]dir")
        fixed = rtcheck("check", "-p", self.dir, "--format=json", "--select", "fixed[.]dir")
        self.assertEqual(legacy.returncode, 1, legacy.stderr)
        self.assertEqual(fixed.returncode, 0, fixed.stderr)
        cats = sorted((f["line"], f["category"]) for f in json.loads(legacy.stdout)["findings"])
        self.assertEqual(cats, [(7, "alloc"), (8, "alloc")])
        self.assertEqual(json.loads(fixed.stdout)["findings"], [])
        none = rtcheck("check", "-p", self.dir, "--select", "nothing-matches")
        self.assertEqual(none.returncode, 2)
        bad = rtcheck("check", "-p", self.dir, "--select", "(")
        self.assertEqual(bad.returncode, 2)
        self.assert_one_line_error(bad, "--select")


class BadInput(Workdir):
    def test_missing_compile_database(self):
        run = rtcheck("check", "-p", self.dir)
        self.assertEqual(run.returncode, 2)
        self.assert_one_line_error(run, os.path.join(self.dir, "compile_commands.json"),
                                   "no compilation database")

    def test_malformed_compile_database(self):
        with open(self.path("compile_commands.json"), "w") as f:
            f.write('[{"directory": "/tmp", "file": ')
        run = rtcheck("check", "-p", self.dir, "--format=json", "-o", self.path("out.json"))
        self.assertEqual(run.returncode, 2)
        self.assert_one_line_error(run, "compile_commands.json", "malformed compilation database")
        self.assertFalse(os.path.exists(self.path("out.json")))

    def test_a_file_that_does_not_parse(self):
        broken = os.path.join(HERE, "fixtures", "broken.cpp")
        run = rtcheck("check", "--format=json", broken, *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 3)
        doc = json.loads(run.stdout)  # still a whole, valid document
        self.assertEqual(len(doc["errors"]), 1)
        self.assertEqual(doc["errors"][0]["file"], broken)
        self.assertIn("does not parse", doc["errors"][0]["message"])
        self.assertTrue(doc["findings"], "the other TUs are still analysed")
        self.assert_one_line_error(run, broken, "does not parse")

    def test_a_file_that_crashes_the_compiler(self):
        crash = os.path.join(HERE, "fixtures", "crashes_clang.cpp")
        run = rtcheck("check", "--format=json", crash, *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 3)
        doc = json.loads(run.stdout)
        self.assertEqual([e["file"] for e in doc["errors"]], [crash])
        self.assertIn("crashed", doc["errors"][0]["message"])
        self.assertTrue(doc["findings"], "the other TUs are still analysed")
        self.assert_one_line_error(run, crash, "crashed")

    def test_invalid_rules_file(self):
        bad = self.path("mine.json")
        with open(bad, "w") as f:
            f.write('{"family": "mine", "functions": [{"name": "f", "category": "slow", "reason": "x"}]}')
        run = rtcheck("check", "--rules", bad, *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 2)
        self.assert_one_line_error(run, bad, "functions[0] 'f'", "bad category 'slow'")
        with open(bad, "w") as f:
            f.write("{")
        run = rtcheck("check", "--rules", bad, *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 2)
        self.assert_one_line_error(run, bad, "invalid JSON")

    def test_unknown_option_format_and_file(self):
        run = rtcheck("check", "--frobnicate", *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 2)
        self.assert_one_line_error(run, "frobnicate")
        run = rtcheck("check", "--format=xml", *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 2)
        self.assert_one_line_error(run, "xml")
        run = rtcheck("check", self.path("missing.cpp"), *FLAGS)
        self.assertEqual(run.returncode, 2)
        self.assert_one_line_error(run, "missing.cpp", "no such file")

    def test_unwritable_output(self):
        run = rtcheck("check", "-o", "/nonexistent-dir/report.txt", *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 2)
        self.assert_one_line_error(run, "/nonexistent-dir/report.txt")

    def test_bad_config_file(self):
        cfg = self.path("rtcheck.json")
        with open(cfg, "w") as f:
            f.write('{"roots": [{"function": "audio_callback"}], "colour": 1}')
        run = rtcheck("check", "--config", cfg, *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 2)
        self.assert_one_line_error(run, cfg, "unknown key 'colour'")

    def test_flags_win_over_the_config_file(self):
        cfg = self.path("rtcheck.json")
        with open(cfg, "w") as f:
            f.write('{"fail_on": "none"}')
        run = rtcheck("check", "--config", cfg, *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 0, run.stderr)
        run = rtcheck("check", "--config", cfg, "--fail-on=error", *THREE_FILES, *FLAGS)
        self.assertEqual(run.returncode, 1, run.stderr)

    def test_assume_facts_from_the_config_file_and_the_command_line(self):
        src = self.path("mode.c")
        with open(src, "w") as f:
            f.write('#include <stdio.h>\n#include <rtcheck/realtime.h>\nint verbose;\n'
                    'RTCHECK_REALTIME(audio) void cb(void) {\n  if (verbose)\n    puts("x");\n}\n')
        flags = ["--", "-std=c11", "-I" + INCLUDE]
        self.assertEqual(rtcheck("check", src, *flags).returncode, 1)
        cfg = self.path("rtcheck.json")
        with open(cfg, "w") as f:
            f.write('{"assume": {"verbose": 0}}')
        run = rtcheck("check", "--config", cfg, src, *flags)
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
        self.assertEqual(rtcheck("check", "--assume", "verbose=false", src, *flags).returncode, 0)
        # The command line wins over the file.
        self.assertEqual(rtcheck("check", "--config", cfg, "--assume", "verbose=1", src,
                                 *flags).returncode, 1)
        bad = rtcheck("check", "--assume", "verbose", src, *flags)
        self.assertEqual(bad.returncode, 2)
        self.assert_one_line_error(bad, "--assume needs NAME=VALUE")
        with open(cfg, "w") as f:
            f.write('{"assume": {"verbose": "off"}}')
        bad = rtcheck("check", "--config", cfg, src, *flags)
        self.assertEqual(bad.returncode, 2)
        self.assert_one_line_error(bad, cfg, "'assume' value of 'verbose'")


class Rules(Workdir):
    def test_list_show_validate(self):
        run = rtcheck("rules", "show", "malloc")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("malloc: alloc", run.stdout)
        run = rtcheck("rules", "list")
        self.assertEqual(run.returncode, 0)
        self.assertRegex(run.stdout.splitlines()[-1],
                         r"^\d+ function rules, \d+ registrations, \d+ overrides, [1-9]\d* thread rules")
        self.assertRegex(run.stdout, r"(?m)^pthread_create +creates a thread +pthread\.json$")
        good = self.path("good.json")
        with open(good, "w") as f:
            f.write('{"family": "mine", "functions": [{"name": "my_lock", "category": "lock", "reason": "waits"}]}')
        run = rtcheck("rules", "validate", good)
        self.assertEqual(run.returncode, 0)
        self.assertIn("ok (1 functions", run.stdout)
        run = rtcheck("rules", "show", "definitely_not_a_function_name")
        self.assertEqual(run.returncode, 1, "an answer, not a usage error")
        self.assertEqual(run.stderr, "rtcheck: no rule matches 'definitely_not_a_function_name'\n")


if __name__ == "__main__":
    unittest.main(verbosity=2)
