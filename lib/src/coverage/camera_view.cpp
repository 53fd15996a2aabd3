#include "trygg/coverage/camera_view.hpp"

#include "coverage/detail/visibility_polygon.hpp"
#include "geometry/detail/geos_convert.hpp"
#include "trygg/error.hpp"

#include <cmath>
#include <sstream>

namespace trygg::coverage {

namespace {

std::string number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

}  // namespace

const char* to_string(CameraPlacement placement) {
    switch (placement) {
        case CameraPlacement::open: return "open";
        case CameraPlacement::moved_off_wall: return "moved_off_wall";
        case CameraPlacement::indoors: return "indoors";
    }
    return "open";
}

std::optional<std::string> camera_spec_problem(const CameraSpec& spec) {
    if (!std::isfinite(spec.position.x) || !std::isfinite(spec.position.y)) {
        return std::string("the camera's position is not a finite coordinate");
    }
    if (spec.heading_deg && !std::isfinite(*spec.heading_deg)) {
        return "the heading must be a finite number of degrees, got " + number(*spec.heading_deg);
    }
    if (!(std::isfinite(spec.fov_deg) && spec.fov_deg > 0.0 && spec.fov_deg <= 360.0)) {
        return "the field of view must be more than 0 and at most 360 degrees, got " + number(spec.fov_deg);
    }
    if (!(std::isfinite(spec.range_m) && spec.range_m > 0.0)) {
        return "the range must be a positive number of metres, got " + number(spec.range_m);
    }
    return std::nullopt;
}

CameraView view_from(const CameraSpec& spec, const BuildingObstacles* obstacles, const CameraViewOptions& options) {
    const geometry::detail::GeosContext ctx;
    detail::PlacedView placed = detail::visibility_polygon(ctx, spec, obstacles, options);
    CameraView view;
    view.area = geometry::detail::to_multipolygon(ctx, placed.area.get());
    view.position = placed.position;
    view.placement = placed.placement;
    view.all_around = !spec.heading_deg || spec.fov_deg >= 360.0;
    return view;
}

model::MultiPolygon camera_view(const CameraSpec& spec, const BuildingObstacles* obstacles) {
    return view_from(spec, obstacles).area;
}

model::Polygon view_sector(const CameraSpec& spec, double arc_tolerance_m) {
    if (auto problem = camera_spec_problem(spec)) throw UsageError("camera view: " + *problem);
    if (!(std::isfinite(arc_tolerance_m) && arc_tolerance_m > 0.0)) {
        throw UsageError("camera view: the arc tolerance must be a positive number of metres");
    }
    return detail::sector_polygon(spec, spec.position, arc_tolerance_m);
}

}  // namespace trygg::coverage
