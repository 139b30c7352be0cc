#!/usr/bin/env python3
"""A database that builds several programs is linked per program: same-named functions of two
programs both report, every compile command is analysed, and the whole run equals the union of
the per-program runs whatever the order of the commands."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

ANALYZER = os.environ["RTCHECK_ANALYZER"]
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
FIXTURE = os.path.join(REPO, "tests", "corpus", "realcode", "multiprogram_same_name")
EXPECTED = {("noisy.c", 6, "alloc", ("noisy",)), ("noisy.c", 9, "alloc", ("noisy",)),
            ("variant.c", 10, "lock", ("variant_b",)), ("variant.c", 12, "lock", ("variant_b",))}


def rtcheck(*args):
    return subprocess.run([ANALYZER, *args], capture_output=True, text=True, timeout=300)


def keys(doc):
    return {(os.path.basename(f["file"]), f["line"], f["category"], tuple(f["programs"]))
            for f in doc["findings"]}


def check_json(build, *extra):
    run = rtcheck("check", "-p", build, "--format=json", "--fail-on", "none", *extra)
    if run.returncode != 0:
        raise AssertionError(run.stderr)
    return json.loads(run.stdout)


class ProgramsFromTheBuild(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="rtcheck-programs-")
        cls.build = os.path.join(cls.dir, "build")
        # The File API answers a query that exists when cmake runs.
        query = os.path.join(cls.build, ".cmake", "api", "v1", "query")
        os.makedirs(query)
        open(os.path.join(query, "codemodel-v2"), "w").close()
        cc = shutil.which("clang-22") or shutil.which("clang") or "cc"
        subprocess.run(["cmake", "-S", FIXTURE, "-B", cls.build, "-G", "Ninja",
                        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON", "-DCMAKE_C_COMPILER=" + cc],
                       check=True, capture_output=True, timeout=300)
        with open(os.path.join(cls.build, "compile_commands.json")) as f:
            cls.commands = json.load(f)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def database_only(self, name, commands):
        """A copy of the database without the CMake build directory around it."""
        d = os.path.join(self.dir, name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "compile_commands.json"), "w") as f:
            json.dump(commands, f)
        return d

    def test_every_program_reports_its_own_findings(self):
        doc = check_json(self.build)
        self.assertEqual(keys(doc), EXPECTED)
        stats = doc["stats"]
        self.assertEqual(stats["programs_from"], "cmake")
        self.assertEqual(stats["programs"], 4)
        self.assertEqual(stats["commands"], {"analysed": 4, "merged": 0, "failed": 0})
        # The two static on_process are two roots; variant_tick is one root of both objects.
        self.assertEqual(sorted((r["function"], r["line"], tuple(r["programs"])) for r in doc["roots"]),
                         [("on_process", 11, ("quiet",)), ("on_process", 14, ("noisy",)),
                          ("variant_tick", 8, ("variant_a", "variant_b"))])

    def test_sarif_results_name_their_programs(self):
        run = rtcheck("check", "-p", self.build, "--format=sarif", "--fail-on", "none")
        self.assertEqual(run.returncode, 0, run.stderr)
        results = json.loads(run.stdout)["runs"][0]["results"]
        self.assertEqual(sorted(r["properties"]["programs"][0] for r in results),
                         ["noisy", "noisy", "variant_b", "variant_b"])

    def test_whole_run_is_the_union_of_the_program_runs(self):
        whole = keys(check_json(self.build))
        union = set()
        for program in ("quiet", "noisy", "variant_a", "variant_b"):
            doc = check_json(self.build, "--select", "^" + program + "$")
            self.assertEqual(doc["stats"]["programs"], 1)
            union |= keys(doc)
        self.assertEqual(whole, union)

    def test_command_order_does_not_matter(self):
        forward = self.database_only("forward", self.commands)
        backward = self.database_only("backward", list(reversed(self.commands)))
        a, b = check_json(forward), check_json(backward)
        self.assertEqual(a["stats"]["programs_from"], "entries")
        self.assertEqual(keys(a), keys(b))
        # Without the File API, variant.c's two objects are named after their target directories.
        self.assertEqual(keys(a), EXPECTED)

    def test_exact_duplicates_are_merged_and_counted(self):
        d = self.database_only("dup", self.commands + [self.commands[0]])
        doc = check_json(d)
        self.assertEqual(doc["stats"]["commands"], {"analysed": 4, "merged": 1, "failed": 0})
        self.assertEqual(keys(doc), EXPECTED)

    def test_text_has_a_header_per_program_and_stats(self):
        run = rtcheck("check", "-p", self.build, "--color=never", "--stats", "--fail-on", "none")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("rtcheck: program noisy:\n", run.stdout)
        self.assertIn("rtcheck: program variant_b:\n", run.stdout)
        self.assertIn("; 4 programs\n", run.stdout)
        self.assertIn("rtcheck: stats: programs: 4 (from cmake)", run.stderr)
        self.assertIn("rtcheck: stats: compile commands: 4 analysed, 0 merged, 0 failed",
                      run.stderr)
        self.assertIn("rtcheck: stats: roots: 3, annotation 1, registration 2", run.stderr)

    def test_two_definitions_in_one_program_are_a_warning(self):
        # Named files are one program: quiet.c and noisy.c both define render and main.
        files = [os.path.join(FIXTURE, f) for f in ("quiet.c", "noisy.c")]
        run = rtcheck("check", "--format=json", "--fail-on", "none", *files, "--",
                      "-I" + os.path.join(REPO, "tests", "corpus", "include"),
                      "-I" + os.path.join(REPO, "runtime", "include"))
        self.assertEqual(run.returncode, 0, run.stderr)
        warnings = [w for w in json.loads(run.stdout)["warnings"] if "'render' twice" in w]
        self.assertEqual(len(warnings), 1, run.stdout)
        self.assertIn("quiet.c:4:6", warnings[0])
        self.assertIn("noisy.c:5:6", warnings[0])

    def test_missing_reply_says_how_to_get_it(self):
        d = os.path.join(self.dir, "noreply")
        shutil.copytree(self.build, d)
        shutil.rmtree(os.path.join(d, ".cmake", "api", "v1", "reply"))
        doc = check_json(d)
        self.assertEqual(doc["stats"]["programs_from"], "entries")
        self.assertEqual(keys(doc), EXPECTED)
        self.assertTrue(any("rerun `cmake " + d + "`" in w for w in doc["warnings"]),
                        doc["warnings"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
