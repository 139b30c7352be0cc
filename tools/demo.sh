#!/usr/bin/env bash
# The main job: rtcheck over every bundled sample program, static and (when the shim is built)
# dynamic, with the reports in <build>/report/.
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
if [ -x "$DRIVER" ] && ls "$BUILD"/lib/librtcheck_rt.so >/dev/null 2>&1; then
  echo
  for p in "${programs[@]}"; do
    read -r engine variant _ <<<"$p"
    bin=$(ls "$BUILD"/bin/"$engine"_*_"$variant" 2>/dev/null | head -1)
    [ -n "$bin" ] && [ -x "$bin" ] || continue
    name=$(basename "$bin")
    echo "== rtcheck run -- $name"
    # From the report directory, so that what the engines write (WAV files) lands there too.
    (cd "$REPORT" && "$DRIVER" run --report "$name.runtime.json" -- "$bin") || true
  done
fi
echo
echo "reports: $REPORT"
exit $status
