#pragma once
// The one place where trygg's model types are made known to Boost.Geometry. Include this
// header (never the registration macros elsewhere) to use model::Point and model::Box directly
// in Boost.Geometry algorithms and in boost::geometry::index::rtree.
//
// model::Point and model::Box are registered as they are (no copies). Polygons are not: the
// model's Ring and LineString are the same type (std::vector<Point>), so registering one would
// make the other ambiguous. Polygon work converts once with to_boost() into the Boost model
// types below, which also repairs ring orientation and closure (GDAL sources give either).

#include "trygg/model/geometry.hpp"

#include <boost/geometry/core/cs.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/geometries/register/box.hpp>
#include <boost/geometry/geometries/register/point.hpp>

BOOST_GEOMETRY_REGISTER_POINT_2D(trygg::model::Point, double, boost::geometry::cs::cartesian, x, y)
BOOST_GEOMETRY_REGISTER_BOX_2D_4VALUES(trygg::model::Box, trygg::model::Point, min_x, min_y, max_x, max_y)

namespace trygg::index {

// Boost.Geometry defaults: clockwise outer rings, closed (first point repeated at the end).
using BoostBox = boost::geometry::model::box<model::Point>;
using BoostPolygon = boost::geometry::model::polygon<model::Point>;
using BoostMultiPolygon = boost::geometry::model::multi_polygon<BoostPolygon>;

// Copies the rings and corrects orientation and closure (boost::geometry::correct), so the
// result is usable by area, within/covered_by and the set operations whatever the source
// orientation was. Self-intersecting input stays invalid; it is the reader's job to reject it.
BoostMultiPolygon to_boost(const model::MultiPolygon& areas);

}  // namespace trygg::index
