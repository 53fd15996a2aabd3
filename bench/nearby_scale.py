"""How fast is `trygg nearby` at the size of issue 5: about 100,000 network edges, 1,000 stops and
10,000 activities, 780 m (10 minutes) from every stop.

Generates a seeded walking network in EPSG:3006 (a street grid with jittered crossings, streets
drawn as long polylines that share their crossing vertices, some streets missing, and a diagonal
footpath with a bend in some blocks), random stops, and random activities (95 % points, 5 % small
park polygons). Then times three runs of the same command, end to end (wall, and CPU = user + sys
of the child process), with the load average at the start of each run:
  setup   --max-distance 0.01: read, build and node the graph, snap, write the stops; no search
  search  --max-distance 780 --area-buffer 0: the same plus the bounded searches and the links
  areas   --max-distance 780 (default --area-buffer 25): plus the walking-area polygons; only
          with --areas (measured 2026-12-07: 1.3-1.5 s, 14.8 s with the earlier GEOS union;
          bench/README.md "nearby at scale")
so search - setup is the cost of the searches and of writing their links.

  python3 bench/nearby_scale.py [--trygg BUILD/tools/trygg/trygg] [--grid 226] [--stops 1000]
                                [--activities 10000] [--format gpkg|geojson] [--threads N] [--areas]
Data and outputs go to bench/out/nearby_scale/ (not committed)."""
import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("--trygg", default=os.path.join(root, "build-bench", "tools", "trygg", "trygg"))
ap.add_argument("--grid", type=int, default=226, help="crossings per side (about 2 * grid^2 edges)")
ap.add_argument("--stops", type=int, default=1000)
ap.add_argument("--activities", type=int, default=10000)
ap.add_argument("--seed", type=int, default=2026)
ap.add_argument("--format", choices=["gpkg", "geojson"], default="gpkg",
                help="input format given to trygg (gpkg: converted from the generated GeoJSON by ogr2ogr)")
ap.add_argument("--threads", type=int, default=0, help="trygg --threads (0: all cores)")
ap.add_argument("--areas", action="store_true", help="also time the run with walking areas")
args = ap.parse_args()
out = os.path.join(root, "bench", "out", "nearby_scale")
os.makedirs(out, exist_ok=True)

# --- data ---------------------------------------------------------------------------------------
rng = random.Random(args.seed)
n, step, x0, y0 = args.grid, 50.0, 560000.0, 6600000.0
crossing = [[(round(x0 + i * step + rng.uniform(-12, 12), 2), round(y0 + j * step + rng.uniform(-12, 12), 2))
             for j in range(n)] for i in range(n)]
lines = []


def line(coords, highway):
    lines.append({"type": "Feature", "properties": {"id": len(lines) + 1, "highway": highway},
                  "geometry": {"type": "LineString", "coordinates": coords}})


def streets(points):
    """One street along a row or column: polylines through the crossings, with random gaps (a
    missing block) and random breaks (a new OSM way), so lines share their crossing vertices."""
    run = [points[0]]
    for a, b in zip(points, points[1:]):
        if rng.random() < 0.08:  # a missing block
            if len(run) > 1:
                line(run, "residential")
            run = [b]
            continue
        run.append(b)
        if rng.random() < 0.15 and len(run) > 1:  # the way ends here, the next starts here
            line(run, "residential")
            run = [b]
    if len(run) > 1:
        line(run, "residential")


for i in range(n):
    streets([crossing[i][j] for j in range(n)])
    streets([crossing[j][i] for j in range(n)])
for i in range(n - 1):
    for j in range(n - 1):
        if rng.random() < 0.12:  # a footpath across the block, with a bend
            (ax, ay), (bx, by) = crossing[i][j], crossing[i + 1][j + 1]
            mid = (round((ax + bx) / 2 + rng.uniform(-4, 4), 2), round((ay + by) / 2 + rng.uniform(-4, 4), 2))
            line([[ax, ay], list(mid), [bx, by]], "footway")
extent = (n - 1) * step


def where():
    return round(x0 + rng.uniform(0, extent), 2), round(y0 + rng.uniform(0, extent), 2)


stops = [{"type": "Feature", "properties": {"stop_id": f"S{k + 1}", "name": f"Stop {k + 1}"},
          "geometry": {"type": "Point", "coordinates": list(where())}} for k in range(args.stops)]
categories = ["library", "school", "sports", "shop", "youth_centre", "cafe"]
activities = []
for k in range(args.activities):
    x, y = where()
    if rng.random() < 0.05:
        half = rng.uniform(20, 40)
        geometry = {"type": "Polygon", "coordinates": [[[x - half, y - half], [x + half, y - half], [x + half, y + half],
                                                        [x - half, y + half], [x - half, y - half]]]}
        category = "park"
    else:
        geometry = {"type": "Point", "coordinates": [x, y]}
        category = categories[k % len(categories)]
    activities.append({"type": "Feature", "properties": {"id": f"A{k + 1}", "name": f"Activity {k + 1}",
                                                         "category": category}, "geometry": geometry})
crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}}
inputs = {}
for name, features in (("walkways", lines), ("stops", stops), ("activities", activities)):
    path = os.path.join(out, name + ".geojson")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "crs": crs, "features": features}, f)
    if args.format == "gpkg":
        gpkg = os.path.join(out, name + ".gpkg")
        subprocess.run(["ogr2ogr", "-overwrite", "-f", "GPKG", gpkg, path, "-nln", name], check=True)
        path = gpkg
    inputs[name] = path
print(f"data: {len(lines)} lines, {len(stops)} stops, {len(activities)} activities "
      f"({sum(1 for a in activities if a['geometry']['type'] == 'Polygon')} polygons), "
      f"{extent / 1000:.1f} km square, {args.format}")


# --- runs -----------------------------------------------------------------------------------------
def timed(label, extra):
    cmd = [args.trygg, "nearby", "--walkways", inputs["walkways"], "--stops", inputs["stops"],
           "--activities", inputs["activities"], "-o", os.path.join(out, label + ".gpkg"), "--overwrite",
           "--json", "--quiet", "--threads", str(args.threads)] + extra
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(p.stdout), wall, cpu, load


runs = [("setup", ["--max-distance", "0.01", "--area-buffer", "0"]),
        ("search", ["--max-distance", "780", "--area-buffer", "0"])]
if args.areas:
    runs.append(("areas", ["--max-distance", "780"]))
results = {}
print(f"| run | edges | stops snapped | links | wall s | CPU s (user+sys) | load avg (1 min) |")
print(f"|---|---|---|---|---|---|---|")
for label, extra in runs:
    summary, wall, cpu, load = timed(label, extra)
    results[label] = (wall, cpu)
    snapped = summary["stops"] - len(summary["stops_not_on_network"])
    print(f"| {label} | {summary['network']['edges']} | {snapped} | {summary['links']} | {wall:.2f} | {cpu:.2f} | {load:.2f} |",
          flush=True)
print(f"search - setup: wall {results['search'][0] - results['setup'][0]:.2f} s, "
      f"CPU {results['search'][1] - results['setup'][1]:.2f} s (the bounded searches and writing their links); "
      f"{os.cpu_count()} cores")
