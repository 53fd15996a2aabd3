#!/usr/bin/env bash
# Configures (once) and builds trygg into build/ (incremental on re-runs). Used by demo.sh and
# test.sh; extra arguments go to the CMake configure step, e.g. -DTRYGG_SANITIZE=ON.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TRYGG_BUILD_DIR:-$root/build}
if [ ! -f "$build/build.ninja" ] || [ $# -gt 0 ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPython3_EXECUTABLE=/usr/bin/python3 "$@" >/dev/null
fi
cmake --build "$build" -j "$(nproc)"
