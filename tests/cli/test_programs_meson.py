#!/usr/bin/env python3
"""A Meson build directory gives its programs from Meson's own introspection
(meson-info/intro-targets.json) and the link edges of its build.ninja: two programs that build one
source against two static libraries defining the same function each get their own library's
definition, which no partition by names can know."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from test_programs import check_json, keys, rtcheck

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(os.path.dirname(HERE), "corpus", "realcode",
                       "multiprogram_same_name")
EXPECTED = {("noisy.c", 6, "alloc", ("noisy",)), ("noisy.c", 9, "alloc", ("noisy",)),
            ("dsp_locked.c", 8, "lock", ("mixer",)), ("dsp_locked.c", 10, "lock", ("mixer",)),
            ("variant.c", 10, "lock", ("variant_b",)), ("variant.c", 12, "lock", ("variant_b",)),
            ("plugin.c", 6, "alloc", ("plugin",)), ("plugin.c", 9, "alloc", ("plugin",))}
PROGRAMS = ["mixer", "mixer_rt", "noisy", "plugin", "quiet", "variant_a", "variant_b"]


class ProgramsFromMeson(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="rtcheck-meson-")
        cls.build = os.path.join(cls.dir, "build")
        env = dict(os.environ, CC=shutil.which("clang-22") or shutil.which("clang") or "cc")
        subprocess.run(["meson", "setup", cls.build, FIXTURE], check=True, capture_output=True,
                       timeout=300, env=env)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def copy_of_build(self, name):
        d = os.path.join(self.dir, name)
        shutil.copytree(self.build, d)
        return d

    def test_every_program_links_its_own_library(self):
        doc = check_json(self.build)
        self.assertEqual(keys(doc), EXPECTED)
        stats = doc["stats"]
        self.assertEqual(stats["programs_from"], "meson")
        self.assertEqual(stats["programs"], len(PROGRAMS))
        self.assertEqual(stats["commands"], {"analysed": 9, "merged": 0, "failed": 0})
        self.assertFalse([w for w in doc["warnings"] if "twice" in w], doc["warnings"])

    def test_whole_run_is_the_union_of_the_program_runs(self):
        whole = keys(check_json(self.build))
        union = set()
        for program in PROGRAMS:
            doc = check_json(self.build, "--select", "^" + program + "$")
            self.assertEqual(doc["stats"]["programs"], 1, program)
            union |= keys(doc)
        self.assertEqual(whole, union)

    def test_without_build_ninja_libraries_stand_alone_and_a_warning_says_why(self):
        d = self.copy_of_build("no-ninja")
        os.remove(os.path.join(d, "build.ninja"))
        doc = check_json(d)
        self.assertEqual(doc["stats"]["programs_from"], "meson")
        self.assertEqual(doc["stats"]["programs"], len(PROGRAMS) + 2)  # the two dsp libraries
        self.assertNotIn(("dsp_locked.c", 8, "lock", ("mixer",)), keys(doc))
        self.assertTrue(any(os.path.join(d, "build.ninja") in w and "not linked" in w
                            for w in doc["warnings"]), doc["warnings"])

    def test_compiler_launchers_are_not_the_compiler(self):
        # Meson writes `ccache cc ...` whenever ccache is installed.
        d = self.copy_of_build("launcher")
        db = os.path.join(d, "compile_commands.json")
        with open(db) as f:
            commands = json.load(f)
        for c in commands:
            c["command"] = "/usr/bin/ccache " + c["command"]
        with open(db, "w") as f:
            json.dump(commands, f)
        doc = check_json(d)
        self.assertEqual(doc["stats"]["commands"], {"analysed": 9, "merged": 0, "failed": 0})
        self.assertEqual(keys(doc), EXPECTED)

    def test_malformed_introspection_is_a_one_line_error(self):
        d = self.copy_of_build("malformed")
        intro = os.path.join(d, "meson-info", "intro-targets.json")
        with open(intro, "w") as f:
            f.write('[{"name": "quiet", ')
        run = rtcheck("check", "-p", d, "--format=json")
        self.assertEqual(run.returncode, 2, run.stderr)
        self.assertEqual(len(run.stderr.strip().splitlines()), 1, run.stderr)
        self.assertIn(intro + ": malformed Meson introspection", run.stderr)
        self.assertEqual(run.stdout, "")


if __name__ == "__main__":
    unittest.main(verbosity=2)
