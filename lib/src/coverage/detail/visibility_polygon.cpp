#include "coverage/detail/visibility_polygon.hpp"

#include "coverage/detail/visibility_math.hpp"
#include "geometry/detail/geos_convert.hpp"
#include "trygg/coverage/building_obstacles.hpp"
#include "trygg/error.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>
#include <vector>

namespace trygg::coverage::detail {

namespace {

using geometry::detail::GeomPtr;
using geometry::detail::GeosContext;
using geometry::detail::own;
using geometry::detail::to_geos;

constexpr double kPi = std::numbers::pi;

// The largest angle between arc vertices so that a chord strays at most `tolerance` inside a
// circle of radius r: the sagitta r (1 - cos(step / 2)) <= tolerance. Never above 45 degrees,
// so even a tiny circle keeps its shape.
double arc_step(double r, double tolerance) {
    const double step = tolerance >= r ? kPi : 2.0 * std::acos(1.0 - tolerance / r);
    return std::min(step, kPi / 4.0);
}

model::Point on_circle(const model::Point& at, double r, double azimuth_rad) {
    return {at.x + r * std::sin(azimuth_rad), at.y + r * std::cos(azimuth_rad)};
}

void check_options(const CameraViewOptions& options) {
    if (!(std::isfinite(options.arc_tolerance_m) && options.arc_tolerance_m > 0.0)) {
        throw UsageError("camera view: the arc tolerance must be a positive number of metres");
    }
    if (!(std::isfinite(options.wall_snap_m) && options.wall_snap_m >= 0.0)) {
        throw UsageError("camera view: the wall snap distance must be a number of metres >= 0");
    }
    if (!(std::isfinite(options.wall_offset_m) && options.wall_offset_m > 0.0)) {
        throw UsageError("camera view: the wall offset must be a positive number of metres");
    }
}

// The wall rule (camera_view.hpp): where the camera looks from, or indoors.
std::pair<model::Point, CameraPlacement> place(const CameraSpec& spec, const BuildingObstacles* obstacles,
                                               const CameraViewOptions& options) {
    if (!obstacles) return {spec.position, CameraPlacement::open};
    const auto contact = obstacles->footprint_at(spec.position);
    if (!contact) return {spec.position, CameraPlacement::open};
    const bool has_direction = contact->outward.x != 0.0 || contact->outward.y != 0.0;
    if (contact->depth_m > options.wall_snap_m || !has_direction) return {spec.position, CameraPlacement::indoors};
    const model::Point moved{contact->nearest.x + options.wall_offset_m * contact->outward.x,
                             contact->nearest.y + options.wall_offset_m * contact->outward.y};
    // Out of this building but into another (a party wall, a narrow passage): no open air here.
    if (obstacles->covers(moved)) return {spec.position, CameraPlacement::indoors};
    return {moved, CameraPlacement::moved_off_wall};
}

// Does the wall's angular extent seen from the camera overlap the field of view? The wall has the
// camera on its left, so seen from the camera it runs counter-clockwise from `from` to `to`: in
// compass terms its extent is [azimuth(to), azimuth(to) + span]. Two arcs of a circle meet when
// the start of either lies within the other. The margin keeps walls that touch the edge rays.
bool faces_field_of_view(const model::Point& at, const Wall& wall, double view_start, double view_width) {
    constexpr double margin = 1e-9;
    const double start = azimuth(at, wall.to);
    const double span = wrap_angle(azimuth(at, wall.from) - start);
    return wrap_angle(view_start - start) <= span + margin || wrap_angle(start - view_start) <= view_width + margin ||
           wrap_angle(view_start - start) >= 2.0 * kPi - margin;
}

// The shadow of a wall: every point behind it along rays from the camera, out to `far_r` (beyond
// the range, so the sector clips it). The far side is a polyline with vertices on the circle of
// radius far_r at most 45 degrees apart, so it never comes closer than far_r cos(22.5 deg).
// The far points of the rays through the wall's ends depend only on the end and far_r, so
// neighbouring walls' shadows share those vertices exactly and union without slivers.
model::Polygon shadow(const model::Point& at, const Wall& wall, double far_r) {
    auto far = [&](const model::Point& p) {
        const double k = far_r / std::hypot(p.x - at.x, p.y - at.y);
        return model::Point{at.x + (p.x - at.x) * k, at.y + (p.y - at.y) * k};
    };
    const double from_az = azimuth(at, wall.from);
    const double span = wrap_angle(from_az - azimuth(at, wall.to));  // < pi: the camera is off the wall's line
    const auto steps = static_cast<int>(std::ceil(span / (kPi / 4.0)));
    model::Polygon polygon;
    polygon.outer = {wall.from, wall.to, far(wall.to)};
    for (int k = steps - 1; k >= 1; --k) {
        polygon.outer.push_back(on_circle(at, far_r, from_az - span * k / steps));
    }
    polygon.outer.push_back(far(wall.from));
    polygon.outer.push_back(wall.from);
    return polygon;
}

}  // namespace

model::Polygon sector_polygon(const CameraSpec& spec, const model::Point& at, double arc_tolerance_m) {
    const double r = spec.range_m;
    const double step = arc_step(r, arc_tolerance_m);
    model::Polygon polygon;
    if (!spec.heading_deg || spec.fov_deg >= 360.0) {
        const auto n = std::max(8, static_cast<int>(std::ceil(2.0 * kPi / step)));
        for (int k = 0; k < n; ++k) polygon.outer.push_back(on_circle(at, r, 2.0 * kPi * k / n));
        polygon.outer.push_back(polygon.outer.front());
        return polygon;
    }
    const double width = spec.fov_deg * kPi / 180.0;
    const double start = *spec.heading_deg * kPi / 180.0 - width / 2.0;
    const auto n = std::max(1, static_cast<int>(std::ceil(width / step)));
    polygon.outer.push_back(at);
    for (int k = 0; k <= n; ++k) polygon.outer.push_back(on_circle(at, r, start + width * k / n));
    polygon.outer.push_back(at);
    return polygon;
}

PlacedView visibility_polygon(const GeosContext& ctx, const CameraSpec& spec, const BuildingObstacles* obstacles,
                              const CameraViewOptions& options) {
    if (auto problem = camera_spec_problem(spec)) throw UsageError("camera view: " + *problem);
    check_options(options);
    PlacedView view;
    std::tie(view.position, view.placement) = place(spec, obstacles, options);
    if (view.placement == CameraPlacement::indoors) {
        view.area = own(ctx, GEOSGeom_createEmptyPolygon_r(ctx.get()), "cannot create an empty polygon");
        return view;
    }
    const model::Point at = view.position;
    const double r = spec.range_m;
    GeomPtr sector = to_geos(ctx, sector_polygon(spec, at, options.arc_tolerance_m));
    if (!obstacles) {
        view.area = std::move(sector);
        return view;
    }

    const bool all_around = !spec.heading_deg || spec.fov_deg >= 360.0;
    const double view_width = spec.fov_deg * kPi / 180.0;
    const double view_start = all_around ? 0.0 : wrap_angle(*spec.heading_deg * kPi / 180.0 - view_width / 2.0);
    std::vector<Wall> walls;
    obstacles->walls_in(model::Box{at.x - r, at.y - r, at.x + r, at.y + r}, walls);
    // Only walls with the camera on their open (left) side can hide anything: a segment from the
    // camera into a building's interior first crosses such a wall. Walls seen edge-on
    // (cross == 0) hide nothing but a line.
    std::erase_if(walls, [&](const Wall& wall) {
        return !(cross(wall.from, wall.to, at) > 0.0) || nearest_on_segment(at, wall.from, wall.to).second >= r * r ||
               (!all_around && !faces_field_of_view(at, wall, view_start, view_width));
    });
    if (walls.empty()) {
        view.area = std::move(sector);
        return view;
    }
    double reach = r;
    for (const Wall& wall : walls) {
        reach = std::max({reach, std::hypot(wall.from.x - at.x, wall.from.y - at.y),
                          std::hypot(wall.to.x - at.x, wall.to.y - at.y)});
    }
    const double far_r = 1.05 * reach / std::cos(kPi / 8.0);

    std::vector<GeomPtr> shadows;
    shadows.reserve(walls.size());
    for (const Wall& wall : walls) shadows.push_back(to_geos(ctx, shadow(at, wall, far_r)));
    GeomPtr all = geometry::detail::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(shadows));
    GeomPtr hidden = own(ctx, GEOSUnaryUnion_r(ctx.get(), all.get()), "cannot union the shadows of buildings");
    view.area = own(ctx, GEOSDifference_r(ctx.get(), sector.get(), hidden.get()),
                    "cannot subtract the shadows of buildings from a camera's sector");
    return view;
}

}  // namespace trygg::coverage::detail
