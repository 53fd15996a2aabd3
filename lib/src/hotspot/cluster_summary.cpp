#include "trygg/hotspot/cluster_summary.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <utility>

#include "geometry/detail/geos_context.hpp"
#include "geometry/detail/geos_convert.hpp"
#include "trygg/error.hpp"

namespace trygg::hotspot {

namespace {

using geometry::detail::GeomPtr;
using geometry::detail::GeosContext;
using geometry::detail::multipoint;
using geometry::detail::own;
using geometry::detail::to_multipolygon;

// The hull of the points grown by the margin; its area.
std::pair<model::MultiPolygon, double> hull_of(const GeosContext& ctx, const std::vector<model::Point>& pts,
                                               const ClusterSummaryParams& params) {
    GEOSContextHandle_t h = ctx.get();
    GeomPtr points = multipoint(ctx, pts);
    GeomPtr hull = params.hull == HullShape::concave
                       ? own(ctx, GEOSConcaveHull_r(h, points.get(), params.concave_ratio, 0), "concave hull failed")
                       : own(ctx, GEOSConvexHull_r(h, points.get()), "convex hull failed");
    const int type = GEOSGeomTypeId_r(h, hull.get());
    const bool polygonal = (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) && !GEOSisEmpty_r(h, hull.get());
    double area = 0.0;
    if (polygonal && !GEOSArea_r(h, hull.get(), &area)) ctx.fail("cannot compute an area");
    // A hull without area (collinear or equal points) is grown by at least 1 m.
    const double distance = (polygonal && area > 0.0) ? params.margin : std::max(params.margin, 1.0);
    if (distance > 0.0) {
        hull = own(ctx, GEOSBuffer_r(h, hull.get(), distance, 8), "buffer failed");
        if (!GEOSArea_r(h, hull.get(), &area)) ctx.fail("cannot compute an area");
    }
    return {to_multipolygon(ctx, hull.get()), area};
}

}  // namespace

std::vector<ClusterSummary> summarise_clusters(std::span<const model::Point> points, const DbscanResult& result,
                                               std::span<const std::string> categories,
                                               std::span<const double> weights,
                                               std::span<const std::optional<model::TimePoint>> times,
                                               const ClusterSummaryParams& params) {
    const std::size_t n = points.size();
    if (result.labels.size() != n || result.roles.size() != n)
        throw UsageError("cluster summary: the clustering has " + std::to_string(result.labels.size()) +
                         " labels for " + std::to_string(n) + " points");
    if (!categories.empty() && categories.size() != n)
        throw UsageError("cluster summary: categories and points differ in number");
    if (!weights.empty() && weights.size() != n)
        throw UsageError("cluster summary: weights and points differ in number");
    if (!times.empty() && times.size() != n) throw UsageError("cluster summary: times and points differ in number");
    if (!(params.margin >= 0.0) || !std::isfinite(params.margin))
        throw UsageError("margin must be a finite number >= 0 metres");
    if (!(params.concave_ratio >= 0.0 && params.concave_ratio <= 1.0))
        throw UsageError("concave ratio must lie in [0, 1]");
    if (result.cluster_count < 0) throw UsageError("cluster summary: negative cluster count");

    const auto k = static_cast<std::size_t>(result.cluster_count);
    std::vector<std::vector<std::size_t>> members(k);
    for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t label = result.labels[i];
        if (label < -1 || label >= result.cluster_count)
            throw UsageError("cluster summary: label " + std::to_string(label) + " out of range");
        if (label >= 0) members[static_cast<std::size_t>(label)].push_back(i);
    }

    GeosContext ctx;
    std::vector<ClusterSummary> out(k);
    for (std::size_t c = 0; c < k; ++c) {
        ClusterSummary& s = out[c];
        s.id = static_cast<std::int32_t>(c) + 1;
        s.reports = members[c].size();
        std::vector<model::Point> pts;
        pts.reserve(members[c].size());
        for (std::size_t i : members[c]) {
            if (result.roles[i] == PointRole::core) ++s.core;
            else ++s.border;
            const std::string& cat = categories.empty() || categories[i].empty() ? std::string(no_category)
                                                                                   : categories[i];
            ++s.categories[cat];
            s.total_weight += weights.empty() ? 1.0 : weights[i];
            if (!times.empty() && times[i]) {
                if (!s.first_time || *times[i] < *s.first_time) s.first_time = times[i];
                if (!s.last_time || *times[i] > *s.last_time) s.last_time = times[i];
            }
            pts.push_back(points[i]);
        }
        if (pts.empty()) throw UsageError("cluster summary: cluster " + std::to_string(s.id) + " has no points");
        // Sorted first, so the sums (and the hull) do not depend on the order of the input.
        std::sort(pts.begin(), pts.end(),
                  [](const model::Point& a, const model::Point& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
        // Mean of the offsets from the first point: no precision lost to large projected
        // coordinates.
        double dx = 0.0, dy = 0.0;
        for (const auto& p : pts) {
            dx += p.x - pts.front().x;
            dy += p.y - pts.front().y;
        }
        const auto count = static_cast<double>(pts.size());
        s.centroid = {pts.front().x + dx / count, pts.front().y + dy / count};
        pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
        auto [hull, area] = hull_of(ctx, pts, params);
        s.hull = std::move(hull);
        s.area_m2 = area;
        s.density_per_ha = area > 0.0 ? static_cast<double>(s.reports) / (area / 10000.0) : 0.0;
    }
    return out;
}

std::string describe_categories(const std::map<std::string, std::size_t>& counts) {
    std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    for (const auto& [name, count] : sorted) out += (out.empty() ? "" : ", ") + name + " " + std::to_string(count);
    return out;
}

}  // namespace trygg::hotspot
