#!/usr/bin/python3
"""trygg heatmap --qgis-compatible against a live QGIS (qgis:heatmapkerneldensityestimation).

usage: heatmap_qgis.py TRYGG [--qgis qgis_process.bin] [--seed N] [--points N] [--keep DIR]

Unlike the committed fixture (tests/data/qgis_heatmap, made once with QGIS 3.22), this test
draws a fresh seeded random set of weighted points with per-point radii (clusters plus
background, EPSG:3006, coordinates not on any grid), lets the installed QGIS compute its
heatmaps and asks trygg for the same rasters:

  quartic, weights          trygg on QGIS's raster grid (--like) and on its own default grid
                            (no --like: grid_around must give QGIS's grid, origin and size)
  triangular, decay 0.3     --like
  epanechnikov, radius field (RADIUS_FIELD; trygg --radius-field), --like

Every cell must agree within tests/cli/compare_rasters.py's tolerance (1e-4 relative: QGIS sums
in float32). Exit 0 when all agree, 1 otherwise. Registered as a ctest only when CMake finds
qgis_process.bin (tests/peer/CMakeLists.txt); QGIS is too heavy for CI, so the committed fixture
test covers machines without it.
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
COMPARE = os.path.join(os.path.dirname(HERE), "cli", "compare_rasters.py")
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "data", "qgis_heatmap"))
from make_points import write_points  # noqa: E402
CELL = 10.0
RADIUS = 220.0


def make_points(path, n, seed):
    """n points: 70 % around four random centres, 30 % uniform in a 3 x 2 km box, weights
    0.25..4, radii 90..330 m (the fixture's generator, tests/data/qgis_heatmap/make_points.py)."""
    layout = random.Random(seed)
    x0, y0 = 672000.0 + layout.uniform(0, 1000), 6578000.0 + layout.uniform(0, 1000)
    centres = [(x0 + layout.uniform(400, 2600), y0 + layout.uniform(300, 1700)) for _ in range(4)]
    write_points(path, n, seed + 1, centres, (x0, y0, x0 + 3000.0, y0 + 2000.0), int(0.7 * n),
                 (0.25, 4.0), (90.0, 330.0), spread=(160.0, 120.0))


def run(cmd, env=None):
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"heatmap_qgis: failed ({r.returncode}): {' '.join(cmd)}\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("trygg")
    ap.add_argument("--qgis", default=shutil.which("qgis_process.bin") or "qgis_process.bin")
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--points", type=int, default=400)
    ap.add_argument("--keep", help="work in this directory and keep the files")
    a = ap.parse_args()

    work = a.keep or tempfile.mkdtemp(prefix="trygg-heatmap-qgis-")
    os.makedirs(work, exist_ok=True)
    points = os.path.join(work, "points.geojson")
    make_points(points, a.points, a.seed)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="trygg-qgis-runtime-"))
    print(f"heatmap_qgis: {a.points} points, seed {a.seed}, in {work}")

    # (name, QGIS parameters, trygg options, also on trygg's own default grid)
    cases = [
        ("quartic", [f"RADIUS={RADIUS:g}", "KERNEL=0"], ["--radius", f"{RADIUS:g}", "--kernel", "quartic"], True),
        ("triangular", [f"RADIUS={RADIUS:g}", "KERNEL=1", "DECAY=0.3"],
         ["--radius", f"{RADIUS:g}", "--kernel", "triangular", "--decay", "0.3"], False),
        ("epanechnikov_radius_field", [f"RADIUS={RADIUS:g}", "RADIUS_FIELD=r", "KERNEL=4"],
         ["--radius-field", "r", "--kernel", "epanechnikov"], False),
    ]
    failures = 0
    for name, qgis_params, trygg_options, own_grid in cases:
        reference = os.path.join(work, f"qgis_{name}.tif")
        if os.path.exists(reference):
            os.remove(reference)
        run([a.qgis, "run", "qgis:heatmapkerneldensityestimation", "--", f"INPUT={points}",
             f"PIXEL_SIZE={CELL:g}", "WEIGHT_FIELD=w", "OUTPUT_VALUE=0", *qgis_params,
             f"OUTPUT={reference}"], env)
        variants = [("like", ["--like", reference])]
        if own_grid:
            variants.append(("own grid", ["--cell", f"{CELL:g}"]))
        for label, grid in variants:
            ours = os.path.join(work, f"trygg_{name}_{label.replace(' ', '_')}.tif")
            run([a.trygg, "heatmap", points, "-o", ours, "--weight-field", "w", "--qgis-compatible",
                 "--overwrite", "--quiet", *trygg_options, *grid])
            cmp = subprocess.run([sys.executable, COMPARE, ours, reference, "--min-nonzero", "10000"],
                                 capture_output=True, text=True)
            verdict = "agree" if cmp.returncode == 0 else "DIFFER"
            print(f"  {name} ({label}): {verdict}: {cmp.stdout.strip()}")
            failures += cmp.returncode != 0
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    print("heatmap_qgis: " + ("all rasters agree with QGIS" if failures == 0 else f"{failures} rasters differ"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
