#pragma once
// The walking area of a stop: the network reachable within the limit (whole edges and the
// reached parts of partly reached ones), buffered by a walking corridor. Built from the network
// itself, so land the walker cannot get to (across a railway, the far bank of a river) is never
// included, unlike a contour of a distance grid.

#include <span>

#include "trygg/model/geometry.hpp"
#include "trygg/network/bounded_search.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::network {

struct WalkingAreaOptions {
    double buffer_m = 25.0;       // corridor half-width either side of the walkways
    int quadrant_segments = 4;    // GEOS arc approximation (segments per quarter circle)
};

// The union of the pieces' buffers (GEOS), plus `extra` lines (e.g. the walk from a stop to its
// walkway). Empty when there are no pieces. Throws DataError when GEOS fails.
model::MultiPolygon walking_area(const WalkGraph& graph, std::span<const EdgePiece> pieces,
                                 const WalkingAreaOptions& options = {},
                                 const model::MultiLineString& extra = {});

}  // namespace trygg::network
