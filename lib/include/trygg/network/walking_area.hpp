#pragma once
// The walking area of a stop: the network reachable within the limit (whole edges and the
// reached parts of partly reached ones), buffered by a walking corridor. Built from the network
// itself, so land the walker cannot get to (across a railway, the far bank of a river) is never
// included, unlike a contour of a distance grid.
//
// Speed: the reached pieces are first joined into long trails (pairing the pieces at each node
// as straight through as possible), each trail is buffered with round caps and joins, and the
// corridors are united in one cascaded union. With round joins the buffer of a trail is exactly
// the union of its segments' buffers, so the result is the same point set as buffering every
// piece on its own and uniting them; but GEOS nodes far fewer offset curves (on a street grid
// about ten times faster than one buffer of the separate pieces; docs/methods.md "Walking area").

#include <span>

#include "trygg/model/geometry.hpp"
#include "trygg/network/bounded_search.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::network {

struct WalkingAreaOptions {
    double buffer_m = 25.0;       // corridor half-width either side of the walkways
    int quadrant_segments = 4;    // GEOS arc approximation (segments per quarter circle)
};

// The pieces joined into trails that run through the graph's nodes: every piece's geometry
// appears in exactly one trail, once. Pieces of zero length are left out.
model::MultiLineString reached_trails(const WalkGraph& graph, std::span<const EdgePiece> pieces);

// The buffer of the pieces (as trails), plus `extra` lines (e.g. the walk from a stop to its
// walkway), with round caps and joins. Empty when there are no pieces or buffer_m <= 0. Throws
// DataError when GEOS fails.
model::MultiPolygon walking_area(const WalkGraph& graph, std::span<const EdgePiece> pieces,
                                 const WalkingAreaOptions& options = {},
                                 const model::MultiLineString& extra = {});

}  // namespace trygg::network
