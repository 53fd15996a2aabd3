#!/usr/bin/python3
"""Lit walkway length: trygg coverage against the same computation in PostGIS.

    /usr/bin/python3 bench/coverage_vs_postgis.py [--build build-bench] [--no-synthetic]
        [--check-only]

Cases:
  town       the sample town (data/town: 742 walkways, 1710 lights of which 51 broken), 20 m discs
  synthetic  a seeded grid town of 50 000 walkway segments (250 x 100 blocks of 40 m, one
             segment per block side) and 20 000 lights placed uniformly at random, 20 m discs

trygg:   trygg coverage --walkways W --lights L -o out.gpkg --json --quiet; "process" is the wall
         time of the whole process (GDAL read of both files, lit intervals, pieces, gaps, lit
         area union, GeoPackage write); "lit length" is lit_length_m of --json (exact circle-
         segment intersections).
PostGIS: the same lights (status not broken) and walkways loaded with COPY (WKT) into a
         throwaway cluster (bench/run_dbscan.py's pg_start/pg_stop: /tmp/trygg-bench-pg, unix
         socket only), GiST indexes; one query, timed client-side by psql's \\timing:
             WITH lit AS (SELECT ST_Union(ST_Buffer(geom, 20, 'quad_segs=64')) AS g FROM lights)
             SELECT sum(ST_Length(ST_Intersection(w.geom, lit.g))) FROM walkways w, lit
         and, for a fairer second variant, the union clipped per walkway through the index:
             SELECT sum(ST_Length(ST_Intersection(w.geom, u.g))) FROM walkways w CROSS JOIN LATERAL
               (SELECT ST_Union(ST_Buffer(l.geom, 20, 'quad_segs=64')) g FROM lights l
                WHERE ST_DWithin(l.geom, w.geom, 20)) u
         quad_segs=64 polygons lie within r(1 - cos(pi/256)) = 1.5 mm of the circle, so the two
         lit lengths must agree within 0.1 % (the check; exit 1 otherwise).

Writes bench/results/coverage.md and bench/out/coverage_raw.json.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")
sys.path.insert(0, HERE)
import run_dbscan as pg  # noqa: E402  (pg_start, pg_stop, PG_DIR, PG_PORT, machine)

OUT_OF_ORDER = {"broken", "out", "off", "defect", "defective", "failed", "not working", "dark",
                "out of order", "trasig", "släckt", "ur funktion", "avstängd", "ej fungerande"}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def synthetic(path_w, path_l, seed=11):
    """A 250 x 100 grid of 40 m blocks: horizontal and vertical segments of one block side."""
    x0, y0, step, nx, ny = 500000.0, 6600000.0, 40.0, 250, 100
    features = []
    for j in range(ny + 1):
        for i in range(nx):
            features.append([[x0 + i * step, y0 + j * step], [x0 + (i + 1) * step, y0 + j * step]])
    for i in range(nx + 1):
        for j in range(ny):
            if len(features) >= 50000:
                break
            features.append([[x0 + i * step, y0 + j * step], [x0 + i * step, y0 + (j + 1) * step]])
    features = features[:50000]
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}}
    with open(path_w, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "crs": crs, "features": [
            {"type": "Feature", "properties": {"id": k}, "geometry": {"type": "LineString", "coordinates": c}}
            for k, c in enumerate(features)]}, f)
    rng = random.Random(seed)
    with open(path_l, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "crs": crs, "features": [
            {"type": "Feature", "properties": {"id": k, "status": "ok"},
             "geometry": {"type": "Point", "coordinates": [round(x0 + rng.uniform(0, nx * step), 2),
                                                            round(y0 + rng.uniform(0, ny * step), 2)]}}
            for k in range(20000)]}, f)


def wkt(geometry):
    t, c = geometry["type"], geometry["coordinates"]
    pts = lambda line: ", ".join(f"{x!r} {y!r}" for x, y, *_ in line)  # noqa: E731
    if t == "Point":
        return f"POINT({c[0]!r} {c[1]!r})"
    if t == "LineString":
        return f"LINESTRING({pts(c)})"
    if t == "MultiLineString":
        return "MULTILINESTRING(" + ", ".join(f"({pts(l)})" for l in c) + ")"
    raise ValueError(t)


def psql(sql, stdin=None):
    r = subprocess.run(["psql", "-h", pg.PG_DIR, "-p", str(pg.PG_PORT), "-U", "postgres", "-d", "postgres",
                        "-v", "ON_ERROR_STOP=1", "-q", "-A", "-t", "-c", sql] if stdin is None else
                       ["psql", "-h", pg.PG_DIR, "-p", str(pg.PG_PORT), "-U", "postgres", "-d", "postgres",
                        "-v", "ON_ERROR_STOP=1", "-q", "-A", "-t", "-f", "-"],
                       input=stdin, capture_output=True, text=True, check=True)
    return r.stdout


def load(walkways, lights):
    rows_w, rows_l = [], []
    for k, f in enumerate(json.load(open(walkways, encoding="utf-8"))["features"]):
        rows_w.append(f"{k}\tSRID=3006;{wkt(f['geometry'])}")
    for k, f in enumerate(json.load(open(lights, encoding="utf-8"))["features"]):
        status = str(f["properties"].get("status") or "").strip().lower()
        if status not in OUT_OF_ORDER:
            rows_l.append(f"{k}\tSRID=3006;{wkt(f['geometry'])}")
    script = ("DROP TABLE IF EXISTS walkways, lights;\n"
              "CREATE TABLE walkways (id integer, geom geometry(Geometry, 3006));\n"
              "CREATE TABLE lights (id integer, geom geometry(Point, 3006));\n"
              "COPY walkways FROM STDIN;\n" + "\n".join(rows_w) + "\n\\.\n"
              "COPY lights FROM STDIN;\n" + "\n".join(rows_l) + "\n\\.\n"
              "CREATE INDEX ON walkways USING gist (geom); CREATE INDEX ON lights USING gist (geom);\n"
              "VACUUM ANALYZE walkways; VACUUM ANALYZE lights;\n")
    psql(None, stdin=script)
    return len(rows_w), len(rows_l)


def timed_query(sql):
    out = psql(None, stdin="\\timing on\n" + sql + "\n")
    lines = [l for l in out.splitlines() if l.strip()]
    value = float(lines[0])
    ms = float(lines[-1].split("Time:")[1].split("ms")[0].replace(",", ""))
    return value, ms / 1000.0


UNION_SQL = ("WITH lit AS (SELECT ST_Union(ST_Buffer(geom, 20, 'quad_segs=64')) AS g FROM lights) "
             "SELECT sum(ST_Length(ST_Intersection(w.geom, lit.g))) FROM walkways w, lit;")
LATERAL_SQL = ("SELECT sum(ST_Length(ST_Intersection(w.geom, u.g))) FROM walkways w CROSS JOIN LATERAL "
               "(SELECT ST_Union(ST_Buffer(l.geom, 20, 'quad_segs=64')) g FROM lights l "
               "WHERE ST_DWithin(l.geom, w.geom, 20)) u WHERE u.g IS NOT NULL;")


def run_trygg(trygg, walkways, lights):
    out = os.path.join(OUT, "coverage_bench.gpkg")
    t0 = time.perf_counter()
    r = subprocess.run([trygg, "coverage", "--walkways", walkways, "--lights", lights, "-o", out, "--overwrite",
                        "--json", "--quiet"], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    return json.loads(r.stdout), wall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--no-synthetic", action="store_true")
    ap.add_argument("--check-only", action="store_true", help="town only, no report files")
    a = ap.parse_args()
    trygg = os.path.join(a.build, "tools", "trygg", "trygg")
    os.makedirs(OUT, exist_ok=True)
    cases = [("town", os.path.join(ROOT, "data/town/walkways.geojson"), os.path.join(ROOT, "data/town/lights.geojson"))]
    if not a.no_synthetic and not a.check_only:
        w, l = os.path.join(OUT, "grid_walkways.geojson"), os.path.join(OUT, "grid_lights.geojson")
        if not (os.path.exists(w) and os.path.exists(l)):
            synthetic(w, l)
        cases.append(("synthetic", w, l))
    pg.pg_start()
    results, ok = [], True
    try:
        psql("CREATE EXTENSION IF NOT EXISTS postgis")
        version = "PostGIS " + psql("SELECT postgis_lib_version() || ', PostgreSQL ' || "
                                    "current_setting('server_version')").strip()
        for name, w, l in cases:
            log(f"coverage bench: {name}")
            j, wall = run_trygg(trygg, w, l)
            nw, nl = load(w, l)
            lit_union, t_union = timed_query(UNION_SQL)
            lit_lateral, t_lateral = timed_query(LATERAL_SQL)
            diff = abs(j["lit_length_m"] - lit_union) / max(lit_union, 1e-9)
            diff_lateral = abs(j["lit_length_m"] - lit_lateral) / max(lit_lateral, 1e-9)
            r = {"case": name, "walkways": nw, "working_lights": nl, "trygg_lit_m": j["lit_length_m"],
                 "trygg_walkway_m": j["walkway_length_m"], "trygg_s": wall, "postgis_union_lit_m": lit_union,
                 "postgis_union_s": t_union, "postgis_lateral_lit_m": lit_lateral, "postgis_lateral_s": t_lateral,
                 "rel_diff": diff, "rel_diff_lateral": diff_lateral, "postgis": version}
            log(json.dumps(r))
            results.append(r)
            if diff > 0.001 or diff_lateral > 0.001:
                ok = False
                log(f"coverage bench: {name}: lit length differs by {100 * diff:.4f} % / {100 * diff_lateral:.4f} %")
    finally:
        pg.pg_stop()
    if not a.check_only:
        with open(os.path.join(OUT, "coverage_raw.json"), "w", encoding="utf-8") as f:
            json.dump({"machine": pg.machine(), "results": results}, f, indent=2)
        lines = ["# trygg coverage vs PostGIS: lit walkway length (20 m discs)", "",
                 f"Machine: {pg.machine()}; {results[0]['postgis'] if results else ''}", "",
                 "| case | walkways | lights lit | trygg lit m | PostGIS lit m | diff | trygg s (whole process) "
                 "| PostGIS union s | PostGIS lateral s | union / trygg |",
                 "|---|---|---|---|---|---|---|---|---|---|"]
        for r in results:
            lines.append(f"| {r['case']} | {r['walkways']} | {r['working_lights']} | {r['trygg_lit_m']:.2f} | "
                         f"{r['postgis_union_lit_m']:.2f} | {100 * r['rel_diff']:.4f} % | {r['trygg_s']:.2f} | "
                         f"{r['postgis_union_s']:.2f} | {r['postgis_lateral_s']:.2f} | "
                         f"{r['postgis_union_s'] / r['trygg_s']:.1f}x |")
        with open(os.path.join(HERE, "results", "coverage.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
