#!/usr/bin/python3
"""Compare two single-band GeoTIFFs cell by cell (trygg heatmap tests, bench).

usage: compare_rasters.py OURS REFERENCE [--rel 1e-4] [--abs 1e-7] [--min-nonzero N]
                          [--expect-differ D]

Both rasters must have the same size and geotransform. No-data cells are read as 0 (QGIS leaves
cells no kernel reached at no-data). Cells agree when |a - b| <= rel * max(|a|, |b|) + abs.
Exit 0 when every cell agrees (and the reference has at least N non-zero cells); with
--expect-differ D, exit 0 only when some cell differs by more than D instead. Prints one
summary line either way.
"""
import argparse
import sys

import numpy as np
from osgeo import gdal

gdal.UseExceptions()


def read(path):
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        values[values == np.float32(nodata)] = 0.0
    return ds.GetGeoTransform(), (ds.RasterXSize, ds.RasterYSize), values


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ours")
    ap.add_argument("reference")
    ap.add_argument("--rel", type=float, default=1e-4)
    ap.add_argument("--abs", type=float, default=1e-7)
    ap.add_argument("--min-nonzero", type=int, default=1)
    ap.add_argument("--expect-differ", type=float)
    a = ap.parse_args()
    gt_a, size_a, va = read(a.ours)
    gt_b, size_b, vb = read(a.reference)
    if size_a != size_b or any(abs(x - y) > 1e-9 for x, y in zip(gt_a, gt_b)):
        print(f"grids differ: {size_a} {gt_a} vs {size_b} {gt_b}")
        return 1
    diff = np.abs(va - vb)
    bad = diff > a.rel * np.maximum(np.abs(va), np.abs(vb)) + a.abs
    nonzero = int(np.count_nonzero(vb))
    print(f"{size_a[0]} x {size_a[1]} cells, {nonzero} non-zero in the reference, "
          f"{int(bad.sum())} differ, largest difference {diff.max():.3g}, "
          f"reference max {vb.max():.6g}, ours max {va.max():.6g}")
    if a.expect_differ is not None:
        return 0 if diff.max() > a.expect_differ else 1
    if bad.any():
        r, c = np.argwhere(bad)[0]
        print(f"first differing cell: row {r} column {c}: ours {va[r, c]!r}, reference {vb[r, c]!r}")
        return 1
    if nonzero < a.min_nonzero:
        print(f"only {nonzero} non-zero cells, expected at least {a.min_nonzero}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
