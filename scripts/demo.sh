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

step "Maps for the safety council: hotspots as an interactive page and a PNG for the minutes (trygg map)"
"$trygg" map hotspots --clusters "$out/hotspots.gpkg" --heatmap "$out/heatmap.tif" \
  --walkways "$town/walkways.geojson" --buildings "$town/buildings.geojson" \
  -o "$out/map-hotspots.html" -o "$out/map-hotspots.png" --overwrite
"$trygg" map hotspots --clusters "$out/hotspots.gpkg" --walkways "$town/walkways.geojson" \
  --buildings "$town/buildings.geojson" --publish --title "Klotter och skadegörelse – publik version" \
  -o "$out/map-hotspots-publik.html" -o "$out/map-hotspots-publik.png" --overwrite

step "What is within a 10-minute walk of each bus stop? Layers and a printable list (trygg nearby)"
"$trygg" nearby --walkways "$town/walkways.geojson" --stops "$town/stops.geojson" \
  --activities "$town/activities.geojson" -o "$out/nearby.gpkg" --list "$out/nearby.md" \
  --list-csv "$out/nearby.csv" --overwrite
head -n 12 "$out/nearby.md"

step "Lit and camera-seen walkways, and the dark gaps with the most reports nearby (trygg coverage)"
"$trygg" coverage --walkways "$town/walkways.geojson" --lights "$town/lights.geojson" \
  --cameras "$town/cameras.geojson" --buildings "$town/buildings.geojson" \
  --reports "$town/reports.geojson" --areas "$town/districts.geojson" \
  -o "$out/coverage.gpkg" --overwrite --json > "$out/coverage.json"
/usr/bin/python3 - "$out/coverage.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
print("lit %.1f %%, seen %.1f %% of %.1f km; %d dark gaps; top 5:"
      % (100 * j["lit_share"], 100 * j["seen_share"], j["walkway_length_m"] / 1000, j["gaps"]))
for g in j["top_gaps"][:5]:
    print("  %d. %.0f m, %d reports nearby" % (g["rank"], g["length_m"], g["reports"]))
PY

step "10 proposed new lights: where the dark walkway length weighted by nearby reports is greatest (trygg place)"
"$trygg" place --walkways "$town/walkways.geojson" --lights "$town/lights.geojson" \
  --reports "$town/reports.geojson" --count 10 -o "$out/new-lights.gpkg" --overwrite

step "A safe walking route next to the shortest, from A to B: lit, away from hotspots (trygg route)"
# --w-dark 8: a dark metre costs 9 lit ones (Valhalla's strongest use_lit factor is 8x).
"$trygg" route --walkways "$town/walkways.geojson" --lights "$town/lights.geojson" \
  --reports "$town/reports.geojson" --w-dark 8 --point-crs EPSG:3006 \
  --from 569168.65,6608620.98 --to 569185.78,6609507.10 -o "$out/route.gpkg" --overwrite

step "The other three maps, as pages and PNGs: stops, lighting and cameras, safe route (trygg map)"
town_bg=(--walkways "$town/walkways.geojson" --buildings "$town/buildings.geojson")
"$trygg" map stops --nearby "$out/nearby.gpkg" --activities "$town/activities.geojson" "${town_bg[@]}" \
  -o "$out/map-stops.html" -o "$out/map-stops.png" --overwrite
"$trygg" map coverage --coverage "$out/coverage.gpkg" --sites "$out/new-lights.gpkg" --cameras "$town/cameras.geojson" \
  --lights "$town/lights.geojson" "${town_bg[@]}" -o "$out/map-coverage.html" -o "$out/map-coverage.png" --overwrite
"$trygg" map route --route "$out/route.gpkg" --lights "$town/lights.geojson" "${town_bg[@]}" \
  -o "$out/map-route.html" -o "$out/map-route.png" --overwrite

echo
echo "Demo outputs are in $out"
