#!/usr/bin/python3
"""Seeded generator of synthetic report sets for the benchmarks.

    /usr/bin/python3 bench/gen_reports.py [--sizes 10000,100000,1000000] [--seed 20260523]
                                          [--out bench/out]

Writes bench/out/reports_<n>.csv with the header "id,x,y,category,date" (x, y in metres,
EPSG:3006 / SWEREF 99 TM) for every size, and bench/out/reports_<n>.xy (headerless "x,y",
the same points in the same order: the input of tests/peer/dbscan_driver.cpp).

The town is the square x 560000-580000, y 6600000-6620000 (20 km). Each set is
  - HOTSPOT_SHARE of the points in hotspots: max(20, n // 250) Gaussian clusters whose centres
    are uniform in the square (kept 500 m from the edge), whose standard deviation is uniform in
    20-80 m, and whose sizes follow a lognormal weight (some big, many small);
  - the rest uniform over the square (the background).
Points outside the square are drawn again. Coordinates are written with 2 decimals (cm), as
the sample town's reports.csv does; the same seed gives byte-identical files.
"""

import argparse
import os
import sys

import numpy as np

X0, X1 = 560000.0, 580000.0
Y0, Y1 = 6600000.0, 6620000.0
HOTSPOT_SHARE = 0.9
SIGMA_MIN, SIGMA_MAX = 20.0, 80.0
CATEGORIES = np.array(["klotter", "trasig belysning", "otrygg plats", "skadegörelse"])
CATEGORY_P = np.array([0.4, 0.25, 0.2, 0.15])
DAY0 = np.datetime64("2024-01-01")
DAYS = int((np.datetime64("2026-07-01") - DAY0) / np.timedelta64(1, "D"))


def make_points(n, rng):
    """Returns (x, y) arrays of n points: hotspots first drawn, then background, then shuffled."""
    n_hot = int(round(n * HOTSPOT_SHARE))
    n_spots = max(20, n // 250)
    cx = rng.uniform(X0 + 500, X1 - 500, n_spots)
    cy = rng.uniform(Y0 + 500, Y1 - 500, n_spots)
    sigma = rng.uniform(SIGMA_MIN, SIGMA_MAX, n_spots)
    weight = rng.lognormal(0.0, 0.8, n_spots)
    spot = rng.choice(n_spots, size=n_hot, p=weight / weight.sum())
    hx = rng.normal(cx[spot], sigma[spot])
    hy = rng.normal(cy[spot], sigma[spot])
    # Redraw the (rare) hotspot points that fall outside the square.
    out = (hx < X0) | (hx > X1) | (hy < Y0) | (hy > Y1)
    while out.any():
        k = int(out.sum())
        hx[out] = rng.normal(cx[spot[out]], sigma[spot[out]], k)
        hy[out] = rng.normal(cy[spot[out]], sigma[spot[out]], k)
        out = (hx < X0) | (hx > X1) | (hy < Y0) | (hy > Y1)
    bx = rng.uniform(X0, X1, n - n_hot)
    by = rng.uniform(Y0, Y1, n - n_hot)
    x = np.concatenate([hx, bx])
    y = np.concatenate([hy, by])
    order = rng.permutation(n)
    # Round to the centimetre once, so that every reader (trygg, sklearn, PostGIS) sees the same
    # numbers as written.
    return np.round(x[order], 2), np.round(y[order], 2)


def write(n, seed, out_dir):
    rng = np.random.default_rng([seed, n])
    x, y = make_points(n, rng)
    cat = rng.choice(len(CATEGORIES), size=n, p=CATEGORY_P)
    day = rng.integers(0, DAYS, n)
    dates = np.datetime_as_string(DAY0 + day.astype("timedelta64[D]"), unit="D")
    xs = np.char.mod("%.2f", x)
    ys = np.char.mod("%.2f", y)
    csv_path = os.path.join(out_dir, f"reports_{n}.csv")
    xy_path = os.path.join(out_dir, f"reports_{n}.xy")
    with open(csv_path + ".tmp", "w", encoding="utf-8", newline="\n") as f:
        f.write("id,x,y,category,date\n")
        ids = np.arange(1, n + 1).astype(str)
        f.write("\n".join(
            ",".join(row) for row in zip(ids, xs, ys, CATEGORIES[cat], dates)))
        f.write("\n")
    with open(xy_path + ".tmp", "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(a + "," + b for a, b in zip(xs, ys)))
        f.write("\n")
    os.replace(csv_path + ".tmp", csv_path)
    os.replace(xy_path + ".tmp", xy_path)
    return csv_path


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000",
                    help="comma-separated point counts (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=20260523, help="default: %(default)s")
    ap.add_argument("--out", default=os.path.join(here, "out"), help="default: bench/out")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for n in (int(s) for s in args.sizes.split(",")):
        path = write(n, args.seed, args.out)
        print(f"gen_reports: {n} points -> {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
