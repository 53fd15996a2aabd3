#pragma once
// Coverage per area: walkway lengths per district (--areas) and the lit and seen share of
// polygons such as hotspot clusters (--clusters).

#include <span>
#include <vector>

#include "trygg/coverage/walkway_pieces.hpp"
#include "trygg/model/geometry.hpp"

namespace trygg::coverage {

// For each area, the lengths of the pieces' parts inside it (GEOS intersection; a piece
// crossing a border is split between the areas, a piece on a shared border counts in both).
// Pieces are found per area through an R-tree of their bounding boxes, and pieces wholly inside
// (prepared-geometry test) are taken without intersection.
std::vector<CoverageLengths> coverage_by_area(std::span<const model::MultiPolygon> areas,
                                              std::span<const WalkwayPiece> pieces);

struct AreaShare {
    double area_m2 = 0.0;
    double lit_m2 = 0.0;   // area inside the lit area
    double seen_m2 = 0.0;  // area inside the seen area
    double lit_share() const noexcept { return area_m2 > 0.0 ? lit_m2 / area_m2 : 0.0; }
    double seen_share() const noexcept { return area_m2 > 0.0 ? seen_m2 / area_m2 : 0.0; }
};

// For each polygon, its area and the areas of its intersections with `lit` and `seen`.
std::vector<AreaShare> area_shares(std::span<const model::MultiPolygon> polygons, const model::MultiPolygon& lit,
                                   const model::MultiPolygon& seen);

}  // namespace trygg::coverage
