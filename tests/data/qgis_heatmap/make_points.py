#!/usr/bin/python3
"""Writes points.geojson: 30 weighted points in SWEREF 99 TM (EPSG:3006) for the QGIS heatmap
fixture. Deterministic (fixed seed); coordinates are not snapped to any grid."""
import json
import random

rng = random.Random(20240611)
centres = [(674230.0, 6580410.0), (675120.0, 6581180.0)]
features = []
for i in range(30):
    if i < 20:
        cx, cy = centres[i % 2]
        x, y = rng.gauss(cx, 180.0), rng.gauss(cy, 140.0)
    else:
        x, y = rng.uniform(673600.0, 675700.0), rng.uniform(6579800.0, 6581700.0)
    features.append({
        "type": "Feature",
        "properties": {"id": i + 1, "w": round(rng.uniform(0.5, 3.0), 3),
                       "r": round(rng.uniform(150.0, 400.0), 2)},
        "geometry": {"type": "Point", "coordinates": [round(x, 3), round(y, 3)]},
    })
collection = {"type": "FeatureCollection", "name": "points",
              "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}},
              "features": features}
with open("points.geojson", "w") as f:
    json.dump(collection, f, indent=1)
    f.write("\n")
