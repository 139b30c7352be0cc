#!/usr/bin/env python3
"""CLAP plug-ins in an unmodified host: under `rtcheck run`, a host that looks up `clap_entry` gets a
wrapped entry, and the plug-ins it creates run `process` in a scope named after the plug-in id with
the budget frames_count / the rate given to activate (start_processing, stop_processing, reset and
an active plug-in's params flush in scopes of their own), while the host and the plug-in behave
exactly as without the shim. Debian 12 ships no CLAP host or plug-in, so both are ours
(programs/clap_host.c, programs/clap_plugin.cpp). One case per invocation:
autoscope_clap_test.py CASE --rtcheck BIN --programs DIR."""

import json
import signal
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import autoscope_test  # noqa: E402
from autoscope_test import check, run, scopes  # noqa: E402

GAIN, FIXED = "org.rtcheck.test.gain", "org.rtcheck.test.fixed"


def host(args, plugin_id, *options):
    programs = Path(args.programs)
    return [str(programs / "rt_clap_host"), str(programs / "rt_clap_plugin.clap"), plugin_id, *options]


def same_as_plain(args, tmp, cmd, report, **kw):
    """Runs `cmd` without and with the shim; both must succeed with the same output."""
    plain = subprocess.run(cmd, capture_output=True, text=True)
    code, out, err = run(args, cmd, report, kw.pop("env", None), **kw)
    check(plain.returncode == 0, f"without the shim: exit {plain.returncode}: {plain.stderr[-2000:]}")
    check(code == 0, f"under rtcheck run: exit {code}: {err[-2000:]}")
    check(out == plain.stdout, f"output differs:\n{plain.stdout}\nvs\n{out}")
    check("preset-factory same" in out, f"another factory was not handed through unchanged: {out}")
    return out


def case_clap(args, tmp):
    """Three instances, each processed in its own audio thread, then deinit, init and a second
    session: every call reaches the plug-in with its own pointer (it stops the program otherwise),
    its extensions work, and its output is bit-identical."""
    cmd = host(args, GAIN, "rate=48000", "block=256", "blocks=16", "instances=3", "threads=1", "reinit=1")
    out = same_as_plain(args, tmp, cmd, tmp / "clap.json")
    check("reinit same" in out and "port out 0 out 2 channels" in out and "param 0 gain" in out, out)
    found, _ = scopes(tmp / "clap.json")
    process = found.get(GAIN)
    check(process and process["registration"] == {"function": "clap_entry", "slot": "field clap_plugin::process"},
          f"process scope: {list(found)}")
    runs = 3 * 2  # instances x sessions, each in a thread of its own
    check(process["calls"] == runs * 16 and process["thread_count"] == runs, f"process: {process}")
    check(process["budget_ns"] == 256 * 1_000_000_000 // 48000, f"budget {process['budget_ns']}")
    # Every fourth block goes through a heap scratch buffer.
    check(process["by_function"] == {"operator new": runs * 4, "operator delete": runs * 4},
          f"process: {process['by_function']}")
    for part, slot, calls in [("start_processing", "field clap_plugin::start_processing", {"malloc": runs}),
                              ("stop_processing", "field clap_plugin::stop_processing", {"free": runs}),
                              ("reset", "field clap_plugin::reset", {}),
                              # one flush per instance while active; the inactive one is main-thread
                              ("params.flush", "field clap_plugin_params::flush", {})]:
        s = found.get(f"{GAIN} [{part}]")
        check(s and s["registration"] == {"function": "clap_entry", "slot": slot}, f"{part}: {list(found)}")
        check(s["calls"] == runs and s["by_function"] == calls, f"{part}: {s['calls']} calls, {s['by_function']}")


def case_clap_rate(args, tmp):
    """activate at a new rate: each process call's budget uses the latest rate. At 1 kHz 256-frame
    blocks have 256 ms; re-activated at 1 GHz, one-frame blocks have 1 ns and every call misses."""
    cmd = host(args, GAIN, "rate=1000", "block=256", "blocks=8", "rerate=1e9", "reblock=1")
    same_as_plain(args, tmp, cmd, tmp / "rate.json")
    s = scopes(tmp / "rate.json")[0].get(GAIN)
    check(s and s["calls"] == 16 and s["budget_ns"] == 256_000_000, f"process: {s}")
    check(s["deadline_misses"] == 8, f"the 8 calls after re-activation miss: {s['deadline_misses']}")


def case_clap_slots(args, tmp):
    """destroy frees the instance's slot: 160 plug-ins created and destroyed, 16 at a time, more
    than the 128 slots, all run wrapped."""
    cmd = host(args, GAIN, "blocks=4", "instances=16", "reinit=9")
    out = same_as_plain(args, tmp, cmd, tmp / "slots.json")
    check("reinit same" in out, out)
    s = scopes(tmp / "slots.json")[0].get(GAIN)
    check(s and s["calls"] == 160 * 4, f"every instance wrapped: {s and s['calls']} process calls")


def case_clap_read_only(args, tmp):
    """A plug-in struct in read-only memory cannot be patched: the plug-in runs unwrapped, unchanged."""
    same_as_plain(args, tmp, host(args, FIXED), tmp / "fixed.json")
    found, _ = scopes(tmp / "fixed.json")
    check(not found, f"no scope for the read-only plug-in: {list(found)}")


def case_clap_trap(args, tmp):
    """--trap stops at the first allocation inside process, with the plug-in's frames symbolised
    and demangled. start_processing's allocation comes first: a `frame:` suppression written as
    the stack is printed (demangled) covers it."""
    supp = tmp / "supp.txt"
    supp.write_text("frame:(anonymous namespace)::gain_start(clap_plugin const*)  # allocates on purpose\n")
    argv = [args.rtcheck, "run", "--trap", "--report", str(tmp / "trap.json"), "--options",
            f"suppressions={supp}", "--"] + host(args, GAIN)
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    err = proc.stderr
    check(proc.returncode == -signal.SIGABRT, f"exit {proc.returncode}: {err[-3000:]}")
    check(f"call to 'operator new' (category alloc) inside real-time scope '{GAIN}'" in err,
          f"no trap message: {err[-3000:]}")
    check("Gain::smooth(clap_process const*, unsigned int)" in err and "rt_clap_plugin.clap" in err,
          f"no demangled plug-in frame in the stack: {err[-3000:]}")
    check(GAIN in err.split("SUMMARY:")[1], "the summary names the plug-in's scope")
    rules = {r["rule"]: r for r in json.loads((tmp / "trap.json").read_text())["suppressions"]}
    check(rules.get("frame:(anonymous namespace)::gain_start(clap_plugin const*)", {}).get("count") == 1,
          f"the demangled frame: line covered start_processing's malloc: {rules}")


CASES = {"clap": case_clap, "clap-rate": case_clap_rate, "clap-slots": case_clap_slots,
         "clap-read-only": case_clap_read_only, "clap-trap": case_clap_trap}

if __name__ == "__main__":
    sys.exit(autoscope_test.main(CASES, __doc__, "rtcheck-clap-"))
