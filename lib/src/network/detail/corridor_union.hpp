#pragma once
// The union of round-ended corridors around segments (every point within `radius` of one of
// them), traced on a square grid: the polygons' vertices are the exact points where the union's
// boundary crosses the grid's lines, joined by straight chords inside each cell.
//
// Why a grid: uniting a thousand overlapping buffers with a polygon overlay (GEOS) spends its
// time noding their crossings, ~28 ms per walking area on a street grid. Here each corridor is
// only cut by the grid rows it spans (two square roots and two line crossings per row), the rows
// are swept in order so that every mark lands in one row's buffer, the boundary is traced once
// with marching squares, and only where it crosses a column is that crossing computed, from the
// corridors bucketed near it: 1.2-1.4 ms (docs/methods.md "Walking area", bench/README.md "nearby at
// scale").
//
// Accuracy, with the default spacing of a sixth of the radius (4.2 m at 25 m): every vertex lies
// on the true boundary (to float rounding, micrometres). Between two vertices a chord lies at most
// spacing^2 / (4 radius) inside a convex arc (0.17 m; 4 segments per quarter circle, the GEOS
// buffer trygg used before, 0.48 m) and cuts across a concave corner, where two corridors meet, by at most about two
// thirds of the spacing (2.7 m measured). Details smaller than a cell are lost: a gap between
// corridors narrower than the spacing can close.
#include <span>

#include "trygg/model/geometry.hpp"

namespace trygg::network::detail {

struct Segment {
    model::Point a, b;
};

struct CorridorGrid {
    double spacing_m = 0.0;   // <= 0: radius / 6
    // Nodes allowed in the traced grid; when the segments' extent needs more (at a sixth of 25 m,
    // an area more than 8 km across: a walk of over 50 minutes), the spacing grows to fit. The
    // buffers kept per thread take 13 bytes a node, 52 MB at most.
    double max_nodes = 4.0e6;
};

// Empty when there are no segments or radius <= 0. Outer rings run counter-clockwise, holes
// clockwise; the polygons are valid (simple rings that do not cross or touch). Reuses buffers
// kept per thread, so it is cheap to call many times on one thread and safe on several.
model::MultiPolygon trace_corridor_union(std::span<const Segment> segments, double radius,
                                         const CorridorGrid& grid = {});

}  // namespace trygg::network::detail
