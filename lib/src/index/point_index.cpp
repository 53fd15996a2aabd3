#include "trygg/index/point_index.hpp"

#include "trygg/error.hpp"
#include "trygg/index/boost_geometry.hpp"

// The umbrella header: the rtree predicates need strategies from all over Boost.Geometry.
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace trygg::index {

namespace bgi = boost::geometry::index;

namespace {

using Entry = std::pair<model::Point, std::size_t>;

double squared_distance(const model::Point& a, const model::Point& b) {
    const double dx = a.x - b.x;
    const double dy = a.y - b.y;
    return dx * dx + dy * dy;
}

// The box query is only a filter before the exact squared-distance test; widening it by a few
// ulps keeps points exactly on the band edge from being lost to rounding in centre +- radius.
BoostBox query_box(const model::Point& centre, double radius) {
    const double pad = radius * (1.0 + 1e-12) + 4.0 * std::numeric_limits<double>::min();
    const double slack_x = std::abs(centre.x) * 4.0 * std::numeric_limits<double>::epsilon();
    const double slack_y = std::abs(centre.y) * 4.0 * std::numeric_limits<double>::epsilon();
    return BoostBox(model::Point{centre.x - pad - slack_x, centre.y - pad - slack_y},
                    model::Point{centre.x + pad + slack_x, centre.y + pad + slack_y});
}

}  // namespace

struct PointIndex::Impl {
    std::vector<model::Point> points;
    bgi::rtree<Entry, bgi::rstar<16>> tree;

    // All entries with squared distance <= limit from centre, as (squared distance, index).
    void within_squared(const model::Point& centre, double limit,
                        std::vector<std::pair<double, std::size_t>>& out) const {
        out.clear();
        const double radius = std::sqrt(limit);
        for (auto it = tree.qbegin(bgi::intersects(query_box(centre, radius))); it != tree.qend(); ++it) {
            const double d2 = squared_distance(centre, it->first);
            if (d2 <= limit) out.emplace_back(d2, it->second);
        }
    }
};

namespace {

std::vector<Entry> make_entries(std::span<const model::Point> points) {
    std::vector<Entry> entries;
    entries.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!std::isfinite(points[i].x) || !std::isfinite(points[i].y)) {
            throw DataError("point " + std::to_string(i) + " has a non-finite coordinate");
        }
        entries.emplace_back(points[i], i);
    }
    return entries;
}

}  // namespace

PointIndex::PointIndex(std::span<const model::Point> points)
    // The range constructor uses bulk loading (packing), which gives a better tree than
    // inserting one by one and runs in O(n log n).
    : impl_(std::make_unique<Impl>(Impl{std::vector<model::Point>(points.begin(), points.end()),
                                        bgi::rtree<Entry, bgi::rstar<16>>(make_entries(points))})) {}

PointIndex::~PointIndex() = default;
PointIndex::PointIndex(PointIndex&&) noexcept = default;
PointIndex& PointIndex::operator=(PointIndex&&) noexcept = default;

std::size_t PointIndex::size() const noexcept { return impl_->points.size(); }

const model::Point& PointIndex::point(std::size_t i) const { return impl_->points.at(i); }

void PointIndex::within_distance(const model::Point& centre, double radius,
                                 std::vector<std::size_t>& out) const {
    out.clear();
    if (!(radius >= 0.0)) return;  // negative or NaN radius: nothing is that close
    const double limit = radius * radius;
    for (auto it = impl_->tree.qbegin(bgi::intersects(query_box(centre, radius)));
         it != impl_->tree.qend(); ++it) {
        if (squared_distance(centre, it->first) <= limit) out.push_back(it->second);
    }
    std::sort(out.begin(), out.end());
}

void PointIndex::nearest_others(std::size_t i, std::size_t k, std::vector<std::size_t>& out) const {
    out.clear();
    const std::size_t n = size();
    if (i >= n) throw UsageError("point index " + std::to_string(i) + " out of range");
    k = std::min(k, n - 1);
    if (k == 0) return;
    const model::Point& centre = impl_->points[i];

    // Step 1: the (k+1) nearest of all points (the point itself is at distance 0, so this set
    // reaches exactly as far as the k-th nearest other point). The rtree's choice among ties is
    // arbitrary, so only the distance it reaches is used...
    double reach = 0.0;
    for (auto it = impl_->tree.qbegin(bgi::nearest(centre, static_cast<unsigned>(k + 1)));
         it != impl_->tree.qend(); ++it) {
        reach = std::max(reach, squared_distance(centre, it->first));
    }
    // Step 2: ...and every point within that reach is collected and ordered by (distance,
    // index), which makes the tie rule explicit: lowest index first.
    std::vector<std::pair<double, std::size_t>> candidates;
    impl_->within_squared(centre, reach, candidates);
    std::sort(candidates.begin(), candidates.end());
    for (const auto& [d2, j] : candidates) {
        if (j == i) continue;
        out.push_back(j);
        if (out.size() == k) break;
    }
}

std::optional<double> PointIndex::nearest_other_distance(std::size_t i) const {
    const std::size_t n = size();
    if (i >= n) throw UsageError("point index " + std::to_string(i) + " out of range");
    if (n < 2) return std::nullopt;
    const model::Point& centre = impl_->points[i];
    // Two nearest: normally the point itself and its neighbour; with coincident points both may
    // be others at distance 0, which is the right answer too.
    double best = std::numeric_limits<double>::infinity();
    for (auto it = impl_->tree.qbegin(bgi::nearest(centre, 2u)); it != impl_->tree.qend(); ++it) {
        if (it->second == i) continue;
        best = std::min(best, squared_distance(centre, it->first));
    }
    return std::sqrt(best);
}

}  // namespace trygg::index
