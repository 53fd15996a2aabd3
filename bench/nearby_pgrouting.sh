#!/usr/bin/env bash
# trygg nearby against pgRouting's pgr_withPointsDD on the same synthetic network (a jittered
# street grid; GRID x GRID crossings, about 2 * GRID^2 edges), STOPS stops and ACTIVITIES point
# activities, a 780 m limit (10 minutes at 1.3 m/s). Both answer the same question: every
# stop-activity pair within the limit and its network distance; tests/peer/nearby_pgrouting.sh
# does the loading, the runs, the timing and the comparison.
#
#   bash bench/nearby_pgrouting.sh [BUILD_DIR]          # GRID=224 STOPS=1000 ACTIVITIES=10000
#   GRID=100 STOPS=200 ACTIVITIES=2000 bash bench/nearby_pgrouting.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-${BUILD:-$root/build-bench}}"
grid="${GRID:-224}" stops="${STOPS:-1000}" activities="${ACTIVITIES:-10000}"
out="$root/bench/out/nearby"
mkdir -p "$out"
/usr/bin/python3 - "$out" "$grid" "$stops" "$activities" <<'PY'
import json, random, sys
out, n, n_stops, n_act = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(5)
x0, y0, step = 560000.0, 6600000.0, 50.0
p = [[(round(x0 + i * step + rng.uniform(-10, 10), 2), round(y0 + j * step + rng.uniform(-10, 10), 2)) for j in range(n)] for i in range(n)]
def fc(features):
    return {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}}, "features": features}
lines = []
for i in range(n):
    for j in range(n):
        for di, dj in ((1, 0), (0, 1)):
            if i + di < n and j + dj < n and rng.random() < 0.9:
                lines.append({"type": "Feature", "properties": {"id": len(lines) + 1, "highway": "residential"},
                              "geometry": {"type": "LineString", "coordinates": [p[i][j], p[i + di][j + dj]]}})
ext = (n - 1) * step
def points(count, prefix, cat):
    return [{"type": "Feature", "properties": {"id": f"{prefix}{k + 1}", "name": f"{prefix}{k + 1}", "category": cat[k % len(cat)]},
             "geometry": {"type": "Point", "coordinates": [round(x0 + rng.uniform(0, ext), 2), round(y0 + rng.uniform(0, ext), 2)]}}
            for k in range(count)]
json.dump(fc(lines), open(f"{out}/walkways.geojson", "w"))
json.dump(fc(points(n_stops, "S", ["stop"])), open(f"{out}/stops.geojson", "w"))
json.dump(fc(points(n_act, "A", ["library", "park", "school", "sports", "shop"])), open(f"{out}/activities.geojson", "w"))
print(f"nearby bench data: {len(lines)} lines, {n_stops} stops, {n_act} activities in {out}")
PY
bash "$root/tests/peer/nearby_pgrouting.sh" "$build/tools/trygg/trygg" "$out/walkways.geojson" "$out/stops.geojson" \
  "$out/activities.geojson" 780 --bench
