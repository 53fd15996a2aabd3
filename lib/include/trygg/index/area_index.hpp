#pragma once
// A static index over a list of areas (districts, hotspot polygons) answering "which area holds
// this point?" in O(log m + candidates): an R*-tree over the areas' bounding boxes narrows the
// candidates, then an exact point-in-polygon test (boost::geometry::covered_by) decides.
//
// Boundary rule: a point on an area's boundary is covered by it. A point on the shared boundary
// of two areas is covered by both, and first_covering() answers the first of them in input
// order, so every point is counted at most once and the answer is deterministic.

#include "trygg/model/geometry.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace trygg::index {

class AreaIndex {
public:
    // Copies and corrects the areas (see index::to_boost); empty areas are kept but never match.
    explicit AreaIndex(const std::vector<model::MultiPolygon>& areas);
    ~AreaIndex();
    AreaIndex(AreaIndex&&) noexcept;
    AreaIndex& operator=(AreaIndex&&) noexcept;
    AreaIndex(const AreaIndex&) = delete;
    AreaIndex& operator=(const AreaIndex&) = delete;

    std::size_t size() const noexcept;

    // The lowest index of an area whose interior or boundary holds the point, if any.
    std::optional<std::size_t> first_covering(const model::Point& point) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace trygg::index
