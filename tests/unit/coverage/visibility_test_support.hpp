#pragma once
// Helpers shared by the camera visibility tests: scenes in SWEREF 99 TM-sized coordinates, and
// an independent reference for "is this point seen" built on Boost.Geometry (never on GEOS,
// which the code under test uses).

#include "trygg/coverage/camera_view.hpp"
#include "trygg/index/boost_geometry.hpp"

#include <boost/geometry.hpp>

#include <cmath>
#include <numbers>
#include <optional>
#include <vector>

namespace trygg::test::visibility {

namespace bg = boost::geometry;

// Projected coordinates of the size SWEREF 99 TM gives, so the tests see the same rounding.
constexpr double kX0 = 569000.0;
constexpr double kY0 = 6608000.0;

inline model::Point at(double x, double y) { return {kX0 + x, kY0 + y}; }

inline model::Polygon rectangle(double x0, double y0, double x1, double y1) {
    return model::Polygon{{at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)}, {}};
}

inline coverage::CameraSpec camera(double x, double y, std::optional<double> heading, double fov, double range) {
    coverage::CameraSpec spec;
    spec.position = at(x, y);
    spec.heading_deg = heading;
    spec.fov_deg = fov;
    spec.range_m = range;
    return spec;
}

// Interior or boundary of the (possibly multi-part) polygon, by Boost.Geometry.
inline bool inside(const model::MultiPolygon& area, const model::Point& p) {
    return bg::covered_by(p, index::to_boost(area));
}

// Distance from p to the nearest ring of the area (its boundary).
inline double distance_to_boundary(const model::MultiPolygon& area, const model::Point& p) {
    bg::model::multi_linestring<bg::model::linestring<model::Point>> rings;
    for (const auto& polygon : area) {
        rings.emplace_back(polygon.outer.begin(), polygon.outer.end());
        for (const auto& hole : polygon.holes) rings.emplace_back(hole.begin(), hole.end());
    }
    return rings.empty() ? std::numeric_limits<double>::infinity() : bg::distance(p, rings);
}

// In the camera's exact sector (true circle, exact angles).
inline bool in_sector(const coverage::CameraSpec& spec, const model::Point& p) {
    const double dx = p.x - spec.position.x, dy = p.y - spec.position.y;
    if (std::hypot(dx, dy) > spec.range_m) return false;
    if (!spec.heading_deg || spec.fov_deg >= 360.0) return true;
    double off = std::atan2(dx, dy) * 180.0 / std::numbers::pi - *spec.heading_deg;
    off = std::fmod(std::fmod(off, 360.0) + 540.0, 360.0) - 180.0;
    return std::abs(off) <= spec.fov_deg / 2.0;
}

// The definition of "seen": in the sector, and the segment camera -> p meets no building's
// interior (DE-9IM: segment interior x polygon interior empty). Buildings whose box misses the
// segment's box are skipped.
struct Obstacles {
    std::vector<index::BoostMultiPolygon> polygons;
    std::vector<index::BoostBox> boxes;
    explicit Obstacles(const std::vector<model::MultiPolygon>& buildings) {
        for (const auto& b : buildings) {
            polygons.push_back(index::to_boost(b));
            boxes.push_back(bg::return_envelope<index::BoostBox>(polygons.back()));
        }
    }
    bool line_of_sight(const model::Point& from, const model::Point& to) const {
        const bg::model::linestring<model::Point> segment{from, to};
        const auto box = bg::return_envelope<index::BoostBox>(segment);
        for (std::size_t i = 0; i < polygons.size(); ++i) {
            if (bg::intersects(box, boxes[i]) && bg::relate(segment, polygons[i], bg::de9im::mask("T********"))) {
                return false;
            }
        }
        return true;
    }
    bool sees(const coverage::CameraSpec& spec, const model::Point& p) const {
        return in_sector(spec, p) && line_of_sight(spec.position, p);
    }
};

}  // namespace trygg::test::visibility
