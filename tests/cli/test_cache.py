#!/usr/bin/env python3
"""The summary cache of `check -p`: a warm run parses nothing, an edited source or header re-parses
exactly the TUs that read it, a corrupt entry is ignored with a note and rebuilt, concurrent runs
share one directory, and the findings never differ from a run without the cache."""
import glob
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

SOURCES = {
    "shared.h": "static inline void helper(void) {}\n",
    "other.h": "void other_setup(void);\n",
    "a.c": '#include "shared.h"\n#include <rtcheck/realtime.h>\n'
           "void mix(float *out, int n);\n"
           "RTCHECK_REALTIME(audio) void process(float *out, int n) { helper(); mix(out, n); }\n",
    "b.c": '#include "shared.h"\n#include <stdlib.h>\n'
           "void mix(float *out, int n) { helper(); for (int i = 0; i < n; ++i) out[i] *= 0.5f; }\n",
    "c.c": '#include "other.h"\n#include <stdlib.h>\nvoid other_setup(void) { free(malloc(4)); }\n',
}


class Cache(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="rtcheck-cache-")
        self.src = os.path.join(self.dir, "src")
        self.cache = os.path.join(self.dir, "cache")
        os.makedirs(self.src)
        for name, text in SOURCES.items():
            self.write(name, text)
        with open(os.path.join(self.src, ".rtcheck.json"), "w") as f:
            json.dump({"root": True}, f)
        db = [{"directory": self.src, "file": name,
               "arguments": ["cc", "-I" + INCLUDE, "-c", name, "-o", name + ".o"]}
              for name in ("a.c", "b.c", "c.c")]
        with open(os.path.join(self.src, "compile_commands.json"), "w") as f:
            json.dump(db, f)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, text):
        with open(os.path.join(self.src, name), "w") as f:
            f.write(text)

    def run_check(self, *args, cache=True, env=None, fmt="json"):
        cmd = [ANALYZER, "check", "-p", self.src, "--format=" + fmt, "-j2", *args]
        if cache:
            cmd += ["--cache-dir", self.cache]
        return subprocess.run(cmd, capture_output=True, text=True, cwd=self.src, timeout=300,
                              env=env)

    def check(self, *args, **kw):
        run = self.run_check(*args, **kw)
        self.assertIn(run.returncode, (0, 1), run.stderr)
        return json.loads(run.stdout), run.stderr

    @staticmethod
    def extracted(report):
        return sorted(os.path.basename(f) for f in report["stats"]["cache"]["extracted"])

    @staticmethod
    def findings(report):
        return sorted((f["rule"], f["function"], f["callee"], f["line"])
                      for f in report["findings"])

    def test_warm_run_parses_nothing_and_reports_the_same(self):
        cold, _ = self.check()
        self.assertNotIn("rtcheck-alloc", [f["rule"] for f in cold["findings"]])
        self.assertEqual(cold["stats"]["cache"]["misses"], 3)
        self.assertEqual(cold["stats"]["cache"]["hits"], 0)
        self.assertEqual(self.extracted(cold), ["a.c", "b.c", "c.c"])
        warm, _ = self.check()
        self.assertEqual(warm["stats"]["cache"]["hits"], 3)
        self.assertEqual(warm["stats"]["cache"]["misses"], 0)
        self.assertEqual(self.extracted(warm), [])
        uncached, _ = self.check("--no-cache", cache=False)
        self.assertNotIn("cache", uncached["stats"])
        self.assertEqual(self.findings(warm), self.findings(cold))
        self.assertEqual(self.findings(warm), self.findings(uncached))

    def test_an_edited_source_re_extracts_that_tu_only(self):
        self.check()
        self.write("b.c", SOURCES["b.c"].replace(
            "helper();", "helper(); float *t = malloc(4); free(t);"))
        report, _ = self.check()
        self.assertEqual(self.extracted(report), ["b.c"])
        self.assertEqual(report["stats"]["cache"]["hits"], 2)
        # The edit is seen: the new allocation is reached from the root.
        self.assertIn("rtcheck-alloc", [f["rule"] for f in report["findings"]])

    def test_an_edited_header_re_extracts_the_tus_that_read_it(self):
        self.check()
        self.write("shared.h", "#include <stdlib.h>\n"
                               "static inline void helper(void) { free(malloc(8)); }\n")
        report, _ = self.check()
        self.assertEqual(self.extracted(report), ["a.c", "b.c"])
        self.assertIn("rtcheck-alloc", [f["rule"] for f in report["findings"]])
        again, _ = self.check()
        self.assertEqual(self.extracted(again), [])

    def test_headers_reached_through_a_symbolic_link_and_dot_dot(self):
        # src/link -> ../deep/sub, so src/link/../hdr is deep/hdr, not src/hdr: the cache must
        # hash the file the compiler read (a lexical ".." would name one that does not exist).
        deep = os.path.join(self.dir, "deep")
        os.makedirs(os.path.join(deep, "sub"))
        os.makedirs(os.path.join(deep, "hdr"))
        with open(os.path.join(deep, "hdr", "linked.h"), "w") as f:
            f.write("static inline int linked(void) { return 1; }\n")
        os.symlink(os.path.join(deep, "sub"), os.path.join(self.src, "link"))
        self.write("d.c", '#include "linked.h"\nint use(void) { return linked(); }\n')
        with open(os.path.join(self.src, "compile_commands.json")) as f:
            db = json.load(f)
        db.append({"directory": self.src, "file": "d.c",
                   "arguments": ["cc", "-Ilink/../hdr", "-c", "d.c", "-o", "d.o"]})
        with open(os.path.join(self.src, "compile_commands.json"), "w") as f:
            json.dump(db, f)
        self.check()
        warm, _ = self.check()
        self.assertEqual(self.extracted(warm), [])
        with open(os.path.join(deep, "hdr", "linked.h"), "a") as f:
            f.write("/* edited */\n")
        edited, _ = self.check()
        self.assertEqual(self.extracted(edited), ["d.c"])

    def test_other_flags_are_another_entry(self):
        self.check()
        report, _ = self.check("--extra-arg=-DFAST")
        self.assertEqual(self.extracted(report), ["a.c", "b.c", "c.c"])

    def test_a_corrupt_entry_is_ignored_with_a_note_and_rebuilt(self):
        cold, _ = self.check()
        entries = sorted(glob.glob(os.path.join(self.cache, "summaries", "*", "*.json")))
        self.assertEqual(len(entries), 3)
        for entry in entries:
            with open(entry, "r+") as f:
                text = f.read()
                f.seek(0)
                f.truncate()
                f.write(text[: len(text) // 2])
        report, _ = self.check()
        self.assertEqual(self.extracted(report), ["a.c", "b.c", "c.c"])
        notes = [w for w in report["warnings"] if w.startswith("summary cache: ")]
        self.assertEqual(len(notes), 3, report["warnings"])
        for note in notes:
            self.assertIn("corrupt", note)
            self.assertEqual(len(note.splitlines()), 1)
        # In text, one warning line.
        with open(entries[0], "w") as f:
            f.write("{")
        text = self.run_check(fmt="text")
        self.assertIn("rtcheck: warning: summary cache: " + entries[0] + ": ", text.stdout)
        self.assertEqual(self.findings(report), self.findings(cold))
        again, _ = self.check()
        self.assertEqual(again["stats"]["cache"]["hits"], 3)

    def test_concurrent_runs_share_a_directory(self):
        runs = [subprocess.Popen([ANALYZER, "check", "-p", self.src, "--format=json", "-j1",
                                  "--cache-dir", self.cache], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, cwd=self.src)
                for _ in range(3)]
        outputs = [r.communicate(timeout=300) for r in runs]
        for r, (out, err) in zip(runs, outputs):
            self.assertIn(r.returncode, (0, 1), err)
            self.assertNotIn("summary cache", err)
        reports = [json.loads(out) for out, _ in outputs]
        for report in reports[1:]:
            self.assertEqual(self.findings(report), self.findings(reports[0]))
        warm, _ = self.check()
        self.assertEqual(warm["stats"]["cache"]["hits"], 3)
        self.assertEqual(glob.glob(os.path.join(self.cache, "**", "*.tmp-*"), recursive=True), [])

    def test_size_limit_evicts(self):
        self.check("--cache-max-size", "1")
        total = sum(os.path.getsize(f) for f in
                    glob.glob(os.path.join(self.cache, "**", "*.json"), recursive=True))
        self.assertEqual(total, 0)

    def test_default_directory_and_configuration_key(self):
        env = dict(os.environ, XDG_CACHE_HOME=os.path.join(self.dir, "xdg"))
        report, _ = self.check(cache=False, env=env)
        self.assertEqual(report["stats"]["cache"]["directory"],
                         os.path.join(self.dir, "xdg", "rtcheck"))
        with open(os.path.join(self.src, ".rtcheck.json"), "w") as f:
            json.dump({"root": True, "cache_dir": "../from-config"}, f)
        report, _ = self.check(cache=False, env=env)
        self.assertEqual(report["stats"]["cache"]["directory"],
                         os.path.join(self.dir, "from-config"))
        # The command line wins over the file.
        report, _ = self.check("--no-cache", cache=False, env=env)
        self.assertNotIn("cache", report["stats"])

    def test_text_stats_line(self):
        run = self.run_check("--stats", fmt="text")
        self.assertIn("rtcheck: stats: summary cache: 0 hit(s), 3 miss(es) in " + self.cache,
                      run.stderr)

    def test_an_unusable_directory_is_a_warning(self):
        blocker = os.path.join(self.dir, "blocker")
        with open(blocker, "w") as f:
            f.write("not a directory")
        run = self.run_check("--cache-dir", os.path.join(blocker, "cache"), cache=False)
        self.assertIn(run.returncode, (0, 1), run.stderr)
        report = json.loads(run.stdout)
        self.assertTrue([w for w in report["warnings"]
                         if w.endswith("; running without the summary cache")], report["warnings"])
        self.assertNotIn("cache", report["stats"])

    def test_usage_errors(self):
        for args in (["--cache-max-size", "lots"], ["--no-cache", "--cache-dir", self.cache]):
            run = self.run_check(*args, cache=False)
            self.assertEqual(run.returncode, 2, run.stderr)
            self.assertEqual(len(run.stderr.strip().splitlines()), 1, run.stderr)
            self.assertTrue(run.stderr.startswith("rtcheck: error: "), run.stderr)


if __name__ == "__main__":
    unittest.main()
