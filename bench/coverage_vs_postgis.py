#!/usr/bin/python3
"""Lit walkway length: trygg coverage against the same computation in PostGIS, side by side.

    /usr/bin/python3 bench/coverage_vs_postgis.py [--build build-bench] [--cases town,grid5k,grid50k]
        [--check-only] [--timeout 900]

Cases (20 m discs everywhere):
  town     the sample town (data/town: 742 walkways, 1710 lights of which 51 broken)
  grid5k   a seeded grid town of 5 000 walkway segments (25 x 100 blocks of 40 m, one segment per
           block side) and 2 000 lights placed uniformly at random (5 lights per hectare)
  grid50k  the same at the issue's size: 50 000 segments (250 x 100 blocks), 20 000 lights

trygg:   trygg coverage --walkways W --lights L -o out.gpkg --json --quiet. "trygg s" is the wall
         time of the whole process: GDAL read of both files, lit intervals (exact circle-segment
         intersections), pieces, dark gaps, the lit-area polygons (discs united per group of
         overlapping discs, on all cores, while the walkway layers are written), and the
         GeoPackage write of every layer. Run twice: on the GeoJSON inputs, and on the same
         inputs as GeoPackages (made with ogr2ogr beforehand, not timed; a user's data is more
         often a GeoPackage), which must give the same lit length.
PostGIS: the same working lights and walkways loaded with COPY (WKT) into a throwaway cluster of
         its own (unix socket only), GiST indexes; loading is not timed. Timed client-side (wall
         time of one psql run, and the backend's CPU time), two variants of the same computation:
           groups  the lit area as trygg computes it, then the lit length from it:
                     CREATE TABLE lit AS SELECT (ST_Dump(ST_Union(disc))).geom FROM
                       (SELECT ST_ClusterDBSCAN(geom, 40, 1) OVER () grp,
                               ST_Buffer(geom, 20, 'quad_segs=64') disc FROM lights) d GROUP BY grp;
                     CREATE INDEX ON lit USING gist (geom);
                     SELECT sum(ST_Length(ST_Intersection(w.geom, l.geom)))
                       FROM walkways w JOIN lit l ON ST_Intersects(w.geom, l.geom);
                   (ST_ClusterDBSCAN with eps = 2 r and minpoints 1 is the groups of overlapping
                   discs; the lit polygons are disjoint, so the sum counts every metre once.)
           lateral the lit length alone: per walkway, the union of the discs within 20 m (GiST):
                     SELECT sum(ST_Length(ST_Intersection(w.geom, u.g))) FROM walkways w
                       CROSS JOIN LATERAL (SELECT ST_Union(ST_Buffer(l.geom, 20, 'quad_segs=64')) g
                       FROM lights l WHERE ST_DWithin(l.geom, w.geom, 20)) u WHERE u.g IS NOT NULL;
         quad_segs=64 polygons lie within r(1 - cos(pi/256)) = 1.5 mm of the circle, so the lit
         lengths must agree within 0.1 % (the check; exit 1 otherwise). (One ST_Union of all
         discs took 34 s on the town alone and did not finish at 50k/20k: not run any more.)
The load average is recorded before each case. On a busy machine wall times are inflated; the
ratios in the table are of CPU seconds (trygg: the process's user + system time; PostgreSQL: the
backend's, read from the postmaster's cutime + cstime after it reaped the backend).

Writes bench/results/coverage.md and bench/out/coverage_raw.json (not with --check-only).
"""

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")
sys.path.insert(0, HERE)
import run_dbscan as pg  # noqa: E402  (pg_start, pg_stop, PG_DIR, PG_PORT, machine)

# A cluster of its own per run, so that this benchmark, run_dbscan.py and the ctest that runs
# the town case (real.coverage.postgis) never share one; removed at the end.
pg.PG_DIR = f"/tmp/trygg-bench-pg-coverage-{os.getpid()}"
pg.PG_PORT = 54331

RADIUS = 20.0
OUT_OF_ORDER = {"broken", "out", "off", "defect", "defective", "failed", "not working", "dark",
                "out of order", "trasig", "släckt", "ur funktion", "avstängd", "ej fungerande"}
GRIDS = {"grid5k": (25, 100, 5000, 2000), "grid50k": (250, 100, 50000, 20000)}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def synthetic(path_w, path_l, nx, ny, segments, lights, seed=11):
    """An nx x ny grid of 40 m blocks: horizontal and vertical segments of one block side, and
    `lights` lights uniformly at random over the grid (seeded)."""
    x0, y0, step = 500000.0, 6600000.0, 40.0
    features = []
    for j in range(ny + 1):
        for i in range(nx):
            features.append([[x0 + i * step, y0 + j * step], [x0 + (i + 1) * step, y0 + j * step]])
    for i in range(nx + 1):
        for j in range(ny):
            features.append([[x0 + i * step, y0 + j * step], [x0 + i * step, y0 + (j + 1) * step]])
    features = features[:segments]
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
            for k in range(lights)]}, f)


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


def psql(script):
    r = subprocess.run(["psql", "-h", pg.PG_DIR, "-p", str(pg.PG_PORT), "-U", "postgres", "-d", "postgres",
                        "-X", "-v", "ON_ERROR_STOP=1", "-q", "-A", "-t", "-f", "-"],
                       input=script, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.strip())
    return r.stdout


def load(walkways, lights):
    rows_w, rows_l = [], []
    for k, f in enumerate(json.load(open(walkways, encoding="utf-8"))["features"]):
        rows_w.append(f"{k}\tSRID=3006;{wkt(f['geometry'])}")
    for k, f in enumerate(json.load(open(lights, encoding="utf-8"))["features"]):
        status = str(f["properties"].get("status") or "").strip().lower()
        if status not in OUT_OF_ORDER:
            rows_l.append(f"{k}\tSRID=3006;{wkt(f['geometry'])}")
    psql("DROP TABLE IF EXISTS walkways, lights, lit;\n"
         "CREATE TABLE walkways (id integer, geom geometry(Geometry, 3006));\n"
         "CREATE TABLE lights (id integer, geom geometry(Point, 3006));\n"
         "COPY walkways FROM STDIN;\n" + "\n".join(rows_w) + "\n\\.\n"
         "COPY lights FROM STDIN;\n" + "\n".join(rows_l) + "\n\\.\n"
         "CREATE INDEX ON walkways USING gist (geom); CREATE INDEX ON lights USING gist (geom);\n"
         "VACUUM ANALYZE walkways; VACUUM ANALYZE lights;\n")
    return len(rows_w), len(rows_l)


GROUPS_SQL = (f"DROP TABLE IF EXISTS lit;\n"
              f"CREATE TABLE lit AS SELECT (ST_Dump(ST_Union(disc))).geom AS geom FROM "
              f"(SELECT ST_ClusterDBSCAN(geom, {2 * RADIUS}, 1) OVER () AS grp, "
              f"ST_Buffer(geom, {RADIUS}, 'quad_segs=64') AS disc FROM lights) d GROUP BY grp;\n"
              f"CREATE INDEX ON lit USING gist (geom);\n"
              f"SELECT sum(ST_Length(ST_Intersection(w.geom, l.geom))) FROM walkways w "
              f"JOIN lit l ON ST_Intersects(w.geom, l.geom);\n")
LATERAL_SQL = (f"SELECT sum(ST_Length(ST_Intersection(w.geom, u.g))) FROM walkways w CROSS JOIN LATERAL "
               f"(SELECT ST_Union(ST_Buffer(l.geom, {RADIUS}, 'quad_segs=64')) g FROM lights l "
               f"WHERE ST_DWithin(l.geom, w.geom, {RADIUS})) u WHERE u.g IS NOT NULL;\n")


def server_cpu_s():
    """CPU seconds (user + system) of the cluster's finished backends: the postmaster's cutime and
    cstime, to which a backend's time is added when the postmaster reaps it."""
    with open(os.path.join(pg.PG_DIR, "data", "postmaster.pid"), encoding="utf-8") as f:
        pid = f.readline().strip()
    with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")


def timed_query(sql, timeout_s):
    """(lit length, wall seconds, backend CPU seconds), or Nones when PostgreSQL gives up after
    timeout_s."""
    cpu0 = server_cpu_s()
    t0 = time.perf_counter()
    try:
        out = psql(f"SET statement_timeout = '{int(timeout_s)}s';\n" + sql)
    except RuntimeError as e:
        if "statement timeout" in str(e):
            return None, None, None
        raise
    wall = time.perf_counter() - t0
    time.sleep(1.0)  # let the postmaster reap the backend
    return float([l for l in out.splitlines() if l.strip()][-1]), wall, server_cpu_s() - cpu0


def as_gpkg(path):
    """The GeoJSON file `path` copied to a GeoPackage in bench/out (ogr2ogr), made once."""
    out = os.path.join(OUT, os.path.splitext(os.path.basename(path))[0] + ".gpkg")
    if not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(path):
        subprocess.run(["ogr2ogr", "-q", "-f", "GPKG", "-overwrite", out, path], check=True, capture_output=True)
    return out


def run_trygg(trygg, walkways, lights):
    out = os.path.join(OUT, "coverage_bench.gpkg")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run([trygg, "coverage", "--walkways", walkways, "--lights", lights, "-o", out, "--overwrite",
                        "--json", "--quiet"], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(r.stdout), wall, cpu


def load_average():
    with open("/proc/loadavg", encoding="utf-8") as f:
        return float(f.read().split()[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--cases", default="town,grid5k,grid50k")
    ap.add_argument("--check-only", action="store_true", help="town only, no report files")
    ap.add_argument("--timeout", type=float, default=900.0, help="PostGIS statement timeout, seconds")
    a = ap.parse_args()
    trygg = os.path.join(a.build, "tools", "trygg", "trygg")
    os.makedirs(OUT, exist_ok=True)
    cases = []
    for name in (["town"] if a.check_only else a.cases.split(",")):
        if name == "town":
            cases.append((name, os.path.join(ROOT, "data/town/walkways.geojson"),
                          os.path.join(ROOT, "data/town/lights.geojson")))
        elif name in GRIDS:
            w, l = os.path.join(OUT, f"{name}_walkways.geojson"), os.path.join(OUT, f"{name}_lights.geojson")
            if not (os.path.exists(w) and os.path.exists(l)):
                synthetic(w, l, *GRIDS[name])
            cases.append((name, w, l))
        else:
            sys.exit(f"unknown case {name} (town, {', '.join(GRIDS)})")
    pg.pg_start()
    results, ok = [], True
    try:
        psql("CREATE EXTENSION IF NOT EXISTS postgis;")
        version = "PostGIS " + psql("SELECT postgis_lib_version() || ', PostgreSQL ' || "
                                    "current_setting('server_version');").strip()
        for name, w, l in cases:
            nw, nl = load(w, l)
            load_before = load_average()
            log(f"coverage bench: {name} ({nw} walkways, {nl} working lights), load {load_before}")
            j, t_trygg, cpu_trygg = run_trygg(trygg, w, l)
            j_gpkg, t_gpkg, cpu_gpkg = run_trygg(trygg, as_gpkg(w), as_gpkg(l))
            if j_gpkg["lit_length_m"] != j["lit_length_m"]:
                ok = False
                log(f"coverage bench: {name}: GeoPackage input gives {j_gpkg['lit_length_m']} m lit, "
                    f"GeoJSON {j['lit_length_m']} m")
            lit_groups, t_groups, cpu_groups = timed_query(GROUPS_SQL, a.timeout)
            lit_lateral, t_lateral, cpu_lateral = timed_query(LATERAL_SQL, a.timeout)
            r = {"case": name, "walkways": nw, "working_lights": nl, "load_average": load_before,
                 "trygg_lit_m": j["lit_length_m"], "trygg_walkway_m": j["walkway_length_m"], "trygg_s": t_trygg,
                 "trygg_cpu_s": cpu_trygg, "trygg_gpkg_s": t_gpkg, "trygg_gpkg_cpu_s": cpu_gpkg,
                 "postgis_groups_lit_m": lit_groups, "postgis_groups_s": t_groups,
                 "postgis_groups_cpu_s": cpu_groups, "postgis_lateral_lit_m": lit_lateral,
                 "postgis_lateral_s": t_lateral, "postgis_lateral_cpu_s": cpu_lateral, "postgis": version}
            for key in ("groups", "lateral"):
                peer = r[f"postgis_{key}_lit_m"]
                r[f"rel_diff_{key}"] = None if peer is None else abs(j["lit_length_m"] - peer) / max(peer, 1e-9)
                if r[f"rel_diff_{key}"] is not None and r[f"rel_diff_{key}"] > 0.001:
                    ok = False
                    log(f"coverage bench: {name}: lit length differs from PostGIS ({key}) by "
                        f"{100 * r[f'rel_diff_{key}']:.4f} %")
            log(json.dumps(r))
            results.append(r)
    finally:
        pg.pg_stop()
        shutil.rmtree(pg.PG_DIR, ignore_errors=True)
    if not a.check_only:
        with open(os.path.join(OUT, "coverage_raw.json"), "w", encoding="utf-8") as f:
            json.dump({"machine": pg.machine(), "results": results}, f, indent=2)

        def secs(v, cpu):
            return f"{v:.2f} ({cpu:.2f})" if v is not None else f"> {a.timeout:.0f} (timeout)"

        def ratio(v, t):
            return f"{v / t:.1f}x" if v is not None else "-"

        def pct(v):
            return f"{100 * v:.4f} %" if v is not None else "-"
        lines = ["# trygg coverage vs PostGIS: lit walkway length (20 m discs)", "",
                 f"Machine: {pg.machine()}; {results[0]['postgis'] if results else ''}", "",
                 "Times are wall seconds, with CPU seconds (user + system) in brackets: trygg's process "
                 f"(on {os.cpu_count()} cores), PostgreSQL's backend. Ratios are of CPU seconds, trygg on the "
                 "GeoJSON inputs (wall times depend on the load).", "",
                 "| case | walkways | lights lit | load avg | trygg lit m | PostGIS lit m (groups / lateral) "
                 "| diff (groups / lateral) | trygg s, GeoJSON in (whole process) | trygg s, GeoPackage in "
                 "| PostGIS groups s | PostGIS lateral s | groups / trygg (CPU) | lateral / trygg (CPU) |",
                 "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for r in results:
            peer_m = " / ".join(f"{v:.2f}" if v is not None else "-"
                                for v in (r["postgis_groups_lit_m"], r["postgis_lateral_lit_m"]))
            lines.append(f"| {r['case']} | {r['walkways']} | {r['working_lights']} | {r['load_average']:.2f} | "
                         f"{r['trygg_lit_m']:.2f} | {peer_m} | {pct(r['rel_diff_groups'])} / "
                         f"{pct(r['rel_diff_lateral'])} | {secs(r['trygg_s'], r['trygg_cpu_s'])} | "
                         f"{secs(r['trygg_gpkg_s'], r['trygg_gpkg_cpu_s'])} | "
                         f"{secs(r['postgis_groups_s'], r['postgis_groups_cpu_s'])} | "
                         f"{secs(r['postgis_lateral_s'], r['postgis_lateral_cpu_s'])} | "
                         f"{ratio(r['postgis_groups_cpu_s'], r['trygg_cpu_s'])} | "
                         f"{ratio(r['postgis_lateral_cpu_s'], r['trygg_cpu_s'])} |")
        with open(os.path.join(HERE, "results", "coverage.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
