#!/usr/bin/env python3
"""The HTML report renders in headless Chromium: a screenshot is taken and the DOM Chromium built
has the summary table, both plots of the exercised callback and the collapsible chains."""
import os
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

RTCHECK = os.environ["RTCHECK"]
RULES = os.environ["RTCHECK_RULES"]
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


class Dom(HTMLParser):
    """What the test looks for in the DOM Chromium serialised (HTML, not XML)."""

    def __init__(self):
        super().__init__()
        self.summary_tables = self.summary_rows = self.bars = self.budget_lines = 0
        self.details = self.summaries = 0
        self.statuses, self.svgs, self.stack = [], [], []
        self.in_status = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "table" and a.get("id") == "summary":
            self.summary_tables += 1
        if tag in ("table", "svg"):
            self.stack.append((tag, a.get("id") or a.get("class")))
        inside = [k for _, k in self.stack]
        if tag == "tr" and "summary" in inside and a.get("class"):
            self.summary_rows += 1
        if tag == "td" and "status" in cls and "summary" in inside:
            self.in_status = True
        if tag == "svg":
            self.svgs.append(a.get("class"))
        if tag == "rect" and "histogram" in inside:
            self.bars += 1
        if tag == "line" and "budget" in cls:
            self.budget_lines += 1
        if tag == "details":
            self.details += 1
        if tag == "summary":
            self.summaries += 1

    def handle_endtag(self, tag):
        if tag in ("table", "svg") and self.stack:
            self.stack.pop()
        if tag == "td":
            self.in_status = False

    def handle_data(self, data):
        if self.in_status and data.strip():
            self.statuses.append(data.strip())


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def main():
    screenshot = os.path.abspath(sys.argv[1])
    chromium = find_chromium()
    if not chromium:
        print("chromium not installed (apt-get install chromium): skipped")
        return 77
    work = tempfile.mkdtemp(prefix="rtcheck-html-")
    try:
        html = os.path.join(work, "report.html")
        run = subprocess.run([RTCHECK, "report", "--rules", RULES, "--static",
                              os.path.join(DATA, "static.json"), "--runtime",
                              os.path.join(DATA, "runtime.json"), "--claims",
                              os.path.join(DATA, "claims.json"), "--html", html],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 1, run.stderr
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--user-data-dir=" + os.path.join(work, "profile"), "--window-size=1200,1600"]
        if os.path.exists(screenshot):
            os.unlink(screenshot)
        shot = subprocess.run([chromium, *flags, "--screenshot=" + screenshot, "file://" + html],
                              capture_output=True, text=True, timeout=180)
        assert os.path.getsize(screenshot) > 10000, f"no screenshot: {shot.stderr[-2000:]}"
        with open(screenshot, "rb") as f:
            assert f.read(8) == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG"
        dom = subprocess.run([chromium, *flags, "--dump-dom", "file://" + html],
                             capture_output=True, text=True, timeout=180).stdout
        dom_file = os.path.join(os.path.dirname(screenshot), "html-dom.html")
        with open(dom_file, "w") as f:
            f.write(dom)
        seen = Dom()
        seen.feed(dom)
        assert seen.summary_tables == 1, f"no summary table in the DOM ({dom_file})"
        assert len(seen.statuses) == seen.summary_rows, (seen.statuses, seen.summary_rows)
        assert {"PASS", "FAIL", "NOT MEASURED"} <= set(seen.statuses), seen.statuses
        assert sorted(seen.svgs) == ["histogram", "histogram", "percentiles", "percentiles"], \
            seen.svgs
        assert seen.bars == 10, seen.bars
        assert seen.budget_lines == 2, "the synth callback's plots show its budget"
        assert seen.details >= 4 and seen.summaries == seen.details, (seen.details, seen.summaries)
        print(f"screenshot: {screenshot}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
