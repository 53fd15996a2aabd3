#include "trygg/network/walking_area.hpp"

#include "geometry/detail/geos_convert.hpp"
#include "trygg/network/snapping.hpp"

namespace trygg::network {

model::MultiPolygon walking_area(const WalkGraph& graph, std::span<const EdgePiece> pieces,
                                 const WalkingAreaOptions& options, const model::MultiLineString& extra) {
    model::MultiLineString lines;
    lines.reserve(pieces.size() + extra.size());
    for (const EdgePiece& p : pieces) {
        model::LineString piece = edge_piece(graph.edge(p.edge), p.from_m, p.to_m);
        if (piece.size() == 2 && piece.front() == piece.back()) continue;  // a point: the buffer of a node suffices
        lines.push_back(std::move(piece));
    }
    for (const auto& line : extra)
        if (line.size() >= 2) lines.push_back(line);
    if (lines.empty() || !(options.buffer_m > 0.0)) return {};
    const geometry::detail::GeosContext ctx;
    const geometry::detail::GeomPtr geos_lines = geometry::detail::to_geos(ctx, lines);
    // Buffering the whole collection at once lets GEOS union the corridors as it goes.
    const geometry::detail::GeomPtr buffered = geometry::detail::own(
        ctx, GEOSBuffer_r(ctx.get(), geos_lines.get(), options.buffer_m, options.quadrant_segments), "buffer the walking area");
    return geometry::detail::to_multipolygon(ctx, buffered.get());
}

}  // namespace trygg::network
