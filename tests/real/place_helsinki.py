#!/usr/bin/python3
"""trygg place on the Helsinki OSM extract (street lamps, walkways), checked independently.

Ten new lights (disc model, 20 m, no reports) are placed; then, for every chosen site, the
walkway length it newly lights is recomputed by brute force: the walkways (as trygg coverage
writes them, working CRS) sampled every 0.25 m near the site, a sample counting for site r when
no street lamp (read and reprojected by GDAL's ogr2ogr, not by trygg) lies within 20 m, the site
does, and no site ranked before r does. trygg decides per 5 m demand piece by its midpoint, so
a covered stretch may end up to half a piece (2.5 m) off where a dark walkway crosses the site's
circle (or passes to a higher-ranked site's): the check allows 2.5 m per such crossing, counted
in the samples, plus 0.5 m of sampling noise. Also: the reported gain equals
new_lit_m (no reports: a piece weighs its length), the covered pieces sum to new_lit_m, gains
never grow along the ranking, and the covered share is consistent with the totals.

    place_helsinki.py TRYGG SHARED_DATA_DIR

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
COUNT = 10
failures = []


def run(args):
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(args[:2])} failed ({r.returncode}): {r.stderr}")
    return r.stdout


def features(path, layer=None):
    out = path + "." + (layer or "x") + ".geojson"
    subprocess.run(["ogr2ogr", "-f", "GeoJSON", out, path] + ([layer] if layer else []), check=True)
    return json.load(open(out, encoding="utf-8"))["features"]


with tempfile.TemporaryDirectory() as tmp:
    placed = os.path.join(tmp, "place.gpkg")
    result = json.loads(run([trygg, "place", "--walkways", pbf, "--lights", pbf, "--count", str(COUNT),
                             "-o", placed, "--json", "--quiet"]))
    covered = features(placed, "covered")
    site_rows = sorted(features(placed, "sites"), key=lambda f: f["properties"]["rank"])
    cov = os.path.join(tmp, "coverage.gpkg")
    run([trygg, "coverage", "--walkways", pbf, "--lights", pbf, "-o", cov, "--quiet"])
    walkways = features(cov, "walkways")
    lamp_json = os.path.join(tmp, "lamps.geojson")
    subprocess.run(["ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:32635", "-where", "highway = 'street_lamp'",
                    lamp_json, pbf, "points"], check=True, capture_output=True)
    lamps = [f["geometry"]["coordinates"] for f in json.load(open(lamp_json, encoding="utf-8"))["features"]]

sites = result["sites"]
if len(sites) != COUNT:
    failures.append(f"{len(sites)} sites, expected {COUNT}")
# The lamps that can matter: within 2 radii (plus a margin) of some site; every sample is tested
# against all of them.
reach = 2 * RADIUS + 2.0
nearby_lamps = [(x, y) for x, y, *_ in lamps
                if any(abs(x - s["x"]) <= reach and abs(y - s["y"]) <= reach for s in sites)]


def lit(x, y):
    return any((x - lx) ** 2 + (y - ly) ** 2 <= RADIUS * RADIUS for lx, ly in nearby_lamps)


STEP = 0.25
near = RADIUS + 1.0
sampled = [0.0] * len(sites)
# Where the walkway passes from one site's share into another's (or out of every circle) while
# staying dark, trygg's 5 m pieces may end up to half a piece (2.5 m) off: count those flips.
flips = [0] * len(sites)


def owner(x, y):
    """The first-ranked site within the radius, or None."""
    for r, s in enumerate(sites):
        if (x - s["x"]) ** 2 + (y - s["y"]) ** 2 <= RADIUS * RADIUS:
            return r
    return None


for f in walkways:
    g = f["geometry"]
    parts = g["coordinates"] if g["type"] == "MultiLineString" else [g["coordinates"]]
    for part in parts:
        previous = None  # (owner, dark) of the last sample along this part
        for (ax, ay, *_), (bx, by, *_) in zip(part, part[1:]):
            # Only segments whose box comes near some site.
            if not any(min(ax, bx) - near <= s["x"] <= max(ax, bx) + near and
                       min(ay, by) - near <= s["y"] <= max(ay, by) + near for s in sites):
                previous = None
                continue
            length = math.hypot(bx - ax, by - ay)
            n = max(1, math.ceil(length / STEP))
            for k in range(n):
                t = (k + 0.5) / n
                x, y = ax + t * (bx - ax), ay + t * (by - ay)
                r, dark = owner(x, y), not lit(x, y)
                if r is not None and dark:
                    sampled[r] += length / n
                if previous is not None and dark and previous[1] and previous[0] != r:
                    for side in (previous[0], r):
                        if side is not None:
                            flips[side] += 1
                previous = (r, dark)

stretches = [0] * len(sites)
covered_m = [0.0] * len(sites)
for f in covered:
    r = f["properties"]["site_rank"] - 1
    stretches[r] += 1
    covered_m[r] += f["properties"]["length_m"]

new_lit = [f["properties"]["new_lit_m"] for f in site_rows]
if [f["properties"]["id"] for f in site_rows] != [s["id"] for s in sites]:
    failures.append("the sites layer and --json disagree")

for r, s in enumerate(sites):
    allowed = 2.5 * flips[r] + 0.5
    print(f"site {r + 1} {s['id']}: gain {s['gain']}, new_lit_m {new_lit[r]}, covered pieces {covered_m[r]:.2f} m "
          f"in {stretches[r]} stretches, sampled {sampled[r]:.2f} m ({flips[r]} dark boundary crossings: allowed "
          f"difference {allowed:.1f} m)")
    if abs(s["gain"] - new_lit[r]) > 0.01:
        failures.append(f"site {r + 1}: gain {s['gain']} != new_lit_m {new_lit[r]} (no reports)")
    if abs(covered_m[r] - new_lit[r]) > 0.01 * max(1, stretches[r]):
        failures.append(f"site {r + 1}: covered pieces {covered_m[r]:.3f} m != new_lit_m {new_lit[r]}")
    if abs(sampled[r] - new_lit[r]) > allowed:
        failures.append(f"site {r + 1}: sampled {sampled[r]:.2f} m vs new_lit_m {new_lit[r]} (> {allowed:.1f} m)")
    if r > 0 and s["gain"] > sites[r - 1]["gain"] + 1e-6:
        failures.append(f"site {r + 1}: gain {s['gain']} grows after {sites[r - 1]['gain']}")
total_new = sum(new_lit)
if abs(total_new - result["newly_lit_m"]) > 0.1 + 0.001 * COUNT:
    failures.append(f"newly_lit_m {result['newly_lit_m']} != sum of sites {total_new:.2f}")
if abs(result["covered_demand"] - total_new) > 0.1:
    failures.append(f"covered_demand {result['covered_demand']} != newly lit {total_new:.2f} (no reports)")
dark = result["walkway_length_m"] - result["lit_length_m"]
if abs(result["total_demand"] - dark) > 0.5:
    failures.append(f"total_demand {result['total_demand']} != dark length {dark:.1f}")
if not result["covered_demand"] <= result["optimum_bound"] + 1e-6:
    failures.append("covered_demand above optimum_bound")
print(f"place_helsinki: {len(lamps)} lamps, {result['candidates']} candidates, dark {dark:.0f} m, "
      f"10 sites light {total_new:.1f} m (bound {result['optimum_bound']})")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print("place_helsinki: ok")
