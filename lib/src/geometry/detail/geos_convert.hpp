#pragma once
// Model geometries to GEOS and back (lib/include/trygg/model/geometry.hpp). Coordinates are
// copied as they are (metres in the working CRS); GEOS results of any type are read back by
// collecting their polygonal or linear parts.

#include <vector>

#include "geometry/detail/geos_context.hpp"
#include "trygg/model/geometry.hpp"

namespace trygg::geometry::detail {

GeomPtr to_geos(const GeosContext& ctx, const model::Point& p);
GeomPtr to_geos(const GeosContext& ctx, const model::LineString& line);
GeomPtr to_geos(const GeosContext& ctx, const model::MultiLineString& lines);
GeomPtr to_geos(const GeosContext& ctx, const model::Polygon& polygon);
GeomPtr to_geos(const GeosContext& ctx, const model::MultiPolygon& polygons);
GeomPtr multipoint(const GeosContext& ctx, const std::vector<model::Point>& points);

// A collection of the given geometries (ownership moves into the result). `type` is one of
// GEOS_MULTIPOINT, GEOS_MULTILINESTRING, GEOS_MULTIPOLYGON, GEOS_GEOMETRYCOLLECTION.
GeomPtr collect(const GeosContext& ctx, int type, std::vector<GeomPtr> parts);

// The non-empty polygons of g (a polygon, multipolygon or any collection; other parts ignored).
model::MultiPolygon to_multipolygon(const GeosContext& ctx, const GEOSGeometry* g);
// The non-empty lines of g (a linestring, multilinestring or any collection; other parts ignored).
model::MultiLineString to_multilinestring(const GeosContext& ctx, const GEOSGeometry* g);

}  // namespace trygg::geometry::detail
