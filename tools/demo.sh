#!/usr/bin/env bash
# The main job: rtcheck over every bundled sample program, static and (when the shim is built)
# dynamic, then a validation report per program (`rtcheck report`: every claim against both
# kinds of evidence), all in <build>/report/.
#   tools/demo.sh [BUILD_DIR]
# A sample program is one engine (samples/<engine>/) in one variant (legacy or fixed); its
# compile commands are picked out of the build's compile_commands.json with --select
# (tools/sample_programs.py).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
if [ ! -d "$BUILD" ]; then
  echo "demo: $BUILD: no such build directory (run tools/dev.sh build first)" >&2
  exit 2
fi
BUILD=$(cd "$BUILD" && pwd)
ANALYZER="$BUILD/bin/rtcheck-analyzer"
DRIVER="$BUILD/bin/rtcheck"
REPORT="$BUILD/report"
mkdir -p "$REPORT"

if [ ! -x "$ANALYZER" ]; then
  echo "demo: $ANALYZER is not built" >&2
  exit 2
fi

# engine, variant and the --select regex of each sample program in the compile database.
mapfile -t programs < <(python3 tools/sample_programs.py "$BUILD")
if [ ${#programs[@]} -eq 0 ]; then
  echo "demo: no sample programs in $BUILD/compile_commands.json" >&2
  exit 2
fi

status=0
printf '%-10s %-7s %6s %7s %9s   %s\n' engine variant roots errors warnings report
for p in "${programs[@]}"; do
  read -r engine variant select <<<"$p"
  name="$engine-$variant"
  for fmt in text json sarif; do
    ext=$fmt; [ "$fmt" = text ] && ext=txt
    rc=0
    "$ANALYZER" check -p "$BUILD" --select "$select" --format "$fmt" --fail-on none \
      --color never -o "$REPORT/$name.$ext" || rc=$?
    if [ $rc -ne 0 ]; then
      echo "demo: rtcheck failed on $name (exit $rc)" >&2
      status=1
    fi
  done
  python3 - "$REPORT/$name.json" "$engine" "$variant" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
sev = [f["severity"] for f in d["findings"]]
print(f"{sys.argv[2]:10} {sys.argv[3]:7} {len(d['roots']):6} {sev.count('error'):7} "
      f"{sev.count('warning'):9}   {sys.argv[1]}")
PY
done

# Dynamic evidence: each sample binary under the shim, when the shim and driver are built.
ran=()
if [ -x "$DRIVER" ] && ls "$BUILD"/lib/librtcheck_rt.so >/dev/null 2>&1; then
  echo
  for p in "${programs[@]}"; do
    read -r engine variant _ <<<"$p"
    bin=$(ls "$BUILD"/bin/"$engine"_*_"$variant" 2>/dev/null | head -1)
    [ -n "$bin" ] && [ -x "$bin" ] || continue
    name=$(basename "$bin")
    echo "== rtcheck run -- $name"
    # From the report directory, so that what the engines write (WAV files) lands there too.
    rm -f "$REPORT/$name.runtime.json"
    (cd "$REPORT" && "$DRIVER" run --report "$name.runtime.json" -- "$bin") || true
    ran+=("$engine $variant $name")
  done
fi

# Validation reports: each program's claims (its contexts' profiles, its declared budgets)
# against the static findings and the run. Legacy variants are expected to FAIL, fixed to PASS.
if [ -x "$DRIVER" ]; then
  echo
  printf '%-10s %-7s %-8s %-8s   %s\n' engine variant verdict expected report
  for p in "${ran[@]}"; do
    read -r engine variant name <<<"$p"
    out="$REPORT/$engine-$variant"
    args=(--static "$out.json")
    [ -f "$REPORT/$name.runtime.json" ] && args+=(--runtime "$REPORT/$name.runtime.json")
    rc=0
    "$DRIVER" report "${args[@]}" --title "$name" --source-root "$PWD" \
      --html "$out.report.html" --markdown "$out.report.md" --junit "$out.junit.xml" \
      --sarif "$out.report.sarif" 2>"$out.report.log" || rc=$?
    case $rc in 0) verdict=PASS ;; 1) verdict=FAIL ;; *) verdict=ERROR ;; esac
    expected=PASS; [ "$variant" = legacy ] && expected=FAIL
    printf '%-10s %-7s %-8s %-8s   %s\n' "$engine" "$variant" "$verdict" "$expected" \
      "$out.report.html"
    if [ $rc -eq 2 ]; then
      sed 's/^/    /' "$out.report.log" >&2
    fi
    # The failed claims and their reasons, from the JUnit file.
    [ $rc -eq 1 ] && python3 - "$out.junit.xml" <<'PY'
import sys
from xml.etree import ElementTree
for suite in ElementTree.parse(sys.argv[1]).getroot().iter("testsuite"):
    for case in suite.iter("testcase"):
        fail = case.find("failure")
        if fail is not None:
            print(f"    {suite.get('name')}: {case.get('name')}: {fail.get('message')}")
PY
    if [ "$verdict" != "$expected" ]; then
      echo "demo: $engine-$variant: validation report says $verdict, expected $expected" >&2
      status=1
    fi
  done
fi
echo
echo "reports: $REPORT (validation reports: *.report.html, *.report.md, *.junit.xml, *.report.sarif)"
exit $status
