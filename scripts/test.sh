#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the C++ unit tests, the golden CLI
# tests and peer comparisons (ctest), then the Python tests (pytest under /usr/bin/python3).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TRYGG_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
if [ -d "$root/python/tests" ] && ls "$root"/python/tests/test_*.py >/dev/null 2>&1; then
  PYTHONPATH="$build/python${PYTHONPATH:+:$PYTHONPATH}" TRYGG_EXE="$build/tools/trygg/trygg" \
    /usr/bin/python3 -m pytest -q "$root/python/tests"
fi
