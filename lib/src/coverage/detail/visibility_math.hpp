#pragma once
// Small plane-geometry helpers shared by the camera visibility code (metres, working CRS).

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

#include "trygg/model/geometry.hpp"

namespace trygg::coverage::detail {

// (b - a) x (c - a): positive when c is on the left of the directed line a -> b.
inline double cross(const model::Point& a, const model::Point& b, const model::Point& c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

// Nearest point of segment [a, b] to p, and its squared distance.
inline std::pair<model::Point, double> nearest_on_segment(const model::Point& p, const model::Point& a,
                                                          const model::Point& b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    const double t = len2 > 0.0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    const model::Point q{a.x + t * dx, a.y + t * dy};
    return {q, (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)};
}

// Compass azimuth of the direction from `from` to `to`: radians clockwise from north, [0, 2 pi).
inline double azimuth(const model::Point& from, const model::Point& to) {
    const double a = std::atan2(to.x - from.x, to.y - from.y);
    return a < 0.0 ? a + 2.0 * std::numbers::pi : a;
}

// An angle folded into [0, 2 pi).
inline double wrap_angle(double a) {
    const double turn = 2.0 * std::numbers::pi;
    a = std::fmod(a, turn);
    return a < 0.0 ? a + turn : a;
}

}  // namespace trygg::coverage::detail
