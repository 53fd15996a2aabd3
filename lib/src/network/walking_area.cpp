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
    for (const EdgePiece& p : pieces) add(edge_piece(graph.edge(p.edge), p.from_m, p.to_m));
    for (const auto& line : extra) add(line);
    detail::CorridorGrid grid;
    grid.spacing_m = options.grid_m;
    return detail::trace_corridor_union(segments, options.buffer_m, grid);
}

}  // namespace trygg::network
