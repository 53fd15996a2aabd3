#!/usr/bin/python3
"""Writes points.geojson: 30 weighted points in SWEREF 99 TM (EPSG:3006) for the QGIS heatmap
fixture. Deterministic (fixed seed); coordinates are not snapped to any grid.

write_points() is also used by tests/peer/heatmap_qgis.py for its random sets."""
import json
import random


def write_points(path, n, seed, centres, box, clustered, weights, radii, spread=(180.0, 140.0)):
    """n points as GeoJSON in EPSG:3006: the first `clustered` around `centres` in turn (Gaussian,
    standard deviations `spread` in x and y), the others uniform in `box` (xmin, ymin, xmax,
    ymax); fields id, w (uniform in `weights`, 3 decimals) and r (uniform in `radii`, 2 decimals);
    coordinates to the millimetre."""
    rng = random.Random(seed)
    features = []
    for i in range(n):
        if i < clustered:
            cx, cy = centres[i % len(centres)]
            x, y = rng.gauss(cx, spread[0]), rng.gauss(cy, spread[1])
        else:
            x, y = rng.uniform(box[0], box[2]), rng.uniform(box[1], box[3])
        features.append({
            "type": "Feature",
            "properties": {"id": i + 1, "w": round(rng.uniform(*weights), 3),
                           "r": round(rng.uniform(*radii), 2)},
            "geometry": {"type": "Point", "coordinates": [round(x, 3), round(y, 3)]},
        })
    collection = {"type": "FeatureCollection", "name": "points",
                  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}},
                  "features": features}
    with open(path, "w") as f:
        json.dump(collection, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    write_points("points.geojson", 30, 20240611, [(674230.0, 6580410.0), (675120.0, 6581180.0)],
                 (673600.0, 6579800.0, 675700.0, 6581700.0), 20, (0.5, 3.0), (150.0, 400.0))
