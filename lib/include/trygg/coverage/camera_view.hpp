#pragma once
// What one camera sees: the circular sector of its field of view, minus what buildings hide.
//
// The sector is centred on the camera's position, opens `fov_deg` degrees around `heading_deg`
// (clockwise from north: 0 = north, 90 = east) and reaches `range_m` metres. A camera with no
// heading sees all around (360 degrees, whatever fov_deg says); CameraCoverage counts those so
// the caller can warn. The arc is approximated by chords whose vertices lie on the circle and
// that stray at most `arc_tolerance_m` (default 0.05 m) inside it; that is the only
// approximation.
//
// With obstacles the result is the exact vector visibility polygon (docs/methods.md, "Camera
// visibility"): a point of the sector is seen when the segment from the camera to it enters
// no building's interior (grazing a wall or a corner does not hide). Every wall facing the
// camera casts a "shadow" (the points behind it along rays from the camera); the shadows are
// unioned with GEOS and subtracted from the sector, so shadow edges run exactly along the rays
// through building corners.
//
// Cameras are usually mapped on facades, often a little inside the footprint. The wall rule: a
// camera inside or on a footprint at most `wall_snap_m` (default 2 m) from its boundary is moved
// to the nearest boundary point and `wall_offset_m` (default 0.01 m) out of the building, and
// looks from there, so its own building hides what is behind the wall. A camera deeper inside
// a building (or one that cannot be moved out into the open) is indoors and sees nothing
// outdoors: its view is empty.

#include "trygg/model/geometry.hpp"

#include <optional>
#include <string>

namespace trygg::coverage {

class BuildingObstacles;

inline constexpr double kDefaultCameraFovDeg = 90.0;
inline constexpr double kDefaultCameraRangeM = 30.0;

struct CameraSpec {
    model::Point position;
    std::optional<double> heading_deg;       // degrees clockwise from north; none = 360 degrees
    double fov_deg = kDefaultCameraFovDeg;   // opening angle, (0, 360]
    double range_m = kDefaultCameraRangeM;   // how far the camera sees, > 0
};

struct CameraViewOptions {
    double arc_tolerance_m = 0.05;  // largest gap between the true arc and its chords, > 0
    double wall_snap_m = 2.0;       // a camera this deep in a footprint is moved onto its wall
    double wall_offset_m = 0.01;    // ... and this far out of the building
};

// How the view of one camera was placed (the wall rule above).
enum class CameraPlacement { open, moved_off_wall, indoors };
const char* to_string(CameraPlacement placement);

struct CameraView {
    model::MultiPolygon area;         // what the camera sees (empty when indoors)
    model::Point position;            // where it looks from (moved off a wall, or as given)
    CameraPlacement placement = CameraPlacement::open;
    bool all_around = false;          // no heading: a 360 degree view
};

// Why a spec cannot be used (non-finite position or heading, fov outside (0, 360], range not
// positive), or nullopt when it can. Callers that read cameras from data use this to report the
// feature; camera_view throws UsageError with the same text.
std::optional<std::string> camera_spec_problem(const CameraSpec& spec);

// The view of one camera; `obstacles` may be null (nothing hides anything).
CameraView view_from(const CameraSpec& spec, const BuildingObstacles* obstacles,
                     const CameraViewOptions& options = {});

// view_from(spec, obstacles).area with the default options.
model::MultiPolygon camera_view(const CameraSpec& spec, const BuildingObstacles* obstacles);

// The field-of-view sector alone (no obstacles) as one polygon: the camera's position, the arc
// vertices in clockwise order and the position again; a full circle without heading or with
// fov 360. Throws UsageError for a bad spec or a tolerance that is not positive.
model::Polygon view_sector(const CameraSpec& spec, double arc_tolerance_m = 0.05);

}  // namespace trygg::coverage
