#pragma once
// Plain geometry value types in a metric working CRS (metres). Algorithms take these and
// plain arrays; GDAL/GEOS conversions live in io/ and detail/ code only.

#include <variant>
#include <vector>

namespace trygg::model {

struct Point {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const Point&, const Point&) = default;
};

struct Box {
    double min_x = 0.0, min_y = 0.0, max_x = 0.0, max_y = 0.0;
};

using LineString = std::vector<Point>;
using MultiLineString = std::vector<LineString>;
using Ring = std::vector<Point>;  // closed: first point == last point

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};
using MultiPolygon = std::vector<Polygon>;

// What one feature's geometry can be after reading: a point (reports, lights, cameras, stops,
// point activities), lines (walkways) or polygons (buildings, areas, polygon activities).
// std::monostate means "no geometry" and only occurs on rejected features.
using Geometry = std::variant<std::monostate, Point, MultiLineString, MultiPolygon>;

}  // namespace trygg::model
