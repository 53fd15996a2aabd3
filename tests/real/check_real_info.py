"""Checks `trygg info --json` on one real data set against values computed here, independently
of trygg: counts and time spans from Python's csv module, OSM counts from GDAL's own default
OSM configuration through ogrinfo. Exit 77 (skipped) when the shared data is absent."""
import csv
import datetime
import json
import os
import subprocess
import sys

case, trygg, shared = sys.argv[1], sys.argv[2], sys.argv[3]


def info(*args):
    out = subprocess.run([trygg, "info", "--json", *args], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"trygg info {' '.join(args)} exited {out.returncode}: {out.stderr}")
    return json.loads(out.stdout)["layers"]


def need(path):
    if not os.path.exists(path):
        print(f"skipped: {path} is absent (../shared/data is not beside the project)")
        sys.exit(77)
    return path


failures = []


def expect(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, expected {want!r}")


def boston(file_name, category):
    path = need(os.path.join(shared, "boston", file_name))
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    located = [r for r in rows if r["LATITUDE"].strip() and r["LONGITUDE"].strip()]
    times = [datetime.datetime.strptime(r["OPEN_DT"], "%m/%d/%Y %I:%M:%S %p") for r in located]
    (layer,) = info(path)
    expect("kind", layer["kind"], "reports")
    expect("features", layer["features"], len(rows))
    expect("accepted", layer["accepted"], len(located))
    expect("rejected", layer["rejected"], {"no_geometry": len(rows) - len(located)} if len(rows) > len(located) else {})
    expect("source_crs", layer["source_crs"], "EPSG:4326")
    expect("working_crs", layer["working_crs"], "EPSG:32619")
    iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
    expect("time_span", layer["time_span"], [iso(min(times)), iso(max(times))])
    expect("categories", layer["categories"], {category: len(located)})
    lons = [float(r["LONGITUDE"]) for r in located]
    lats = [float(r["LATITUDE"]) for r in located]
    want = [min(lons), min(lats), max(lons), max(lats)]
    if any(abs(a - b) > 1e-6 for a, b in zip(layer["extent_lonlat"], want)):
        failures.append(f"extent {layer['extent_lonlat']} != {want}")
    expect("fields", {k: layer["fields"].get(k) for k in ("time", "category", "id")},
           {"time": "OPEN_DT", "category": "TYPE", "id": "CASE_ENQUIRY_ID"})


def osm_count(path, layer, where):
    out = subprocess.run(["ogrinfo", "-ro", "-q", "-sql", f"SELECT COUNT(*) FROM {layer} WHERE {where}", path],
                         capture_output=True, text=True, check=True).stdout
    return int(out.split("=")[-1].strip())


def helsinki():
    path = need(os.path.join(shared, "helsinki", "helsinki.osm.pbf"))
    layers = {l["kind"]: l for l in info(path)}
    expect("lights", layers["lights"]["accepted"], osm_count(path, "points", "highway = 'street_lamp'"))
    expect("cameras", layers["cameras"]["accepted"], osm_count(path, "points", "man_made = 'surveillance'"))
    for kind, layer in layers.items():
        expect(f"{kind} working_crs", layer["working_crs"], "EPSG:32635")  # Helsinki: UTM 35N
        expect(f"{kind} source_crs", layer["source_crs"], "EPSG:4326")
        e = layer["extent_lonlat"]
        if e and not (24.9 < e[0] <= e[2] < 25.0 and 60.1 < e[1] <= e[3] < 60.2):
            failures.append(f"{kind} extent {e} is not central Helsinki")
    if layers["walkways"]["accepted"] < 1000:
        failures.append(f"only {layers['walkways']['accepted']} walkways")
    # Asked for explicitly, a kind reads the same features as when guessed.
    (lights,) = info(path, "--kind", "lights")
    expect("--kind lights", lights["accepted"], layers["lights"]["accepted"])


def sweden_stops():
    path = need(os.path.join(shared, "sweden", "stops.txt"))
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    located = [r for r in rows if r["stop_lat"].strip() and r["stop_lon"].strip()]
    (layer,) = info(path)
    expect("kind", layer["kind"], "stops")
    expect("features", layer["features"], len(rows))
    expect("accepted", layer["accepted"], len(located))
    expect("working_crs", layer["working_crs"], "EPSG:3006")
    expect("fields", {k: layer["fields"].get(k) for k in ("id", "name")}, {"id": "stop_id", "name": "stop_name"})


def vasteras():
    path = need(os.path.join(shared, "sweden", "vasteras-activities.geojson"))
    with open(path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    (layer,) = info(path, "--kind", "activities")
    expect("features", layer["features"], len(features))
    expect("accepted", layer["accepted"], len(features))
    expect("source_crs", layer["source_crs"], "EPSG:3010")
    expect("working_crs", layer["working_crs"], "EPSG:3006")
    categories = {}
    for feat in features:
        c = feat["properties"]["CATEGORY"]
        categories[c] = categories.get(c, 0) + 1
    expect("categories", layer["categories"], categories)
    # The lon/lat extent as GDAL computes it (ogr2ogr to EPSG:4326), to 1e-6 degrees.
    out = subprocess.run(["ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:4326", "/vsistdout/", path],
                         capture_output=True, text=True, check=True).stdout
    coords = [f["geometry"]["coordinates"] for f in json.loads(out)["features"]]
    want = [min(c[0] for c in coords), min(c[1] for c in coords), max(c[0] for c in coords), max(c[1] for c in coords)]
    if any(abs(a - b) > 1e-6 for a, b in zip(layer["extent_lonlat"], want)):
        failures.append(f"extent {layer['extent_lonlat']} != GDAL's {want}")


def trafford():
    path = need(os.path.join(shared, "trafford", "cctv-cameras.geojson"))
    with open(path, encoding="utf-8") as f:
        n = len(json.load(f)["features"])
    (layer,) = info(path)
    expect("kind", layer["kind"], "cameras")
    expect("accepted", layer["accepted"], n)
    expect("working_crs", layer["working_crs"], "EPSG:32630")  # Greater Manchester: UTM 30N


cases = {
    "boston_graffiti": lambda: boston("graffiti-removal-2015.csv", "graffiti"),
    "boston_lights": lambda: boston("street-light-outages-2015.csv", "lighting"),
    "helsinki_osm": helsinki,
    "sweden_stops": sweden_stops,
    "vasteras_activities": vasteras,
    "trafford_cameras": trafford,
}
cases[case]()
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"{case}: ok")
