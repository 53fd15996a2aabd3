#include "trygg/network/snapping.hpp"

#include "network/detail/segment_math.hpp"
#include "trygg/index/boost_geometry.hpp"

// The umbrella header: the rtree predicates need strategies from all over Boost.Geometry.
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

namespace trygg::network {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using detail::point_at;
using detail::project;
using detail::squared_distance;

namespace {

using Entry = std::pair<model::Box, std::uint64_t>;  // segment box, (edge << 32) | segment

model::Box padded_box(double min_x, double min_y, double max_x, double max_y, double pad) {
    // A little more than the pad, so points exactly at the limit are not lost to rounding.
    const double slack = pad * 1e-9 + 1e-9 * std::max({std::abs(min_x), std::abs(max_x), std::abs(min_y), std::abs(max_y)});
    return {min_x - pad - slack, min_y - pad - slack, max_x + pad + slack, max_y + pad + slack};
}

// Ordering of candidates: distance, then edge, then segment (deterministic ties).
struct Best {
    double d2 = std::numeric_limits<double>::infinity();
    std::uint64_t key = 0;
    double t = 0.0;
    model::Point at;
    void offer(double candidate_d2, std::uint64_t candidate_key, double candidate_t, const model::Point& point) {
        if (std::tie(candidate_d2, candidate_key) < std::tie(d2, key)) {
            d2 = candidate_d2;
            key = candidate_key;
            t = candidate_t;
            at = point;
        }
    }
};

}  // namespace

struct EdgeSnapper::Impl {
    const WalkGraph* graph = nullptr;
    std::vector<std::size_t> first_segment;  // per edge, into segment_start; edge_count() + 1 entries
    std::vector<double> segment_start;        // offset of each segment's start along its edge
    bgi::rtree<Entry, bgi::rstar<16>> tree;

    const model::Point& a(std::uint64_t key) const { return graph->edge(edge_of(key)).geometry[segment_of(key)]; }
    const model::Point& b(std::uint64_t key) const { return graph->edge(edge_of(key)).geometry[segment_of(key) + 1]; }
    static EdgeId edge_of(std::uint64_t key) { return static_cast<EdgeId>(key >> 32); }
    static std::uint32_t segment_of(std::uint64_t key) { return static_cast<std::uint32_t>(key & 0xFFFFFFFFu); }

    double offset(std::uint64_t key, double t) const {
        const EdgeId e = edge_of(key);
        const std::uint32_t s = segment_of(key);
        const double len = std::sqrt(squared_distance(a(key), b(key)));
        return std::min(segment_start[first_segment[e] + s] + t * len, graph->edge(e).length_m);
    }

    template <class Visit>
    void candidates(const model::Box& box, Visit&& visit) const {
        std::vector<std::uint64_t> keys;
        for (auto it = tree.qbegin(bgi::intersects(box)); it != tree.qend(); ++it) keys.push_back(it->second);
        std::sort(keys.begin(), keys.end());  // independent of the tree's order
        for (std::uint64_t key : keys) visit(key);
    }

    Snap make_snap(const Best& best) const {
        Snap s;
        s.position = {edge_of(best.key), offset(best.key, best.t)};
        s.on_network = best.at;
        s.distance_m = std::sqrt(best.d2);
        return s;
    }
};

EdgeSnapper::EdgeSnapper(const WalkGraph& graph) : impl_(std::make_unique<Impl>()) {
    impl_->graph = &graph;
    impl_->first_segment.reserve(graph.edge_count() + 1);
    std::vector<Entry> entries;
    for (std::size_t e = 0; e < graph.edge_count(); ++e) {
        const auto& g = graph.edge(static_cast<EdgeId>(e)).geometry;
        impl_->first_segment.push_back(impl_->segment_start.size());
        double along = 0.0;
        for (std::size_t s = 0; s + 1 < g.size(); ++s) {
            impl_->segment_start.push_back(along);
            along += std::sqrt(squared_distance(g[s], g[s + 1]));
            entries.emplace_back(model::Box{std::min(g[s].x, g[s + 1].x), std::min(g[s].y, g[s + 1].y),
                                            std::max(g[s].x, g[s + 1].x), std::max(g[s].y, g[s + 1].y)},
                                 (static_cast<std::uint64_t>(e) << 32) | s);
        }
    }
    impl_->first_segment.push_back(impl_->segment_start.size());
    impl_->tree = bgi::rtree<Entry, bgi::rstar<16>>(entries.begin(), entries.end());
}

EdgeSnapper::~EdgeSnapper() = default;
EdgeSnapper::EdgeSnapper(EdgeSnapper&&) noexcept = default;
EdgeSnapper& EdgeSnapper::operator=(EdgeSnapper&&) noexcept = default;

std::optional<Snap> EdgeSnapper::snap(const model::Point& point, double max_distance_m) const {
    if (!std::isfinite(point.x) || !std::isfinite(point.y) || !(max_distance_m >= 0.0)) return std::nullopt;
    Best best;
    impl_->candidates(padded_box(point.x, point.y, point.x, point.y, max_distance_m), [&](std::uint64_t key) {
        const model::Point& a = impl_->a(key);
        const model::Point& b = impl_->b(key);
        const double t = project(a, b, point);
        const model::Point q = point_at(a, b, t);
        best.offer(squared_distance(point, q), key, t, q);
    });
    if (!(best.d2 <= max_distance_m * max_distance_m)) return std::nullopt;
    return impl_->make_snap(best);
}

std::vector<Snap> EdgeSnapper::snap_area(const model::MultiPolygon& area, double max_distance_m) const {
    std::vector<Snap> out;
    double min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
    std::vector<const model::Ring*> rings;
    for (const auto& polygon : area) {
        for (const auto& p : polygon.outer) {
            min_x = std::min(min_x, p.x);
            min_y = std::min(min_y, p.y);
            max_x = std::max(max_x, p.x);
            max_y = std::max(max_y, p.y);
        }
        rings.push_back(&polygon.outer);
        for (const auto& hole : polygon.holes) rings.push_back(&hole);
    }
    if (!(min_x <= max_x) || !(max_distance_m >= 0.0)) return out;
    const index::BoostMultiPolygon shape = index::to_boost(area);
    const WalkGraph& graph = *impl_->graph;

    std::vector<std::uint64_t> keys;
    impl_->candidates(padded_box(min_x, min_y, max_x, max_y, max_distance_m), [&](std::uint64_t key) { keys.push_back(key); });

    // Crossings of the boundary, and edge ends inside the area.
    for (std::uint64_t key : keys) {
        const model::Point& a = impl_->a(key);
        const model::Point& b = impl_->b(key);
        const EdgeId e = Impl::edge_of(key);
        const WalkEdge& edge = graph.edge(e);
        for (const model::Ring* ring : rings)
            for (std::size_t i = 0; i + 1 < ring->size(); ++i)
                if (const auto cross = detail::crossing(a, b, (*ring)[i], (*ring)[i + 1]))
                    out.push_back({{e, impl_->offset(key, cross->first)}, point_at(a, b, cross->first), 0.0});
        const std::uint32_t s = Impl::segment_of(key);
        if (s == 0 && bg::covered_by(a, shape)) out.push_back({{e, 0.0}, a, 0.0});
        if (s + 2 == edge.geometry.size() && bg::covered_by(b, shape)) out.push_back({{e, edge.length_m}, b, 0.0});
    }
    if (!out.empty()) {
        std::sort(out.begin(), out.end(), [](const Snap& x, const Snap& y) {
            return std::tie(x.position.edge, x.position.offset_m) < std::tie(y.position.edge, y.position.offset_m);
        });
        out.erase(std::unique(out.begin(), out.end(),
                              [](const Snap& x, const Snap& y) {
                                  return x.position.edge == y.position.edge && x.position.offset_m == y.position.offset_m;
                              }),
                  out.end());
        return out;
    }

    // No walkway meets the area: the walkway point nearest to its boundary. Two segments that do
    // not cross are nearest at an end of one of them.
    Best best;
    for (std::uint64_t key : keys) {
        const model::Point& a = impl_->a(key);
        const model::Point& b = impl_->b(key);
        for (const model::Ring* ring : rings)
            for (std::size_t i = 0; i + 1 < ring->size(); ++i) {
                const model::Point& c = (*ring)[i];
                const model::Point& d = (*ring)[i + 1];
                for (const model::Point* end : {&a, &b}) {
                    const model::Point q = point_at(c, d, project(c, d, *end));
                    best.offer(squared_distance(*end, q), key, end == &a ? 0.0 : 1.0, *end);
                }
                for (const model::Point* corner : {&c, &d}) {
                    const double t = project(a, b, *corner);
                    const model::Point q = point_at(a, b, t);
                    best.offer(squared_distance(*corner, q), key, t, q);
                }
            }
    }
    if (best.d2 <= max_distance_m * max_distance_m) out.push_back(impl_->make_snap(best));
    return out;
}

model::Point point_on_edge(const WalkEdge& edge, double offset_m) {
    const auto& g = edge.geometry;
    double along = 0.0;
    for (std::size_t i = 0; i + 1 < g.size(); ++i) {
        const double len = std::sqrt(squared_distance(g[i], g[i + 1]));
        if (offset_m <= along + len && len > 0.0) return point_at(g[i], g[i + 1], std::clamp((offset_m - along) / len, 0.0, 1.0));
        along += len;
    }
    return offset_m <= 0.0 ? g.front() : g.back();
}

model::LineString edge_piece(const WalkEdge& edge, double from_m, double to_m) {
    const auto& g = edge.geometry;
    from_m = std::clamp(from_m, 0.0, edge.length_m);
    to_m = std::clamp(to_m, from_m, edge.length_m);
    model::LineString out;
    out.push_back(point_on_edge(edge, from_m));
    double along = 0.0;
    for (std::size_t i = 0; i + 1 < g.size(); ++i) {
        along += std::sqrt(squared_distance(g[i], g[i + 1]));
        // Interior vertices strictly between the two offsets.
        if (i + 2 < g.size() && along > from_m && along < to_m && !(out.back() == g[i + 1])) out.push_back(g[i + 1]);
    }
    const model::Point end = point_on_edge(edge, to_m);
    if (!(out.back() == end) || out.size() == 1) out.push_back(end);
    return out;
}

}  // namespace trygg::network
