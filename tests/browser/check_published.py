#!/usr/bin/env python3
"""Checks that a map written with --publish gives nothing away: no report position and no
free-text value of the input reports appears in the output.

usage: check_published.py REPORTS.geojson PAGE.html [OTHER_OUTPUT ...] --free-text-field F [...]

The reports' positions are converted to longitude/latitude by PROJ's cs2cs (independent of
trygg); then every coordinate pair in the page's data is compared with every report: none
may lie within 1 m of one, and neither the projected nor the lon/lat numbers of a report may
appear as text. Free-text values must not appear in any of the outputs (in any case)."""

import argparse
import json
import math
import re
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("reports")
    parser.add_argument("page")
    parser.add_argument("others", nargs="*")
    parser.add_argument("--free-text-field", action="append", required=True)
    parser.add_argument("--src-crs", default="EPSG:3006")
    args = parser.parse_args()

    reports = json.load(open(args.reports, encoding="utf-8"))["features"]
    xy = [f["geometry"]["coordinates"] for f in reports]
    free = [str(f["properties"][k]) for f in reports for k in args.free_text_field if f["properties"].get(k)]
    run = subprocess.run(["cs2cs", args.src_crs, "EPSG:4326", "-f", "%.8f"], input="\n".join(f"{y} {x}" for x, y in xy),
                         capture_output=True, text=True, check=True)
    latlon = [tuple(map(float, line.split()[:2])) for line in run.stdout.strip().splitlines()]  # EPSG:3006 in is northing easting; EPSG:4326 out is lat lon
    assert len(latlon) == len(xy)

    failures = []
    page = open(args.page, encoding="utf-8").read()
    data = re.search(r'<script id="trygg-data" type="application/json">(.*?)</script>', page, re.S)
    if not data:
        failures.append("no map data in the page")
    else:
        doc = json.loads(data.group(1))
        pairs = []

        def walk(c):
            if isinstance(c, list) and len(c) == 2 and all(isinstance(v, (int, float)) for v in c):
                pairs.append(c)
            elif isinstance(c, list):
                for v in c:
                    walk(v)

        for layer in doc["layers"]:
            for f in layer["data"]["features"]:
                walk(f["geometry"]["coordinates"])
        if not pairs:
            failures.append("the page has no coordinates at all")
        for lon, lat in pairs:
            for rlat, rlon in latlon:
                dx = (lon - rlon) * 111320 * math.cos(math.radians(rlat))
                dy = (lat - rlat) * 110574
                if math.hypot(dx, dy) < 1.0:
                    failures.append(f"vertex {lon},{lat} lies within 1 m of a report at {rlon},{rlat}")
        print(f"checked {len(pairs)} vertices against {len(latlon)} reports")
    for (x, y), (lat, lon) in zip(xy, latlon):
        for text in (f"{x},{y}", f"{x:.1f}", f"{lon:.6f},{lat:.6f}", f"{lon:.5f},{lat:.5f}"):
            if text in page:
                failures.append(f"report position text {text} in {args.page}")
    for path in [args.page] + args.others:
        content = open(path, encoding="utf-8", errors="replace").read().lower()
        for value in free:
            if value.lower() in content:
                failures.append(f"free text {value!r} in {path}")
    print(f"checked {len(free)} free-text values in {1 + len(args.others)} files")
    for f in failures[:20]:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
