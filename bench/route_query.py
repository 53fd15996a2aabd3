#!/usr/bin/python3
"""Time one `trygg route` query on the sample town, once the network is loaded.

The command reads the data, builds the graph and the edge conditions once, then plans every
pair. Running it with 1 pair and with N pairs (the same network and options) and dividing the
difference by N - 1 gives the time of one query (two searches: shortest and safe, plus the
figures), without the loading. Pairs are random walkway vertices of the town's main connected
part (seeded, so every run uses the same pairs).

    /usr/bin/python3 bench/route_query.py --build build-bench [--pairs 2000] [--repeat 3]

Writes bench/results/route.md and prints the same table.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOWN = os.path.join(ROOT, "data", "town")
WALKABLE = {"footway", "path", "pedestrian", "living_street", "residential", "service", "steps", "track",
            "cycleway", "unclassified", "tertiary", "secondary", "primary", "tertiary_link", "secondary_link",
            "primary_link", "bridleway", "corridor", "road", None, ""}


def main_component_vertices():
    """Vertices of the largest part of the walkways joined at shared vertices (union-find)."""
    with open(os.path.join(TOWN, "walkways.geojson"), encoding="utf-8") as f:
        features = json.load(f)["features"]
    parent = {}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for feature in features:
        if feature["properties"].get("highway") not in WALKABLE:
            continue
        geometry = feature["geometry"]
        lines = [geometry["coordinates"]] if geometry["type"] == "LineString" else geometry["coordinates"]
        for line in lines:
            keys = [tuple(p[:2]) for p in line]
            for k in keys:
                parent.setdefault(k, k)
            for k in keys[1:]:
                a, b = find(keys[0]), find(k)
                if a != b:
                    parent[b] = a
    groups = {}
    for k in parent:
        groups.setdefault(find(k), []).append(k)
    return sorted(max(groups.values(), key=len))


def run(trygg, pairs_csv, out, repeat):
    cmd = [trygg, "route", "--walkways", os.path.join(TOWN, "walkways.geojson"),
           "--lights", os.path.join(TOWN, "lights.geojson"), "--reports", os.path.join(TOWN, "reports.geojson"),
           "--point-crs", "EPSG:3006", "--pairs", pairs_csv, "-o", out, "--overwrite", "--quiet"]
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, check=True)
        best = min(best, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best_cpu = min(best_cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best, best_cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default="build-bench", help="build directory holding tools/trygg/trygg")
    parser.add_argument("--trygg", help="the trygg executable (default: <build>/tools/trygg/trygg)")
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each size; the fastest counts")
    args = parser.parse_args()
    trygg = args.trygg or os.path.join(ROOT, args.build, "tools", "trygg", "trygg")
    if not os.path.exists(trygg):
        sys.exit(f"{trygg} not found: build the target trygg first")
    vertices = main_component_vertices()
    rng = random.Random(20251123)
    with tempfile.TemporaryDirectory() as tmp:
        def write_pairs(n):
            path = os.path.join(tmp, f"pairs_{n}.csv")
            with open(path, "w", encoding="utf-8") as f:
                f.write("id,from_x,from_y,to_x,to_y\n")
                local = random.Random(rng.random())
                for i in range(n):
                    a, b = local.choice(vertices), local.choice(vertices)
                    f.write(f"{i + 1},{a[0]},{a[1]},{b[0]},{b[1]}\n")
            return path

        one = run(trygg, write_pairs(1), os.path.join(tmp, "one.gpkg"), args.repeat)
        many = run(trygg, write_pairs(args.pairs), os.path.join(tmp, "many.gpkg"), args.repeat)
    per_query_ms = (many[0] - one[0]) / (args.pairs - 1) * 1000.0
    per_query_cpu_ms = (many[1] - one[1]) / (args.pairs - 1) * 1000.0
    table = (
        "| run | wall time (best of %d) | CPU time, user + system (best of %d) |\n|---|---|---|\n"
        "| 1 pair (loading, graph, edge conditions, 1 query, writing) | %.3f s | %.3f s |\n"
        "| %d pairs | %.3f s | %.3f s |\n"
        "| **one query** (shortest + safe route with figures and dark stretches, writing included) "
        "| **%.2f ms** | **%.2f ms** |\n"
        % (args.repeat, args.repeat, one[0], one[1], args.pairs, many[0], many[1], per_query_ms, per_query_cpu_ms))
    text = ("# trygg route: time of one query on the sample town\n\n"
            "Produced by `bench/route_query.py` (walkways, lights and reports of data/town; random pairs of "
            "walkway vertices on the main connected part).\n\n" + table)
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "results", "route.md"), "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
