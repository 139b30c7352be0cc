#!/usr/bin/env python3
"""Automatic scopes in unmodified programs: `rtcheck run` finds the real-time callbacks of real JACK
clients (against a `jackd -d dummy` this test starts under its own server name), of PortAudio and
SDL programs, of paplay (against a PulseAudio server of its own), of real LV2 and LADSPA plug-ins
run by lv2apply, applyplugin and jalv (a JACK plug-in host), and of threads the program makes
real-time, and judges them against the deadline the program configured; `--trap` stops at an
allocation inside a callback. One case per invocation: autoscope_test.py CASE --rtcheck BIN
--programs DIR."""

import argparse
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

RATE, PERIOD = 48000, 256
PERIOD_NS = PERIOD * 1_000_000_000 // RATE  # 5,333,333 ns


class Failure(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failure(what)


def write_wav(path, seconds, channels):
    frames = int(RATE * seconds)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(RATE)
        sample = lambda i: int(8000 * ((i * 440 * 2 // RATE) % 2 * 2 - 1))  # a square wave
        w.writeframes(b"".join(struct.pack("<h", sample(i)) * channels for i in range(frames)))


class Daemon:
    """A server process a test starts (self.proc, logging to self.log) and stops."""

    def close(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


class Jack(Daemon):
    """A JACK server of its own (dummy driver), killed on exit."""

    def __init__(self, tmp):
        self.name = f"rtcheck-autoscope-{os.getpid()}"
        self.env = dict(os.environ, JACK_DEFAULT_SERVER=self.name, JACK_NO_START_SERVER="1")
        self.log = open(tmp / "jackd.log", "w")
        self.proc = subprocess.Popen(["jackd", "-n", self.name, "-d", "dummy", "-r", str(RATE), "-p",
                                      str(PERIOD)], env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        ready = subprocess.run(["jack_wait", "-w", "-t", "10"], env=self.env, capture_output=True)
        if ready.returncode != 0:
            self.close()
            raise Failure(f"jackd did not start: {(tmp / 'jackd.log').read_text()}")

    def close(self):
        # SIGTERM: jackd then removes its entry from JACK's server registry (a few slots, kept in
        # /dev/shm); a killed server would keep its slot.
        super().close()
        # A client that died without closing (--trap) leaves its semaphore behind.
        for leftover in Path("/dev/shm").glob(f"jack_sem.*_{self.name}_*"):
            leftover.unlink(missing_ok=True)


class Pulse(Daemon):
    """A PulseAudio server of its own (a null sink, a socket in the test's directory), stopped on
    exit."""

    def __init__(self, tmp):
        sock = tmp / "pulse" / "native"
        sock.parent.mkdir()
        self.env = dict(os.environ, HOME=str(sock.parent), XDG_RUNTIME_DIR=str(sock.parent),
                        PULSE_RUNTIME_PATH=str(sock.parent), PULSE_SERVER=f"unix:{sock}")
        self.log = open(tmp / "pulseaudio.log", "w")
        self.proc = subprocess.Popen(
            ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
             "-L", "module-null-sink", "-L", f"module-native-protocol-unix socket={sock} auth-anonymous=1"],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(100):
            if subprocess.run(["pactl", "info"], env=self.env, capture_output=True).returncode == 0:
                return
            time.sleep(0.1)
        self.close()
        raise Failure(f"pulseaudio did not start: {(tmp / 'pulseaudio.log').read_text()}")



def run(args, cmd, report, env, seconds=None, trap=False, eof_after=None, feed=()):
    """`rtcheck run` over `cmd`; with `seconds`, the program gets one SIGINT after that long (sent to
    it alone: the JACK examples close their client from the signal handler); with `eof_after`, its
    standard input ends after that long (jalv's console quits then); `feed` is (text, pause) pairs
    written to its standard input first."""
    argv = [args.rtcheck, "run", "--report", str(report)] + (["--trap"] if trap else []) + ["--"] + cmd
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    for text, pause in feed:
        proc.stdin.write(text)
        proc.stdin.flush()
        time.sleep(pause)
    if eof_after is not None:
        time.sleep(eof_after)
    if seconds is not None:
        time.sleep(seconds)
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        check(children, f"{cmd[0]} is not running under rtcheck")
        os.kill(int(children[0]), signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise Failure(f"{cmd[0]} did not finish: {err[-2000:]}")
    return proc.returncode, out, err


def scopes(report):
    data = json.loads(Path(report).read_text())
    return {s["name"]: s for s in data["scopes"]}, data


def only_scope(found, registration):
    hits = [s for s in found.values() if s.get("registration", {}).get("function") == registration]
    check(len(hits) == 1, f"one scope registered by {registration}, found {list(found)}")
    return hits[0]


def case_jack_clients(args, tmp):
    jack = Jack(tmp)
    try:
        code, _, err = run(args, ["jack_simple_client"], tmp / "simple.json", jack.env, seconds=2)
        check(code == 0, f"jack_simple_client exit {code}: {err[-2000:]}")
        check("real-time scope" in err, f"no summary: {err[-2000:]}")
        s = only_scope(scopes(tmp / "simple.json")[0], "jack_set_process_callback")
        check(s["name"].startswith("jack_simple_client"), f"scope name {s['name']}")
        check(s["calls"] > 100, f"{s['calls']} process cycles in 2 s")
        check(s["budget_ns"] == PERIOD_NS, f"budget {s['budget_ns']}, expected {PERIOD_NS}")

        wav = tmp / "rec.wav"
        code, _, err = run(args, ["jack_rec", "-f", str(wav), "-d", "10", "system:capture_1"], tmp / "rec.json",
                           jack.env, seconds=2)
        s = only_scope(scopes(tmp / "rec.json")[0], "jack_set_process_callback")
        # jack_rec hands its buffers to the disk thread under a mutex from the process callback.
        check(s["violations"]["lock"] > 0 and s["by_function"].get("pthread_mutex_trylock", 0) > 0,
              f"jack_rec's process callback locks: {s['violations']}")
    finally:
        jack.close()


def case_jack_transport(args, tmp):
    """jack_transport as timebase master: its timebase callback runs after each process cycle."""
    jack = Jack(tmp)
    try:
        code, _, err = run(args, ["jack_transport"], tmp / "transport.json", jack.env,
                           feed=[("master\nplay\n", 2), ("stop\nquit\n", 0)])
        check(code == 0, f"jack_transport exit {code}: {err[-2000:]}")
        s = only_scope(scopes(tmp / "transport.json")[0], "jack_set_timebase_callback")
        check(s["calls"] > 100 and s["budget_ns"] == PERIOD_NS, f"timebase callback: {s}")
    finally:
        jack.close()


def case_jack_lifecycle(args, tmp):
    jack = Jack(tmp)
    try:
        prog = str(Path(args.programs) / "rt_jack_lifecycle")
        plain = subprocess.run([prog], env=jack.env, capture_output=True, text=True)
        code, out, err = run(args, [prog], tmp / "life.json", jack.env)
        check(plain.returncode == 0 and code == 0, f"exit {plain.returncode} / {code}: {err[-2000:]}")
        check(out.split(" cycles")[0] == plain.stdout.split(" cycles")[0],
              f"registration results differ: {out!r} vs {plain.stdout!r}")
        found, _ = scopes(tmp / "life.json")
        names = {s["name"] for s in found.values() if "registration" in s}
        check("process_a (rt_jack_lifecycle)" not in names, f"replaced callback ran: {names}")
        b = found.get("process_b (rt_jack_lifecycle)")
        check(b and b["calls"] > 0 and b["budget_ns"] == PERIOD_NS, f"process_b: {b}")
        t = found.get("thread_body (rt_jack_lifecycle)")
        check(t and t["registration"]["function"] == "jack_set_process_thread", f"thread body: {t}")
        check(t["calls"] > 0 and t["by_function"].get("malloc") == t["calls"],
              f"one scope per cycle, one malloc each: {t}")
    finally:
        jack.close()


def case_portaudio(args, tmp):
    jack = Jack(tmp)
    try:
        code, _, err = run(args, [str(Path(args.programs) / "rt_pa_tone"), "1000"], tmp / "pa.json", jack.env)
        check(code == 0, f"rt_pa_tone exit {code}: {err[-2000:]}")
        found, _ = scopes(tmp / "pa.json")
        s = found.get("render (rt_pa_tone)")
        check(s and s["registration"]["function"] == "Pa_OpenStream", f"render scope: {list(found)}")
        check(s["calls"] > 50 and s["by_function"].get("malloc") == s["calls"], f"render: {s}")
        check(s["budget_ns"] > 0, "a budget from the frame count and the sample rate")
    finally:
        jack.close()


def case_rtaudio(args, tmp):
    """RtAudio on JACK: the stream callback, nested in RtAudio's own JACK process callback; two
    streams on one RtAudio object, and an openStream that throws through the wrapper."""
    jack = Jack(tmp)
    try:
        prog = str(Path(args.programs) / "rt_rtaudio_tone")
        code, out, err = run(args, [prog], tmp / "rta.json", jack.env)
        check(code == 0, f"rt_rtaudio_tone exit {code}: {err[-2000:]}")
        fields = dict(zip(out.split()[::2], (int(v) for v in out.split()[1::2])))
        check(fields["errors"] == 1 and fields["wrong-data"] == 0, f"RtAudio's behaviour under the shim: {out}")
        s = only_scope(scopes(tmp / "rta.json")[0], "RtAudio::openStream")
        # A C++ callback: its demangled name, parameters included.
        check(s["name"] == "render(void*, void*, unsigned int, double, unsigned int, void*) (rt_rtaudio_tone)"
              and s["registration"]["slot"] == "argument 5", f"render: {s['name']} {s['registration']}")
        check(s["calls"] == fields["calls"] > 100, f"{s['calls']} scopes for {fields['calls']} callbacks")
        check(s["by_function"].get("malloc") == s["calls"], f"one malloc per callback: {s['by_function']}")
        check(s["budget_ns"] == PERIOD_NS, f"budget {s['budget_ns']}, expected {PERIOD_NS}")
    finally:
        jack.close()


def case_pulse(args, tmp):
    """paplay's stream write callback against a PulseAudio null sink: it reads the file there."""
    pulse = Pulse(tmp)
    try:
        wav = tmp / "in.wav"
        write_wav(wav, 1, 1)
        code, _, err = run(args, ["paplay", str(wav)], tmp / "pulse.json", pulse.env)
        check(code == 0, f"paplay exit {code}: {err[-2000:]}")
        s = only_scope(scopes(tmp / "pulse.json")[0], "pa_stream_set_write_callback")
        check(s["name"].startswith("paplay"), f"scope name {s['name']}")
        check(s["calls"] >= 1 and s["budget_ns"] > 0, f"write requests with a budget: {s}")
        check(s["by_function"].get("read", 0) > 0, f"paplay reads its file in the callback: {s}")
    finally:
        pulse.close()


def case_sdl(args, tmp):
    """SDL2's dummy audio driver runs the callback on SDL's audio thread without a device."""
    env = dict(os.environ, SDL_AUDIODRIVER="dummy")
    prog = str(Path(args.programs) / "rt_sdl_tone")
    for extra, registration in [([], "SDL_OpenAudioDevice"), (["legacy"], "SDL_OpenAudio")]:
        report = tmp / f"sdl{len(extra)}.json"
        code, _, err = run(args, [prog] + extra, report, env)
        check(code == 0, f"rt_sdl_tone {extra} exit {code} (the program checks the obtained spec): {err[-2000:]}")
        s = scopes(report)[0].get("fill (rt_sdl_tone)")
        check(s and s["registration"]["function"] == registration, f"{registration}: {s}")
        check(s["calls"] > 0 and s["by_function"].get("malloc") == s["calls"], f"{registration}: {s}")
        check(s["budget_ns"] == 512 * 1_000_000_000 // RATE, f"{registration}: budget {s['budget_ns']}")


def case_jalv(args, tmp):
    """An LV2 plug-in inside a JACK host: jalv's process callback and, nested in it, the plug-in's
    run, whose budget is JACK's period."""
    jack = Jack(tmp)
    try:
        uri = "http://plugin.org.uk/swh-plugins/lowpass_iir"
        code, _, err = run(args, ["jalv", uri], tmp / "jalv.json", jack.env, eof_after=2)
        check(code == 0, f"jalv exit {code}: {err[-2000:]}")
        found, _ = scopes(tmp / "jalv.json")
        host = only_scope(found, "jack_set_process_callback")
        plugin = found.get(uri)
        check(plugin and plugin["registration"]["function"] == "lv2_descriptor", f"{uri}: {list(found)}")
        check(plugin["calls"] > 100 and plugin["calls"] <= host["calls"], f"run inside process: {plugin} {host}")
        check(plugin["budget_ns"] == PERIOD_NS, f"the plug-in's budget is JACK's period: {plugin['budget_ns']}")
    finally:
        jack.close()


def case_jalv_worker(args, tmp):
    """An LV2 plug-in with the worker interface in jalv: jalv calls its end_run after every run, in
    the JACK process callback; it runs in its own scope, once per run."""
    jack = Jack(tmp)
    try:
        uri = "http://lsp-plug.in/plugins/lv2/comp_delay_mono"
        code, _, err = run(args, ["jalv", uri], tmp / "jalv.json", jack.env, eof_after=2)
        check(code == 0, f"jalv exit {code}: {err[-2000:]}")
        found, _ = scopes(tmp / "jalv.json")
        plugin, end = found.get(uri), found.get(f"{uri} [end_run]")
        check(plugin and end, f"run and end_run scopes: {list(found)}")
        check(end["registration"] == {"function": "lv2_descriptor", "slot": "field LV2_Worker_Interface::end_run"},
              f"end_run: {end['registration']}")
        check(end["calls"] == plugin["calls"] > 100, f"one end_run per run: {end['calls']} / {plugin['calls']}")
    finally:
        jack.close()


def case_sched_threads(args, tmp):
    """Threads the program raises to SCHED_FIFO (themselves, at creation, or from another thread)
    run in thread scopes until they exit; a normal thread's allocations are not counted."""
    code, out, err = run(args, [str(Path(args.programs) / "rt_sched_threads")], tmp / "st.json",
                         dict(os.environ))
    check(code == 0, f"exit {code}: {err[-2000:]}")
    raised, created, other = (int(w) for w in out.split()[1::2])
    found, _ = scopes(tmp / "st.json")
    for permitted, name, registration, mallocs in [
            (raised, "thread raise_self (rt_sched_threads)", "pthread_setschedparam", 10),
            (created, "thread created_realtime (rt_sched_threads)", "pthread_create", 5),
            # raised by another thread: named after the raising function
            (other, "thread main (rt_sched_threads)", "pthread_setschedparam", 6)]:
        s = found.get(name)
        if not permitted:  # no CAP_SYS_NICE here: the thread stayed normal
            check(s is None, f"{name} was not made real-time but has a scope")
            continue
        check(s and s["registration"]["function"] == registration, f"{name}: {list(found)}")
        check(s["calls"] == 1 and s["budget_ns"] == 0, f"{name}: one scope, closed at exit: {s}")
        check(s["by_function"] == {"malloc": mallocs, "free": mallocs}, f"{name}: {s['by_function']}")


LV2_PLUGINS = ["http://plugin.org.uk/swh-plugins/lowpass_iir", "http://drobilla.net/plugins/mda/Overdrive",
               "http://lsp-plug.in/plugins/lv2/comp_delay_mono", "http://gareus.org/oss/lv2/darc#mono"]


def case_lv2(args, tmp):
    wav = tmp / "in.wav"
    write_wav(wav, 0.5, 1)
    for uri in LV2_PLUGINS:
        cmd = ["lv2apply", "-i", str(wav), "-o", str(tmp / "plain.wav"), uri]
        plain = subprocess.run(cmd, capture_output=True)
        cmd[4] = str(tmp / "shim.wav")
        code, _, err = run(args, cmd, tmp / "lv2.json", dict(os.environ))
        check(code == plain.returncode == 0, f"{uri}: exit {plain.returncode} / {code}: {err[-2000:]}")
        check((tmp / "plain.wav").read_bytes() == (tmp / "shim.wav").read_bytes(), f"{uri}: output differs")
        s = scopes(tmp / "lv2.json")[0].get(uri)
        check(s and s["registration"] == {"function": "lv2_descriptor", "slot": "field LV2_Descriptor::run"},
              f"{uri}: scope {s}")
        check(s["calls"] == RATE // 2, f"{uri}: lv2apply runs one frame a call: {s['calls']}")
        check(s["budget_ns"] == 1_000_000_000 // RATE, f"{uri}: budget {s['budget_ns']}")


def case_ladspa(args, tmp):
    wav = tmp / "in.wav"
    write_wav(wav, 0.5, 1)
    chain = ["/usr/lib/ladspa/lowpass_iir_1891.so", "lowpass_iir", "1000", "2",
             "/usr/lib/ladspa/amp.so", "amp_mono", "0.5"]
    plain = subprocess.run(["applyplugin", str(wav), str(tmp / "plain.wav")] + chain, capture_output=True)
    code, _, err = run(args, ["applyplugin", str(wav), str(tmp / "shim.wav")] + chain, tmp / "ladspa.json",
                       dict(os.environ))
    check(code == plain.returncode == 0, f"exit {plain.returncode} / {code}: {err[-2000:]}")
    check((tmp / "plain.wav").read_bytes() == (tmp / "shim.wav").read_bytes(), "output differs")
    found, _ = scopes(tmp / "ladspa.json")
    for name in ["lowpass_iir (1891)", "amp_mono (1048)"]:
        s = found.get(name)
        check(s and s["registration"]["function"] == "ladspa_descriptor", f"{name}: {list(found)}")
        # applyplugin processes blocks of 2048 frames: 24000 frames are 12 calls.
        check(s["calls"] == 12 and s["budget_ns"] == 2048 * 1_000_000_000 // RATE, f"{name}: {s}")


def case_trap_plugin(args, tmp):
    """--trap stops at the first allocation inside a real plug-in's run: SWH's multiband EQ (LADSPA
    1197) runs an FFTW plan whose execution allocates its scratch buffer with memalign."""
    wav = tmp / "in.wav"
    write_wav(wav, 0.5, 1)
    cmd = ["applyplugin", str(wav), str(tmp / "out.wav"), "/usr/lib/ladspa/mbeq_1197.so", "mbeq"] + ["0"] * 15
    code, _, err = run(args, cmd, tmp / "trap.json", dict(os.environ), trap=True)
    check(code == -signal.SIGABRT, f"exit {code}: {err[-2000:]}")
    check("call to 'memalign' (category alloc) inside real-time scope 'mbeq (1197)'" in err,
          f"no trap message: {err[-3000:]}")
    check("(/usr/lib/ladspa/mbeq_1197.so+0x" in err, f"no plug-in frame in the stack: {err[-3000:]}")
    check("mbeq (1197)" in err.split("SUMMARY:")[1], "the summary table names the plug-in's scope")


def case_trap_jack(args, tmp):
    """--trap stops at the first allocation inside a JACK process-thread cycle, with its stack."""
    jack = Jack(tmp)
    try:
        prog = str(Path(args.programs) / "rt_jack_lifecycle")
        code, _, err = run(args, [prog], tmp / "trap.json", jack.env, trap=True)
        check(code == -signal.SIGABRT, f"exit {code}: {err[-2000:]}")
        check("call to 'malloc' (category alloc) inside real-time scope 'thread_body (rt_jack_lifecycle)'" in err,
              f"no trap message: {err[-3000:]}")
        check(" in thread_body+" in err, f"no stack through thread_body: {err[-3000:]}")
    finally:
        jack.close()


def case_dlsym_next(args, tmp):
    prog = str(Path(args.programs) / "rt_dlsym_next")
    code, out, err = run(args, [prog], tmp / "dn.json", dict(os.environ))
    check(code == 0 and "next==default 1" in out, f"RTLD_NEXT changed meaning under the shim: {out} {err}")


CASES = {"jack-clients": case_jack_clients, "jack-transport": case_jack_transport,
         "jack-lifecycle": case_jack_lifecycle,
         "portaudio": case_portaudio, "rtaudio": case_rtaudio, "sdl": case_sdl, "pulse": case_pulse, "lv2": case_lv2,
         "jalv": case_jalv, "jalv-worker": case_jalv_worker, "ladspa": case_ladspa, "trap-plugin": case_trap_plugin,
         "trap-jack": case_trap_jack, "dlsym-next": case_dlsym_next,
         "sched-threads": case_sched_threads}


def main(cases=None, description=__doc__, prefix="rtcheck-autoscope-"):
    """Runs one case of cases (default: this file's) named on the command line."""
    cases = cases or CASES
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("case", choices=sorted(cases))
    ap.add_argument("--rtcheck", required=True)
    ap.add_argument("--programs", required=True)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        cases[args.case](args, tmp)
    except Failure as e:
        print(f"FAIL: {args.case}: {e}")
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"1 passed, 0 failed: {args.case}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
