#!/usr/bin/python3
"""Peer comparison: `trygg hotspots` (the whole command: reading, clustering, writing) against
scikit-learn's DBSCAN.

Usage: /usr/bin/python3 hotspots_cli_sklearn.py PATH/TO/trygg [--boston]

Without --boston: seeded random point sets (clustered, uniform, an integer lattice with
duplicates and pairs at exactly eps, and a weighted set) are written to a CSV with x, y in
SWEREF 99 TM (EPSG:3006), clustered with `trygg hotspots ... --src-crs EPSG:3006 --json`, and
the labels and roles are read back from the output GeoPackage's `reports` layer (with Python's
sqlite3; the geometry blobs are decoded exactly, no GDAL Python bindings needed).

With --boston: the Boston graffiti reports of 2015 from the shared data directory go through
the CLI as they are (lat/lon CSV, US dates, working CRS EPSG:32619); scikit-learn clusters the
projected coordinates read back from the reports layer. Exits 77 (skipped) when the data is
absent.

Checks: the same core points, the same noise, the same partition of the core points, every
border point in the cluster of one of its core neighbours (trygg gives a border point to its
nearest core; scikit-learn to the first cluster that reaches it), the cluster ids numbered
1.. by decreasing size, and the --json counts equal to what the layer holds.
Exits 1 on any mismatch, with a message naming the data set.
"""

import json
import os
import sqlite3
import struct
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.cluster import DBSCAN
from sklearn.neighbors import KDTree

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("TRYGG_SHARED_DATA", os.path.join(HERE, "..", "..", "..", "shared", "data"))
BOSTON = os.path.join(SHARED, "boston", "graffiti-removal-2015.csv")
SKIP = 77

# Somewhere in Sweden, so EPSG:3006 is the working CRS and the coordinates pass unchanged.
X0, Y0 = 570000.0, 6600000.0


def gpkg_point(blob):
    """(x, y) of a GeoPackage point geometry blob (header, optional envelope, then WKB)."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    wkb = blob[8 + envelope:]
    order = "<" if wkb[0] == 1 else ">"
    (gtype,) = struct.unpack(order + "I", wkb[1:5])
    if gtype % 1000 != 1:
        raise ValueError(f"not a point (WKB type {gtype})")
    return struct.unpack(order + "dd", wkb[5:21])


def read_reports(gpkg, id_field):
    """{id: (x, y, cluster_id or None, role)} from the reports layer."""
    con = sqlite3.connect(gpkg)
    try:
        (geom_col,) = con.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = 'reports'").fetchone()
        rows = con.execute(f'SELECT "{id_field}", "{geom_col}", cluster_id, role FROM reports').fetchall()
    finally:
        con.close()
    out = {}
    for key, blob, cluster, role in rows:
        x, y = gpkg_point(blob)
        out[int(key)] = (x, y, cluster, role)
    return out


def run_trygg(trygg, args):
    proc = subprocess.run([trygg, "hotspots"] + args, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"trygg hotspots failed ({proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def check(name, xy, labels, roles, summary, eps, min_points, weights=None):
    """Compares our labels/roles (cluster ids 1.., None for noise) with scikit-learn's."""
    xy = np.asarray(xy, dtype=float)
    n = len(xy)
    model = DBSCAN(eps=eps, min_samples=min_points, algorithm="kd_tree")
    model.fit(xy, sample_weight=weights)
    their = model.labels_
    their_core = np.zeros(n, dtype=bool)
    their_core[model.core_sample_indices_] = True
    ours = np.array([-1 if c is None else int(c) for c in labels])
    roles = np.array(roles)
    our_core = roles == "core"
    problems = []
    if not np.array_equal(our_core, their_core):
        diff = np.flatnonzero(our_core != their_core)
        problems.append(f"{len(diff)} points differ in being core, e.g. {diff[:10].tolist()}")
    if not np.array_equal(ours == -1, their == -1):
        diff = np.flatnonzero((ours == -1) != (their == -1))
        problems.append(f"{len(diff)} points differ in being noise, e.g. {diff[:10].tolist()}")
    if not np.array_equal(roles == "noise", ours == -1):
        problems.append("role 'noise' and a NULL cluster_id disagree")
    k = int(ours.max()) if n and ours.max() > 0 else 0
    their_k = int(their.max()) + 1 if n else 0
    if k != their_k:
        problems.append(f"{k} clusters, scikit-learn {their_k}")
    pairs = set(zip(ours[our_core & their_core].tolist(), their[our_core & their_core].tolist()))
    if len({a for a, _ in pairs}) != len(pairs) or len({b for _, b in pairs}) != len(pairs):
        problems.append("core points are partitioned differently")
    # Ids 1..k by decreasing size.
    sizes = [int((ours == c).sum()) for c in range(1, k + 1)]
    if sizes != sorted(sizes, reverse=True) or any(s == 0 for s in sizes):
        problems.append(f"cluster ids are not numbered by decreasing size: {sizes[:10]}")
    # Border points: in the cluster of a core neighbour.
    border = np.flatnonzero(roles == "border")
    if len(border):
        tree = KDTree(xy)
        for i, cand in zip(border, tree.query_radius(xy[border], r=eps * (1 + 1e-9))):
            d = xy[cand] - xy[i]
            nb = cand[d[:, 0] * d[:, 0] + d[:, 1] * d[:, 1] <= eps * eps]
            core_nb = nb[our_core[nb]]
            if len(core_nb) == 0 or ours[i] not in set(ours[core_nb].tolist()):
                problems.append(f"border point {i} is not in the cluster of a core neighbour")
                break
    # The --json summary tells the same story as the layer.
    expect = {"reports": n, "clusters": k, "noise": int((ours == -1).sum()), "core": int(our_core.sum()),
              "border": int((roles == "border").sum())}
    for key, value in expect.items():
        if summary.get(key) != value:
            problems.append(f"--json {key} = {summary.get(key)}, the reports layer says {value}")
    detail = summary.get("clusters_detail", [])
    if [d["reports"] for d in detail] != sizes:
        problems.append("--json clusters_detail sizes differ from the reports layer")
    status = "ok" if not problems else "MISMATCH"
    print(f"{status}: {name}: n={n} eps={eps} min_points={min_points}{' weighted' if weights is not None else ''}"
          f" -> {k} clusters, {expect['core']} core, {expect['border']} border, {expect['noise']} noise")
    for p in problems:
        print(f"    {p}")
    return not problems


def random_case(trygg, tmp, name, xy, eps, min_points, weights=None):
    csv_path = os.path.join(tmp, f"{name}.csv")
    out = os.path.join(tmp, f"{name}.gpkg")
    with open(csv_path, "w") as f:
        f.write("pid,x,y,w\n")
        for i, (x, y) in enumerate(xy):
            w = 1.0 if weights is None else weights[i]
            f.write(f"{i},{X0 + x!r},{Y0 + y!r},{w!r}\n")
    args = [csv_path, "-o", out, "--overwrite", "--quiet", "--json", "--src-crs", "EPSG:3006", "--crs", "EPSG:3006",
            "--id-field", "pid", "--eps", repr(float(eps)), "--min-points", repr(float(min_points))]
    if weights is not None:
        args += ["--weighted", "--weight-field", "w"]
    summary = run_trygg(trygg, args)
    rows = read_reports(out, "pid")
    if len(rows) != len(xy):
        print(f"MISMATCH: {name}: {len(rows)} reports written for {len(xy)}")
        return False
    # The coordinates must come back unchanged (EPSG:3006 in and out).
    moved = [i for i in range(len(xy)) if rows[i][:2] != (X0 + xy[i][0], Y0 + xy[i][1])]
    if moved:
        print(f"MISMATCH: {name}: {len(moved)} coordinates changed on the way, e.g. {moved[:5]}")
        return False
    labels = [rows[i][2] for i in range(len(xy))]
    roles = [rows[i][3] for i in range(len(xy))]
    pts = np.array([(X0 + x, Y0 + y) for x, y in xy])
    return check(name, pts, labels, roles, summary, eps, min_points, weights)


def random_cases(trygg, tmp):
    rng = np.random.default_rng(20240611)
    ok = True
    # Clustered: blobs in a 3 km square with uniform noise.
    n = 4000
    centres = rng.uniform(0, 3000, (25, 2))
    which = rng.integers(0, 30, n)
    pts = rng.uniform(0, 3000, (n, 2))
    blob = which < 25
    pts[blob] = centres[which[blob]] + rng.normal(0, 40, (int(blob.sum()), 2))
    ok &= random_case(trygg, tmp, "clustered", pts.tolist(), 30.0, 6)
    # Uniform.
    ok &= random_case(trygg, tmp, "uniform", rng.uniform(0, 2000, (3000, 2)).tolist(), 45.0, 4)
    # Integer lattice with duplicates: many pairs at exactly eps.
    lattice = rng.integers(0, 120, (2500, 2)).astype(float)
    ok &= random_case(trygg, tmp, "lattice", lattice.tolist(), 2.0, 3)
    # Weighted (integer weights, as severities are).
    w = rng.integers(1, 4, 3000).astype(float)
    ok &= random_case(trygg, tmp, "weighted", rng.uniform(0, 2000, (3000, 2)).tolist(), 40.0, 7, w.tolist())
    return ok


def boston_case(trygg, tmp):
    if not os.path.exists(BOSTON):
        print(f"skipped: Boston graffiti data absent ({BOSTON})")
        return None
    out = os.path.join(tmp, "boston.gpkg")
    eps, min_points = 100.0, 5
    summary = run_trygg(trygg, [BOSTON, "-o", out, "--overwrite", "--quiet", "--json", "--time-format", "us",
                                "--eps", repr(eps), "--min-points", str(min_points)])
    if summary.get("working_crs") != "EPSG:32619":
        print(f"MISMATCH: boston: working CRS {summary.get('working_crs')}, expected EPSG:32619")
        return False
    con = sqlite3.connect(out)
    try:
        (geom_col,) = con.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = 'reports'").fetchone()
        rows = con.execute(f'SELECT "{geom_col}", cluster_id, role FROM reports ORDER BY fid').fetchall()
    finally:
        con.close()
    xy = [gpkg_point(blob) for blob, _, _ in rows]
    return check("boston-graffiti-2015 via the CLI (UTM 19N)", xy, [r[1] for r in rows], [r[2] for r in rows],
                 summary, eps, min_points)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    trygg = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="trygg-hotspots-peer-") as tmp:
        try:
            if "--boston" in sys.argv[2:]:
                result = boston_case(trygg, tmp)
                if result is None:
                    return SKIP
                return 0 if result else 1
            return 0 if random_cases(trygg, tmp) else 1
        except RuntimeError as e:
            print(f"MISMATCH: {e}")
            return 1


if __name__ == "__main__":
    sys.exit(main())
