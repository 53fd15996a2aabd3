// trygg.dbscan, trygg.kde, trygg.gistar: numpy in, numpy out. Inputs are copied into C++
// vectors with the GIL held; the computation itself runs with the GIL released, so several
// Python threads can cluster or map at the same time.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "convert.hpp"
#include "trygg/error.hpp"
#include "trygg/hotspot/dbscan.hpp"
#include "trygg/hotspot/getis_ord.hpp"
#include "trygg/hotspot/kernel_density.hpp"

namespace trygg::python {

namespace {

// Numbers in messages as the CLI prints them ("got -1", "got 0.25").
std::string shown(double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", value);
    return buf;
}

const char* const dbscan_doc = R"doc(
Cluster points with DBSCAN, or ST-DBSCAN when `times` and `time_window` are given.

Exact, with the conventions of scikit-learn: a point at distance exactly `eps` is a
neighbour, a point is core when the (weighted) count of its neighbourhood, itself
included, is >= `min_points`. Core points and noise equal scikit-learn's; a border point
reachable from several clusters joins the cluster of its nearest core point. Clusters are
numbered 0, 1, ... by decreasing size. The GIL is released while clustering.

Parameters
----------
xy : array_like, shape (N, 2)
    x, y in a metric CRS (metres), e.g. ``Layer.xy``.
eps : float
    Neighbourhood radius in metres (> 0).
min_points : float
    Weighted neighbourhood count that makes a point core (> 0), itself included.
weights : array_like, shape (N,), optional
    Weight per point (finite, >= 0), like scikit-learn's ``sample_weight``; default 1.
times : array_like, shape (N,), optional
    numpy ``datetime64`` (no NaT) or integer seconds since 1970; used with `time_window`.
time_window : float or datetime.timedelta or numpy.timedelta64, optional
    ST-DBSCAN: neighbours must also be at most this far apart in time (seconds when a
    number).

Returns
-------
labels : numpy.ndarray of int32, shape (N,)
    Cluster per point: -1 for noise, else 0 .. number of clusters - 1.
roles : numpy.ndarray of uint8, shape (N,)
    0 noise, 1 core, 2 border (``trygg.NOISE``, ``trygg.CORE``, ``trygg.BORDER``).

Raises
------
ValueError
    (``trygg.UsageError``) for a wrong shape, a non-finite coordinate, ``eps <= 0``,
    ``min_points <= 0``, a negative weight, a size mismatch, or `time_window` without
    `times`.

Examples
--------
>>> import numpy as np, trygg
>>> xy = np.array([[0, 0], [1, 0], [0, 1], [50, 50]], dtype=float)
>>> labels, roles = trygg.dbscan(xy, eps=1.5, min_points=3)
>>> labels.tolist(), roles.tolist()
([0, 0, 0, -1], [1, 1, 1, 0])
)doc";

py::tuple dbscan_py(const py::object& xy, double eps, double min_points, const py::object& weights,
                    const py::object& times, const py::object& time_window) {
    const std::vector<model::Point> points = to_points(xy);
    // The CLI's checks and words (hotspots --eps, --min-points, --time-window).
    if (!(eps > 0.0) || !std::isfinite(eps)) throw UsageError("eps must be a number > 0 (metres), got " + shown(eps));
    if (!(min_points > 0.0) || !std::isfinite(min_points))
        throw UsageError("min_points must be > 0, got " + shown(min_points));
    std::vector<double> w;
    std::vector<std::int64_t> t;
    hotspot::DbscanParams params;
    params.eps = eps;
    params.min_points = min_points;
    if (!weights.is_none()) {
        w = to_doubles(weights, points.size(), "weights");
        params.weights = w;
    }
    if (!times.is_none()) {
        t = to_seconds(times, points.size(), "times");
        params.times = t;
    }
    if (!time_window.is_none()) {
        if (times.is_none()) throw UsageError("time_window needs times, one per point");
        params.time_window = to_duration_seconds(time_window, "time_window");
        if (*params.time_window < 0)
            throw UsageError("time_window must be >= 0 (seconds, datetime.timedelta or numpy.timedelta64)");
    }
    hotspot::DbscanResult result;
    {
        py::gil_scoped_release release;
        result = hotspot::dbscan(points, params);
    }
    std::vector<std::uint8_t> roles(result.roles.size());
    std::transform(result.roles.begin(), result.roles.end(), roles.begin(),
                   [](hotspot::PointRole r) { return static_cast<std::uint8_t>(r); });
    return py::make_tuple(to_numpy(result.labels), to_numpy(roles));
}

const char* const kde_doc = R"doc(
Kernel density (heatmap) of points on a north-up grid, as QGIS's Heatmap algorithm.

Raw value of a cell = sum over points p within `radius` of the cell centre of
``w_p * k(d / radius)``; quartic ``k(u) = (1 - u^2)^2``. Cells exactly at the radius count.
With ``value="density"`` each kernel is normalised so the surface integrates to the total
weight, in weight per km^2. The GIL is released while computing. See docs/methods.md.

Parameters
----------
xy : array_like, shape (N, 2)
    x, y in a metric CRS (metres).
radius : float
    Kernel radius (bandwidth) in metres (> 0).
cell : float
    Cell side in metres (> 0).
kernel : str, default "quartic"
    "quartic", "triangular", "uniform", "triweight", "epanechnikov" or "gaussian".
extent : tuple of 4 floats, optional
    ``(xmin, ymin, xmax, ymax)``: the grid starts at the top-left corner (xmin, ymax) and
    has ``ceil(width / cell)`` columns and ``ceil(height / cell)`` rows (at least 1 each).
    Default: QGIS's grid, the data extent padded by `radius` on every side, with
    ``ceil(width / cell) + 1`` columns and ``ceil(height / cell) + 1`` rows.
weights : array_like, shape (N,), optional
    Weight per point (default 1).
value : str, default "raw"
    "raw" (QGIS's raw output) or "density" (per km^2).
decay : float, default 0
    Triangular kernel only: its value at the radius (QGIS's decay ratio).
threads : int, default 0
    Worker threads, 0 = all cores; the result is identical for any count.

Returns
-------
grid : numpy.ndarray of float32, shape (rows, columns)
    Row 0 is the northern (top) row.
geotransform : tuple of 6 floats
    GDAL geotransform ``(origin_x, cell, 0, origin_y, 0, -cell)`` of the grid's top-left
    corner: cell (row, col) is centred at ``(origin_x + (col + 0.5) * cell,
    origin_y - (row + 0.5) * cell)``.

Raises
------
ValueError
    For a wrong shape, ``radius <= 0``, ``cell <= 0``, an unknown kernel or value, no
    points without an extent, or a grid of more than 100 million cells.

Examples
--------
>>> import numpy as np, trygg
>>> grid, gt = trygg.kde(np.array([[5.0, 5.0]]), radius=10, cell=10,
...                      extent=(0, 0, 10, 10))
>>> float(grid[0, 0]), gt
(1.0, (0.0, 10.0, 0.0, 10.0, 0.0, -10.0))
)doc";

py::tuple kde_py(const py::object& xy, double radius, double cell, const std::string& kernel,
                 const std::optional<std::vector<double>>& extent, const py::object& weights,
                 const std::string& value, double decay, unsigned threads) {
    const std::vector<model::Point> points = to_points(xy);
    // The CLI's checks and words (heatmap --radius, --cell, --kernel, --decay, --extent).
    if (!(std::isfinite(radius) && radius > 0))
        throw UsageError("radius must be a positive number of metres, got " + shown(radius));
    if (!(std::isfinite(cell) && cell > 0)) throw UsageError("cell must be a positive number of metres, got " + shown(cell));
    hotspot::KdeParams params;
    params.radius = radius;
    const auto k = hotspot::parse_kernel(kernel);
    if (!k)
        throw UsageError("kernel '" + kernel +
                         "': unknown; use quartic, triangular, uniform, triweight, epanechnikov or gaussian");
    params.kernel = *k;
    if (!std::isfinite(decay)) throw UsageError("decay must be a finite number");
    if (decay != 0.0 && *k != hotspot::Kernel::triangular) throw UsageError("decay applies to kernel triangular only");
    params.decay = decay;
    if (value == "raw")
        params.value = hotspot::DensityValue::raw;
    else if (value == "density")
        params.value = hotspot::DensityValue::density;
    else
        throw UsageError("value '" + value + "': unknown; use raw or density");
    params.threads = threads;
    std::vector<double> w;
    if (!weights.is_none()) {
        w = to_doubles(weights, points.size(), "weights");
        params.weights = w;
    }

    constexpr double max_cells = 100e6;  // the CLI's guard against grids nobody meant to make
    auto too_large = [&](double columns, double rows) {
        if (columns * rows > max_cells) {
            const double at_least = std::ceil(cell * std::sqrt(columns * rows / max_cells) * 100.0) / 100.0;
            throw UsageError("a grid of " + std::to_string(static_cast<long long>(columns)) + " x " +
                             std::to_string(static_cast<long long>(rows)) +
                             " cells is larger than 100 million cells; use a larger cell (at least " +
                             shown(at_least) + ")");
        }
    };
    hotspot::GridSpec grid;
    double columns = 0, rows = 0;
    if (extent) {
        const auto& e = *extent;
        if (e.size() != 4 || !std::all_of(e.begin(), e.end(), [](double v) { return std::isfinite(v); }))
            throw UsageError("extent needs four finite numbers: (xmin, ymin, xmax, ymax)");
        if (!(e[0] < e[2] && e[1] < e[3]))
            throw UsageError("extent is (xmin, ymin, xmax, ymax) with xmin < xmax and ymin < ymax");
        columns = std::max(std::ceil((e[2] - e[0]) / cell), 1.0);
        rows = std::max(std::ceil((e[3] - e[1]) / cell), 1.0);
        too_large(columns, rows);
        grid.origin_x = e[0];
        grid.origin_y = e[3];
        grid.cell = cell;
        grid.columns = static_cast<int>(columns);
        grid.rows = static_cast<int>(rows);
    } else {
        if (points.empty()) throw UsageError("no points to map: give an extent to get an empty grid");
        model::Box box{points[0].x, points[0].y, points[0].x, points[0].y};
        for (const auto& p : points) {
            if (!std::isfinite(p.x) || !std::isfinite(p.y))
                throw UsageError("xy contains a non-finite coordinate (point " +
                                 std::to_string(&p - points.data()) + ")");
            box.min_x = std::min(box.min_x, p.x);
            box.min_y = std::min(box.min_y, p.y);
            box.max_x = std::max(box.max_x, p.x);
            box.max_y = std::max(box.max_y, p.y);
        }
        columns = std::ceil((box.max_x - box.min_x + 2 * radius) / cell) + 1;
        rows = std::ceil((box.max_y - box.min_y + 2 * radius) / cell) + 1;
        too_large(columns, rows);
        grid = hotspot::grid_around(box, radius, cell);
    }

    std::vector<float> values;
    {
        py::gil_scoped_release release;
        values = hotspot::kernel_density(points, grid, params);
    }
    py::array_t<float> out({static_cast<py::ssize_t>(grid.rows), static_cast<py::ssize_t>(grid.columns)});
    std::copy(values.begin(), values.end(), out.mutable_data());
    return py::make_tuple(out, py::make_tuple(grid.origin_x, grid.cell, 0.0, grid.origin_y, 0.0, -grid.cell));
}

const char* const gistar_doc = R"doc(
Getis-Ord local statistic Gi* (or Gi) with the z-scores of PySAL esda's ``G_Local``.

Parameters
----------
xy : array_like, shape (N, 2)
    Feature locations in metres (e.g. cell centres or area centroids).
values : array_like, shape (N,)
    The value of each feature (e.g. counts); finite and not all equal.
distance : float, optional
    Distance band in metres: every other feature within it is a neighbour.
k : int, optional
    Or the k nearest other features (ties broken by lower index). Give exactly one of
    `distance` and `k`.
weights : str, default "binary"
    "binary" (esda transform 'B') or "row" (row-standardised, esda transform 'R').
star : bool, default True
    Gi* (the feature is its own neighbour) or Gi (False).
permutations : int, default 0
    Conditional permutations per feature for the pseudo p-value ``p_sim``.
seed : int, default 0
    Seed of the permutations (the same seed gives the same ``p_sim``).

Returns
-------
dict of numpy.ndarray
    ``z`` (float64; NaN when undefined), ``p`` (two-sided normal p-value), ``p_sim``
    (only when `permutations` > 0), ``bin`` (int8 ArcGIS Gi_Bin class -3..3, no FDR) and
    ``neighbours`` (int64, neighbours other than the feature itself).

Raises
------
ValueError
    For a wrong shape, neither or both of `distance` and `k`, ``distance <= 0``,
    ``k >= N``, too few features, non-finite values or values that are all equal.

Examples
--------
>>> import numpy as np, trygg
>>> xy = [(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)]
>>> r = trygg.gistar(xy, [2, 3, 3.2, 5, 8, 7], distance=15)
>>> np.round(r["z"], 4).tolist()
[-1.3973, -0.2892, 0.6506, -0.2892, 1.2345, 2.0242]
)doc";

py::dict gistar_py(const py::object& xy, const py::object& values, std::optional<double> distance,
                   std::optional<int> k, const std::string& weights, bool star, int permutations,
                   std::uint64_t seed) {
    const std::vector<model::Point> points = to_points(xy);
    const std::vector<double> v = to_doubles(values, points.size(), "values");
    hotspot::GiParams params;
    params.distance = distance;
    params.k = k;
    if (weights == "binary" || weights == "B")
        params.weighting = hotspot::Weighting::binary;
    else if (weights == "row" || weights == "R")
        params.weighting = hotspot::Weighting::row_standardised;
    else
        throw UsageError("weights '" + weights + "': unknown; use binary or row");
    // The CLI's checks and words (gistar --distance, --k, --permutations).
    if (distance && k) throw UsageError("give distance or k, not both");
    if (!distance && !k) throw UsageError("give the neighbourhood: distance (metres) or k (nearest features)");
    if (distance && !(std::isfinite(*distance) && *distance > 0.0))
        throw UsageError("distance must be a positive number of metres, got " + shown(*distance));
    if (permutations < 0) throw UsageError("permutations must be >= 0");
    params.star = star;
    params.permutations = permutations;
    params.seed = seed;
    hotspot::GiResult r;
    {
        py::gil_scoped_release release;
        r = hotspot::getis_ord(points, v, params);
    }
    py::dict out;
    out["z"] = to_numpy(r.z);
    out["p"] = to_numpy(r.p);
    if (permutations > 0) out["p_sim"] = to_numpy(r.p_sim);
    std::vector<std::int8_t> bins(r.bin.begin(), r.bin.end());
    std::vector<std::int64_t> neighbours(r.neighbour_count.size());
    std::transform(r.neighbour_count.begin(), r.neighbour_count.end(), neighbours.begin(),
                   [](std::size_t n) { return static_cast<std::int64_t>(n); });
    out["bin"] = to_numpy(bins);
    out["neighbours"] = to_numpy(neighbours);
    return out;
}

}  // namespace

void bind_hotspot(py::module_& m) {
    using namespace pybind11::literals;
    m.attr("NOISE") = static_cast<int>(hotspot::PointRole::noise);
    m.attr("CORE") = static_cast<int>(hotspot::PointRole::core);
    m.attr("BORDER") = static_cast<int>(hotspot::PointRole::border);
    m.def("dbscan", &dbscan_py, dbscan_doc, "xy"_a, "eps"_a, "min_points"_a, "weights"_a = py::none(),
          "times"_a = py::none(), "time_window"_a = py::none());
    m.def("kde", &kde_py, kde_doc, "xy"_a, "radius"_a, "cell"_a, "kernel"_a = "quartic",
          "extent"_a = py::none(), "weights"_a = py::none(), "value"_a = "raw", "decay"_a = 0.0, "threads"_a = 0u);
    m.def("gistar", &gistar_py, gistar_doc, "xy"_a, "values"_a, "distance"_a = py::none(),
          "k"_a = py::none(), "weights"_a = "binary", "star"_a = true, "permutations"_a = 0, "seed"_a = 0u);
}

}  // namespace trygg::python
