#!/usr/bin/env python3
"""rtcheck as a user gets it: `cmake --install` into a prefix that is then moved, the tools run
from there with a scrubbed environment, and an external CMake project (external_project/) that
adopts it with find_package + rtcheck_add_check, built with Ninja (and Make), re-extracting only
the translation units whose inputs changed.

Environment: RTCHECK_BUILD_DIR (the build tree to install), RTCHECK_SOURCE_DIR."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

BUILD = os.environ["RTCHECK_BUILD_DIR"]
SOURCE = os.environ["RTCHECK_SOURCE_DIR"]
EXTERNAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "external_project")
GENERATORS = {"Ninja": ["ninja"], "Unix Makefiles": ["make", "-j2"]}

# What a user's shell would have: no RTCHECK_* variable, nothing pointing into the build tree.
CLEAN_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"),
             "LANG": "C.UTF-8", "TERM": "dumb"}


def run(cmd, cwd=None, env=None, check=True):
    r = subprocess.run(cmd, cwd=cwd, env=env or CLEAN_ENV, capture_output=True, text=True,
                       timeout=600)
    if check and r.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} exited {r.returncode}\n{r.stdout}\n{r.stderr}")
    return r


class InstalledPrefix(unittest.TestCase):
    """One install shared by every test: installing is the slow part."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="rtcheck-install-")
        staged = os.path.join(cls.tmp, "staged")
        run(["cmake", "--install", BUILD, "--prefix", staged], env=dict(os.environ))
        # Relocatable: the prefix is used only after being moved away from where it was installed.
        cls.prefix = os.path.join(cls.tmp, "moved-prefix")
        os.rename(staged, cls.prefix)
        cls.rtcheck = os.path.join(cls.prefix, "bin", "rtcheck")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.prefix, *parts)

    def workdir(self):
        d = tempfile.mkdtemp(dir=self.tmp)
        return d


class Layout(InstalledPrefix):
    def test_gnu_install_dirs(self):
        for rel in ["bin/rtcheck", "bin/rtcheck-analyzer", "lib/librtcheck_rt.so",
                    "include/rtcheck/realtime.h", "share/rtcheck/rules/profiles",
                    "share/man/man1/rtcheck.1", "share/man/man1/rtcheck-analyzer.1",
                    "share/doc/rtcheck/README.md", "share/doc/rtcheck/cmake.md",
                    "lib/cmake/rtcheck/rtcheckConfig.cmake",
                    "lib/cmake/rtcheck/rtcheckConfigVersion.cmake",
                    "lib/cmake/rtcheck/rtcheckTargets.cmake",
                    "lib/cmake/rtcheck/rtcheckAddCheck.cmake"]:
            self.assertTrue(os.path.exists(self.path(rel)), rel)

    def test_package_names_no_build_or_source_path(self):
        # Everything the package says is relative to itself: a moved prefix stays coherent.
        for name in os.listdir(self.path("lib", "cmake", "rtcheck")):
            with open(self.path("lib", "cmake", "rtcheck", name)) as f:
                text = f.read()
            self.assertNotIn(BUILD, text, name)
            self.assertNotIn(SOURCE, text, name)


class ToolsFromThePrefix(InstalledPrefix):
    """The four everyday commands, run from the moved prefix with a scrubbed environment."""

    def test_rules_list(self):
        r = run([self.rtcheck, "rules", "list"], cwd=self.tmp)
        self.assertIn("malloc", r.stdout)

    def test_check_then_report(self):
        d = self.workdir()
        src = os.path.join(d, "cb.c")
        with open(src, "w") as f:
            f.write('#include <rtcheck/realtime.h>\n#include <stdlib.h>\n'
                    'RTCHECK_REALTIME(audio) void cb(void) { free(malloc(4)); }\n')
        out = os.path.join(d, "static.json")
        r = run([self.rtcheck, "check", "--format=json", "-o", out, src, "--",
                 "-I" + self.path("include")], cwd=d, check=False)
        self.assertEqual(r.returncode, 1, r.stderr)
        with open(out) as f:
            self.assertEqual({x["category"] for x in json.load(f)["findings"]}, {"alloc"})
        r = run([self.rtcheck, "report", "--static", out, "--markdown", "-"], cwd=d, check=False)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertNotIn("error", r.stderr)

    def test_run_preloads_the_prefix_shim(self):
        d = self.workdir()
        report = os.path.join(d, "run.json")
        run([self.rtcheck, "run", "-q", "--report", report, "--", "/bin/true"], cwd=d)
        self.assertTrue(os.path.exists(report))

    def test_run_refuses_a_shim_path_ld_preload_cannot_carry(self):
        d = os.path.join(self.workdir(), "with space")
        os.makedirs(d)
        shim = os.path.join(d, "librtcheck_rt.so")
        shutil.copy(self.path("lib", "librtcheck_rt.so"), shim)
        r = run([self.rtcheck, "run", "--", "/bin/true"], cwd=d,
                env=dict(CLEAN_ENV, RTCHECK_RUNTIME=shim), check=False)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("LD_PRELOAD cannot carry", r.stderr)

    def test_no_fallback_outside_the_prefix(self):
        # A copy without its rules and shim must fail, naming only its own places: proof that
        # nothing is found in the source or build tree (or the configured install prefix).
        copy = os.path.join(self.tmp, "stripped")
        shutil.copytree(self.prefix, copy, symlinks=True)
        try:
            shutil.rmtree(os.path.join(copy, "share", "rtcheck", "rules"))
            os.remove(os.path.join(copy, "lib", "librtcheck_rt.so"))
            tool = os.path.join(copy, "bin", "rtcheck")
            r = run([tool, "rules", "list"], cwd=self.tmp, check=False)
            self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
            r = run([tool, "run", "--", "/bin/true"], cwd=self.tmp, check=False)
            self.assertEqual(r.returncode, 2, r.stderr)
            looked = re.search(r"looked in (.*)\)", r.stderr).group(1).split(", ")
            self.assertTrue(all(p.startswith(copy) for p in looked), r.stderr)
        finally:
            shutil.rmtree(copy, ignore_errors=True)


class ExternalProject(InstalledPrefix):
    """find_package(rtcheck) + rtcheck_add_check in a JACK client of three sources."""

    def configure(self, generator, extra=()):
        src = os.path.join(self.workdir(), "project")
        shutil.copytree(EXTERNAL, src)
        build = os.path.join(src, "build")
        run(["cmake", "-S", src, "-B", build, "-G", generator,
             "-DCMAKE_PREFIX_PATH=" + self.prefix, *extra], cwd=src)
        return src, build

    def build(self, generator, build):
        return run(GENERATORS[generator], cwd=build).stdout

    @staticmethod
    def summary_dirs(build):
        return [os.path.join(build, "rtcheck", "synth", "src"),
                os.path.join(build, "rtcheck", "synth", "+synthengine", "src")]

    def summaries(self, build):
        return {name: os.stat(os.path.join(d, name)).st_mtime_ns
                for d in self.summary_dirs(build) for name in os.listdir(d)
                if name.endswith(".rtsum.json")}

    @staticmethod
    def extracted(log):
        return sorted(set(re.findall(r"rtcheck: extracting src/(\S+)", log)))

    def edit(self, path):
        time.sleep(1.1)  # coarse file-system timestamps: the edit must be newer than the summary
        with open(path, "a") as f:
            f.write("// edited\n")

    def incremental(self, generator):
        src, build = self.configure(generator)
        log = self.build(generator, build)
        self.assertEqual(self.extracted(log), ["engine.cpp", "main.cpp", "presets.cpp"], log)
        with open(os.path.join(build, "rtcheck", "synth", "findings.json")) as f:
            findings = json.load(f)["findings"]
        self.assertEqual([(os.path.basename(x["file"]), x["category"]) for x in findings],
                         [("engine.cpp", "alloc")] * len(findings))
        self.assertTrue(findings)
        self.assertTrue(os.path.exists(os.path.join(build, "rtcheck", "synth", "findings.sarif")))

        # Nothing changed: nothing re-extracted, nothing relinked.
        log = self.build(generator, build)
        self.assertEqual(self.extracted(log), [], log)
        self.assertNotIn("rtcheck: linking", log)

        # One source edited: that TU alone, then the link.
        before = self.summaries(build)
        self.edit(os.path.join(src, "src", "presets.cpp"))
        log = self.build(generator, build)
        self.assertEqual(self.extracted(log), ["presets.cpp"], log)
        self.assertIn("rtcheck: linking", log)
        after = self.summaries(build)
        self.assertEqual(len(before), 3)
        self.assertEqual([n for n in before if before[n] != after[n]], ["presets.cpp.rtsum.json"])

        # A header only engine.cpp includes: that TU alone (the depfile knows the header).
        self.edit(os.path.join(src, "include", "dsp.h"))
        log = self.build(generator, build)
        self.assertEqual(self.extracted(log), ["engine.cpp"], log)
        self.assertIn("rtcheck: linking", log)

        # A reconfigure rewrites compile_commands.json: only the source whose command changed.
        run(["cmake", "-DSYNTH_PRESET_DIR=/usr/share/synth", "."], cwd=build)
        log = self.build(generator, build)
        self.assertEqual(self.extracted(log), ["presets.cpp"], log)
        return src, build

    def test_ninja(self):
        src, build = self.incremental("Ninja")
        # The CTest test fails on the finding...
        r = run(["ctest", "--output-on-failure"], cwd=build, check=False)
        self.assertNotEqual(r.returncode, 0, r.stdout)
        self.assertIn("synth_rtcheck", r.stdout)
        self.assertIn("alloc", r.stdout)
        # ...and passes once a baseline records it.
        baseline = os.path.join(src, "rtcheck-baseline.json")
        r = run([self.rtcheck, "link", "--write-baseline", baseline, *self.summary_dirs(build)],
                cwd=build, check=False)
        self.assertTrue(os.path.exists(baseline), r.stderr)
        run(["cmake", "-DSYNTH_RTCHECK_BASELINE=" + baseline, "."], cwd=build)
        r = run(["ctest", "--output-on-failure"], cwd=build, check=False)
        self.assertEqual(r.returncode, 0, r.stdout)
        # The reconfigure changed no compile command: nothing is re-extracted.
        log = self.build("Ninja", build)
        self.assertEqual(self.extracted(log), [], log)

    def test_make(self):
        self.incremental("Unix Makefiles")


if __name__ == "__main__":
    unittest.main()
