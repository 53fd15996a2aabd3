#include "geometry/detail/geos_convert.hpp"

#include <utility>

namespace trygg::geometry::detail {

namespace {

GEOSCoordSequence* sequence(const GeosContext& ctx, const std::vector<model::Point>& pts) {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx.get(), static_cast<unsigned int>(pts.size()), 2);
    if (!seq) ctx.fail("cannot create a coordinate sequence");
    for (unsigned int i = 0; i < pts.size(); ++i) {
        if (!GEOSCoordSeq_setXY_r(ctx.get(), seq, i, pts[i].x, pts[i].y)) {
            GEOSCoordSeq_destroy_r(ctx.get(), seq);
            ctx.fail("cannot set a coordinate");
        }
    }
    return seq;
}

GEOSGeometry* linear_ring(const GeosContext& ctx, const model::Ring& ring) {
    GEOSGeometry* g = GEOSGeom_createLinearRing_r(ctx.get(), sequence(ctx, ring));
    if (!g) ctx.fail("cannot create a ring (fewer than 4 points, or not closed)");
    return g;
}

model::LineString to_points(const GeosContext& ctx, const GEOSGeometry* g) {
    GEOSContextHandle_t h = ctx.get();
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, g);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n)) ctx.fail("cannot read coordinates");
    model::LineString out;
    out.reserve(n);
    for (unsigned int i = 0; i < n; ++i) {
        double x = 0, y = 0;
        if (!GEOSCoordSeq_getXY_r(h, seq, i, &x, &y)) ctx.fail("cannot read a coordinate");
        out.push_back({x, y});
    }
    return out;
}

model::Polygon to_polygon(const GeosContext& ctx, const GEOSGeometry* poly) {
    GEOSContextHandle_t h = ctx.get();
    model::Polygon out;
    const GEOSGeometry* shell = GEOSGetExteriorRing_r(h, poly);
    if (!shell) ctx.fail("cannot read a polygon");
    out.outer = to_points(ctx, shell);
    const int holes = GEOSGetNumInteriorRings_r(h, poly);
    if (holes < 0) ctx.fail("cannot read a polygon");
    for (int i = 0; i < holes; ++i) out.holes.push_back(to_points(ctx, GEOSGetInteriorRingN_r(h, poly, i)));
    return out;
}

template <typename Visit>
void for_each_part(const GeosContext& ctx, const GEOSGeometry* g, const Visit& visit) {
    GEOSContextHandle_t h = ctx.get();
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_MULTIPOINT || type == GEOS_MULTILINESTRING || type == GEOS_MULTIPOLYGON ||
        type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i) for_each_part(ctx, GEOSGetGeometryN_r(h, g, i), visit);
        return;
    }
    if (!GEOSisEmpty_r(h, g)) visit(type, g);
}

}  // namespace

GeomPtr to_geos(const GeosContext& ctx, const model::Point& p) {
    return own(ctx, GEOSGeom_createPointFromXY_r(ctx.get(), p.x, p.y), "cannot create a point");
}

GeomPtr to_geos(const GeosContext& ctx, const model::LineString& line) {
    return own(ctx, GEOSGeom_createLineString_r(ctx.get(), sequence(ctx, line)),
               "cannot create a line (fewer than 2 points)");
}

GeomPtr to_geos(const GeosContext& ctx, const model::MultiLineString& lines) {
    std::vector<GeomPtr> parts;
    parts.reserve(lines.size());
    for (const auto& line : lines) parts.push_back(to_geos(ctx, line));
    return collect(ctx, GEOS_MULTILINESTRING, std::move(parts));
}

GeomPtr to_geos(const GeosContext& ctx, const model::Polygon& polygon) {
    GEOSContextHandle_t h = ctx.get();
    GeomPtr shell(linear_ring(ctx, polygon.outer), GeomDeleter{h});
    std::vector<GeomPtr> holes;
    holes.reserve(polygon.holes.size());
    for (const auto& hole : polygon.holes) holes.emplace_back(linear_ring(ctx, hole), GeomDeleter{h});
    std::vector<GEOSGeometry*> raw;
    raw.reserve(holes.size());
    for (auto& hole : holes) raw.push_back(hole.get());
    GEOSGeometry* g = GEOSGeom_createPolygon_r(h, shell.get(), raw.data(), static_cast<unsigned int>(raw.size()));
    if (!g) ctx.fail("cannot create a polygon");
    shell.release();  // owned by the polygon now
    for (auto& hole : holes) hole.release();
    return GeomPtr(g, GeomDeleter{h});
}

GeomPtr to_geos(const GeosContext& ctx, const model::MultiPolygon& polygons) {
    std::vector<GeomPtr> parts;
    parts.reserve(polygons.size());
    for (const auto& polygon : polygons) parts.push_back(to_geos(ctx, polygon));
    return collect(ctx, GEOS_MULTIPOLYGON, std::move(parts));
}

GeomPtr multipoint(const GeosContext& ctx, const std::vector<model::Point>& points) {
    std::vector<GeomPtr> parts;
    parts.reserve(points.size());
    for (const auto& p : points) parts.push_back(to_geos(ctx, p));
    return collect(ctx, GEOS_MULTIPOINT, std::move(parts));
}

GeomPtr collect(const GeosContext& ctx, int type, std::vector<GeomPtr> parts) {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& part : parts) raw.push_back(part.get());
    GEOSGeometry* g = GEOSGeom_createCollection_r(ctx.get(), type, raw.data(), static_cast<unsigned int>(raw.size()));
    if (!g) ctx.fail("cannot create a collection");
    for (auto& part : parts) part.release();  // owned by the collection now
    return GeomPtr(g, GeomDeleter{ctx.get()});
}

model::MultiPolygon to_multipolygon(const GeosContext& ctx, const GEOSGeometry* g) {
    model::MultiPolygon out;
    for_each_part(ctx, g, [&](int type, const GEOSGeometry* part) {
        if (type == GEOS_POLYGON) out.push_back(to_polygon(ctx, part));
    });
    return out;
}

model::MultiLineString to_multilinestring(const GeosContext& ctx, const GEOSGeometry* g) {
    model::MultiLineString out;
    for_each_part(ctx, g, [&](int type, const GEOSGeometry* part) {
        if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) out.push_back(to_points(ctx, part));
    });
    return out;
}

}  // namespace trygg::geometry::detail
