#!/usr/bin/env python3
"""A real program that is not one of the samples: a JACK client (programs/jack_tone.c) against a
private `jackd -d dummy`, checked by the analyzer and run under the shim; its report joins the
registered process callback to its runtime scope and confirms the allocation on both sides.
  test_jack.py JACK_TONE BUILD_DIR OUT_DIR   (the reports stay in OUT_DIR/jack_tone.*)"""
import os
import shutil
import subprocess
import sys
import time
from xml.etree import ElementTree

TONE, BUILD, OUT = (os.path.abspath(a) for a in sys.argv[1:4])
RTCHECK = os.path.abspath(os.environ["RTCHECK"])
RULES = os.environ["RTCHECK_RULES"]
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
ANALYZER = os.path.join(os.path.dirname(RTCHECK), "rtcheck-analyzer")


def main():
    if not shutil.which("jackd"):
        print("jackd not installed (apt-get install jackd2): skipped")
        return 77
    server = f"rtcheck-report-{os.getpid()}"
    env = dict(os.environ, JACK_DEFAULT_SERVER=server, JACK_NO_AUDIO_RESERVATION="1")
    jackd = subprocess.Popen(["jackd", "--no-realtime", "-n", server, "-d", "dummy", "-r", "48000",
                              "-p", "256"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        base = os.path.join(OUT, "jack_tone")
        runtime = base + ".runtime.json"
        for _ in range(50):  # the server takes a moment to accept clients
            run = subprocess.run([RTCHECK, "run", "-q", "--report", runtime, "--", TONE, "1"],
                                 env=env, capture_output=True, text=True, timeout=60)
            if run.returncode == 0:
                break
            time.sleep(0.2)
        assert run.returncode == 0, run.stderr
        cflags = subprocess.run(["pkg-config", "--cflags", "jack"], capture_output=True,
                                text=True).stdout.split()
        static = base + ".json"
        check = subprocess.run([ANALYZER, "check", "--format", "json", "--fail-on", "none",
                                "-o", static, os.path.join(HERE, "programs", "jack_tone.c"), "--",
                                "-I" + os.path.join(REPO, "runtime", "include"), *cflags],
                               capture_output=True, text=True, timeout=300)
        assert check.returncode == 0, check.stderr
        rep = subprocess.run([RTCHECK, "report", "--rules", RULES, "--static", static, "--runtime",
                              runtime, "--title", "jack_tone", "--html", base + ".html",
                              "--markdown", base + ".md", "--junit", base + ".xml", "--sarif",
                              base + ".sarif"], capture_output=True, text=True, timeout=120)
        assert rep.returncode == 1, rep.stderr
        root = ElementTree.parse(base + ".xml").getroot()
        suites = {s.get("name"): s for s in root.iter("testsuite")}
        assert "process" in suites, sorted(suites)
        ev = [p.get("value") for p in suites["process"].iter("property")
              if p.get("name") == "evidence"]
        assert ev == ["static and run time"], ev
        alloc = [c for c in suites["process"].iter("testcase") if c.get("name") == "no heap allocation"]
        failure = alloc[0].find("failure")
        assert failure is not None, "the allocation claim must fail"
        reason = failure.get("message")
        assert "confirmed at run time)" in reason and "calls at run time" in reason, reason
        md = open(base + ".md").read()
        assert "confirms the static finding at `jack_tone.c:" in md, md
        print(open(base + ".md").read())
        print(f"reports: {base}.html {base}.md")
        return 0
    finally:
        jackd.terminate()
        jackd.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
