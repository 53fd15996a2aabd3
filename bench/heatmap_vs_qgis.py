#!/usr/bin/python3
"""trygg heatmap against QGIS's qgis:heatmapkerneldensityestimation on the same grid.

usage: bench/heatmap_vs_qgis.py [--trygg PATH] [--points 100000] [--work DIR] [--repeat 3]

Generates seeded points (clusters plus background, EPSG:3006, a ~20 km square) as a GeoPackage,
runs QGIS 3.22 (QT_QPA_PLATFORM=offscreen qgis_process.bin) and `trygg heatmap
--qgis-compatible` (all cores, and --threads 1) on the same 2000 x 2000 grid (10 m cells,
radius 300 m, quartic, raw), alternating so both see the same load; measures wall time, CPU
time and peak memory with /usr/bin/time -v, checks
that the rasters agree cell by cell (tests/cli/compare_rasters.py) and writes
bench/results/heatmap.md.

QGIS is timed twice: the whole `qgis_process.bin run` process (what a user waits for, start-up
of QGIS and its Python providers included), and the algorithm alone: `processing.run()` inside
one PyQGIS process that has already started QGIS (reading the GeoPackage, the kernel density
and writing the GeoTIFF, as trygg's whole process does), fastest of the repeats.
"""
import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile

import numpy as np
from osgeo import ogr, osr

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RADIUS = 300.0
CELL = 10.0
# QGIS's grid: columns = ceil((width + 2 r) / cell) + 1; a 19 390 m square gives 2000 x 2000.
SIDE = 2000 * CELL - CELL - 2 * RADIUS
X0, Y0 = 660000.0, 6570000.0


def make_points(path, n, seed=20240611):
    rng = np.random.default_rng(seed)
    centres = rng.uniform(0.1 * SIDE, 0.9 * SIDE, size=(40, 2))
    spread = rng.uniform(100.0, 900.0, size=40)
    n_clustered = int(n * 0.7)
    which = rng.integers(0, 40, size=n_clustered)
    pts = centres[which] + rng.normal(size=(n_clustered, 2)) * spread[which, None]
    pts = np.vstack([pts, rng.uniform(0.0, SIDE, size=(n - n_clustered, 2))])
    pts = np.clip(pts, 0.0, SIDE)
    pts[0] = (0.0, 0.0)  # pin the extent so the grid is exactly 2000 x 2000
    pts[1] = (SIDE, SIDE)
    pts += (X0, Y0)
    driver = ogr.GetDriverByName("GPKG")
    if os.path.exists(path):
        driver.DeleteDataSource(path)
    ds = driver.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3006)
    layer = ds.CreateLayer("points", srs, ogr.wkbPoint)
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for x, y in pts:
        f = ogr.Feature(defn)
        g = ogr.Geometry(ogr.wkbPoint)
        g.AddPoint_2D(float(x), float(y))
        f.SetGeometry(g)
        layer.CreateFeature(f)
    layer.CommitTransaction()
    ds = None


REPEAT = 3


def timed_once(cmd, env=None):
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stdout}\n{r.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", r.stderr).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", r.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", r.stderr).group(1))
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    return seconds, user + system, rss_kb / 1024.0, r.stdout


# Runs a QGIS processing algorithm `repeat` times in one PyQGIS process (QGIS started once) and
# prints the start-up time and the wall and CPU time of every processing.run() as JSON.
PYQGIS_WORKER = r"""
import json, os, sys, time
t0 = time.perf_counter()
from qgis.core import QgsApplication
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
sys.path.append("/usr/share/qgis/python/plugins")
import processing
from processing.core.Processing import Processing
Processing.initialize()
startup = time.perf_counter() - t0
alg, params, repeat = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
runs, cpu = [], []
for _ in range(repeat):
    if os.path.exists(params["OUTPUT"]):
        os.remove(params["OUTPUT"])
    t, c = time.perf_counter(), time.process_time()
    processing.run(alg, params)
    runs.append(time.perf_counter() - t)
    cpu.append(time.process_time() - c)
print(json.dumps({"startup_s": startup, "runs_s": runs, "cpu_s": cpu}))
"""


def pyqgis_algorithm(alg, params, repeat, env):
    r = subprocess.run(["/usr/bin/python3", "-c", PYQGIS_WORKER, alg, json.dumps(params), str(repeat)],
                       capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"PyQGIS run failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trygg", default=os.path.join(ROOT, "build-bench", "tools", "trygg", "trygg"))
    ap.add_argument("--points", type=int, default=100000)
    ap.add_argument("--work", default=None)
    ap.add_argument("--results", default=os.path.join(HERE, "results", "heatmap.md"))
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    global REPEAT
    REPEAT = a.repeat
    load_before = os.getloadavg()[0]
    work = a.work or tempfile.mkdtemp(prefix="trygg-heatmap-bench-")
    os.makedirs(work, exist_ok=True)
    points = os.path.join(work, "points.gpkg")
    make_points(points, a.points)

    qgis_out = os.path.join(work, "qgis.tif")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if "XDG_RUNTIME_DIR" not in env:
        env["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="trygg-qgis-runtime-")
    qgis_version = subprocess.run(["qgis_process.bin", "--version"], capture_output=True, text=True,
                                  env=env).stdout.split()[1]
    qgis_cmd = ["qgis_process.bin", "run", "qgis:heatmapkerneldensityestimation", "--",
                f"INPUT={points}", f"RADIUS={RADIUS:g}", f"PIXEL_SIZE={CELL:g}", "KERNEL=0",
                "OUTPUT_VALUE=0", f"OUTPUT={qgis_out}"]

    def remove_qgis_out():
        if os.path.exists(qgis_out):
            os.remove(qgis_out)

    # Side by side: QGIS and trygg alternate, so both see the same load.
    results = {}
    trygg_runs = (("trygg, all cores", []), ("trygg, --threads 1", ["--threads", "1"]))
    for label, extra in trygg_runs:
        results[label] = []
    qgis_runs, idle_runs = [], []
    for _ in range(REPEAT):
        remove_qgis_out()
        qgis_runs.append(timed_once(qgis_cmd, env))
        # qgis_process's own start-up (Python, providers), measured separately to be fair to QGIS.
        idle_runs.append(timed_once(["qgis_process.bin", "list"], env))
        for i, (label, extra) in enumerate(trygg_runs):
            out = os.path.join(work, f"trygg{i}.tif")
            cmd = [a.trygg, "heatmap", points, "-o", out, "--radius", f"{RADIUS:g}", "--cell", f"{CELL:g}",
                   "--qgis-compatible", "--overwrite", "--quiet", "--json"] + extra
            results[label].append(timed_once(cmd))
    # The algorithm alone, in a QGIS that has already started.
    q_alg = pyqgis_algorithm(
        "qgis:heatmapkerneldensityestimation",
        {"INPUT": points, "RADIUS": RADIUS, "PIXEL_SIZE": CELL, "KERNEL": 0, "OUTPUT_VALUE": 0,
         "OUTPUT": os.path.join(work, "qgis_pyqgis.tif")}, REPEAT, env)
    load_after = os.getloadavg()[0]

    def best(runs):
        return min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)

    q_wall, q_cpu, q_rss = best(qgis_runs)
    i_wall, i_cpu, i_rss = best(idle_runs)
    alg_wall, alg_cpu = min(q_alg["runs_s"]), min(q_alg["cpu_s"])
    rows = []
    for i, (label, _) in enumerate(trygg_runs):
        wall, cpu, rss = best(results[label])
        cmp = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "cli", "compare_rasters.py"),
                              os.path.join(work, f"trygg{i}.tif"), qgis_out, "--min-nonzero", "1000000"],
                             capture_output=True, text=True)
        rows.append((label, wall, cpu, rss, cmp.returncode == 0, cmp.stdout.strip()))

    cores = os.cpu_count()
    lines = [
        "# trygg heatmap vs QGIS heatmap (kernel density)",
        "",
        f"Made by `bench/heatmap_vs_qgis.py` on {platform.node()} ({cores} cores, {platform.machine()}), "
        f"QGIS {qgis_version}, trygg `{os.path.relpath(a.trygg, ROOT)}`.",
        "",
        f"- {a.points} points (seeded: 70 % in 40 Gaussian clusters, 30 % uniform) in a "
        f"{SIDE / 1000:.2f} km square, EPSG:3006, GeoPackage",
        f"- quartic kernel, radius {RADIUS:g} m, {CELL:g} m cells, raw values: a 2000 x 2000 grid "
        "(QGIS's default grid; trygg with `--qgis-compatible`); both write a Float32 GeoTIFF",
        f"- wall time, CPU time (user + system) and peak resident memory from `/usr/bin/time -v`; QGIS "
        f"and trygg alternate {REPEAT} times in one run and the fastest run of each counts",
        f"- 1-minute load average {load_before:.1f} before, {load_after:.1f} after, on {cores} cores: "
        + ("a quiet machine" if max(load_before, load_after) < 1.5 else
           "the machine was shared with other work, so wall times are inflated (CPU times less so)"),
        "",
        "| run | wall time (s) | CPU time (s) | peak memory (MiB) | agrees with QGIS |",
        "|---|---:|---:|---:|---|",
        f"| QGIS `qgis_process.bin run qgis:heatmapkerneldensityestimation` | {q_wall:.2f} | {q_cpu:.2f} | {q_rss:.0f} | reference |",
        f"| (QGIS start-up alone: `qgis_process.bin list`) | {i_wall:.2f} | {i_cpu:.2f} | {i_rss:.0f} | |",
        f"| QGIS algorithm alone: `processing.run()` in a started PyQGIS (read, compute, write) "
        f"| {alg_wall:.2f} | {alg_cpu:.2f} | | |",
    ]
    for label, wall, cpu, rss, ok, _ in rows:
        lines.append(f"| {label} `--qgis-compatible` (whole process) | {wall:.2f} | {cpu:.2f} | {rss:.0f} | "
                     f"{'yes' if ok else 'NO'} |")
    lines += ["", "Ratios (QGIS / trygg's whole process):", ""]
    for label, wall, cpu, _, _, _ in rows:
        lines.append(f"- {label}: wall {q_wall / wall:.1f}x against the QGIS process, "
                     f"{alg_wall / wall:.1f}x against QGIS's algorithm alone; "
                     f"CPU {q_cpu / cpu:.1f}x and {alg_cpu / cpu:.1f}x")
    lines += ["", "Cell-by-cell comparison (tests/cli/compare_rasters.py, 1e-4 relative; QGIS sums in float32):", ""]
    for label, _, _, _, _, text in rows:
        lines.append(f"- {label}: {text}")
    lines.append("")
    # Hand-written notes (profiles, before/after) follow the generated part as "## " sections;
    # a rerun replaces the figures above them and keeps the notes.
    notes = ""
    if os.path.exists(a.results):
        with open(a.results) as f:
            old = f.read()
        at = old.find("\n## ")
        if at >= 0:
            notes = old[at + 1:]
    if notes:
        lines += [notes.rstrip("\n"), ""]
    with open(a.results, "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))
    return 0 if all(r[4] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
