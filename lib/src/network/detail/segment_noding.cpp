#include "network/detail/segment_noding.hpp"

#include "network/detail/segment_math.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace trygg::network::detail {

namespace {

struct SegmentRef {
    std::uint32_t line;
    std::uint32_t index;  // segment from points[index] to points[index + 1]
};

struct Insertion {
    double t;  // position along the segment, 0..1
    model::Point point;
};

}  // namespace

std::size_t add_intersection_vertices(std::vector<SourceLine>& lines, double tolerance) {
    std::vector<SegmentRef> segments;
    double min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY, total_length = 0.0;
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const auto& pts = lines[l].points;
        for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
            segments.push_back({static_cast<std::uint32_t>(l), static_cast<std::uint32_t>(i)});
            total_length += std::sqrt(squared_distance(pts[i], pts[i + 1]));
        }
        for (const auto& p : pts) {
            min_x = std::min(min_x, p.x);
            min_y = std::min(min_y, p.y);
            max_x = std::max(max_x, p.x);
            max_y = std::max(max_y, p.y);
        }
    }
    if (segments.size() < 2) return 0;

    // Cells about twice the mean segment length: a segment covers a few cells, a cell holds a
    // few segments.
    const double cell = std::max(2.0 * total_length / static_cast<double>(segments.size()), 1.0);
    const auto columns = static_cast<std::int64_t>(std::floor((max_x - min_x) / cell)) + 1;
    auto cell_of = [&](double v, double origin) { return static_cast<std::int64_t>(std::floor((v - origin) / cell)); };
    std::vector<std::pair<std::int64_t, std::uint32_t>> cell_segments;  // (cell, segment)
    for (std::size_t s = 0; s < segments.size(); ++s) {
        const auto& pts = lines[segments[s].line].points;
        const model::Point& a = pts[segments[s].index];
        const model::Point& b = pts[segments[s].index + 1];
        const auto x0 = cell_of(std::min(a.x, b.x) - tolerance, min_x), x1 = cell_of(std::max(a.x, b.x) + tolerance, min_x);
        const auto y0 = cell_of(std::min(a.y, b.y) - tolerance, min_y), y1 = cell_of(std::max(a.y, b.y) + tolerance, min_y);
        for (auto y = y0; y <= y1; ++y)
            for (auto x = x0; x <= x1; ++x) cell_segments.emplace_back(y * (columns + 2) + x, static_cast<std::uint32_t>(s));
    }
    std::sort(cell_segments.begin(), cell_segments.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (std::size_t begin = 0; begin < cell_segments.size();) {
        std::size_t end = begin;
        while (end < cell_segments.size() && cell_segments[end].first == cell_segments[begin].first) ++end;
        for (std::size_t i = begin; i < end; ++i)
            for (std::size_t j = i + 1; j < end; ++j) pairs.emplace_back(cell_segments[i].second, cell_segments[j].second);
        begin = end;
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

    const double tol2 = tolerance * tolerance;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<Insertion>> insertions;  // (line, segment)
    // Adds p to segment s when p lies in its interior (farther than the tolerance from both ends).
    auto insert_into = [&](const SegmentRef& s, const model::Point& p) {
        const auto& pts = lines[s.line].points;
        const model::Point& a = pts[s.index];
        const model::Point& b = pts[s.index + 1];
        if (squared_distance(p, a) <= tol2 || squared_distance(p, b) <= tol2) return;
        const double t = project(a, b, p);
        if (squared_distance(point_at(a, b, t), p) > tol2) return;
        insertions[{s.line, s.index}].push_back({t, p});
    };
    for (const auto& [i, j] : pairs) {
        const SegmentRef& s1 = segments[i];
        const SegmentRef& s2 = segments[j];
        if (s1.line == s2.line && (s1.index + 1 == s2.index || s2.index + 1 == s1.index)) continue;
        const auto& p1 = lines[s1.line].points;
        const auto& p2 = lines[s2.line].points;
        const model::Point a = p1[s1.index], b = p1[s1.index + 1], c = p2[s2.index], d = p2[s2.index + 1];
        // An end of one segment on the other's interior (T junctions, overlaps): the end itself
        // is inserted, so both lines then share that exact vertex.
        for (const model::Point& end : {c, d}) insert_into(s1, end);
        for (const model::Point& end : {a, b}) insert_into(s2, end);
        // A proper crossing of the two interiors.
        const auto cross = crossing(a, b, c, d);
        if (!cross) continue;
        const auto [t, u] = *cross;
        if (t <= 0.0 || t >= 1.0 || u <= 0.0 || u >= 1.0) continue;
        const model::Point x = point_at(a, b, t);
        if (squared_distance(x, a) <= tol2 || squared_distance(x, b) <= tol2 || squared_distance(x, c) <= tol2 ||
            squared_distance(x, d) <= tol2)
            continue;  // at an end: handled above
        insertions[{s1.line, s1.index}].push_back({t, x});
        insertions[{s2.line, s2.index}].push_back({u, x});
    }
    if (insertions.empty()) return 0;

    std::size_t added = 0;
    // Rebuild each affected line once, segment by segment (the map is ordered by line, segment).
    for (auto it = insertions.begin(); it != insertions.end();) {
        const std::uint32_t l = it->first.first;
        auto& pts = lines[l].points;
        model::LineString rebuilt;
        rebuilt.reserve(pts.size() + 4);
        for (std::size_t k = 0; k < pts.size(); ++k) {
            rebuilt.push_back(pts[k]);
            if (it != insertions.end() && it->first.first == l && it->first.second == k) {
                auto& list = it->second;
                std::sort(list.begin(), list.end(), [](const Insertion& x, const Insertion& y) {
                    return x.t < y.t || (x.t == y.t && (x.point.x < y.point.x || (x.point.x == y.point.x && x.point.y < y.point.y)));
                });
                for (const auto& ins : list)
                    if (!(rebuilt.back() == ins.point) && !(ins.point == pts[k + 1])) {
                        rebuilt.push_back(ins.point);
                        ++added;
                    }
                ++it;
            }
        }
        pts = std::move(rebuilt);
    }
    return added;
}

}  // namespace trygg::network::detail
