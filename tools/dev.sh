#!/usr/bin/env bash
# rtcheck developer entry point: installs what a fresh Debian 12 machine lacks, builds, and runs.
#   tools/dev.sh deps    install the Debian packages the build and the tests need
#   tools/dev.sh build   configure (Ninja, ccache) and build into ./build
#   tools/dev.sh demo    deps + build + rtcheck over the bundled samples, writing build/report/
#   tools/dev.sh test    deps + build + the whole test suite (CTest)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${RTCHECK_BUILD_DIR:-build}
JOBS=${RTCHECK_JOBS:-2}

packages=(
  build-essential cmake meson ninja-build ccache pkg-config python3 python3-jsonschema
  clang-22 libclang-22-dev llvm-22-dev libclang-rt-22-dev
  nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  libsndfile1-dev portaudio19-dev libjack-jackd2-dev libasound2-dev
  libv4l-dev libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  libpipewire-0.3-dev libpulse-dev libcamera-dev libsdl2-dev librtaudio-dev lv2-dev ladspa-sdk
  llvm-22 chromium python3-lxml jackd2 lilv-utils jalv mda-lv2 swh-lv2 x42-plugins lsp-plugins-lv2
  swh-plugins pulseaudio pulseaudio-utils pipewire pipewire-bin gstreamer1.0-plugins-base
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

deps() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "dev.sh: all ${#packages[@]} packages present"
    return
  fi
  echo "dev.sh: installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_PREFIX_PATH=/usr/lib/llvm-22 -DRTCHECK_WERROR=ON >/dev/null
  cmake --build "$BUILD_DIR" -j "$JOBS"
}


case "${1:-}" in
  deps) deps ;;
  build) build ;;
  demo) deps; build; bash tools/demo.sh "$BUILD_DIR" ;;
  # The analyzer's summary cache of the test runs stays in the build tree, not in the user's home.
  test) deps; build; test_cache=$BUILD_DIR/test-cache; [[ $test_cache = /* ]] || test_cache=$PWD/$test_cache
    XDG_CACHE_HOME=$test_cache ctest --test-dir "$BUILD_DIR" -j "$JOBS" --output-on-failure ;;
  *) echo "usage: tools/dev.sh deps|build|demo|test" >&2; exit 2 ;;
esac
