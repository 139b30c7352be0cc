#!/usr/bin/env python3
"""Runs one sample engine and checks that it exits 0 and prints its one-line summary.

  run_engine.py --expect REGEX [--wav FILE --wav-seconds S] -- PROGRAM ARGS...

--wav: the program must also have written FILE, a RIFF/WAVE file of 32-bit float stereo whose
data chunk holds at least S seconds (the engines render whole blocks, so slightly more).
"""
import argparse
import re
import struct
import subprocess
import sys


def wav_seconds(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError(f"{path}: not a RIFF/WAVE file")
    pos, fmt, frames = 12, None, None
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        body = data[pos + 8:pos + 8 + size]
        if cid == b"fmt ":
            tag, channels, rate, _, align, bits = struct.unpack("<HHIIHH", body[:16])
            fmt = (tag, channels, rate, align, bits)
        elif cid == b"data" and fmt:
            frames = size // fmt[3]
        pos += 8 + size + (size & 1)
    if not fmt or frames is None:
        raise ValueError(f"{path}: no fmt/data chunk")
    tag, channels, rate, _, bits = fmt
    if tag not in (3, 0xFFFE) or channels != 2 or bits != 32:
        raise ValueError(f"{path}: expected float32 stereo, got tag {tag} {channels} ch {bits} bit")
    return frames / rate


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--expect", required=True)
    p.add_argument("--wav")
    p.add_argument("--wav-seconds", type=float, default=0.0)
    p.add_argument("command", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = a.command[1:] if a.command[:1] == ["--"] else a.command
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    sys.stdout.write(r.stdout[-2000:])
    sys.stderr.write(r.stderr[-2000:])
    if r.returncode != 0:
        print(f"FAIL: exit status {r.returncode}")
        return 1
    if not re.search(a.expect, r.stdout, re.M):
        print(f"FAIL: no line matches {a.expect!r}")
        return 1
    if a.wav:
        seconds = wav_seconds(a.wav)
        if not a.wav_seconds <= seconds <= a.wav_seconds + 0.1:
            print(f"FAIL: {a.wav} holds {seconds:.3f} s, expected {a.wav_seconds} s")
            return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
