#!/usr/bin/python3
"""DBSCAN side by side: trygg against scikit-learn and PostGIS, on the same points.

    /usr/bin/python3 bench/run_dbscan.py [--build build-bench] [--sizes 10000,100000,1000000]
        [--eps 50] [--min-points 5] [--no-postgis] [--postgis-timeout 600] [--no-cli]
        [--no-qgis] [--qgis-timeout 300]

Needs bench/out/reports_<n>.csv and .xy from bench/gen_reports.py, the binaries
<build>/tests/peer/trygg_dbscan_driver and <build>/tools/trygg/trygg, /usr/bin/time, and for
PostGIS the Debian package postgresql-15-postgis-3 (bench/run_all.sh installs all of it).

For every size, in this one run, on the same points, eps and min_points:
  trygg driver   tests/peer/dbscan_driver.cpp: reads "x,y" lines on stdin, runs
                 trygg::hotspot::dbscan, writes one label per line. Three numbers:
                 - "algorithm": from the moment this script has written the whole input and closed
                   the pipe (at most one 64 KiB pipe buffer is then still unparsed) to the first
                   byte of output; the driver writes nothing before dbscan() has returned, so this
                   is dbscan() plus formatting the labels into one string (an upper bound of the
                   algorithm's time);
                 - "process": wall time of the whole driver process (parsing stdin, dbscan,
                   writing labels);
                 - peak RSS of the driver process (/usr/bin/time -v).
  trygg CLI      trygg hotspots IN.csv --src-crs EPSG:3006 -o out.gpkg --eps E --min-points M
                 --quiet: wall time and peak RSS of the process (GDAL read of the CSV, dbscan,
                 hulls, GeoPackage write).
  scikit-learn   DBSCAN(eps, min_samples, algorithm='kd_tree').fit(X) on a float64 numpy array:
                 "fit" is time.perf_counter() around fit() only (CSV parsing by np.loadtxt
                 excluded); "process" is the whole python process; peak RSS is the python
                 process's (/usr/bin/time -v), which includes the numpy/sklearn import and the
                 loaded array; "RSS before fit" is ru_maxrss just before fit().
  PostGIS        SELECT ... ST_ClusterDBSCAN(geom, eps, min_points) OVER () on a table loaded with
                 COPY, with a GiST index on geom, in a throwaway cluster under /tmp (unix socket
                 only). Time: the one query, client-side elapsed (as psql's \\timing). Load time
                 (COPY, geometry, index, ANALYZE) is reported apart. Peak memory: VmHWM of the
                 backend process after the query (includes the shared buffers it touched).
                 A query that runs longer than --postgis-timeout seconds is cancelled and reported
                 as skipped.
  QGIS           qgis_process.bin run native:dbscanclustering (QGIS 3.22, QT_QPA_PLATFORM=offscreen)
                 on a GeoPackage of the same points (made once by ogr2ogr from the CSV, kept in
                 bench/out, no spatial index: QGIS builds its own), MIN_SIZE = min_points,
                 EPS = eps, DBSCAN* off, output a GeoPackage. Time: wall time of the whole
                 process (/usr/bin/time -v), and that minus QGIS's start-up (`qgis_process.bin
                 list`, measured once per run); peak RSS of the process. A run longer than
                 --qgis-timeout seconds is killed and reported as skipped. Only when
                 qgis_process.bin and ogr2ogr are installed (the Debian packages qgis and
                 gdal-bin; run_all.sh does not install QGIS).

Checks, printed for every size: number of clusters and of noise points of trygg against
sklearn (and PostGIS and QGIS), and whether trygg's and sklearn's noise sets are the same
points (and QGIS's: its output carries the input's id). Border
points may go to a different cluster (documented in trygg/hotspot/dbscan.hpp), which changes
neither count.

Writes bench/out/dbscan_raw.json (every number) and bench/results/dbscan.md (the tables).
"""

import argparse
import datetime
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")
PG_DIR = "/tmp/trygg-bench-pg"
PG_PORT = 54329


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def time_v(path):
    """Peak RSS (KiB) and CPU seconds (user + system) of a /usr/bin/time -v report."""
    text = open(path, encoding="utf-8", errors="replace").read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    return rss, user + system


TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """utime + stime of a live process, from /proc (resolution 1/SC_CLK_TCK s)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def child_pid(pid):
    for _ in range(1000):
        try:
            with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
                kids = f.read().split()
            if kids:
                return int(kids[0])
        except FileNotFoundError:
            pass
        time.sleep(0.001)
    raise RuntimeError("run_dbscan: cannot find the driver process under /usr/bin/time")


# ----------------------------------------------------------------------------------------------
# trygg

def run_driver(driver, xy, eps, min_points, n):
    tv = os.path.join(OUT, f"time_driver_{n}.txt")
    data = open(xy, "rb").read()
    start = time.perf_counter()
    proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", tv, driver, "--eps", str(eps),
                             "--min-points", str(min_points)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    driver_pid = child_pid(proc.pid)
    proc.stdin.write(data)
    proc.stdin.close()
    input_done = time.perf_counter()
    cpu_input_done = cpu_seconds(driver_pid)
    first = proc.stdout.read(1)
    first_byte = time.perf_counter()
    cpu_first_byte = cpu_seconds(driver_pid)
    rest = proc.stdout.read()
    rc = proc.wait()
    end = time.perf_counter()
    if rc != 0:
        raise SystemExit(f"run_dbscan: trygg_dbscan_driver failed with exit code {rc}")
    labels = [int(line.split(b",", 1)[0]) for line in (first + rest).splitlines()]
    rss, cpu = time_v(tv)
    return {"algorithm_s": first_byte - input_done, "process_s": end - start,
            "algorithm_cpu_s": cpu_first_byte - cpu_input_done, "process_cpu_s": cpu,
            "peak_rss_kib": rss}, labels


def run_cli(trygg, csv, eps, min_points, n):
    out = os.path.join(OUT, f"hotspots_{n}.gpkg")
    if os.path.exists(out):
        os.remove(out)
    tv = os.path.join(OUT, f"time_cli_{n}.txt")
    cmd = [trygg, "hotspots", csv, "--src-crs", "EPSG:3006", "-o", out, "--eps", str(eps),
           "--min-points", str(min_points), "--quiet"]
    start = time.perf_counter()
    res = subprocess.run(["/usr/bin/time", "-v", "-o", tv] + cmd, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    end = time.perf_counter()
    if res.returncode != 0:
        log(f"run_dbscan: trygg hotspots failed (exit {res.returncode}): "
            f"{res.stderr.decode(errors='replace').strip()}")
        return None
    rss, cpu = time_v(tv)
    clusters = None
    if shutil.which("ogrinfo"):
        info = subprocess.run(["ogrinfo", "-so", "-ro", out, "clusters"], capture_output=True,
                              text=True)
        m = re.search(r"Feature Count: (\d+)", info.stdout)
        clusters = int(m.group(1)) if m else None
    return {"process_s": end - start, "process_cpu_s": cpu, "peak_rss_kib": rss,
            "clusters": clusters,
            "command": " ".join(["trygg"] + cmd[1:])}


def cli_available(trygg):
    if not os.path.exists(trygg):
        return False
    res = subprocess.run([trygg, "help"], capture_output=True, text=True)
    return re.search(r"^\s*hotspots\b", res.stdout + res.stderr, re.M) is not None


# ----------------------------------------------------------------------------------------------
# scikit-learn (run in a child python so that its peak RSS is its own)

SKLEARN_WORKER = r"""
import json, resource, sys, time
import numpy as np
from sklearn.cluster import DBSCAN
xy, labels_out, eps, min_points = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
X = np.loadtxt(xy, delimiter=",", dtype=np.float64)
rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0, c0 = time.perf_counter(), time.process_time()
labels = DBSCAN(eps=eps, min_samples=min_points, algorithm="kd_tree").fit(X).labels_
fit, fit_cpu = time.perf_counter() - t0, time.process_time() - c0
np.save(labels_out, labels.astype(np.int32))
import sklearn
print(json.dumps({"fit_s": fit, "fit_cpu_s": fit_cpu, "rss_before_fit_kib": rss_before,
                  "sklearn": sklearn.__version__, "numpy": np.__version__}))
"""


def run_sklearn(xy, eps, min_points, n):
    import numpy as np
    tv = os.path.join(OUT, f"time_sklearn_{n}.txt")
    labels_out = os.path.join(OUT, f"sklearn_labels_{n}.npy")
    start = time.perf_counter()
    res = subprocess.run(["/usr/bin/time", "-v", "-o", tv, "/usr/bin/python3", "-c",
                          SKLEARN_WORKER, xy, labels_out, str(eps), str(min_points)],
                         stdout=subprocess.PIPE)
    end = time.perf_counter()
    if res.returncode != 0:
        raise SystemExit(f"run_dbscan: the scikit-learn run failed with exit code {res.returncode}")
    info = json.loads(res.stdout)
    rss, cpu = time_v(tv)
    info.update({"process_s": end - start, "process_cpu_s": cpu, "peak_rss_kib": rss})
    return info, np.load(labels_out)


# ----------------------------------------------------------------------------------------------
# PostGIS: a throwaway cluster in /tmp, run as the postgres user, unix socket only

def as_postgres(args, **kw):
    return subprocess.run(["runuser", "-u", "postgres", "--"] + args, **kw)


def pg_bin(name):
    for d in sorted(os.listdir("/usr/lib/postgresql"), reverse=True):
        p = os.path.join("/usr/lib/postgresql", d, "bin", name)
        if os.path.exists(p):
            return p
    raise FileNotFoundError(name)


def pg_start():
    if os.path.exists(PG_DIR):
        pg_stop()
        shutil.rmtree(PG_DIR)
    os.makedirs(PG_DIR)
    shutil.chown(PG_DIR, "postgres", "postgres")
    data = os.path.join(PG_DIR, "data")
    as_postgres([pg_bin("initdb"), "-D", data, "--auth=trust", "-U", "postgres", "-E", "UTF8",
                 "--locale=C"], check=True, stdout=subprocess.DEVNULL)
    opts = f"-k {PG_DIR} -p {PG_PORT} -c listen_addresses='' -c fsync=off"
    as_postgres([pg_bin("pg_ctl"), "-D", data, "-l", os.path.join(PG_DIR, "log"), "-o", opts,
                 "-w", "start"], check=True, stdout=subprocess.DEVNULL)


def pg_stop():
    data = os.path.join(PG_DIR, "data")
    if os.path.exists(os.path.join(data, "postmaster.pid")):
        as_postgres([pg_bin("pg_ctl"), "-D", data, "-m", "fast", "-w", "stop"],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def pg_connect():
    import psycopg2
    conn = psycopg2.connect(host=PG_DIR, port=PG_PORT, user="postgres", dbname="postgres")
    conn.autocommit = True
    return conn


def run_postgis(csv, eps, min_points, n, timeout_s):
    import psycopg2
    conn = pg_connect()
    cur = conn.cursor()
    cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    cur.execute("SELECT postgis_lib_version(), current_setting('server_version'), "
                "current_setting('work_mem'), current_setting('shared_buffers')")
    postgis_version, pg_version, work_mem, shared_buffers = cur.fetchone()
    t0 = time.perf_counter()
    cur.execute("DROP TABLE IF EXISTS reports")
    cur.execute("CREATE TABLE reports (id integer, x double precision, y double precision, "
                "category text, date date)")
    with open(csv, encoding="utf-8") as f:
        cur.copy_expert("COPY reports FROM STDIN WITH (FORMAT csv, HEADER true)", f)
    cur.execute("ALTER TABLE reports ADD COLUMN geom geometry(Point, 3006)")
    cur.execute("UPDATE reports SET geom = ST_SetSRID(ST_MakePoint(x, y), 3006)")
    cur.execute("CREATE INDEX reports_geom ON reports USING gist (geom)")
    cur.execute("VACUUM ANALYZE reports")
    load = time.perf_counter() - t0
    cur.execute("SELECT pg_backend_pid()")
    pid = cur.fetchone()[0]
    cur.execute(f"SET statement_timeout = {int(timeout_s * 1000)}")
    query = (f"SELECT count(DISTINCT cid), count(*) FILTER (WHERE cid IS NULL) FROM "
             f"(SELECT ST_ClusterDBSCAN(geom, {eps}, {min_points}) OVER () AS cid "
             f"FROM reports) s")
    result = {"postgis": postgis_version, "postgresql": pg_version, "work_mem": work_mem,
              "shared_buffers": shared_buffers, "load_s": load, "query": query}
    t0, c0 = time.perf_counter(), cpu_seconds(pid)
    try:
        cur.execute(query)
        clusters, noise = cur.fetchone()
        result.update({"query_s": time.perf_counter() - t0, "query_cpu_s": cpu_seconds(pid) - c0,
                       "clusters": clusters, "noise": noise})
    except psycopg2.errors.QueryCanceled:
        result.update({"skipped": f"cancelled after {timeout_s} s", "query_s": None})
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        m = re.search(r"VmHWM:\s+(\d+) kB", f.read())
    result["peak_rss_kib"] = int(m.group(1))
    cur.execute("DROP TABLE reports")
    conn.close()
    return result


# ----------------------------------------------------------------------------------------------
# QGIS: qgis_process.bin run native:dbscanclustering

def qgis_env():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if "XDG_RUNTIME_DIR" not in env:
        runtime = os.path.join(OUT, "qgis-runtime")
        os.makedirs(runtime, mode=0o700, exist_ok=True)
        env["XDG_RUNTIME_DIR"] = runtime
    return env


def qgis_startup():
    """Wall and CPU time of `qgis_process.bin list`: QGIS's start-up (Qt, providers, Python
    plugins), the fastest of three."""
    tv = os.path.join(OUT, "time_qgis_list.txt")
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-v", "-o", tv, "qgis_process.bin", "list"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=qgis_env(), check=True)
        wall = time.perf_counter() - start
        cpu = time_v(tv)[1]
        if best is None or wall < best[0]:
            best = (wall, cpu)
    return best


def qgis_version():
    r = subprocess.run(["qgis_process.bin", "--version"], capture_output=True, text=True, env=qgis_env())
    m = re.search(r"QGIS (\S+)", r.stdout)
    return m.group(1) if m else "?"


def qgis_points(csv, n):
    """The CSV as a point GeoPackage (field id kept), made once."""
    gpkg = os.path.join(OUT, f"reports_{n}_points.gpkg")
    if not os.path.exists(gpkg) or os.path.getmtime(gpkg) < os.path.getmtime(csv):
        if os.path.exists(gpkg):
            os.remove(gpkg)
        subprocess.run(["ogr2ogr", "-f", "GPKG", gpkg, csv, "-nln", "points", "-a_srs", "EPSG:3006",
                        "-oo", "X_POSSIBLE_NAMES=x", "-oo", "Y_POSSIBLE_NAMES=y", "-oo", "AUTODETECT_TYPE=YES",
                        "-lco", "SPATIAL_INDEX=NO", "-select", "id"], check=True)
    return gpkg


def run_qgis(csv, eps, min_points, n, timeout_s, startup):
    from osgeo import ogr
    import numpy as np
    points = qgis_points(csv, n)
    out = os.path.join(OUT, f"qgis_dbscan_{n}.gpkg")
    if os.path.exists(out):
        os.remove(out)
    tv = os.path.join(OUT, f"time_qgis_{n}.txt")
    cmd = ["qgis_process.bin", "run", "native:dbscanclustering", "--", f"INPUT={points}",
           f"MIN_SIZE={min_points}", f"EPS={eps}", "DBSCAN*=false", "FIELD_NAME=CLUSTER_ID",
           "SIZE_FIELD_NAME=CLUSTER_SIZE", f"OUTPUT={out}"]
    start = time.perf_counter()
    try:
        res = subprocess.run(["/usr/bin/time", "-v", "-o", tv] + cmd, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=qgis_env(), timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return {"skipped": f"killed after {timeout_s:g} s", "process_s": None}
    end = time.perf_counter()
    if res.returncode != 0:
        log(f"run_dbscan: QGIS failed (exit {res.returncode}): {res.stderr.decode(errors='replace')[-500:]}")
        return {"skipped": f"failed (exit {res.returncode})", "process_s": None}
    rss, cpu = time_v(tv)
    labels = np.full(n, -2, dtype=np.int64)
    ds = ogr.Open(out)
    layer = ds.GetLayer(0)
    for f in layer:
        cid = f.GetField("CLUSTER_ID")
        labels[int(f.GetField("id")) - 1] = -1 if cid is None else int(cid)
    ds = None
    if (labels == -2).any():
        raise SystemExit(f"run_dbscan: QGIS's output {out} lacks {(labels == -2).sum()} of the points")
    return {"process_s": end - start, "process_cpu_s": cpu, "peak_rss_kib": rss,
            "minus_startup_s": max(end - start - startup[0], 0.0), "startup_s": startup[0],
            "minus_startup_cpu_s": max(cpu - startup[1], 0.0), "startup_cpu_s": startup[1],
            "command": " ".join(cmd)}, labels


# ----------------------------------------------------------------------------------------------

def machine():
    def out(cmd):
        return subprocess.run(cmd, capture_output=True, text=True, shell=True).stdout.strip()
    return {"nproc": out("nproc"),
            "memory": out("free -h | awk '/^Mem:/ {print $2}'"),
            "cpu": out("lscpu | sed -n 's/^Model name: *//p' | head -1"),
            "kernel": platform.release()}


def counts(labels):
    import numpy as np
    labels = np.asarray(labels)
    return int(len(np.unique(labels[labels >= 0]))), int((labels < 0).sum())


def mib(kib):
    return f"{kib / 1024:.1f} MiB"


def ratio(a, b):
    return f"{a / b:.1f}x" if a is not None and b else "n/a"


def write_report(path, raw):
    m = raw["machine"]
    lines = [
        "# DBSCAN benchmark: trygg against scikit-learn, PostGIS and QGIS",
        "",
        f"Generated by `bench/run_dbscan.py` on {raw['date']} (one run; numbers as measured).",
        f"Machine: {m['cpu']}, {m['nproc']} cores (nproc), {m['memory']} memory (free -h), "
        f"Linux {m['kernel']}.",
        f"Parameters: eps = {raw['eps']} m, min_points = {raw['min_points']}; points from "
        f"`bench/gen_reports.py` (seed {raw['seed']}).",
        "",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in raw["versions"].items()) + ".",
        "",
        "## Time",
        "",
        "| points | trygg dbscan() | trygg driver process | trygg CLI `hotspots` | sklearn fit() "
        "| sklearn process | PostGIS query | sklearn fit / trygg dbscan() "
        "| sklearn fit / trygg driver process | sklearn fit / trygg CLI | PostGIS / trygg dbscan() |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in raw["runs"]:
        d, s, c, p = r["driver"], r["sklearn"], r.get("cli"), r.get("postgis")
        pq = p.get("query_s") if p else None
        cli_s = f"{c['process_s']:.3f} s" if c else "n/a"
        pg_s = f"{pq:.3f} s" if pq is not None else ("skipped" if p else "n/a")
        lines.append(
            f"| {r['n']} | {d['algorithm_s']:.3f} s | {d['process_s']:.3f} s | {cli_s} | "
            f"{s['fit_s']:.3f} s | {s['process_s']:.3f} s | {pg_s} | "
            f"{ratio(s['fit_s'], d['algorithm_s'])} | {ratio(s['fit_s'], d['process_s'])} | "
            f"{ratio(s['fit_s'], c['process_s'] if c else None)} | "
            f"{ratio(pq, d['algorithm_s'])} |")
    lines += [
        "",
        "1-minute load average of the machine (os.getloadavg) when each size started and ended: "
        + ", ".join(f"{r['n']}: {r['loadavg_start']:.2f} -> {r['loadavg_end']:.2f}"
                    for r in raw["runs"]) + ".",
        "",
        "## CPU time (user + system)",
        "",
        "| points | trygg dbscan() | trygg driver process | trygg CLI `hotspots` | sklearn fit() "
        "| sklearn process | PostGIS query (backend) | sklearn fit / trygg dbscan() "
        "| PostGIS / trygg dbscan() |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in raw["runs"]:
        d, s, c, p = r["driver"], r["sklearn"], r.get("cli"), r.get("postgis")
        pq = p.get("query_cpu_s") if p else None
        cli_s = f"{c['process_cpu_s']:.2f} s" if c else "n/a"
        pg_s = f"{pq:.2f} s" if pq is not None else ("skipped" if p else "n/a")
        lines.append(
            f"| {r['n']} | {d['algorithm_cpu_s']:.2f} s | {d['process_cpu_s']:.2f} s | {cli_s} | "
            f"{s['fit_cpu_s']:.3f} s | {s['process_cpu_s']:.2f} s | {pg_s} | "
            f"{ratio(s['fit_cpu_s'], d['algorithm_cpu_s'])} | {ratio(pq, d['algorithm_cpu_s'])} |")
    lines += [
        "",
        "## Peak memory (peak RSS of the process)",
        "",
        "| points | trygg driver | trygg CLI `hotspots` | sklearn process (incl. imports) "
        "| sklearn RSS before fit() | PostGIS backend (VmHWM) | sklearn / trygg driver "
        "| sklearn / trygg CLI |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in raw["runs"]:
        d, s, c, p = r["driver"], r["sklearn"], r.get("cli"), r.get("postgis")
        lines.append(
            f"| {r['n']} | {mib(d['peak_rss_kib'])} | "
            + (mib(c["peak_rss_kib"]) if c else "n/a") + " | "
            + f"{mib(s['peak_rss_kib'])} | {mib(s['rss_before_fit_kib'])} | "
            + (mib(p["peak_rss_kib"]) if p else "n/a") + " | "
            + f"{ratio(s['peak_rss_kib'], d['peak_rss_kib'])} | "
            + f"{ratio(s['peak_rss_kib'], c['peak_rss_kib'] if c else None)} |")
    lines += [
        "",
        "## Agreement",
        "",
        "| points | trygg clusters | trygg noise | sklearn clusters | sklearn noise "
        "| same noise points | PostGIS clusters | PostGIS noise | CLI clusters (GPKG features) |",
        "|---:|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    for r in raw["runs"]:
        a, p, c = r["agreement"], r.get("postgis"), r.get("cli")
        pc = p.get("clusters", "n/a") if p else "n/a"
        pn = p.get("noise", "n/a") if p else "n/a"
        cc = c.get("clusters") if c else None
        lines.append(
            f"| {r['n']} | {a['trygg_clusters']} | {a['trygg_noise']} | {a['sklearn_clusters']} "
            f"| {a['sklearn_noise']} | {'yes' if a['same_noise_points'] else 'NO'} | {pc} | {pn} "
            f"| {cc if cc is not None else 'n/a'} |")
    lines += ["", "PostGIS load (COPY + geometry + GiST index + VACUUM ANALYZE), not in the "
              "query time: " + ", ".join(
                  f"{r['n']}: {r['postgis']['load_s']:.3f} s" for r in raw["runs"]
                  if r.get("postgis")) + ".", ""]
    skipped = [r for r in raw["runs"] if r.get("postgis", {}).get("skipped")]
    for r in skipped:
        lines.append(f"PostGIS at {r['n']} points: {r['postgis']['skipped']}.")
    qgis_runs = [r for r in raw["runs"] if r.get("qgis")]
    if qgis_runs:
        lines += [
            "",
            f"## QGIS native:dbscanclustering (QGIS {raw['versions'].get('QGIS', '?')})",
            "",
            "`qgis_process.bin run native:dbscanclustering` (MIN_SIZE = min_points, EPS = eps, "
            "DBSCAN* off) on a GeoPackage of the same points. The whole process, and the process "
            "minus QGIS's start-up (`qgis_process.bin list`, fastest of three: "
            f"{qgis_runs[0]['qgis'].get('startup_s', 0.0):.2f} s wall, "
            f"{qgis_runs[0]['qgis'].get('startup_cpu_s', 0.0):.2f} s CPU in this run). CPU times are "
            "user + system of the process; they suffer less than wall times when the machine is shared.",
            "",
            "| points | QGIS process | QGIS minus start-up | QGIS CPU minus start-up | QGIS peak RSS "
            "| QGIS clusters | QGIS noise | same noise points as sklearn "
            "| QGIS minus start-up / trygg dbscan() | QGIS CPU minus start-up / trygg dbscan() CPU "
            "| QGIS process / trygg CLI |",
            "|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|",
        ]
        for r in qgis_runs:
            q, d, c = r["qgis"], r["driver"], r.get("cli")
            if q.get("process_s") is None:
                lines.append(f"| {r['n']} | {q['skipped']} | | | | | | | | | |")
                continue
            lines.append(
                f"| {r['n']} | {q['process_s']:.2f} s | {q['minus_startup_s']:.2f} s | "
                f"{q['minus_startup_cpu_s']:.2f} s | "
                f"{mib(q['peak_rss_kib'])} | {q['clusters']} | {q['noise']} | "
                f"{'yes' if q['same_noise_points'] else 'NO'} | "
                f"{ratio(q['minus_startup_s'], d['algorithm_s'])} | "
                f"{ratio(q['minus_startup_cpu_s'], max(d['algorithm_cpu_s'], 0.01))} | "
                f"{ratio(q['process_s'], c['process_s'] if c else None)} |")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines).rstrip() + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build-bench"),
                    help="build directory with the trygg binaries (default: build-bench)")
    ap.add_argument("--sizes", default="10000,100000,1000000", help="default: %(default)s")
    ap.add_argument("--eps", type=float, default=50.0, help="metres (default: %(default)s)")
    ap.add_argument("--min-points", type=int, default=5, help="default: %(default)s")
    ap.add_argument("--seed", default="20260523", help="the seed gen_reports.py used (for the report)")
    ap.add_argument("--no-postgis", action="store_true", help="skip PostGIS")
    ap.add_argument("--no-cli", action="store_true", help="skip the trygg CLI")
    ap.add_argument("--no-qgis", action="store_true", help="skip QGIS")
    ap.add_argument("--qgis-timeout", type=float, default=300.0,
                    help="kill a QGIS run after this many seconds (default: %(default)s)")
    ap.add_argument("--postgis-timeout", type=float, default=600.0,
                    help="cancel a PostGIS query after this many seconds (default: %(default)s)")
    ap.add_argument("--results", default=os.path.join(HERE, "results", "dbscan.md"),
                    help="default: bench/results/dbscan.md")
    args = ap.parse_args()
    import numpy as np

    driver = os.path.join(args.build, "tests", "peer", "trygg_dbscan_driver")
    trygg = os.path.join(args.build, "tools", "trygg", "trygg")
    if not os.path.exists(driver):
        raise SystemExit(f"run_dbscan: {driver} is missing: cmake --build {args.build} "
                         f"--target trygg_dbscan_driver")
    if not args.no_postgis and (os.geteuid() != 0 or not os.path.isdir("/usr/lib/postgresql")):
        log("run_dbscan: PostGIS skipped: it needs root (to run postgres as the postgres user) "
            "and postgresql-15-postgis-3")
        args.no_postgis = True
    use_qgis = not args.no_qgis and shutil.which("qgis_process.bin") and shutil.which("ogr2ogr")
    if not args.no_qgis and not use_qgis:
        log("run_dbscan: QGIS skipped: qgis_process.bin (Debian package qgis) or ogr2ogr (gdal-bin) missing")
    use_cli = not args.no_cli and cli_available(trygg)
    if not args.no_cli and not use_cli:
        log(f"run_dbscan: {trygg} has no 'hotspots' command (or is missing): CLI skipped")
    eps = args.eps if args.eps != int(args.eps) else int(args.eps)
    sizes = [int(s) for s in args.sizes.split(",")]
    import sklearn
    raw = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "eps": eps,
           "min_points": args.min_points, "seed": args.seed, "machine": machine(),
           "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
           "runs": []}
    log(f"run_dbscan: {raw['machine']}")
    if use_qgis:
        raw["versions"]["QGIS"] = qgis_version()
        startup = qgis_startup()
    if not args.no_postgis:
        pg_start()
    try:
        for n in sizes:
            csv = os.path.join(OUT, f"reports_{n}.csv")
            xy = os.path.join(OUT, f"reports_{n}.xy")
            if not (os.path.exists(csv) and os.path.exists(xy)):
                raise SystemExit(f"run_dbscan: {csv} or {xy} is missing: run bench/gen_reports.py")
            run = {"n": n, "loadavg_start": os.getloadavg()[0]}
            log(f"== {n} points")
            run["driver"], trygg_labels = run_driver(driver, xy, eps, args.min_points, n)
            log(f"  trygg driver:  dbscan() {run['driver']['algorithm_s']:.3f} s, process "
                f"{run['driver']['process_s']:.3f} s, peak {mib(run['driver']['peak_rss_kib'])}")
            run["sklearn"], sk_labels = run_sklearn(xy, eps, args.min_points, n)
            log(f"  scikit-learn:  fit() {run['sklearn']['fit_s']:.3f} s, process "
                f"{run['sklearn']['process_s']:.3f} s, peak {mib(run['sklearn']['peak_rss_kib'])}")
            tc, tn = counts(trygg_labels)
            sc, sn = counts(sk_labels)
            same_noise = bool(np.array_equal(np.asarray(trygg_labels) < 0, sk_labels < 0))
            run["agreement"] = {"trygg_clusters": tc, "trygg_noise": tn, "sklearn_clusters": sc,
                                "sklearn_noise": sn, "same_noise_points": same_noise}
            verdict = "AGREE" if (tc, tn) == (sc, sn) and same_noise else "DISAGREE"
            print(f"{n} points: trygg {tc} clusters, {tn} noise; sklearn {sc} clusters, {sn} noise; "
                  f"same noise points: {same_noise} -> {verdict}", flush=True)
            if not args.no_postgis:
                run["postgis"] = run_postgis(csv, eps, args.min_points, n, args.postgis_timeout)
                p = run["postgis"]
                if p.get("query_s") is not None:
                    log(f"  PostGIS:       query {p['query_s']:.3f} s (load {p['load_s']:.3f} s), "
                        f"backend peak {mib(p['peak_rss_kib'])}")
                    print(f"{n} points: PostGIS {p['clusters']} clusters, {p['noise']} noise -> "
                          f"{'AGREE' if (p['clusters'], p['noise']) == (tc, tn) else 'DISAGREE'}",
                          flush=True)
                else:
                    log(f"  PostGIS:       {p['skipped']}")
            if use_qgis:
                q = run_qgis(csv, eps, args.min_points, n, args.qgis_timeout, startup)
                if isinstance(q, tuple):
                    q, q_labels = q
                    qc, qn = counts(q_labels)
                    q.update({"clusters": qc, "noise": qn,
                              "same_noise_points": bool(np.array_equal(q_labels < 0, sk_labels < 0))})
                    log(f"  QGIS:          process {q['process_s']:.3f} s (minus start-up "
                        f"{q['minus_startup_s']:.3f} s), peak {mib(q['peak_rss_kib'])}")
                    print(f"{n} points: QGIS {qc} clusters, {qn} noise; same noise points as sklearn: "
                          f"{q['same_noise_points']} -> "
                          f"{'AGREE' if (qc, qn) == (tc, tn) and q['same_noise_points'] else 'DISAGREE'}",
                          flush=True)
                else:
                    log(f"  QGIS:          {q['skipped']}")
                run["qgis"] = q
            run["loadavg_end"] = os.getloadavg()[0]
            raw["runs"].append(run)
        if use_cli:
            # Last, so that a CLI still being written does not hold up the other numbers.
            for run in raw["runs"]:
                n = run["n"]
                c = run_cli(trygg, os.path.join(OUT, f"reports_{n}.csv"), eps, args.min_points, n)
                if c:
                    run["cli"] = c
                    log(f"== {n} points\n  trygg CLI:     process {c['process_s']:.3f} s, peak "
                        f"{mib(c['peak_rss_kib'])}, {c['clusters']} clusters in the GPKG")
    finally:
        if not args.no_postgis:
            pg_stop()
    if raw["runs"] and not args.no_postgis:
        pr = raw["runs"][0].get("postgis", {})
        raw["versions"]["PostgreSQL"] = pr.get("postgresql")
        raw["versions"]["PostGIS"] = pr.get("postgis")
        raw["postgres_settings"] = {"work_mem": pr.get("work_mem"),
                                    "shared_buffers": pr.get("shared_buffers")}
    with open(os.path.join(OUT, "dbscan_raw.json"), "w", encoding="utf-8") as f:
        json.dump(raw, f, indent=2)
    os.makedirs(os.path.dirname(args.results), exist_ok=True)
    write_report(args.results, raw)
    log(f"run_dbscan: wrote {args.results} and {os.path.join(OUT, 'dbscan_raw.json')}")
    ok = all(r["agreement"]["same_noise_points"] and
             r["agreement"]["trygg_clusters"] == r["agreement"]["sklearn_clusters"]
             for r in raw["runs"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
