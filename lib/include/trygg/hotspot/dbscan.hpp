#pragma once
// DBSCAN (Ester, Kriegel, Sander & Xu 1996) and its space-time variant ST-DBSCAN (Birant &
// Kut 2007) over points in a metric CRS, exact, with the conventions of scikit-learn:
//   - q is a neighbour of p when squared_distance(p, q) <= eps^2 (trygg::index::squared_distance:
//     dx*dx + dy*dy), and, with a time window, also |t_p - t_q| <= time_window;
//   - p is a core point when the summed weight of its neighbours, p itself included, is
//     >= min_points (every weight is 1 without weights);
//   - clusters are the connected components of core points under the neighbour relation; a
//     non-core point with at least one core neighbour is a border point, any other is noise.
//
// Algorithm: the exact grid algorithm of Gan & Tao ("DBSCAN Revisited", SIGMOD 2015). Cells
// have side just under eps/sqrt(2), so any two points of a cell are neighbours in space; a
// point's neighbours lie in the 5x5 block of cells around it (Gan & Tao's 21 cells plus the four
// corners, kept because of rounding at exactly eps; the corners are dropped by a bounding-box
// test in O(1)). A cell whose points lie wholly within eps of p (or wholly beyond) is counted
// (or skipped) at once from per-cell prefix sums, so a dense cell costs O(1) per point; only
// cells cut by the circle are scanned point by point, stopping as soon as p is known to be core.
// Core points are joined in a union-find: all cores of a cell at once (without a time window),
// then between neighbouring cells, stopping at the first core-core pair found for every
// component already joined. Cost: O(n log n) for the sort by cell, then O(n) cell look-ups; the
// point-by-point scans of cells cut by eps circles add work proportional to those cells' sizes.
// No neighbour lists are stored; extra memory is O(n).
//
// With a time window, points of a cell are kept sorted by time, and every count and connection
// looks only at the time window of each cell (binary search); cores of a cell are joined only
// along runs whose consecutive times are <= time_window apart, which is exactly the neighbour
// relation inside a cell. Both the core test and the connection test are therefore exact.
//
// Weighted counts are sums of doubles: exact for integer (or dyadic) weights; with arbitrary
// fractional weights a count that equals min_points only up to rounding may fall either side.
//
// Deterministic, and independent of the order of the input (labels follow the points):
//   - Border points: a border point that is a neighbour of cores of several clusters joins the
//     cluster of its nearest core neighbour (smallest squared distance); ties go to the core with
//     the smallest (x, y, then time). This differs from scikit-learn, which gives such a point to
//     whichever cluster reaches it first in processing order; core points and noise are the
//     same as scikit-learn's, border points may be labelled differently.
//   - Numbering: clusters are numbered 0..cluster_count-1 by decreasing number of points (cores
//     and borders; not weights); ties go first to the cluster whose smallest core point, ordered
//     by (x, y, then time), is smallest. (Two clusters cannot share that point: equal points
//     with equal times are neighbours.) The border rule does not use the numbering, so the
//     numbering can follow from the sizes without a circle.

#include "trygg/model/geometry.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace trygg::hotspot {

enum class PointRole : std::uint8_t { noise, core, border };

struct DbscanParams {
    // Neighbourhood radius in metres; a point at distance exactly eps is a neighbour.
    double eps = 0.0;
    // A point is core when the (weighted) count of its eps-neighbourhood, itself included, is
    // >= min_points. Need not be an integer (useful with weights).
    double min_points = 5.0;
    // Optional weight per point (empty: every point weighs 1), like scikit-learn's sample_weight.
    // Must be finite and >= 0.
    std::span<const double> weights;
    // Optional time per point in seconds; used only together with time_window (ST-DBSCAN), and
    // ignored without it.
    std::span<const std::int64_t> times;
    // Neighbours must also satisfy |t_p - t_q| <= time_window (seconds, >= 0).
    std::optional<std::int64_t> time_window;
    // Called with the fraction done in [0, 1], non-decreasing, about every 1% and once with
    // 1.0 at the end; the caller draws the bar. Exceptions thrown by it propagate.
    std::function<void(double)> progress;
};

struct DbscanResult {
    std::vector<std::int32_t> labels;  // per input point: -1 noise, else cluster 0..cluster_count-1
    std::vector<PointRole> roles;      // per input point
    std::int32_t cluster_count = 0;
};

// Clusters the points (coordinates in metres). Throws trygg::UsageError for invalid parameters:
// eps <= 0 or not finite, min_points <= 0 or not finite, weights or times whose size differs
// from the number of points, a negative or non-finite weight, a negative time window, a time
// window without times, a point with a non-finite coordinate, more than 2^31-1 points, or eps so
// small against the extent or magnitude of the coordinates that the grid cannot represent it.
DbscanResult dbscan(std::span<const model::Point> points, const DbscanParams& params);

}  // namespace trygg::hotspot
