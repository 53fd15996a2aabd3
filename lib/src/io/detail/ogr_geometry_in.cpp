#include "io/detail/ogr_geometry_in.hpp"

#include <cmath>
#include <memory>
#include <string>

namespace trygg::io::detail {

namespace {

using model::RejectReason;

struct Check {
    bool geographic;
    std::optional<RejectReason> problem;
    std::string detail;

    // Non-finite coordinates are never usable; in a geographic CRS longitudes beyond +-180 and
    // latitudes beyond +-90 are out of range (a common sign of swapped or projected columns).
    void point(double x, double y) {
        if (problem) return;
        if (!std::isfinite(x) || !std::isfinite(y)) {
            problem = RejectReason::non_finite;
            detail = "coordinate is not a finite number";
        } else if (geographic && (std::abs(x) > 180.0 || std::abs(y) > 90.0)) {
            problem = RejectReason::out_of_range;
            detail = "lon/lat (" + std::to_string(x) + ", " + std::to_string(y) + ") is out of range";
        }
    }
};

model::LineString read_line(const OGRLineString& line, Check& check) {
    model::LineString out;
    out.reserve(static_cast<std::size_t>(line.getNumPoints()));
    for (int i = 0; i < line.getNumPoints(); ++i) {
        const double x = line.getX(i), y = line.getY(i);
        check.point(x, y);
        out.push_back({x, y});
    }
    return out;
}

model::Polygon read_polygon(const OGRPolygon& polygon, Check& check) {
    model::Polygon out;
    if (const OGRLinearRing* ring = polygon.getExteriorRing()) out.outer = read_line(*ring, check);
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i)
        out.holes.push_back(read_line(*polygon.getInteriorRing(i), check));
    if (!check.problem && out.outer.size() < 4) {
        check.problem = RejectReason::invalid_geometry;
        check.detail = "polygon ring has fewer than 4 points";
    }
    return out;
}

const char* class_name(model::GeometryClass c) {
    switch (c) {
        case model::GeometryClass::point: return "a point";
        case model::GeometryClass::line: return "a line";
        case model::GeometryClass::polygon: return "a polygon";
        case model::GeometryClass::point_or_polygon: return "a point or polygon";
    }
    return "?";
}

}  // namespace

GeometryReading read_ogr_geometry(const OGRGeometry* geometry, model::GeometryClass expected,
                                  bool geographic) {
    GeometryReading out;
    if (geometry == nullptr || geometry->IsEmpty()) {
        out.problem = RejectReason::no_geometry;
        out.detail = geometry == nullptr ? "feature has no geometry" : "geometry is empty";
        return out;
    }
    // Curves (CircularString, CurvePolygon...) become straight segments; Z and M are dropped.
    std::unique_ptr<OGRGeometry> linear;
    if (geometry->hasCurveGeometry()) {
        linear.reset(geometry->getLinearGeometry());
        geometry = linear.get();
    }
    Check check{geographic, std::nullopt, {}};
    const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
    const bool want_point = expected == model::GeometryClass::point ||
                            expected == model::GeometryClass::point_or_polygon;
    const bool want_polygon = expected == model::GeometryClass::polygon ||
                              expected == model::GeometryClass::point_or_polygon;
    const bool want_line = expected == model::GeometryClass::line;

    if (want_point && type == wkbPoint) {
        const auto* p = geometry->toPoint();
        check.point(p->getX(), p->getY());
        out.geometry = model::Point{p->getX(), p->getY()};
    } else if (want_point && type == wkbMultiPoint && geometry->toMultiPoint()->getNumGeometries() == 1) {
        const auto* p = geometry->toMultiPoint()->getGeometryRef(0);
        check.point(p->getX(), p->getY());
        out.geometry = model::Point{p->getX(), p->getY()};
    } else if (want_line && type == wkbLineString) {
        model::MultiLineString lines{read_line(*geometry->toLineString(), check)};
        out.geometry = std::move(lines);
    } else if (want_line && type == wkbMultiLineString) {
        model::MultiLineString lines;
        for (const auto* part : *geometry->toMultiLineString()) lines.push_back(read_line(*part, check));
        out.geometry = std::move(lines);
    } else if (want_polygon && type == wkbPolygon) {
        out.geometry = model::MultiPolygon{read_polygon(*geometry->toPolygon(), check)};
    } else if (want_polygon && type == wkbMultiPolygon) {
        model::MultiPolygon polys;
        for (const auto* part : *geometry->toMultiPolygon()) polys.push_back(read_polygon(*part, check));
        out.geometry = std::move(polys);
    } else {
        out.problem = RejectReason::wrong_geometry_type;
        out.detail = std::string(OGRGeometryTypeToName(geometry->getGeometryType())) +
                     " where " + class_name(expected) + " was expected";
        return out;
    }
    if (!check.problem) {
        if (const auto* lines = std::get_if<model::MultiLineString>(&out.geometry)) {
            for (const auto& line : *lines)
                if (line.size() < 2) {
                    check.problem = model::RejectReason::invalid_geometry;
                    check.detail = "line has fewer than 2 points";
                }
        }
    }
    out.problem = check.problem;
    out.detail = check.detail;
    return out;
}

}  // namespace trygg::io::detail
