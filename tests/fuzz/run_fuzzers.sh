#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-22 (ASan + UBSan) in their own build directory and runs
# each for a bounded time over its seeds; exits non-zero when a fuzzer finds a crash, a leak or
# undefined behaviour (its reproducer is left in the work directory and named in the output).
#   run_fuzzers.sh SECONDS_PER_TARGET [BUILD_DIR]      (default BUILD_DIR: build/fuzz)
# RTCHECK_FUZZ_SEED (default 1) fixes libFuzzer's mutation sequence, so that CI's short run explores
# the same inputs on every machine instead of failing on a new random path now and then; long
# exploratory runs set it to 0 (a random seed).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:?usage: run_fuzzers.sh SECONDS_PER_TARGET [BUILD_DIR]}
build=$(realpath -m "${2:-$root/build/fuzz}")

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER="$(command -v clang-22)" -DCMAKE_CXX_COMPILER="$(command -v clang++-22)" -DCMAKE_PREFIX_PATH=/usr/lib/llvm-22 \
  -DRTCHECK_FUZZ=ON -DRTCHECK_BUILD_TESTS=OFF -DRTCHECK_BUILD_RUNTIME=OFF -DRTCHECK_BUILD_SAMPLES=OFF \
  -DRTCHECK_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" --target fuzzers -j "${RTCHECK_JOBS:-2}" >/dev/null

work=$build/fuzz-work
mkdir -p "$work"
declare -A seeds=(
  [rules]="$root/rules $root/rules/profiles $root/rules/vocabulary"
  [summary]="$here/seeds/summary"
  [config]="$here/seeds/config"
  [runtime_report]="$here/seeds/runtime_report"
)
status=0
for target in ${RTCHECK_FUZZ_TARGETS:-rules summary config runtime_report}; do
  corpus=$work/$target-corpus
  mkdir -p "$corpus"
  log=$work/$target.log
  # shellcheck disable=SC2086  # the seed directories are a word list
  if (cd "$work" && "$build/bin/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -seed="${RTCHECK_FUZZ_SEED:-1}" -print_final_stats=1 "$corpus" ${seeds[$target]} >"$log" 2>&1); then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz_$target: ${seconds}s, $runs executions, no finding"
  else
    echo "fuzz_$target: FAILED, see $log"
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5
    status=1
  fi
done
exit $status
