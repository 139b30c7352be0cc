#!/usr/bin/env python3
"""Automatic scopes of media clients that need a daemon or a pipeline of their own: PipeWire stream
and filter process events (a test program, and Debian's pw-cat) against a pipewire daemon this test
starts with its own runtime directory and no session manager; a GStreamer pipeline's appsink
callbacks and buffer probe (a test program over videotestsrc). One case per invocation:
autoscope_media_test.py CASE --rtcheck BIN --programs DIR."""

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import autoscope_test  # noqa: E402
from autoscope_test import RATE, PERIOD, PERIOD_NS, Failure, check, only_scope, run, scopes, write_wav  # noqa: E402

# A bare daemon: the native protocol, client nodes with their adapters, and a dummy driver that runs
# the graph at PERIOD / RATE. With no session manager nothing is linked, so the clients ask to be
# processed unlinked (node.always-process) and to configure their ports themselves
# (adapter.auto-port-config).
PIPEWIRE_CONF = f"""
context.properties = {{
    core.daemon = true
    core.name = NAME
    default.clock.rate = {RATE}
    default.clock.quantum = {PERIOD}
    default.clock.min-quantum = {PERIOD}
    default.clock.max-quantum = {PERIOD}
    support.dbus = false
}}
context.spa-libs = {{
    audio.convert.* = audioconvert/libspa-audioconvert
    support.*       = support/libspa-support
}}
context.modules = [
    {{ name = libpipewire-module-protocol-native }}
    {{ name = libpipewire-module-spa-node-factory }}
    {{ name = libpipewire-module-client-node }}
    {{ name = libpipewire-module-adapter }}
    {{ name = libpipewire-module-metadata }}
    {{ name = libpipewire-module-access args = {{ }} }}
]
context.objects = [
    {{ factory = spa-node-factory
        args = {{ factory.name = support.node.driver node.name = rtcheck-driver priority.driver = 20000 }} }}
]
"""

UNLINKED = "{ node.always-process = true adapter.auto-port-config = { mode = dsp monitor = false control = false position = preserve } }"


class PipeWire(autoscope_test.Daemon):
    """A pipewire daemon of its own (runtime directory and socket in the test's directory), killed
    on exit."""

    def __init__(self, tmp):
        self.name = f"rtcheck-pw-{os.getpid()}"
        run_dir = tmp / "pipewire"
        run_dir.mkdir()
        conf = tmp / "pipewire.conf"
        conf.write_text(PIPEWIRE_CONF.replace("NAME", self.name))
        self.env = dict(os.environ, XDG_RUNTIME_DIR=str(run_dir), PIPEWIRE_RUNTIME_DIR=str(run_dir),
                        PIPEWIRE_REMOTE=self.name)
        self.log_path = tmp / "pipewire.log"
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(["pipewire", "-c", str(conf)], env=self.env, stdout=self.log,
                                     stderr=subprocess.STDOUT)
        for _ in range(100):
            if (run_dir / self.name).exists():
                return
            time.sleep(0.05)
        self.close()
        raise Failure(f"pipewire did not start: {self.log_path.read_text()}")


def pw_process_case(args, tmp, kind, registration):
    """The test program's process events, two rounds of a client that closes and reopens."""
    pw = PipeWire(tmp)
    try:
        prog = [str(Path(args.programs) / "rt_pw_process"), kind]
        plain = subprocess.run(prog, env=pw.env, capture_output=True, text=True, timeout=30)
        check(plain.returncode == 0, f"plain {kind}: exit {plain.returncode}: {plain.stderr[-2000:]}")
        code, out, err = run(args, prog, tmp / "pw.json", pw.env)
        check(code == 0, f"{kind} under rtcheck: exit {code}: {err[-2000:]}")
        fields = dict(zip(out.split()[::2], (int(v) for v in out.split()[1::2])))
        plain_fields = dict(zip(plain.stdout.split()[::2], (int(v) for v in plain.stdout.split()[1::2])))
        check(fields["wrong-data"] == 0, f"an event got another pointer than the program's data: {out}")
        # PipeWire runs the process event of a stream's or filter's first listener only.
        check(fields["process_b"] == plain_fields["process_b"] == 0, f"second listener: {out} / {plain.stdout}")
        s = only_scope(scopes(tmp / "pw.json")[0], registration)
        check(s["name"] == f"{kind}_process_a (rt_pw_process)", f"scope name {s['name']}")
        check(s["registration"]["slot"] == f"field pw_{kind}_events::process", f"slot {s['registration']}")
        check(s["calls"] == fields["process_a"] and s["calls"] > 50,
              f"{s['calls']} scopes for {fields['process_a']} process events (both rounds)")
        check(s["by_function"].get("malloc") == s["calls"], f"one malloc per cycle: {s['by_function']}")
        check(s["budget_ns"] == PERIOD_NS, f"budget {s['budget_ns']}, expected the quantum {PERIOD_NS}")
    finally:
        pw.close()


def case_pipewire_stream(args, tmp):
    pw_process_case(args, tmp, "stream", "pw_stream_add_listener")


def case_pipewire_filter(args, tmp):
    pw_process_case(args, tmp, "filter", "pw_filter_add_listener")


def case_pw_cat(args, tmp):
    """Debian's pw-cat plays a one-second file: its stream's process event reads the file there."""
    pw = PipeWire(tmp)
    try:
        wav = tmp / "in.wav"
        write_wav(wav, 1, 1)
        cmd = ["pw-cat", "--playback", "--properties", UNLINKED, str(wav)]
        plain = subprocess.run(cmd, env=pw.env, capture_output=True, text=True, timeout=30)
        code, _, err = run(args, cmd, tmp / "cat.json", pw.env)
        check(code == plain.returncode == 0, f"pw-cat exit {plain.returncode} / {code}: {err[-2000:]}")
        s = only_scope(scopes(tmp / "cat.json")[0], "pw_stream_add_listener")
        check(s["name"].startswith("pw-cat") or "(pw-cat)" in s["name"], f"scope name {s['name']}")
        # One second at PERIOD frames a cycle, and the drain.
        check(s["calls"] >= RATE // PERIOD * 9 // 10, f"{s['calls']} process cycles for 1 s of audio")
        check(s["budget_ns"] == PERIOD_NS, f"budget {s['budget_ns']}, expected {PERIOD_NS}")
        check(s["by_function"].get("read", 0) + s["by_function"].get("pread", 0) > 0,
              f"pw-cat reads its file in the process event: {s['by_function']}")
    finally:
        pw.close()


def case_gstreamer(args, tmp):
    """60 frames at 30 fps through an appsink, with a buffer probe on the source pad: one scope per
    frame for new_sample and the probe, one for the preroll, each budgeted one frame (33.3 ms)."""
    prog = [str(Path(args.programs) / "rt_gst_frames")]
    plain = subprocess.run(prog, capture_output=True, text=True, timeout=60)
    code, out, err = run(args, prog, tmp / "gst.json", dict(os.environ))
    check(plain.returncode == 0 and code == 0, f"exit {plain.returncode} / {code}: {err[-2000:]}")
    # The same results, and the same notifications (replaced callbacks, removed probe, finalised sink).
    check(out == plain.stdout, f"results differ under the shim: {out!r} vs {plain.stdout!r}")
    fields = dict(zip(out.split()[::2], (int(v) for v in out.split()[1::2])))
    check(fields["wrong-data"] == 0 and fields["stale"] == 0 and fields["notified"] == 3, f"callbacks: {out}")
    found, _ = scopes(tmp / "gst.json")
    frame_ns = 1_000_000_000 // 30
    for name, registration, slot, calls in [
            ("on_new_sample (rt_gst_frames)", "gst_app_sink_set_callbacks", "field GstAppSinkCallbacks::new_sample",
             fields["samples"]),
            ("on_new_preroll (rt_gst_frames)", "gst_app_sink_set_callbacks", "field GstAppSinkCallbacks::new_preroll",
             fields["prerolls"]),
            ("on_buffer (rt_gst_frames)", "gst_pad_add_probe", "argument 2", fields["probes"])]:
        s = found.get(name)
        check(s and s["registration"] == {"function": registration, "slot": slot}, f"{name}: {list(found)}")
        check(s["calls"] == calls > 0, f"{name}: {s['calls']} scopes for {calls} calls")
        check(s["by_function"].get("malloc") == calls, f"{name}: one malloc per call: {s['by_function']}")
        check(s["budget_ns"] == frame_ns, f"{name}: budget {s['budget_ns']}, expected one frame {frame_ns}")
    check("stale_sample (rt_gst_frames)" not in found, "the replaced callbacks ran")


def case_gstreamer_appsrc(args, tmp):
    """An appsrc's need_data, which pushes one 30 fps frame a call: one scope per call, budgeted
    one frame of the caps the program set."""
    prog = [str(Path(args.programs) / "rt_gst_appsrc")]
    plain = subprocess.run(prog, capture_output=True, text=True, timeout=60)
    code, out, err = run(args, prog, tmp / "appsrc.json", dict(os.environ))
    check(plain.returncode == 0 and code == 0, f"exit {plain.returncode} / {code}: {err[-2000:]}")
    fields = dict(zip(out.split()[::2], (int(v) for v in out.split()[1::2])))
    check(fields["frames"] == 30 and fields["wrong-data"] == 0 and fields["notified"] == 1, f"callbacks: {out}")
    s = scopes(tmp / "appsrc.json")[0].get("on_need_data (rt_gst_appsrc)")
    check(s and s["registration"] == {"function": "gst_app_src_set_callbacks",
                                      "slot": "field GstAppSrcCallbacks::need_data"}, f"need_data: {s}")
    # One malloc of the program's per call, and the GstBuffer each pushed frame allocates.
    check(s["calls"] == fields["need-data"] and s["by_function"].get("malloc", 0) >= s["calls"] + fields["frames"],
          f"{s['calls']} scopes for {fields['need-data']} calls: {s['by_function']}")
    check(s["budget_ns"] == 1_000_000_000 // 30, f"budget {s['budget_ns']}, expected one frame")


def case_gstreamer_chain(args, tmp):
    """Chain functions of a program's own element in a pipeline of Debian's plug-ins (10 ms
    buffers) and of bare pads (5 ms buffers, a list of four): one scope per buffer or list, budgeted
    its duration, named after the function and the pad's element; the program's chain data and
    notify stay as it set them; a chain function copied from one pad onto another still chains
    (in the wrapped function's scope); the base classes' chain functions in libgstbase
    (fakesink's) are wrapped as well."""
    prog = [str(Path(args.programs) / "rt_gst_chain")]
    plain = subprocess.run(prog, capture_output=True, text=True, timeout=60)
    code, out, err = run(args, prog, tmp / "chain.json", dict(os.environ))
    check(plain.returncode == 0 and code == 0, f"exit {plain.returncode} / {code}: {err[-2000:]}")
    check(out == plain.stdout, f"results differ under the shim: {out!r} vs {plain.stdout!r}")
    fields = dict(zip(out.split()[::2], (int(v) for v in out.split()[1::2])))
    # The replaced chain function's notify at the re-set, then one per chain and chain-list
    # function when each bare pad is finalised: 1 + 3 rounds x (model's chain + sink's chain) +
    # 2 rounds x the sink's chain list.
    check(fields == {"filter-chains": 50, "stale": 0, "wrong-data": 0, "notified": 9, "pad-chains": 30,
                     "lists": 2}, f"callbacks: {out}")
    found, _ = scopes(tmp / "chain.json")
    chain = {"function": "gst_pad_set_chain_function_full", "slot": "argument 1"}
    for name, registration, calls, budget in [
            ("filter_chain (rt_gst_chain) [RtChainFilter]", chain, 50, 10_000_000),
            ("pad_chain (rt_gst_chain)", chain, 30, 5_000_000),
            ("pad_chain_list (rt_gst_chain)", {"function": "gst_pad_set_chain_list_function_full",
                                               "slot": "argument 1"}, 2, 20_000_000)]:
        s = found.get(name)
        check(s and s["registration"] == registration, f"{name}: {list(found)}")
        check(s["calls"] == calls, f"{name}: {s['calls']} scopes for {calls} calls")
        check(s["budget_ns"] == budget, f"{name}: budget {s['budget_ns']}, expected {budget}")
    filter_calls = found["filter_chain (rt_gst_chain) [RtChainFilter]"]["by_function"]
    check(filter_calls.get("malloc", 0) >= 50, f"one malloc per buffer: {filter_calls}")
    check(not any(n.startswith("stale_chain") for n in found), "the replaced chain function ran")
    # Named after the element: one base-class function (GstBaseSink's chain) serves fakesink.
    sink = [s for n, s in found.items() if "libgstbase" in n and n.endswith(" [GstFakeSink]")]
    check(len(sink) == 1 and sink[0]["calls"] == 50 and sink[0]["registration"] == chain,
          f"fakesink's chain function: {list(found)}")


CASES = {"pipewire-stream": case_pipewire_stream, "pipewire-filter": case_pipewire_filter,
         "pw-cat": case_pw_cat, "gstreamer": case_gstreamer, "gstreamer-appsrc": case_gstreamer_appsrc,
         "gstreamer-chain": case_gstreamer_chain}


if __name__ == "__main__":
    sys.exit(autoscope_test.main(CASES, __doc__, "rtcheck-media-"))
