#include "trygg/network/walking_area.hpp"

#include <vector>

#include "network/detail/corridor_union.hpp"
#include "trygg/network/snapping.hpp"

namespace trygg::network {

model::MultiPolygon walking_area(const WalkGraph& graph, std::span<const EdgePiece> pieces,
                                 const WalkingAreaOptions& options, const model::MultiLineString& extra) {
    if (!(options.buffer_m > 0.0)) return {};
    std::vector<detail::Segment> segments;
    auto add = [&segments](const model::LineString& line) {
        for (std::size_t k = 1; k < line.size(); ++k) segments.push_back({line[k - 1], line[k]});
    };
    for (const EdgePiece& p : pieces) {
        const WalkEdge& e = graph.edge(p.edge);
        // Most pieces are whole edges (the search reports them as [0, length]): their geometry as
        // it is, without cutting a copy.
        if (p.from_m <= 0.0 && p.to_m >= e.length_m) add(e.geometry);
        else add(edge_piece(e, p.from_m, p.to_m));
    }
    for (const auto& line : extra) add(line);
    detail::CorridorGrid grid;
    grid.spacing_m = options.grid_m;
    return detail::trace_corridor_union(segments, options.buffer_m, grid);
}

}  // namespace trygg::network
