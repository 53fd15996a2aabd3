#pragma once
// What a set of cameras sees together: the union of their views (coverage::view_from, with
// buildings hiding what is behind them), prepared for fast point tests, and the seen stretches
// of walkways as offset intervals.
//
// Built once in O(sum of view sizes * log): each view is the exact visibility polygon of one
// camera; the views are unioned with GEOS (unary union) and the result is prepared. A point on
// the seen area's boundary counts as seen.
//
// Not for concurrent use: the point and line queries share one GEOS context.

#include "trygg/coverage/camera_view.hpp"
#include "trygg/coverage/line_intervals.hpp"
#include "trygg/model/geometry.hpp"

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace trygg::coverage {

class BuildingObstacles;

struct CameraCounts {
    std::size_t total = 0;           // cameras given
    std::size_t all_around = 0;      // no heading: taken as 360 degrees (worth a warning)
    std::size_t moved_off_wall = 0;  // mapped on or just inside a footprint: moved onto its wall
    std::size_t indoors = 0;         // deeper inside a building: see nothing outdoors
};

class CameraCoverage {
public:
    // `obstacles` may be null; it is used only while constructing. Throws UsageError for a bad
    // spec (camera_spec_problem) naming the camera's index, or bad options.
    CameraCoverage(std::span<const CameraSpec> cameras, const BuildingObstacles* obstacles,
                   const CameraViewOptions& options = {});
    ~CameraCoverage();
    CameraCoverage(CameraCoverage&&) noexcept;
    CameraCoverage& operator=(CameraCoverage&&) noexcept;
    CameraCoverage(const CameraCoverage&) = delete;
    CameraCoverage& operator=(const CameraCoverage&) = delete;

    // The seen stretches of a line, normalised (line_intervals.hpp). Exact up to rounding: each
    // segment is cut where it crosses the seen area's boundary and every piece is classified by
    // its midpoint.
    LineIntervals seen_intervals(const model::LineString& line) const;

    bool is_seen(const model::Point& point) const;

    // The union of all views (empty when no camera sees anything).
    const model::MultiPolygon& seen_area() const noexcept;
    double seen_area_m2() const;

    const CameraCounts& counts() const noexcept;
    // Per camera, in input order: how its view was placed (camera_view.hpp, the wall rule).
    const std::vector<CameraPlacement>& placements() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace trygg::coverage
