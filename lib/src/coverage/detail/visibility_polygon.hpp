#pragma once
// The core of coverage::view_from in GEOS terms, so CameraCoverage can union many views without
// converting each back to model types first.

#include "geometry/detail/geos_context.hpp"
#include "trygg/coverage/camera_view.hpp"

namespace trygg::coverage::detail {

// The field-of-view sector of `spec` centred on `at` (spec assumed valid).
model::Polygon sector_polygon(const CameraSpec& spec, const model::Point& at, double arc_tolerance_m);

struct PlacedView {
    geometry::detail::GeomPtr area;  // polygonal; empty when indoors
    model::Point position;
    CameraPlacement placement = CameraPlacement::open;
};

// Validates the spec and options (UsageError), applies the wall rule and builds the visibility
// polygon: the sector minus the union of the shadows of the walls that face the camera.
PlacedView visibility_polygon(const geometry::detail::GeosContext& ctx, const CameraSpec& spec,
                              const BuildingObstacles* obstacles, const CameraViewOptions& options);

}  // namespace trygg::coverage::detail
