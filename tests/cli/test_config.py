#!/usr/bin/env python3
"""Configuration as a team adopting rtcheck meets it: discovered .rtcheck.json files, --config,
config --dump, list-checks, extra and unknown compiler flags, --quiet, --color and progress."""
import json
import os
import pty
import shutil
import subprocess
import tempfile
import unittest

ANALYZER = os.environ["RTCHECK_ANALYZER"]
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
INCLUDE = os.path.join(REPO, "runtime", "include")
THREE = os.path.join(HERE, "fixtures", "three_tu")

# A root that allocates, and a helper with no body and no rule (an unknown-call finding).
CALLBACK = """#include <rtcheck/realtime.h>
#include <stdlib.h>
void opaque_helper(void);
RTCHECK_REALTIME(audio) void cb(void) {
  void *p = malloc(16);
  free(p);
  opaque_helper();
}
"""


def rtcheck(*args, cwd=None, env=None):
    return subprocess.run([ANALYZER, *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=300)


class Project(unittest.TestCase):
    """A project tree in a temporary directory (with a root marker so that nothing above it
    leaks in), and a compile_commands.json for its sources."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="rtcheck-config-")
        self.root = os.path.join(self.dir, "proj")
        os.makedirs(self.root)
        self.write("proj/.rtcheck.json", {"root": True})

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, rel, content):
        path = os.path.join(self.dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(content if isinstance(content, str) else json.dumps(content))
        return path

    def database(self, files, extra=()):
        entries = [{"directory": self.root, "file": f,
                    "arguments": ["cc", "-I" + INCLUDE, *extra, "-c", f, "-o", f + ".o"]}
                   for f in files]
        self.write("proj/build/compile_commands.json", entries)
        return os.path.join(self.root, "build")

    def check_json(self, *args, cwd=None):
        run = rtcheck("check", "--format=json", *args, cwd=cwd or self.root)
        self.assertIn(run.returncode, (0, 1), run.stderr)
        return run, json.loads(run.stdout)


class Discovery(Project):
    def test_a_directorys_file_applies_to_its_sources_and_nearer_files_refine(self):
        rt = self.write("proj/src/rt/cb.c", CALLBACK)
        self.write("proj/.rtcheck.json", {"root": True, "fail_on": "none"})
        build = self.database([rt])
        run, doc = self.check_json("-p", build)
        self.assertEqual(run.returncode, 0, "fail_on none from proj/.rtcheck.json")
        self.assertEqual(sorted(f["category"] for f in doc["findings"]),
                         ["alloc", "alloc", "unknown"])
        # A nearer file refines: unknown calls off, and failing again on errors.
        self.write("proj/src/.rtcheck.json", {"unknown": False, "fail_on": "error"})
        run, doc = self.check_json("-p", build)
        self.assertEqual(run.returncode, 1)
        self.assertEqual(sorted(f["category"] for f in doc["findings"]), ["alloc", "alloc"])
        # Explicit flags win over every file.
        run = rtcheck("check", "-p", build, "--fail-on=none", cwd=self.root)
        self.assertEqual(run.returncode, 0, run.stdout)

    def test_roots_and_rules_come_from_the_files_of_the_sources(self):
        src = self.write("proj/src/engine.c", "#include <stdlib.h>\nvoid tick(void) { free(malloc(4)); }\n")
        build = self.database([src])
        run, doc = self.check_json("-p", build)
        self.assertEqual(doc["findings"], [], "no root yet")
        self.write("proj/src/.rtcheck.json", {"roots": ["tick=audio"]})
        run, doc = self.check_json("-p", build)
        self.assertEqual(run.returncode, 1)
        self.assertEqual([r["function"] for r in doc["roots"]], ["tick"])
        self.assertEqual(doc["roots"][0]["origin"], "config")

    def test_config_names_one_file_instead_of_discovery(self):
        rt = self.write("proj/src/cb.c", CALLBACK)
        self.write("proj/src/.rtcheck.json", {"fail_on": "none"})
        ci = self.write("ci.json", {"unknown": False})
        build = self.database([rt])
        run, doc = self.check_json("-p", build, "--config", ci)
        self.assertEqual(run.returncode, 1, "proj/src's fail_on is not read")
        self.assertNotIn("unknown", [f["category"] for f in doc["findings"]])

    def test_a_malformed_discovered_file_is_one_error_line(self):
        rt = self.write("proj/src/cb.c", CALLBACK)
        bad = self.write("proj/src/.rtcheck.json", '{"fail_on": "sometimes"}')
        run = rtcheck("check", "-p", self.database([rt]), cwd=self.root)
        self.assertEqual(run.returncode, 2)
        lines = run.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, run.stderr)
        self.assertTrue(lines[0].startswith("rtcheck: error: " + bad), lines[0])

    def test_dump_shows_the_effective_configuration_of_a_file(self):
        self.write("proj/.rtcheck.json", {"root": True, "roots": ["top"], "rules": ["mine.json"]})
        near = self.write("proj/src/.rtcheck.json", {"fail_on": "warning", "extra_args": ["-DRT"]})
        src = self.write("proj/src/a.c", "")
        run = rtcheck("config", "--dump", src, "--root", "cli=camera", cwd=self.dir)
        self.assertEqual(run.returncode, 0, run.stderr)
        doc = json.loads(run.stdout)
        self.assertEqual(doc["roots"], [{"function": "cli", "context": "camera"}, "top"])
        self.assertEqual(doc["rules"], [os.path.join(self.root, "mine.json")])
        self.assertEqual(doc["fail_on"], "warning")
        self.assertEqual(doc["unknown"], True)
        self.assertEqual(doc["extra_args"], ["-DRT"])
        self.assertIn(near, run.stderr)
        quiet = rtcheck("config", "--dump", "--quiet", src, cwd=self.dir)
        self.assertEqual(quiet.stderr, "")
        # The dump is itself a configuration file giving the same settings.
        again = self.write("again.json", run.stdout)
        self.assertEqual(json.loads(rtcheck("config", "--dump", "--config", again).stdout), doc)
        self.assertEqual(rtcheck("config").returncode, 2)
        self.assertEqual(rtcheck("config", "--dump", self.path_missing()).returncode, 2)

    def path_missing(self):
        return os.path.join(self.dir, "missing.c")


class CompilerFlags(Project):
    def test_gcc_only_flags_are_dropped_with_one_warning_each(self):
        a = self.write("proj/src/a.c", CALLBACK)
        b = self.write("proj/src/b.c", "void other(void) {}\n")
        gcc_only = ["-fconcepts-diagnostics-depth=3", "-mno-direct-extern-access"]
        build = self.database([a, b], extra=gcc_only)
        run, doc = self.check_json("-p", build)
        self.assertEqual(doc["errors"], [], "the commands are not failed for a flag")
        self.assertEqual(run.returncode, 1)
        warnings = [w for w in doc["warnings"] if "Clang does not know" in w]
        self.assertEqual(len(warnings), 2, doc["warnings"])
        for flag in gcc_only:
            self.assertEqual(len([w for w in warnings if "'" + flag + "'" in w]), 1, warnings)
        self.assertIn("(2 compile commands)", warnings[0])
        text = rtcheck("check", "-p", build, "--color=never", cwd=self.root)
        self.assertIn("rtcheck: warning: ignoring compiler flag '-mno-direct-extern-access'",
                      text.stdout)

    def test_extra_args_reach_every_command(self):
        src = self.write("proj/src/a.c", "#include <stdlib.h>\n#include <rtcheck/realtime.h>\n"
                         "RTCHECK_REALTIME(audio) void cb(void) {\n"
                         "#ifdef RT_DEBUG\n  void *p = malloc(1);\n  free(p);\n#endif\n}\n")
        build = self.database([src])
        _, doc = self.check_json("-p", build)
        self.assertEqual(doc["findings"], [])
        _, doc = self.check_json("-p", build, "--extra-arg=-DRT_DEBUG")
        self.assertEqual(len(doc["findings"]), 2)
        _, doc = self.check_json("-p", build, "--extra-arg-before=-DRT_DEBUG")
        self.assertEqual(len(doc["findings"]), 2)
        # An appended -U undoes a -D inserted before: the order is clang-tidy's.
        _, doc = self.check_json("-p", build, "--extra-arg-before=-DRT_DEBUG",
                                 "--extra-arg=-URT_DEBUG")
        self.assertEqual(doc["findings"], [])
        self.write("proj/src/.rtcheck.json", {"extra_args": ["-DRT_DEBUG"]})
        _, doc = self.check_json("-p", build)
        self.assertEqual(len(doc["findings"]), 2)


class Output(Project):
    def test_list_checks_shows_ids_descriptions_and_severity_per_context(self):
        run = rtcheck("list-checks", cwd=self.root)
        self.assertEqual(run.returncode, 0, run.stderr)
        header = run.stdout.splitlines()[0].split()
        self.assertEqual(header[0], "check")
        self.assertIn("audio", header)
        self.assertIn("firmware-isr", header)
        rows = {line.split()[0]: line.split()[1:] for line in run.stdout.splitlines()[1:8]}
        self.assertEqual(sorted(rows), sorted("rtcheck-" + c for c in
                                              ("alloc", "lock", "syscall", "driver", "exception",
                                               "indirect", "unknown")))
        self.assertEqual(rows["rtcheck-alloc"][header.index("audio") - 1], "error")
        self.assertIn("rtcheck-alloc: allocates or frees heap memory", run.stdout)
        self.write("proj/.rtcheck.json", {"root": True, "unknown": False})
        off = rtcheck("list-checks", cwd=self.root)
        unknown = [l for l in off.stdout.splitlines() if l.startswith("rtcheck-unknown ")][0]
        self.assertEqual(set(unknown.split()[1:]), {"off"})

    def test_quiet_leaves_findings_and_errors_only(self):
        src = self.write("proj/src/a.c", CALLBACK)
        build = self.database([src], extra=["-fconcepts-diagnostics-depth=3"])
        loud = rtcheck("check", "-p", build, "--color=never", cwd=self.root)
        quiet = rtcheck("check", "-p", build, "--color=never", "--quiet", cwd=self.root)
        self.assertEqual(loud.returncode, quiet.returncode)
        self.assertIn("rtcheck: warning:", loud.stdout)
        self.assertRegex(loud.stdout, r"rtcheck: \d+ error\(s\)")
        self.assertNotIn("rtcheck: warning:", quiet.stdout)
        self.assertNotRegex(quiet.stdout, r"rtcheck: \d+ error\(s\)")
        self.assertIn("error: 'malloc' allocates", quiet.stdout)
        for sub in (["rules", "list"], ["list-checks"], ["extract", "--output-dir",
                                                          os.path.join(self.dir, "s"), src,
                                                          "--", "-I" + INCLUDE]):
            run = rtcheck(*sub, "-q", cwd=self.root)
            self.assertEqual(run.returncode, 0, (sub, run.stderr))
        self.assertNotRegex(rtcheck("rules", "list", "-q").stdout, r"\d+ function rules")

    def run_on_terminal(self, args, env):
        """Runs the analyzer with stdout on a pseudo-terminal; returns what it wrote there. Stderr
        is a pipe, so that a progress line (a slow run on a terminal) stays out of it."""
        master, slave = pty.openpty()
        proc = subprocess.Popen([ANALYZER, *args], stdout=slave, stderr=subprocess.DEVNULL,
                                cwd=self.root, env=env)
        os.close(slave)
        out = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        proc.wait(timeout=300)
        os.close(master)
        return out.decode(errors="replace")

    def test_color_always_auto_and_no_color(self):
        src = self.write("proj/src/a.c", CALLBACK)
        flags = [src, "--", "-I" + INCLUDE]
        always = rtcheck("check", "--color=always", *flags)
        self.assertIn("\x1b[", always.stdout)
        self.assertNotIn("\x1b[", rtcheck("check", *flags).stdout, "auto: not a terminal")
        env = dict(os.environ)
        env.pop("NO_COLOR", None)
        self.assertIn("\x1b[", self.run_on_terminal(["check", *flags], env))
        env["NO_COLOR"] = "1"
        self.assertNotIn("\x1b[", self.run_on_terminal(["check", *flags], env))
        self.assertIn("\x1b[", rtcheck("check", "--color=always", *flags, env=env).stdout)

    def test_progress_is_silent_in_logs_unless_asked(self):
        files = [os.path.join(THREE, f) for f in ("main.cpp", "engine.cpp", "granular.cpp")]
        flags = ["--", "-std=c++20", "-I" + INCLUDE]
        silent = rtcheck("check", "--format=json", *files, *flags, cwd=THREE)
        self.assertEqual(silent.stderr, "")
        shown = rtcheck("check", "--format=json", "--progress", "-j", "1", *files, *flags,
                        cwd=THREE)
        self.assertEqual(shown.stderr.splitlines(),
                         ["[1/3] main.cpp", "[2/3] engine.cpp", "[3/3] granular.cpp"])
        self.assertEqual(rtcheck("check", "--format=json", "--progress", "-q", *files, *flags,
                                 cwd=THREE).stderr, "")


if __name__ == "__main__":
    unittest.main(verbosity=2)
