#pragma once
// Small planar segment computations shared by noding and snapping (metres, working CRS).

#include <algorithm>
#include <optional>
#include <utility>

#include "trygg/model/geometry.hpp"

namespace trygg::network::detail {

inline double squared_distance(const model::Point& a, const model::Point& b) {
    return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y);
}

// Parameter in [0, 1] of the point of segment a-b nearest to p.
inline double project(const model::Point& a, const model::Point& b, const model::Point& p) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    if (len2 == 0.0) return 0.0;
    return std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
}

inline model::Point point_at(const model::Point& a, const model::Point& b, double t) {
    return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
}

// Parameters (t on a-b, u on c-d) of the crossing of two non-parallel segments, when both lie
// in [0, 1]; nullopt for parallel or non-crossing segments.
inline std::optional<std::pair<double, double>> crossing(const model::Point& a, const model::Point& b,
                                                         const model::Point& c, const model::Point& d) {
    const double rx = b.x - a.x, ry = b.y - a.y, sx = d.x - c.x, sy = d.y - c.y;
    const double denom = rx * sy - ry * sx;
    if (denom == 0.0) return std::nullopt;
    const double t = ((c.x - a.x) * sy - (c.y - a.y) * sx) / denom;
    const double u = ((c.x - a.x) * ry - (c.y - a.y) * rx) / denom;
    if (t < 0.0 || t > 1.0 || u < 0.0 || u > 1.0) return std::nullopt;
    return std::pair{t, u};
}

}  // namespace trygg::network::detail
