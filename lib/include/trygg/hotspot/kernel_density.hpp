#pragma once
// Kernel density estimation (heatmap) of weighted points on a regular grid, with the kernels,
// the cell rule and the grid layout of QGIS's "Heatmap (Kernel Density Estimation)" algorithm
// (qgis:heatmapkerneldensityestimation, QgsKernelDensityEstimation in
// src/analysis/raster/qgskde.cpp).
//
// Raw value of a cell = sum over points p with d(p, cell centre) <= r_p of w_p * k(d / r_p), with
//   quartic       k(u) = (1 - u^2)^2
//   triangular    k(u) = 1 - (1 - decay) * u        (decay = value at u = 1; QGIS's "decay ratio")
//   uniform       k(u) = 1
//   triweight     k(u) = (1 - u^2)^3
//   epanechnikov  k(u) = 1 - u^2
//   gaussian      k(u) = exp(-0.5 * (3u)^2)         (not in QGIS; sigma = r/3, cut at u = 1)
// Distances are measured from the point to cell centres; a cell exactly at distance r counts
// (QGIS skips a cell only when distance > radius). Grid row 0 is the top (north) row.
//
// Deliberate differences from QGIS (3.22, and the same code in the latest qgskde.cpp read):
//  1. Exact cell centres. QGIS reads/writes a point's block of cells starting at a row counted
//     from the top of the raster, but computes the cell-centre y of that block from a row counted
//     from the bottom of its extent; the two agree only when the point's fractional position in
//     the row is the same from both ends. Its output is therefore the correct surface of a point
//     shifted vertically by up to one cell (verified against QGIS 3.22.16, see
//     tests/data/qgis_heatmap/README.md). By default we compute the exact surface; set
//     KdeParams::qgis_quirks to reproduce QGIS cell for cell.
//  2. Points outside the grid still contribute to the cells within their radius (QGIS drops
//     points outside its extent; with its default extent, the data extent padded by the radius,
//     that never happens).
//  3. Accumulation in double, converted to float once at the end (QGIS adds each point into a
//     float32 raster, so its sums carry float rounding; differences are ~1e-7 relative).
//  4. DensityValue::density is a properly normalised density per km^2 (see KdeParams::value);
//     QGIS's "scaled" output is per map unit^2 and its quartic constant is wrong (QGIS issue
//     60616: 116/(5 pi r^2) * 15/16 instead of 3/(pi r^2), 7.25 times too large).
//  5. Untouched cells are 0 (QGIS leaves them at its no-data value -9999).

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "trygg/model/geometry.hpp"

namespace trygg::hotspot {

enum class Kernel { quartic, triangular, uniform, triweight, epanechnikov, gaussian };

enum class DensityValue {
    raw,      // sum of w * k(d/r): QGIS's "Raw" output
    density,  // normalised kernels: the surface integrates to the total weight; per km^2
};

// A north-up grid of square cells. Cell (row, column) covers
// [origin_x + column*cell, origin_x + (column+1)*cell] x [origin_y - (row+1)*cell, origin_y - row*cell].
struct GridSpec {
    double origin_x = 0.0;  // left edge
    double origin_y = 0.0;  // top edge
    double cell = 1.0;      // cell side, metres
    int columns = 0;
    int rows = 0;  // row 0 = top (north)
};

// What KdeParams::qgis_quirks needs to reproduce QGIS's placement (difference 1 above): the
// bottom of the extent QGIS sized its raster from, i.e. data extent min_y minus the radius
// (minus the largest per-point radius when radii come from a field). The grid's own bottom edge
// lies lower because QGIS adds one row and rounds the row count up.
struct QgisQuirks {
    double extent_min_y = 0.0;
};

struct KdeParams {
    double radius = 0.0;  // metres; used for every point unless `radii` is given
    Kernel kernel = Kernel::quartic;
    double decay = 0.0;  // triangular only, as QGIS: kernel value at the radius (1 = uniform)
    // raw: sum of w * k(d/r), as QGIS's raw output.
    // density: each kernel scaled by 1 / integral over the disc of k(d/r), so the surface
    //   integrates to the total weight, then expressed per km^2 (x 1e6; coordinates in metres).
    //   Constants c in c / (pi r^2), from the polar integral 2 pi r^2 * int_0^1 k(u) u du:
    //     uniform       int u du = 1/2                       -> c = 1
    //     quartic       int (1-u^2)^2 u du = 1/6             -> c = 3
    //     triweight     int (1-u^2)^3 u du = 1/8             -> c = 4
    //     epanechnikov  int (1-u^2) u du = 1/4               -> c = 2
    //     triangular    int (1-(1-a)u) u du = (1+2a)/6       -> c = 3/(1+2a)   (needs decay > -1/2)
    //     gaussian      int_0^1 exp(-4.5u^2) u du = (1-e^-4.5)/9 -> c = 9 / (2 (1 - e^-4.5))
    //   (QGIS's scaled constants agree except quartic, see difference 4.)
    DensityValue value = DensityValue::raw;
    std::span<const double> weights;  // one per point, or empty for weight 1
    std::span<const double> radii;    // one per point (metres, > 0), or empty for `radius`
    // Called with a fraction in [0, 1] every few percent and at the end, always on the calling
    // thread. An exception thrown from it stops the computation and propagates.
    std::function<void(double)> progress;
    // Worker threads; 0 = hardware concurrency. The result is byte-identical for any count: the
    // grid is split into row bands and every cell sums its points in input order.
    unsigned threads = 0;
    // Reproduce QGIS's cell placement (difference 1) and its block size rule (a square of
    // 2b+1 cells, b = radius/cell rounded down, plus one if the remainder exceeds 0.5 map units)
    // instead of the exact surface. Only meaningful on the grid grid_around() gives.
    std::optional<QgisQuirks> qgis_quirks;
};

// Kernel density of `points` on `grid`: rows*columns values, row-major, top row first.
// Throws UsageError for invalid parameters (radius <= 0, size mismatch, bad grid) and DataError
// (with the point index as feature) for a non-finite coordinate, weight or a radius <= 0.
// Cost: O(points * (r/cell)^2 + cells): per point and row, the run of cells inside the disc is
// found by binary search and filled four cells at a time (AVX2 when the CPU has it; the same bits
// either way). Memory: the float output, one double accumulator band of 128 rows per thread, and
// the list of points per band.
std::vector<float> kernel_density(std::span<const model::Point> points, const GridSpec& grid,
                                  const KdeParams& params);

// QGIS's default grid: the data extent padded by `radius` on every side; origin at its top-left
// corner; columns = max(ceil(width / cell) + 1, 1), rows = max(ceil(height / cell) + 1, 1) where
// width and height are those of the padded extent (so the grid reaches past its right and bottom
// edges). Pass the largest radius when radii vary per point, as QGIS does.
GridSpec grid_around(const model::Box& data_extent, double radius, double cell);

// The QgisQuirks for the grid grid_around(data_extent, radius, cell) gives.
QgisQuirks qgis_quirks_for(const model::Box& data_extent, double radius);

// "quartic", "triangular", "uniform", "triweight", "epanechnikov", "gaussian" (any case).
std::optional<Kernel> parse_kernel(std::string_view name);
std::string_view to_string(Kernel kernel);

}  // namespace trygg::hotspot
