#!/usr/bin/env bash
# Installs what is missing, builds, and runs trygg on the sample town in data/town.
# Outputs go to demo-out/ (or $TRYGG_DEMO_OUT).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TRYGG_BUILD_DIR:-$root/build}
out=${TRYGG_DEMO_OUT:-$root/demo-out}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
trygg="$build/tools/trygg/trygg"
town="$root/data/town"
mkdir -p "$out"

step() { printf '\n== %s\n' "$*"; }

step "What is in the sample town (trygg info)"
"$trygg" info "$town"/reports.geojson "$town"/lights.geojson "$town"/cameras.geojson \
  "$town"/stops.geojson "$town"/activities.geojson "$town"/walkways.geojson \
  "$town"/buildings.geojson "$town"/districts.geojson
"$trygg" info "$town"/*.geojson --json > "$out/town-info.json"
echo "(also as JSON: $out/town-info.json)"

step "The same reports from CSV, whose x/y columns carry no CRS"
"$trygg" info "$town/reports.csv" --src-crs EPSG:3006

echo
echo "Demo outputs are in $out"
