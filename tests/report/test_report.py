#!/usr/bin/env python3
"""`rtcheck report` on hand-made inputs: verdicts and reasons, bad inputs, and every output
checked by a real parser (JUnit against junit.xsd, SARIF against the OASIS schema, claims files
against rules/schema/claims.schema.json, Markdown against its golden file)."""
import copy
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import jsonschema
from lxml import etree

RTCHECK = os.environ["RTCHECK"]
RULES = os.environ["RTCHECK_RULES"]
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(HERE, "data")
SARIF_SCHEMA = os.path.join(REPO, "tests", "data", "sarif-schema-2.1.0.json")
CLAIMS_SCHEMA = os.path.join(REPO, "rules", "schema", "claims.schema.json")
JUNIT_XSD = os.path.join(HERE, "junit.xsd")


def data(name):
    return os.path.join(DATA, name)


def load(path):
    with open(path) as f:
        return json.load(f)


class Report(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="rtcheck-report-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def report(self, *args):
        return subprocess.run([RTCHECK, "report", "--rules", RULES, *args], capture_output=True,
                              text=True, timeout=120)

    def full(self, *extra):
        return self.report("--static", data("static.json"), "--runtime", data("runtime.json"),
                           "--claims", data("claims.json"), *extra)

    def junit(self, *extra):
        run = self.full("--junit", self.path("j.xml"), *extra)
        self.assertIn(run.returncode, (0, 1), run.stderr)
        return etree.parse(self.path("j.xml"))

    def case(self, tree, suite, name):
        found = tree.xpath(f'//testsuite[@name="{suite}"]/testcase[@name="{name}"]')
        self.assertEqual(len(found), 1, f"{suite} / {name}")
        return found[0]

    def status(self, case):
        if case.find("failure") is not None:
            return "FAIL"
        if case.find("skipped") is not None:
            return "NOT MEASURED"
        return "PASS"

    def assert_one_line_error(self, run, *needles):
        self.assertEqual(run.returncode, 2, run.stderr)
        lines = run.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, run.stderr)
        self.assertTrue(lines[0].startswith("rtcheck: error: "), lines[0])
        for n in needles:
            self.assertIn(n, lines[0])

    # --- verdicts -------------------------------------------------------------------------------

    def test_failing_claim_exits_1_and_names_the_evidence(self):
        run = self.full("--markdown", "-")
        self.assertEqual(run.returncode, 1, run.stderr)
        self.assertIn("rtcheck: report: FAIL", run.stderr)
        tree = self.junit()
        alloc = self.case(tree, "Synth::process", "no heap allocation")
        self.assertEqual(self.status(alloc), "FAIL")
        reason = alloc.find("failure").get("message")
        self.assertIn("'operator new' reached at engine.cpp:42", reason)
        self.assertIn("1000 calls at run time", reason)
        self.assertEqual(self.status(self.case(tree, "Synth::process", "no locking or waiting")),
                         "FAIL")
        self.assertEqual(self.status(self.case(tree, "Synth::process", "no blocking system calls")),
                         "PASS")
        # p99 0.9 ms <= 1 ms holds; max 3.1 ms > 2 ms does not; the declared budget had 2 misses.
        self.assertEqual(self.status(self.case(tree, "Synth::process", "p99 latency <= 1.000 ms")),
                         "PASS")
        self.assertEqual(self.status(self.case(tree, "Synth::process", "max latency <= 2.000 ms")),
                         "FAIL")
        deadline = self.case(tree, "Synth::process", "deadline misses <= 0 (budget 2.667 ms)")
        self.assertEqual(self.status(deadline), "FAIL")
        self.assertIn("2 of 1000 callbacks over the budget", deadline.find("failure").get("message"))
        self.assertEqual(self.status(self.case(tree, "Synth::process", "period jitter <= 0.500 ms")),
                         "PASS")

    def test_one_sided_callbacks_are_rows(self):
        tree = self.junit()
        idle = tree.xpath('//testsuite[@name="idle_task"]')[0]
        self.assertEqual(idle.xpath('properties/property[@name="evidence"]/@value'),
                         ["not exercised at run time"])
        ui = tree.xpath('//testsuite[@name="ui.refresh"]')[0]
        self.assertEqual(ui.xpath('properties/property[@name="evidence"]/@value'),
                         ["no static root"])
        p99 = self.case(tree, "ui.refresh", "p99 latency <= 0.010 ms")
        self.assertEqual(self.status(p99), "PASS")
        ghost = self.case(tree, "midi_in", "callback exists")
        self.assertEqual(self.status(ghost), "NOT MEASURED")
        self.assertIn("no static root and no runtime scope named 'midi_in'",
                      ghost.find("skipped").get("message"))

    def test_without_claims_the_profile_and_declared_budget_decide(self):
        run = self.report("--static", data("static.json"), "--runtime", data("runtime.json"),
                          "--junit", self.path("j.xml"))
        self.assertEqual(run.returncode, 1, run.stderr)
        tree = etree.parse(self.path("j.xml"))
        names = tree.xpath('//testsuite[@name="Synth::process"]/testcase/@name')
        # audio profile: alloc, lock, syscall, driver are errors; exceptions only warn.
        self.assertEqual(names, ["no heap allocation", "no locking or waiting",
                                 "no blocking system calls", "no driver calls",
                                 "deadline misses <= 0 (budget 2.667 ms)"])
        idle = self.case(tree, "idle_task", "no heap allocation")
        self.assertEqual(self.status(idle), "PASS")
        self.assertIn("static evidence only", idle.find("system-out").text)

    def test_baseline_accepts_known_findings(self):
        tree = self.junit("--baseline", data("baseline.json"))
        lock = self.case(tree, "Synth::process", "no locking or waiting")
        self.assertEqual(self.status(lock), "PASS")
        self.assertIn("1 known finding accepted by the baseline", lock.find("system-out").text)
        sarif = self.full("--baseline", data("baseline.json"), "--sarif", "-")
        states = {r["ruleId"]: r.get("baselineState") for r in
                  json.loads(sarif.stdout)["runs"][0]["results"] if r["properties"]["source"] == "static"}
        self.assertEqual(states, {"rtcheck-alloc": "new", "rtcheck-lock": "unchanged"})

    def test_all_claims_hold_exits_0(self):
        claims = {"rtcheck_claims": 1, "callbacks": {"ui.refresh": {"allowed": ["syscall"]}}}
        with open(self.path("c.json"), "w") as f:
            json.dump(claims, f)
        run = self.report("--runtime", data("runtime.json"), "--claims", self.path("c.json"),
                          "--junit", self.path("j.xml"))
        # synth.process has no static side here: its alloc claim fails on runtime evidence alone.
        self.assertEqual(run.returncode, 1, run.stderr)
        only_ui = load(data("runtime.json"))
        only_ui["scopes"] = [s for s in only_ui["scopes"] if s["name"] == "ui.refresh"]
        only_ui["sites"] = [s for s in only_ui["sites"] if s["scope"] == "ui.refresh"]
        with open(self.path("ui.json"), "w") as f:
            json.dump(only_ui, f)
        run = self.report("--runtime", self.path("ui.json"), "--claims", self.path("c.json"))
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
        self.assertIn("PASS: 0 claim(s) fail", run.stderr)

    def test_missing_symbolizer_is_a_note_not_an_error(self):
        run = self.full("--symbolizer", self.path("no-such-symbolizer"), "--markdown", "-")
        self.assertEqual(run.returncode, 1, run.stderr)
        self.assertIn("runtime stacks are not symbolised to file and line: llvm-symbolizer not found",
                      run.stdout)
        self.assertNotIn("no longer exists", run.stdout)  # nothing was looked up

    def test_runtime_reports_merge(self):
        run = self.report("--runtime", data("runtime.json"), "--runtime", data("runtime.json"),
                          "--markdown", "-")
        self.assertIn("2000 calls on 2 thread(s)", run.stdout)

    # --- bad input: one line naming the file, status 2 ------------------------------------------

    def test_wrong_static_version(self):
        doc = load(data("static.json"))
        doc["version"] = 2
        with open(self.path("v2.json"), "w") as f:
            json.dump(doc, f)
        self.assert_one_line_error(self.report("--static", self.path("v2.json")),
                                   self.path("v2.json"), "version 2")

    def test_runtime_report_given_as_static(self):
        self.assert_one_line_error(self.report("--static", data("runtime.json")),
                                   data("runtime.json"), "rtcheck check --format=json")

    def test_static_report_given_as_runtime(self):
        self.assert_one_line_error(self.report("--runtime", data("static.json")),
                                   data("static.json"), "runtime report")

    def test_not_json(self):
        with open(self.path("x.json"), "w") as f:
            f.write("{nope")
        self.assert_one_line_error(self.report("--runtime", self.path("x.json")),
                                   self.path("x.json"), "not valid JSON")

    def test_number_too_large_for_a_double(self):
        # Found by fuzz_runtime_report: nlohmann's out_of_range escaped the reader (no file named).
        self.assert_one_line_error(self.report("--runtime", data("number_overflow.json")),
                                   data("number_overflow.json"), "not valid JSON", "number overflow")

    def test_missing_file(self):
        self.assert_one_line_error(self.report("--static", self.path("absent.json")),
                                   self.path("absent.json"), "cannot be read")

    def test_bad_claims(self):
        cases = [({"rtcheck_claims": 2, "callbacks": {}}, "unsupported claims version 2"),
                 ({"callbacks": {}}, "not an rtcheck claims file"),
                 ({"rtcheck_claims": 1, "callbacks": {"a": {"p99_ms": 1}}}, "unknown key 'p99_ms'"),
                 ({"rtcheck_claims": 1, "callbacks": {"a": {"allowed": ["heap"]}}},
                  "unknown category \"heap\""),
                 ({"rtcheck_claims": 1, "callbacks": {"a": {"latency_ms": {"p95": 1}}}},
                  "unknown percentile 'p95'"),
                 ({"rtcheck_claims": 1, "callbacks": {"a": {"budget_ms": -1}}},
                  "'budget_ms' must be a positive number")]
        schema = jsonschema.Draft202012Validator(load(CLAIMS_SCHEMA))
        for doc, needle in cases:
            with self.subTest(needle=needle):
                with open(self.path("c.json"), "w") as f:
                    json.dump(doc, f)
                self.assert_one_line_error(
                    self.report("--runtime", data("runtime.json"), "--claims", self.path("c.json")),
                    self.path("c.json"), needle)
                self.assertFalse(schema.is_valid(doc), doc)

    def test_no_input(self):
        self.assert_one_line_error(self.report("--markdown", "-"), "nothing to report on")

    # --- outputs --------------------------------------------------------------------------------

    def test_claims_files_validate_against_the_schema(self):
        schema = jsonschema.Draft202012Validator(load(CLAIMS_SCHEMA))
        for name in ("claims.json",):
            errors = list(schema.iter_errors(load(data(name))))
            self.assertEqual(errors, [], name)

    def test_junit_validates_against_xsd(self):
        tree = self.junit()
        schema = etree.XMLSchema(etree.parse(JUNIT_XSD))
        self.assertTrue(schema.validate(tree), schema.error_log)
        root = tree.getroot()
        cases = tree.xpath("//testcase")
        self.assertEqual(int(root.get("tests")), len(cases))
        self.assertEqual(int(root.get("failures")), len(tree.xpath("//testcase[failure]")))
        self.assertEqual(int(root.get("skipped")), len(tree.xpath("//testcase[skipped]")))
        broken = copy.deepcopy(root)
        broken.find(".//testcase").tag = "testcas"
        self.assertFalse(schema.validate(broken), "the XSD must reject a misspelt element")

    def test_sarif_validates_and_carries_both_sides(self):
        run = self.full("--sarif", self.path("r.sarif"), "--source-root", "/src")
        self.assertEqual(run.returncode, 1, run.stderr)
        doc = load(self.path("r.sarif"))
        jsonschema.validate(doc, load(SARIF_SCHEMA))
        results = doc["runs"][0]["results"]
        sources = sorted(r["properties"]["source"] for r in results)
        self.assertEqual(sources, ["runtime", "runtime", "static", "static"])
        alloc = next(r for r in results if r["properties"]["source"] == "static"
                     and r["ruleId"] == "rtcheck-alloc")
        loc = alloc["locations"][0]["physicalLocation"]
        self.assertEqual(loc["artifactLocation"], {"uri": "synth/engine.cpp", "uriBaseId": "%SRCROOT%"})
        self.assertEqual(len(alloc["codeFlows"][0]["threadFlows"][0]["locations"]), 4)
        rt = next(r for r in results if r["properties"]["source"] == "runtime"
                  and r["ruleId"] == "rtcheck-alloc")
        self.assertEqual(rt["properties"]["count"], 1000)
        flow = rt["codeFlows"][0]["threadFlows"][0]["locations"]
        self.assertEqual(flow[0]["location"]["message"]["text"], "Synth::process(float*, int)")

    def test_markdown_golden(self):
        run = self.full("--markdown", "-")
        with open(os.path.join(HERE, "expected.md")) as f:
            self.assertEqual(run.stdout, f.read())

    def test_outputs_are_written_atomically(self):
        out = self.path("r.md")
        with open(out, "w") as f:
            f.write("old")
        run = self.full("--markdown", out, "--html", self.path("r.html"))
        self.assertEqual(run.returncode, 1, run.stderr)
        self.assertEqual(sorted(os.listdir(self.dir)), ["r.html", "r.md"])
        with open(out) as f:
            self.assertTrue(f.read().startswith("## rtcheck validation report"))
        with open(self.path("r.html")) as f:
            html = f.read()
        for needle in ('id="summary"', 'class="histogram"', 'class="percentiles"', "<details",
                       "not matched: no source lines"):
            self.assertIn(needle, html)
        self.assertNotIn("<script", html)
        self.assertNotIn("http://", html.replace("http://www.w3.org/2000/svg", ""))
        unwritable = self.full("--markdown", os.path.join(self.dir, "absent", "r.md"))
        self.assert_one_line_error(unwritable, "absent/r.md")


if __name__ == "__main__":
    unittest.main()
