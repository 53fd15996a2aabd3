#pragma once
// Buildings as obstacles to a camera's line of sight: the footprints of many buildings behind
// a packed R*-tree (Boost.Geometry) over their bounding boxes, so a camera asks only for the
// walls near it (query by the box of its range) in O(log n + answer).
//
// Walls are the footprints' ring edges, oriented so the building's material is on the RIGHT of
// every wall (outer rings clockwise, holes counter-clockwise, as boost::geometry::correct makes
// them, whatever the source orientation was). A wall can hide something from a camera only when
// the camera is on its left (its open side): coverage::camera_view uses only those walls.

#include "trygg/model/geometry.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace trygg::coverage {

// One edge of a footprint ring, building material on its right.
struct Wall {
    model::Point from;
    model::Point to;
    std::size_t building = 0;  // index of the building in the constructor's input
};

// A camera position that lies inside or on a footprint (see BuildingObstacles::footprint_at).
struct FootprintContact {
    std::size_t building = 0;    // index in the constructor's input
    double depth_m = 0.0;        // distance from the position to the footprint's boundary
    model::Point nearest;        // nearest point of the footprint's boundary
    model::Point outward;        // unit vector at `nearest` pointing out of the building
};

class BuildingObstacles {
public:
    // One MultiPolygon per building (a feature of the buildings layer). Rings with fewer than
    // three distinct points or no area cannot hide anything: they are left out and counted
    // (skipped_rings); a building left with no polygon is counted in skipped_buildings.
    explicit BuildingObstacles(const std::vector<model::MultiPolygon>& buildings);
    ~BuildingObstacles();
    BuildingObstacles(BuildingObstacles&&) noexcept;
    BuildingObstacles& operator=(BuildingObstacles&&) noexcept;
    BuildingObstacles(const BuildingObstacles&) = delete;
    BuildingObstacles& operator=(const BuildingObstacles&) = delete;

    std::size_t building_count() const noexcept;   // as given, skipped ones included
    std::size_t polygon_count() const noexcept;    // polygons kept
    std::size_t wall_count() const noexcept;       // edges of the kept rings
    std::size_t skipped_rings() const noexcept;
    std::size_t skipped_buildings() const noexcept;

    // Replaces `out` with the walls of every footprint whose bounding box meets `box`, in a
    // deterministic order (by polygon, ring, edge). Zero-length edges are not walls.
    void walls_in(const model::Box& box, std::vector<Wall>& out) const;

    // The footprint that covers `position` (interior or boundary), if any: the first such
    // building in input order, with the nearest point of its boundary and the outward direction
    // there (at a corner, the mean of the two walls' outward normals).
    std::optional<FootprintContact> footprint_at(const model::Point& position) const;

    // True when some footprint covers the point (interior or boundary).
    bool covers(const model::Point& position) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace trygg::coverage
