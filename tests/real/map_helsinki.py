#!/usr/bin/python3
"""trygg map on real data: the Helsinki OSM extract with the HSL GTFS stops (nearby) and its
street lamps (coverage), mapped as HTML and PNG. Checked independently of trygg's map code:
  - the HTML holds exactly the features of the GeoPackages trygg nearby and coverage wrote,
    counted with SQLite (stops on and off the walking network, walking areas, walkway pieces);
  - the PNG shows the walkways' grey across the picture (the map opens on the extract, not on
    the whole HSL region of the stops that are off it);
  - the print's stop labels do not overlap: their number is bounded by how many label boxes
    fit in the page, and fewer fit on a smaller page.
Skipped (77) with a message when ../shared/data is absent.

    map_helsinki.py TRYGG SHARED_DATA_DIR BROWSER_TESTS_DIR
"""
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

trygg, shared, browser = sys.argv[1], sys.argv[2], sys.argv[3]
pbf = os.path.join(shared, "helsinki", "helsinki.osm.pbf")
gtfs = os.path.join(shared, "helsinki", "hsl-gtfs.zip")
if not (os.path.exists(pbf) and os.path.exists(gtfs)):
    print(f"skipped: {pbf} or {gtfs} is absent (real data lives in ../shared/data)")
    sys.exit(77)
sys.path.insert(0, browser)
from png_check import colour_extent, read_png  # noqa: E402

failures = []
WALKWAY_GREY = (140, 140, 140)  # town_background.cpp draws walkways in this colour


def run(args):
    p = subprocess.run([trygg] + args, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"trygg {' '.join(args)}: exit {p.returncode}\n{p.stderr}")
    return json.loads(p.stdout) if "--json" in args else None


def page_counts(html_path):
    """Features per layer id in the page's embedded data."""
    text = open(html_path, encoding="utf-8").read()
    m = re.search(r'<script id="trygg-data" type="application/json">(.*?)</script>', text, re.S)
    data = json.loads(m.group(1).replace("<\\/", "</"))
    return {layer["id"]: len(layer["data"]["features"]) for layer in data["layers"]}


def sql(gpkg, query):
    with sqlite3.connect(gpkg) as db:
        return db.execute(query).fetchone()[0]


def check_walkways(path, bare_path, what):
    """The walkways are what `path` has and `bare_path` (the same map without --walkways)
    lacks: grey pixels that must cover a share of the picture and span most of it."""
    width, height, rows = read_png(path)
    _, _, bare = read_png(bare_path)
    share, box = colour_extent(rows, WALKWAY_GREY, 10, bare)
    span_x = (box[2] - box[0] + 1) / width if box else 0
    span_y = (box[3] - box[1] + 1) / height if box else 0
    print(f"{what}: walkway grey {share:.2%} of the pixels, spanning {span_x:.0%} x {span_y:.0%}")
    if share < 0.005:
        failures.append(f"{what}: walkways cover {share:.3%} of the picture")
    if span_x < 0.25 or span_y < 0.6:
        failures.append(f"{what}: walkways span only {span_x:.0%} x {span_y:.0%} of the picture")


with tempfile.TemporaryDirectory() as tmp:
    stops_txt = os.path.join(tmp, "stops.txt")
    with zipfile.ZipFile(gtfs) as z, open(stops_txt, "wb") as f:
        f.write(z.read("stops.txt"))
    nearby = os.path.join(tmp, "nearby.gpkg")
    coverage = os.path.join(tmp, "coverage.gpkg")
    run(["nearby", "--walkways", pbf, "--stops", stops_txt, "--activities", pbf, "--max-distance", "400",
         "-o", nearby, "--quiet"])
    run(["coverage", "--walkways", pbf, "--lights", pbf, "-o", coverage, "--quiet"])

    # Stops.
    out = {k: os.path.join(tmp, "stops" + k) for k in (".html", ".png")}
    small = os.path.join(tmp, "stops_small.png")
    fixed = ["--date", "2026-01-01", "--attribution", "OpenStreetMap, HSL", "--quiet"]
    stops_map = run(["map", "stops", "--nearby", nearby, "--walkways", pbf, "-o", out[".html"], "-o", out[".png"],
                     "--json"] + fixed)
    bare = os.path.join(tmp, "stops_bare.png")
    run(["map", "stops", "--nearby", nearby, "-o", bare] + fixed)
    small_map = run(["map", "stops", "--nearby", nearby, "--walkways", pbf, "-o", small, "--size", "800x600",
                     "--dpi", "300", "--json"] + fixed)
    on = sql(nearby, "SELECT COUNT(*) FROM stops WHERE snapped = 1")
    off = sql(nearby, "SELECT COUNT(*) FROM stops WHERE snapped = 0")
    areas = sql(nearby, "SELECT COUNT(*) FROM areas")
    counts = page_counts(out[".html"])
    print(f"stops map: {counts}; GeoPackage: {on} stops on the network, {off} off it, {areas} areas")
    for layer, expected in (("stops", on), ("stops_off_network", off), ("walking_areas", areas)):
        if counts.get(layer) != expected:
            failures.append(f"stops map: layer {layer} has {counts.get(layer)} features, the GeoPackage {expected}")
    if on < 60 or off < 500:
        failures.append(f"expected about 90 stops inside the extract and over 1000 outside, got {on} and {off}")
    if not any("utanför gångnätet" in n and n.endswith(str(off)) for n in stops_map["notes"]):
        failures.append(f"no note counting the {off} stops off the network: {stops_map['notes']}")
    check_walkways(out[".png"], bare, "stops.png")

    # Labels: never more than fit on the page without overlapping. A label is at least one line
    # of the label font high (0.45 x the title size, the title 3.5 % of the page's short side,
    # at least 10 pt) and two characters wide; the map frame is less than the page.
    def label_bound(width_px, height_px, dpi):
        w_pt, h_pt = width_px * 72 / dpi, height_px * 72 / dpi
        title = min(max(min(w_pt, h_pt) * 0.035, 10), 28)
        font = title * 0.45
        return int((w_pt * h_pt) / (font * font * 1.0))

    big_labels = stops_map["labels"][out[".png"]]
    small_labels = small_map["labels"][small]
    print(f"labels: {big_labels} on 1600x1200, {small_labels} on 800x600")
    if not 0 < big_labels["placed"] <= min(on, label_bound(1600, 1200, 150)):
        failures.append(f"labels placed on the stops print: {big_labels['placed']} (stops on the network: {on})")
    if big_labels["placed"] + big_labels["left_out"] > on:
        failures.append("more labels than stops on the network")
    # 800x600 pixels at 300 dpi is a page a quarter the width and height (in points) of 1600x1200
    # at 150 dpi, whose text the 10 pt floor of the title keeps at twice the size relative to
    # the page: fewer labels fit without overlapping.
    if not small_labels["placed"] < big_labels["placed"]:
        failures.append(f"a page a quarter the size holds as many labels ({small_labels['placed']}): they overlap")

    # Coverage: every walkway piece trygg coverage wrote is on the page, and the lit (amber) and
    # unlit (dark) pieces are what the print adds to the map of the town alone.
    out = {k: os.path.join(tmp, "coverage" + k) for k in (".html", ".png")}
    run(["map", "coverage", "--coverage", coverage, "--walkways", pbf, "-o", out[".html"], "-o", out[".png"]] + fixed)
    pieces = sql(coverage, "SELECT COUNT(*) FROM walkway_pieces")
    counts = page_counts(out[".html"])
    print(f"coverage map: {counts}; GeoPackage: {pieces} walkway pieces")
    if counts.get("walkway_lighting") != pieces:
        failures.append(f"coverage map: {counts.get('walkway_lighting')} walkway pieces, the GeoPackage {pieces}")
    width, height, rows = read_png(out[".png"])
    for name, rgb in (("lit", (230, 171, 2)), ("unlit", (37, 37, 37))):
        share, box = colour_extent(rows, rgb, 10)
        print(f"coverage.png: {name} walkways {share:.2%} of the pixels")
        if share < 0.01:
            failures.append(f"coverage.png: {name} walkways cover {share:.3%} of the picture")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
