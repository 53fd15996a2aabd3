#pragma once
// The walking area of a stop: the network reachable within the limit (whole edges and the
// reached parts of partly reached ones), buffered by a walking corridor. Built from the network
// itself, so land the walker cannot get to (across a railway, the far bank of a river) is never
// included, unlike a contour of a travel-time grid.
//
// How: the union of every reached segment's round-ended corridor, traced on a fine grid (a sixth
// of the buffer) through the exact points where its boundary crosses the grid lines
// (network/detail/corridor_union.hpp). About 18 times faster than uniting GEOS buffers of the
// corridors, and closer to the true buffer than those were (arcs 0.17 m inside instead of 0.48 m;
// concave corners cut by up to 2.7 m); docs/methods.md "Walking area" has the accuracy and
// bench/README.md "nearby at scale" the measurements.

#include <span>

#include "trygg/model/geometry.hpp"
#include "trygg/network/bounded_search.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::network {

struct WalkingAreaOptions {
    double buffer_m = 25.0;   // corridor half-width either side of the walkways
    double grid_m = 0.0;      // tracing grid spacing; <= 0: buffer_m / 6
};

// The buffer of the pieces, plus `extra` lines (e.g. the walk from a stop to its walkway), with
// round ends and joins. Empty when there is nothing to buffer or buffer_m <= 0.
model::MultiPolygon walking_area(const WalkGraph& graph, std::span<const EdgePiece> pieces,
                                 const WalkingAreaOptions& options = {},
                                 const model::MultiLineString& extra = {});

}  // namespace trygg::network
