#pragma once
// "Where is P% of the density?": the smallest set of the densest cells of a density grid that
// holds P% of its mass, as polygons made of whole cells (no smoothing), one area per group of
// touching cells.

#include <span>
#include <vector>

#include "trygg/hotspot/kernel_density.hpp"
#include "trygg/model/geometry.hpp"

namespace trygg::hotspot {

struct HotspotArea {
    // The group's cells as exact cell squares merged into polygons: one Polygon per
    // edge-connected (4-connected) part, outer rings counter-clockwise, holes clockwise, rings
    // closed, collinear vertices removed. Parts that touch only at a corner are separate
    // polygons of the same MultiPolygon; a hole may touch its outer ring or another hole at a
    // single corner (valid OGC geometry).
    model::MultiPolygon area;
    double mass = 0.0;   // sum of the group's cell values
    double share = 0.0;  // mass / total mass of the grid, in [0, 1]
    int cells = 0;       // number of cells in the group
    double peak = 0.0;   // largest cell value in the group
};

// Chooses cells in descending value order (ties by row-major index) until their values add up to
// at least `percent` % of the total mass, then also every further cell with the same value as
// the last one chosen (so the result never depends on the order of equal cells, e.g. plateaus of
// a uniform kernel). Groups the chosen cells 8-connected (cells touching at an edge or a corner
// are one hotspot) and returns one HotspotArea per group, sorted by mass descending (ties by the
// group's first cell in row-major order).
//
// Mass counts positive cells only: cells <= 0 (possible with negative weights or a negative
// triangular decay) are never chosen and do not count in the total. An all-zero grid gives no
// areas. `values` is row-major, top row first, as kernel_density() returns it.
// Throws UsageError if values.size() != rows * columns or percent is not in (0, 100], and
// DataError for a NaN or infinite value. Cost: O(cells log cells) for the ordering.
std::vector<HotspotArea> top_mass_areas(std::span<const float> values, const GridSpec& grid,
                                        double percent);

}  // namespace trygg::hotspot
