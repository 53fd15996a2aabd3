#!/usr/bin/env bash
# Runs every benchmark under bench/ and writes bench/results/*.md (committed) and raw numbers to
# bench/out/ (not committed). Installs what is missing (Debian packages; needs root or sudo),
# builds the trygg binaries in build-bench, generates the report sets, then runs the benchmarks.
#
#   bash bench/run_all.sh            # everything (about 5 minutes on 2 cores)
#   SIZES=10000,100000 bash bench/run_all.sh
#   BUILD=/path/to/build bash bench/run_all.sh
#   BENCH=dbscan bash bench/run_all.sh    # only some of: dbscan heatmap coverage (nearby: only when named)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD:-$root/build-bench}"
sizes="${SIZES:-10000,100000,1000000}"
bench=" ${BENCH:-dbscan heatmap coverage} "

# 1. Packages: the project's build dependencies, then the peers and tools of the benchmarks.
bash "$root/scripts/install-deps.sh"
packages=(time python3-numpy python3-sklearn python3-psycopg2 postgresql-15-postgis-3 gdal-bin)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "run_all: installing ${missing[*]}" >&2
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. Binaries (optimised build, as a user would build it).
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target trygg trygg_dbscan_driver

# 3. Data (seeded: the same files every time).
/usr/bin/python3 "$root/bench/gen_reports.py" --sizes "$sizes"

# 4. Benchmarks.
echo "== machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory," \
     "$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
status=0
if [[ "$bench" == *" dbscan "* ]]; then
  /usr/bin/python3 "$root/bench/run_dbscan.py" --build "$build" --sizes "$sizes" \
    | tee "$root/bench/out/dbscan_stdout.txt" || status=1
fi
# The heatmap benchmark (bench/heatmap_vs_qgis.py, writes bench/results/heatmap.md), when present.
if [[ "$bench" == *" heatmap "* ]] && [ -f "$root/bench/heatmap_vs_qgis.py" ]; then
  /usr/bin/python3 "$root/bench/heatmap_vs_qgis.py" --trygg "$build/tools/trygg/trygg" || status=1
fi
# trygg nearby against pgRouting's pgr_withPointsDD (bench/nearby_pgrouting.sh; only with BENCH=nearby).
if [[ "$bench" == *" nearby "* ]]; then
  bash "$root/bench/nearby_pgrouting.sh" "$build" | tee "$root/bench/out/nearby_stdout.txt" || status=1
  /usr/bin/python3 "$root/bench/nearby_scale.py" --trygg "$build/tools/trygg/trygg" \
    | tee "$root/bench/out/nearby_scale_stdout.txt" || status=1
fi
# trygg coverage against PostGIS (bench/coverage_vs_postgis.py: town, 5k/2k and 50k/20k, side by side).
if [[ "$bench" == *" coverage "* ]]; then
  /usr/bin/python3 "$root/bench/coverage_vs_postgis.py" --build "$build" || status=1
fi
echo "run_all: results in $root/bench/results/, raw numbers in $root/bench/out/" >&2
exit $status
