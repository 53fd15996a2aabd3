#pragma once
// What a coordinator wants to know about each DBSCAN cluster (hotspot.hpp's dbscan result):
// how many reports, of which categories, their total weight, first and last time, where it is
// (centroid) and its outline (a hull polygon grown by a margin), its area and density.
//
// Hulls are computed with GEOS (C API, reentrant _r functions, one context per call):
//   - convex: the convex hull of the cluster's points (core and border);
//   - concave: GEOS's concave hull (GEOSConcaveHull_r, no holes) with `concave_ratio`, the
//     maximum edge length as a fraction of the longest and shortest edges of the Delaunay
//     triangulation (1 gives the convex hull, 0 the tightest hull);
// then buffered by `margin` metres (round corners, 8 segments per quarter circle). A cluster
// whose hull is not a polygon (all its points on one line, or all equal) is buffered by
// max(margin, 1 m), so every cluster gets a polygon with a positive area.
//
// Deterministic and independent of the order of the input: points are sorted by (x, y) before
// GEOS sees them.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "trygg/hotspot/dbscan.hpp"
#include "trygg/model/geometry.hpp"
#include "trygg/model/time.hpp"

namespace trygg::hotspot {

// The category key under which reports without a category are counted.
inline constexpr const char* no_category = "uncategorised";

enum class HullShape { convex, concave };

struct ClusterSummaryParams {
    HullShape hull = HullShape::convex;
    double concave_ratio = 0.3;  // in [0, 1]; only for HullShape::concave
    double margin = 5.0;         // metres, >= 0
};

struct ClusterSummary {
    std::int32_t id = 0;  // 1-based: dbscan's label + 1 (so the largest cluster is 1)
    std::size_t reports = 0;
    std::size_t core = 0;
    std::size_t border = 0;
    std::map<std::string, std::size_t> categories;  // per category (no_category for "")
    double total_weight = 0.0;                      // sum of the weights (count without weights)
    std::optional<model::TimePoint> first_time;     // earliest and latest time among the points
    std::optional<model::TimePoint> last_time;      // that have one
    model::Point centroid;                          // mean of the points' coordinates
    model::MultiPolygon hull;                       // hull grown by the margin
    double area_m2 = 0.0;                           // area of `hull`
    double density_per_ha = 0.0;                    // reports per hectare of `hull`
};

// One summary per cluster, in the order of the ids. `categories`, `weights` and `times` are
// per point like `points` and may each be empty (no categories: everything counts as
// no_category; no weights: every point weighs 1). Throws UsageError when a non-empty span's
// size differs from the number of points, when the result does not fit the points, for a
// margin < 0 or a concave_ratio outside [0, 1]; DataError when GEOS fails.
std::vector<ClusterSummary> summarise_clusters(std::span<const model::Point> points, const DbscanResult& result,
                                               std::span<const std::string> categories,
                                               std::span<const double> weights,
                                               std::span<const std::optional<model::TimePoint>> times,
                                               const ClusterSummaryParams& params);

// "graffiti 12, vandalism 3": largest count first, ties by name.
std::string describe_categories(const std::map<std::string, std::size_t>& counts);

}  // namespace trygg::hotspot
