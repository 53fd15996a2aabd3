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

step "Hotspots: DBSCAN clusters of reports within 30 m, at least 10 reports (trygg hotspots)"
"$trygg" hotspots "$town/reports.geojson" -o "$out/hotspots.gpkg" --eps 30 --min-points 10 --overwrite

step "Graffiti clusters in 2025 only"
"$trygg" hotspots "$town/reports.geojson" -o "$out/graffiti-2025.gpkg" --eps 30 --min-points 10 \
  --category klotter --from 2025-01-01 --to 2026-01-01 --overwrite

step "Heatmap: quartic kernel density, 300 m radius, 25 m cells, and the areas holding half the mass (trygg heatmap)"
"$trygg" heatmap "$town/reports.geojson" -o "$out/heatmap.tif" --radius 300 --cell 25 --contour 50 --overwrite

step "Significant hot and cold spots: Getis-Ord Gi* on 100 m cells (trygg gistar)"
"$trygg" gistar "$town/reports.geojson" -o "$out/gistar.gpkg" --cell 100 --fdr --overwrite

step "How well do 2024's hotspot areas predict 2025's reports? (trygg evaluate)"
"$trygg" heatmap "$town/reports.geojson" -o "$out/heatmap-2024.tif" --radius 150 --cell 10 \
  --to 2025-01-01 --contour 50 --overwrite --quiet
"$trygg" evaluate --areas "$out/heatmap-2024_areas.gpkg" --reports "$town/reports.geojson" \
  --from 2025-01-01 --to 2026-01-01 --study-area "$town/districts.geojson"

step "Are the reports clustered at all? Nearest Neighbour Index (trygg evaluate --nni)"
"$trygg" evaluate --nni --reports "$town/reports.geojson" --study-area "$town/districts.geojson"

echo
echo "Demo outputs are in $out"
