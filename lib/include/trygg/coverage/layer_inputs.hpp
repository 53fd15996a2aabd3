#pragma once
// The inputs of the coverage algorithms taken from layers: street lights as LightSource, cameras
// as CameraSpec, buildings as footprints, reports as weighted points, districts and clusters as
// polygons. Shared by every job that reads layers (coverage, place, route; the CLI and Python),
// so a bad feature gets the same message, naming its source, layer and feature, everywhere.

#include <string_view>
#include <vector>

#include "trygg/coverage/camera_view.hpp"
#include "trygg/coverage/light_coverage.hpp"
#include "trygg/model/geometry.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::coverage {

// One light per feature: position, height (when mapped) and status. DataError for a feature that
// is not a point or has a height that is not > 0.
std::vector<LightSource> light_sources(const model::Layer& lights);

// One camera per feature: heading (none = all around), fov and range from the mapped fields,
// else the defaults given. DataError for a feature that is not a point or a spec that cannot be
// used (camera_spec_problem).
std::vector<CameraSpec> camera_specs(const model::Layer& cameras, double default_fov_deg, double default_range_m);

// The footprint of every building. DataError for a feature that is not a polygon.
std::vector<model::MultiPolygon> building_footprints(const model::Layer& buildings);

// Point features with their mapped weights (1 when no weight field is mapped).
struct WeightedPoints {
    std::vector<model::Point> points;
    std::vector<double> weights;
};

// DataError "a report is not a point" for another geometry.
WeightedPoints report_points(const model::Layer& reports);

// The polygons of an area layer, in feature order. DataError "<what> is not a polygon" (e.g.
// what = "an area", "a cluster") for another geometry.
std::vector<model::MultiPolygon> area_polygons(const model::Layer& areas, std::string_view what);

}  // namespace trygg::coverage
