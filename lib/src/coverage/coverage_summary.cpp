#include "trygg/coverage/coverage_summary.hpp"

#include <algorithm>
#include <utility>

#include <boost/geometry/index/rtree.hpp>

#include "geometry/detail/geos_context.hpp"
#include "geometry/detail/geos_convert.hpp"
#include "trygg/index/boost_geometry.hpp"

namespace trygg::coverage {

namespace bgi = boost::geometry::index;
using geometry::detail::GeomPtr;
using geometry::detail::GeosContext;
using geometry::detail::own;
using geometry::detail::to_geos;

namespace {

model::Box bounds(const model::LineString& line) {
    model::Box b{line.front().x, line.front().y, line.front().x, line.front().y};
    for (const auto& p : line) {
        b.min_x = std::min(b.min_x, p.x), b.min_y = std::min(b.min_y, p.y);
        b.max_x = std::max(b.max_x, p.x), b.max_y = std::max(b.max_y, p.y);
    }
    return b;
}

double geos_length(const GeosContext& ctx, const GEOSGeometry* g) {
    double length = 0.0;
    if (!GEOSLength_r(ctx.get(), g, &length)) ctx.fail("length");
    return length;
}

double geos_area(const GeosContext& ctx, const GEOSGeometry* g) {
    double area = 0.0;
    if (!GEOSArea_r(ctx.get(), g, &area)) ctx.fail("area");
    return area;
}

// A polygonal geometry made valid (self-touching rings from sources are common) so that the
// overlay does not fail on it.
GeomPtr valid_area(const GeosContext& ctx, const model::MultiPolygon& mp) {
    auto g = to_geos(ctx, mp);
    if (GEOSisValid_r(ctx.get(), g.get()) == 1) return g;
    return own(ctx, GEOSMakeValid_r(ctx.get(), g.get()), "make an area valid");
}

}  // namespace

std::vector<CoverageLengths> coverage_by_area(std::span<const model::MultiPolygon> areas,
                                              std::span<const WalkwayPiece> pieces) {
    using Entry = std::pair<model::Box, std::size_t>;
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < pieces.size(); ++i)
        if (pieces[i].line.size() >= 2) entries.push_back({bounds(pieces[i].line), i});
    const bgi::rtree<Entry, bgi::rstar<16>> tree(entries.begin(), entries.end());

    const GeosContext ctx;
    std::vector<CoverageLengths> result(areas.size());
    std::vector<std::size_t> near;
    for (std::size_t a = 0; a < areas.size(); ++a) {
        if (areas[a].empty()) continue;
        const auto area = valid_area(ctx, areas[a]);
        const auto prepared = geometry::detail::prepare(ctx, area.get());
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (!GEOSGeom_getXMin_r(ctx.get(), area.get(), &x0) || !GEOSGeom_getYMin_r(ctx.get(), area.get(), &y0) ||
            !GEOSGeom_getXMax_r(ctx.get(), area.get(), &x1) || !GEOSGeom_getYMax_r(ctx.get(), area.get(), &y1))
            continue;  // empty after repair
        near.clear();
        for (auto it = tree.qbegin(bgi::intersects(model::Box{x0, y0, x1, y1})); it != tree.qend(); ++it)
            near.push_back(it->second);
        std::sort(near.begin(), near.end());  // sums in piece order: deterministic
        for (const std::size_t i : near) {
            const auto& piece = pieces[i];
            const auto line = to_geos(ctx, piece.line);
            double inside = 0.0;
            if (GEOSPreparedContainsProperly_r(ctx.get(), prepared.get(), line.get()) == 1) {
                inside = piece.length_m();
            } else if (GEOSPreparedIntersects_r(ctx.get(), prepared.get(), line.get()) == 1) {
                const auto part = own(ctx, GEOSIntersection_r(ctx.get(), line.get(), area.get()), "clip a walkway piece");
                inside = geos_length(ctx, part.get());
            }
            if (inside <= 0.0) continue;
            WalkwayPiece share;
            share.from_m = 0.0;
            share.to_m = inside;
            share.lit = piece.lit;
            share.seen = piece.seen;
            result[a].add(share);
        }
    }
    return result;
}

std::vector<AreaShare> area_shares(std::span<const model::MultiPolygon> polygons, const model::MultiPolygon& lit,
                                   const model::MultiPolygon& seen) {
    const GeosContext ctx;
    const auto lit_g = valid_area(ctx, lit);
    const auto seen_g = valid_area(ctx, seen);
    std::vector<AreaShare> result(polygons.size());
    for (std::size_t i = 0; i < polygons.size(); ++i) {
        if (polygons[i].empty()) continue;
        const auto g = valid_area(ctx, polygons[i]);
        result[i].area_m2 = geos_area(ctx, g.get());
        if (!lit.empty()) {
            const auto part = own(ctx, GEOSIntersection_r(ctx.get(), g.get(), lit_g.get()), "intersect with the lit area");
            result[i].lit_m2 = geos_area(ctx, part.get());
        }
        if (!seen.empty()) {
            const auto part = own(ctx, GEOSIntersection_r(ctx.get(), g.get(), seen_g.get()), "intersect with the seen area");
            result[i].seen_m2 = geos_area(ctx, part.get());
        }
    }
    return result;
}

}  // namespace trygg::coverage
