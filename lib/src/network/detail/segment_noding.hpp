#pragma once
// Noding of lines that cross or touch without a common vertex: the crossing point is added as
// a vertex to both lines (the same coordinates in both, so the shared-vertex noding of
// walk_graph.cpp joins them). Candidate segment pairs come from a uniform grid over the
// segments' bounding boxes, so the work grows with the segments and their crossings, not with
// the square of the segment count.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "trygg/model/geometry.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::network::detail {

// One input line of the walking network with the feature it comes from.
struct SourceLine {
    std::uint32_t layer = 0;
    std::size_t feature = 0;
    LitState lit = LitState::unknown;
    model::LineString points;  // no repeated consecutive points
};

// Adds every crossing and touching point (within `tolerance` metres of a segment's interior)
// to the lines as a vertex. Returns the number of vertices added.
std::size_t add_intersection_vertices(std::vector<SourceLine>& lines, double tolerance = 1e-3);

}  // namespace trygg::network::detail
