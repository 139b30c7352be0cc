#!/usr/bin/env bash
# Builds the analyzer and the runtime shim with clang-22 under AddressSanitizer and
# UndefinedBehaviorSanitizer in their own build directory, then runs the corpus (the analyzer on
# every annotated case) and the runtime tests (the shim preloaded into real programs) there.
# The result of the last run is recorded in docs/hardening.md ("Sanitizer run").
#   run_sanitized.sh [BUILD_DIR] [CTEST_REGEX]     (defaults: build/asan, '^(corpus|runtime)/')
#   RTCHECK_SANITIZERS=undefined RTCHECK_SANITIZE_TARGETS='rtcheck runtime/all tests/runtime/all' \
#     run_sanitized.sh build/ubsan '^runtime/'
#     UBSan alone: the shim preloaded into uninstrumented programs (ASan cannot run there, because
#     the shim's malloc interposer reaches ASan's allocator before ASan has initialised).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/asan}
tests=${2:-^(corpus|runtime)/}
sanitizers=${RTCHECK_SANITIZERS:-address,undefined}
# The shim is preloaded into programs that are not instrumented: every part links the shared
# sanitizer runtime, so the shim's sanitizer runtime is the program's too.
flags="-fsanitize=$sanitizers -fno-sanitize-recover=undefined -fno-omit-frame-pointer -shared-libsan"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER="$(command -v clang-22)" -DCMAKE_CXX_COMPILER="$(command -v clang++-22)" \
  -DCMAKE_PREFIX_PATH=/usr/lib/llvm-22 -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="$flags" -DCMAKE_SHARED_LINKER_FLAGS="$flags" \
  -DRTCHECK_BUILD_SAMPLES=OFF -DRTCHECK_BUILD_BENCHMARKS=OFF >/dev/null
# The shared sanitizer runtime is not on the loader's path: the build needs it too, because
# gtest_discover_tests runs each test program to list its tests.
sanitizer_lib=$(dirname "$(clang++-22 -print-file-name=libclang_rt.ubsan_standalone-x86_64.so)")
export LD_LIBRARY_PATH=$sanitizer_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
# Only what the two test sets run (Ninja's per-directory targets): not the unit tests or samples.
# The runtime tests alone need the driver, not the analyzer:
#   RTCHECK_SANITIZE_TARGETS='rtcheck runtime/all tests/runtime/all'
read -r -a targets <<<"${RTCHECK_SANITIZE_TARGETS:-rtcheck-analyzer tools/all runtime/all tests/runtime/all}"
cmake --build "$build" -j "${RTCHECK_JOBS:-2}" --target "${targets[@]}"

# verify_asan_link_order=0: in a preloaded, uninstrumented program the ASan runtime arrives as the
# shim's dependency, not first in the link order. Leaks of the programs under test are theirs.
export ASAN_OPTIONS=${ASAN_OPTIONS:-verify_asan_link_order=0:detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build" -j "${RTCHECK_JOBS:-2}" -R "$tests" --output-on-failure
