#!/usr/bin/python3
"""trygg coverage on the Helsinki OSM extract (street lamps, walkways), checked against an
independent brute force: the walkways trygg wrote (layer 'walkways', working CRS) sampled every
0.25 m, each sample tested against every street lamp within 20 m, the lamps read and reprojected
by GDAL's own ogr2ogr (not by trygg).

    coverage_helsinki.py TRYGG SHARED_DATA_DIR

Exit 77 (skipped) when the extract is absent.
"""
import json
import math
import os
import subprocess
import sys
import tempfile

trygg, shared = sys.argv[1], sys.argv[2]
pbf = os.path.join(shared, "helsinki", "helsinki.osm.pbf")
if not os.path.exists(pbf):
    print(f"skipped: {pbf} is absent")
    sys.exit(77)
RADIUS = 20.0
failures = []

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "coverage.gpkg")
    r = subprocess.run([trygg, "coverage", "--walkways", pbf, "--lights", pbf, "-o", out, "--json", "--quiet"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"trygg coverage failed ({r.returncode}): {r.stderr}")
    result = json.loads(r.stdout)
    walk_json = os.path.join(tmp, "walkways.geojson")
    lamp_json = os.path.join(tmp, "lamps.geojson")
    subprocess.run(["ogr2ogr", "-f", "GeoJSON", walk_json, out, "walkways"], check=True)
    crs = subprocess.run(["ogrinfo", "-so", out, "walkways"], capture_output=True, text=True, check=True).stdout
    epsg = "EPSG:32635"  # Helsinki: UTM 35N, as tests/real/check_real_info.py expects
    if "32635" not in crs:
        failures.append("walkways are not in EPSG:32635")
    subprocess.run(["ogr2ogr", "-f", "GeoJSON", "-t_srs", epsg, "-where", "highway = 'street_lamp'",
                    lamp_json, pbf, "points"], check=True, capture_output=True)
    walkways = json.load(open(walk_json, encoding="utf-8"))["features"]
    lamps = [f["geometry"]["coordinates"] for f in json.load(open(lamp_json, encoding="utf-8"))["features"]]

if result["lights"]["total"] != len(lamps):
    failures.append(f"lights: trygg read {result['lights']['total']}, ogr2ogr {len(lamps)}")
# Street lamps in OSM carry no status: all of them light.
if result["lights"]["used"] != len(lamps):
    failures.append(f"lights used {result['lights']['used']} != {len(lamps)}")

grid = {}
for x, y, *_ in lamps:
    grid.setdefault((math.floor(x / RADIUS), math.floor(y / RADIUS)), []).append((x, y))


def lit(x, y):
    cx, cy = math.floor(x / RADIUS), math.floor(y / RADIUS)
    for i in (cx - 1, cx, cx + 1):
        for j in (cy - 1, cy, cy + 1):
            for lx, ly in grid.get((i, j), ()):
                if (x - lx) ** 2 + (y - ly) ** 2 <= RADIUS * RADIUS:
                    return True
    return False


STEP = 0.25
total = sampled_lit = 0.0
for f in walkways:
    g = f["geometry"]
    parts = g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]
    for part in parts:
        for (ax, ay, *_), (bx, by, *_) in zip(part, part[1:]):
            length = math.hypot(bx - ax, by - ay)
            total += length
            n = max(1, math.ceil(length / STEP))
            for k in range(n):
                t = (k + 0.5) / n
                if lit(ax + t * (bx - ax), ay + t * (by - ay)):
                    sampled_lit += length / n

print(f"walkways {len(walkways)}, lamps {len(lamps)}, length {total:.1f} m, lit: trygg "
      f"{result['lit_length_m']:.1f} m, sampled {sampled_lit:.1f} m")
if abs(total - result["walkway_length_m"]) > 1e-4 * total:
    failures.append(f"walkway length {result['walkway_length_m']} != {total:.2f}")
if sampled_lit <= 0.0 or abs(sampled_lit - result["lit_length_m"]) > 0.005 * sampled_lit:
    failures.append(f"lit length {result['lit_length_m']} differs from sampled {sampled_lit:.2f} by more than 0.5 %")
if result["lit_length_m"] >= result["walkway_length_m"] or result["gaps"] <= 0:
    failures.append("implausible: everything lit or no dark gap")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print("coverage_helsinki: ok")
