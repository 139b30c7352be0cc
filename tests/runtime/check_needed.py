#!/usr/bin/env python3
"""The shim may depend on libc, libdl, libpthread and the dynamic loader only (readelf -d NEEDED)."""
import re
import subprocess
import sys

ALLOWED = re.compile(r"^(libc\.so\.6|libdl\.so\.2|libpthread\.so\.0|ld-linux[-\w.]*\.so\.\d)$")
out = subprocess.run(["readelf", "-d", sys.argv[1]], capture_output=True, text=True, check=True).stdout
needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)
bad = [n for n in needed if not ALLOWED.match(n)]
print(f"NEEDED: {', '.join(needed)}")
if bad or not needed:
    print(f"FAIL: not allowed: {bad}")
    sys.exit(1)
