#!/usr/bin/env python3
"""A baseline keeps old findings quiet and fails on new ones, across the edits of a real history:
a fixture repository is committed, edited above the findings, reordered, its folder renamed, and
then given one new problem."""
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
SARIF_SCHEMA = os.path.join(REPO, "tests", "data", "sarif-schema-2.1.0.json")
BASELINE_SCHEMA = os.path.join(REPO, "rules", "schema", "baseline.schema.json")

ENGINE = """#include <rtcheck/realtime.h>
#include <stdlib.h>
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void mix(float *out, int n) {
  float *tmp = (float *)malloc(sizeof(float) * n);
  for (int i = 0; i < n; ++i)
    out[i] += tmp[i];
  free(tmp);
}

RTCHECK_REALTIME(audio) void process(float *out, int n) {
  pthread_mutex_lock(&lock);
  mix(out, n);
  pthread_mutex_unlock(&lock);
}
"""


class History(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="rtcheck-baseline-")
        self.repo = os.path.join(self.dir, "repo")
        os.makedirs(os.path.join(self.repo, "src", "dsp"))
        with open(os.path.join(self.repo, ".rtcheck.json"), "w") as f:
            json.dump({"root": True}, f)
        self.git("init", "-q")
        self.engine = os.path.join(self.repo, "src", "dsp", "engine.c")
        self.write(ENGINE)
        self.commit("engine")
        self.baseline = os.path.join(self.dir, "rtcheck-baseline.json")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def git(self, *args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=self.repo,
                       check=True, capture_output=True)

    def commit(self, message):
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def write(self, text):
        with open(self.engine, "w") as f:
            f.write(text)

    def read(self):
        with open(self.engine) as f:
            return f.read()

    def check(self, *args):
        run = subprocess.run([ANALYZER, "check", self.engine, *args, "--", "-I" + INCLUDE],
                             capture_output=True, text=True, cwd=self.repo, timeout=300)
        self.assertIn(run.returncode, (0, 1), run.stderr)
        return run

    def check_json(self, *args):
        run = self.check("--format=json", "--baseline", self.baseline, *args)
        return run.returncode, json.loads(run.stdout)

    def test_old_findings_stay_quiet_and_a_new_one_fails(self):
        written = self.check("--write-baseline", self.baseline, "--format=json")
        self.assertEqual(written.returncode, 0, "every finding of the run is now baselined")
        with open(self.baseline) as f:
            recorded = json.load(f)
        import jsonschema
        with open(BASELINE_SCHEMA) as s:
            jsonschema.validate(recorded, json.load(s))
        self.assertEqual(sorted(e["rule"] for e in recorded["findings"]),
                         ["rtcheck-alloc", "rtcheck-alloc", "rtcheck-lock", "rtcheck-lock"])
        self.assertEqual({e["file"] for e in recorded["findings"]}, {"src/dsp/engine.c"})
        self.assertEqual(self.check().returncode, 1, "without the baseline the findings fail")

        # Lines added above every finding.
        self.write("// Mixing engine.\n// Real-time: the process callback.\n\n" + self.read())
        self.commit("comment")
        status, doc = self.check_json()
        self.assertEqual((status, doc["findings"]), (0, []))
        self.assertEqual(doc["stats"]["baseline"]["matched"], 4)

        # Code moved within the file: the callback before its helper.
        text = self.read()
        start, end = text.index("void mix("), text.index("RTCHECK_REALTIME")
        text = text[:start] + text[end:] + "\n" + text[start:end]
        text = text.replace("#include <pthread.h>\n", "#include <pthread.h>\nvoid mix(float *, int);\n")
        self.write(text)
        self.commit("reorder")
        status, doc = self.check_json()
        self.assertEqual((status, doc["findings"]), (0, []))

        # The folder renamed; the file, its functions and their callees stay.
        self.git("mv", "src/dsp", "src/audio")
        self.commit("rename folder")
        self.engine = os.path.join(self.repo, "src", "audio", "engine.c")
        status, doc = self.check_json()
        self.assertEqual((status, doc["findings"]), (0, []))
        self.assertEqual(doc["stats"]["baseline"], {"file": self.baseline, "matched": 4,
                                                    "absent": 0})

        # One new problem: only it is reported, and it fails the run.
        self.write(self.read().replace("  mix(out, n);\n",
                                       "  mix(out, n);\n  float *more = (float *)calloc(4, 4);\n"
                                       "  free(more);\n"))
        self.commit("new allocation")
        status, doc = self.check_json()
        self.assertEqual(status, 1)
        self.assertEqual(sorted(f["callee"] for f in doc["findings"]), ["calloc", "free"])
        self.assertEqual(doc["stats"]["baseline"]["matched"], 4)
        text = self.check("--baseline", self.baseline, "--color=never").stdout
        self.assertIn("rtcheck: 2 error(s), 0 warning(s)", text)
        self.assertIn("4 in the baseline, 0 baseline entries gone", text)

        # SARIF: the new results are "new", the baselined ones "unchanged" and suppressed.
        import jsonschema
        sarif = json.loads(self.check("--format=sarif", "--baseline", self.baseline).stdout)
        with open(SARIF_SCHEMA) as s:
            jsonschema.validate(sarif, json.load(s))
        states = sorted(r["baselineState"] for r in sarif["runs"][0]["results"])
        self.assertEqual(states, ["new", "new"] + ["unchanged"] * 4)

        # Fixing the old lock leaves its entries absent, never failing.
        self.write(self.read().replace("  pthread_mutex_lock(&lock);\n", "")
                   .replace("  pthread_mutex_unlock(&lock);\n", ""))
        status, doc = self.check_json()
        self.assertEqual(doc["stats"]["baseline"]["absent"], 2)

    def test_a_bad_baseline_is_one_error_line(self):
        missing = os.path.join(self.dir, "none.json")
        run = subprocess.run([ANALYZER, "check", self.engine, "--baseline", missing, "--",
                              "-I" + INCLUDE], capture_output=True, text=True, timeout=300)
        self.assertEqual(run.returncode, 2)
        lines = run.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, run.stderr)
        self.assertTrue(lines[0].startswith("rtcheck: error: " + missing), lines[0])


if __name__ == "__main__":
    unittest.main(verbosity=2)
