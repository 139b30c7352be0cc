#!/usr/bin/env python3
"""`rtcheck extract --depfile`: the Make-syntax list of every file a translation unit read, for
build systems (docs/analyzer.md, docs/cmake.md)."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

ANALYZER = os.environ["RTCHECK_ANALYZER"]


def rtcheck(*args, cwd=None):
    return subprocess.run([ANALYZER, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def make_words(text):
    """Splits Make-syntax text into words, undoing the escapes Ninja and Make undo."""
    words, word, i = [], "", 0
    while i < len(text):
        c = text[i]
        if c == "\\" and text[i + 1:i + 2] in (" ", "#"):
            word += text[i + 1]
            i += 2
            continue
        if c == "$" and text[i + 1:i + 2] == "$":
            word += "$"
            i += 2
            continue
        if c.isspace():
            if word:
                words.append(word)
            word = ""
        else:
            word += c
        i += 1
    if word:
        words.append(word)
    return words


def parse_depfile(text):
    """The target and the prerequisites."""
    target, _, rest = text.replace("\\\n", " ").partition(": ")
    (target_word,) = make_words(target)
    return target_word, make_words(rest)


class DepFile(unittest.TestCase):
    def setUp(self):
        # A space and a '$' in the directory: the escapes are needed and must round-trip.
        self.dir = tempfile.mkdtemp(prefix="rtcheck depfile $x ")
        os.makedirs(os.path.join(self.dir, "inc"))
        with open(os.path.join(self.dir, "inc", "gain.h"), "w") as f:
            f.write("#pragma once\n#include <stddef.h>\ninline float gain(float x) { return x; }\n")
        with open(os.path.join(self.dir, "unused.h"), "w") as f:
            f.write("int never_included;\n")
        self.src = os.path.join(self.dir, "dsp.cpp")
        with open(self.src, "w") as f:
            f.write('#include "gain.h"\nfloat run(float x) { return gain(x); }\n')
        self.summary = os.path.join(self.dir, "out", "dsp.rtsum.json")
        os.makedirs(os.path.dirname(self.summary))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_lists_the_summary_and_every_file_read(self):
        dep = self.summary + ".d"
        # A relative include directory: the depfile's paths are absolute all the same.
        r = rtcheck("extract", self.src, "-o", self.summary, "--depfile", dep, "--",
                    "-std=c++17", "-Iinc", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(dep) as f:
            target, deps = parse_depfile(f.read())
        self.assertEqual(target, self.summary)
        self.assertEqual(deps[0], self.src)
        self.assertIn(os.path.join(self.dir, "inc", "gain.h"), deps)
        self.assertNotIn(os.path.join(self.dir, "unused.h"), deps)
        # System and builtin headers too, as -MD: a changed toolchain header re-extracts.
        self.assertTrue(any(d.endswith("/stddef.h") for d in deps), deps)
        self.assertTrue(all(os.path.isabs(d) for d in deps), deps)
        with open(self.summary) as f:
            json.load(f)

    def test_needs_one_output_file(self):
        r = rtcheck("extract", self.src, "--output-dir", os.path.dirname(self.summary),
                    "--depfile", "x.d", "--", "-std=c++17", "-Iinc", cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        lines = r.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, r.stderr)
        self.assertIn("--depfile needs -o", lines[0])

    def test_no_depfile_when_the_file_does_not_parse(self):
        with open(self.src, "w") as f:
            f.write("this is not C++\n")
        dep = self.summary + ".d"
        r = rtcheck("extract", self.src, "-o", self.summary, "--depfile", dep, "--",
                    "-std=c++17", cwd=self.dir)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertFalse(os.path.exists(dep))


if __name__ == "__main__":
    unittest.main()
