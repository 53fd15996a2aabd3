#!/usr/bin/python3
"""Peer comparison: trygg's DBSCAN against scikit-learn's.

Usage: /usr/bin/python3 dbscan_sklearn.py PATH/TO/trygg_dbscan_driver

For seeded random data sets (clustered, uniform, integer lattices with duplicates and pairs at
exactly eps, weighted, and space-time through a precomputed distance matrix) and for the
Boston graffiti reports of 2015 (projected to UTM 19N with cs2cs, eps 100 m, min_points 5),
runs scikit-learn's DBSCAN and ours and checks that:
  - the core points are the same,
  - the noise points are the same,
  - the core points are split into clusters the same way (compared as partitions),
  - every border point of ours is in the cluster of one of its core neighbours.
Border points themselves may be labelled differently: scikit-learn gives a border point to the
first cluster that reaches it, trygg to the cluster of its nearest core point.
Exits 1 on any mismatch, with a message naming the data set.
"""

import csv
import os
import subprocess
import sys

import numpy as np
from sklearn.cluster import DBSCAN
from sklearn.neighbors import KDTree

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("TRYGG_SHARED_DATA", os.path.join(HERE, "..", "..", "..", "shared", "data"))
BOSTON = os.path.join(SHARED, "boston", "graffiti-removal-2015.csv")


class Mismatch(Exception):
    pass


def run_ours(driver, xy, eps, min_points, weights=None, times=None, window=None):
    args = [driver, "--eps", repr(float(eps)), "--min-points", repr(float(min_points))]
    columns = [xy[:, 0], xy[:, 1]]
    if weights is not None:
        args.append("--weighted")
        columns.append(weights)
    if window is not None:
        args += ["--time-window", str(int(window))]
    lines = []
    for i in range(len(xy)):
        row = [repr(float(c[i])) for c in columns]
        if window is not None:
            row.append(str(int(times[i])))
        lines.append(",".join(row))
    proc = subprocess.run(args, input="\n".join(lines) + "\n", capture_output=True, text=True)
    if proc.returncode != 0:
        raise Mismatch(f"driver failed ({proc.returncode}): {proc.stderr.strip()}")
    labels, roles = [], []
    for line in proc.stdout.splitlines():
        label, role = line.split(",")
        labels.append(int(label))
        roles.append(role)
    if len(labels) != len(xy):
        raise Mismatch(f"driver wrote {len(labels)} rows for {len(xy)} points")
    return np.array(labels), np.array(roles)


def neighbours_of(xy, eps, times, window, indices):
    """Neighbour lists (squared distance <= eps^2, and the time window) for some points."""
    if len(indices) == 0:
        return []
    tree = KDTree(xy)
    # A slightly larger radius, then the exact test, so both sides use the same predicate.
    candidates = tree.query_radius(xy[indices], r=eps * (1 + 1e-9))
    out = []
    for i, cand in zip(indices, candidates):
        d = xy[cand] - xy[i]
        keep = d[:, 0] * d[:, 0] + d[:, 1] * d[:, 1] <= eps * eps
        if window is not None:
            keep &= np.abs(times[cand] - times[i]) <= window
        out.append(cand[keep])
    return out


def compare(name, xy, eps, min_points, driver, weights=None, times=None, window=None):
    xy = np.asarray(xy, dtype=float)
    n = len(xy)
    if window is None:
        model = DBSCAN(eps=eps, min_samples=min_points, algorithm="kd_tree")
        model.fit(xy, sample_weight=weights)
    else:
        # ST-DBSCAN through a precomputed distance matrix: pairs outside the time window are
        # put beyond eps.
        diff = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((diff ** 2).sum(axis=2))
        dist[np.abs(times[:, None] - times[None, :]) > window] = 2.0 * eps + 1.0
        model = DBSCAN(eps=eps, min_samples=min_points, metric="precomputed")
        model.fit(dist, sample_weight=weights)
    their_labels = model.labels_
    their_core = np.zeros(n, dtype=bool)
    their_core[model.core_sample_indices_] = True

    labels, roles = run_ours(driver, xy, eps, min_points, weights, times, window)
    our_core = roles == "core"
    problems = []
    if not np.array_equal(our_core, their_core):
        diff = np.flatnonzero(our_core != their_core)
        problems.append(f"{len(diff)} points differ in being core, e.g. {diff[:10].tolist()}")
    if not np.array_equal(labels == -1, their_labels == -1):
        diff = np.flatnonzero((labels == -1) != (their_labels == -1))
        problems.append(f"{len(diff)} points differ in being noise, e.g. {diff[:10].tolist()}")
    if not np.array_equal(roles == "noise", labels == -1):
        problems.append("role 'noise' and label -1 disagree")
    ours_k = int(labels.max()) + 1 if n else 0
    theirs_k = int(their_labels.max()) + 1 if n else 0
    if ours_k != theirs_k:
        problems.append(f"{ours_k} clusters, scikit-learn {theirs_k}")
    # The core partition: the label maps between the two must be a bijection on core points.
    both = our_core & their_core
    pairs = set(zip(labels[both].tolist(), their_labels[both].tolist()))
    if len({a for a, _ in pairs}) != len(pairs) or len({b for _, b in pairs}) != len(pairs):
        problems.append("core points are partitioned differently")
    # Our border points must sit in the cluster of one of their core neighbours.
    border = np.flatnonzero(roles == "border")
    for i, nb in zip(border, neighbours_of(xy, eps, times, window, border)):
        core_nb = nb[our_core[nb]]
        if len(core_nb) == 0 or labels[i] not in set(labels[core_nb].tolist()):
            problems.append(f"border point {i} is not in the cluster of a core neighbour")
            break
    status = "ok" if not problems else "MISMATCH"
    print(f"{status}: {name}: n={n} eps={eps} min_points={min_points}"
          f"{' weighted' if weights is not None else ''}{f' window={window}' if window is not None else ''}"
          f" -> {ours_k} clusters, {int(our_core.sum())} core, {int((roles == 'border').sum())} border,"
          f" {int((labels == -1).sum())} noise")
    for p in problems:
        print(f"    {p}")
    return not problems


def clustered(rng, n, size, blobs, spread):
    centres = rng.uniform(0, size, (blobs, 2))
    which = rng.integers(0, blobs + 1, n)
    pts = rng.uniform(0, size, (n, 2))
    inside = which < blobs
    pts[inside] = centres[which[inside]] + rng.normal(0, spread, (int(inside.sum()), 2))
    return pts


def random_cases(driver):
    rng = np.random.default_rng(2015)
    ok = True
    for k in range(4):
        xy = clustered(rng, 3000, 2000.0, 6 + k, 20.0 + 10 * k)
        ok &= compare(f"clustered#{k}", xy, 10.0 + 5 * k, 4 + k, driver)
    for k in range(3):
        xy = rng.uniform(0, 500, (2500, 2))
        ok &= compare(f"uniform#{k}", xy, 8.0 + 4 * k, 3 + 2 * k, driver)
    for k in range(4):
        # Integer lattice: duplicates and pairs at exactly eps (exact in both implementations).
        xy = rng.integers(0, 40 + 10 * k, (1500, 2)).astype(float) + np.array([330000.0, 4690000.0])
        ok &= compare(f"lattice#{k}", xy, float(1 + k), 3 + 2 * k, driver)
    for k in range(3):
        xy = clustered(rng, 2000, 1000.0, 5, 25.0)
        w = rng.integers(0, 4, len(xy)).astype(float)
        ok &= compare(f"weighted-int#{k}", xy, 12.0 + 3 * k, 5 + k, driver, weights=w)
    for k in range(2):
        xy = clustered(rng, 2000, 1000.0, 5, 25.0)
        w = rng.uniform(0.0, 2.0, len(xy))
        ok &= compare(f"weighted-real#{k}", xy, 15.0, 6 + 2 * k, driver, weights=w)
    for k in range(3):
        xy = clustered(rng, 1200, 600.0, 4, 15.0)
        t = rng.integers(0, 30 * 86400, len(xy))
        ok &= compare(f"space-time#{k}", xy, 20.0, 3 + k, driver, times=t, window=86400 * (2 + 2 * k))
    xy = rng.integers(0, 25, (1000, 2)).astype(float)
    t = rng.integers(0, 200, len(xy))
    ok &= compare("space-time-lattice", xy, 2.0, 3, driver, times=t, window=15,
                  weights=rng.integers(1, 3, len(xy)).astype(float))
    return ok


def project_utm19n(lat_lon):
    """WGS 84 latitude/longitude -> UTM zone 19N metres, with PROJ's cs2cs."""
    text = "\n".join(f"{lat!r} {lon!r}" for lat, lon in lat_lon) + "\n"
    proc = subprocess.run(["cs2cs", "-f", "%.6f", "EPSG:4326", "EPSG:32619"], input=text,
                          capture_output=True, text=True, check=True)
    out = []
    for line in proc.stdout.splitlines():
        parts = line.split()
        out.append((float(parts[0]), float(parts[1])))
    return np.array(out)


def boston_case(driver):
    if not os.path.exists(BOSTON):
        print(f"skipped: Boston graffiti data absent ({BOSTON})")
        return True
    lat_lon = []
    with open(BOSTON, newline="", encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            try:
                lat, lon = float(row["LATITUDE"]), float(row["LONGITUDE"])
            except (KeyError, TypeError, ValueError):
                continue
            if np.isfinite(lat) and np.isfinite(lon):
                lat_lon.append((lat, lon))
    xy = project_utm19n(lat_lon)
    return compare("boston-graffiti-2015 (UTM 19N)", xy, 100.0, 5, driver)


def main():
    if len(sys.argv) != 2:
        print("usage: dbscan_sklearn.py PATH/TO/trygg_dbscan_driver", file=sys.stderr)
        return 2
    driver = sys.argv[1]
    ok = True
    try:
        ok &= random_cases(driver)
        ok &= boston_case(driver)
    except Mismatch as e:
        print(f"MISMATCH: {e}")
        return 1
    except Exception as e:  # noqa: BLE001 - any failure of the comparison itself is a failure
        print(f"FAILED: comparison could not run: {type(e).__name__}: {e}")
        return 1
    if not ok:
        print("FAILED: trygg's DBSCAN disagrees with scikit-learn (see MISMATCH lines)")
        return 1
    print("all DBSCAN peer comparisons agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
