#pragma once
// Cameras and buildings as coverage and place read them: one CameraSpec per camera feature
// (heading, fov and range fields when present, else the command's defaults) and one footprint
// per building.

#include <vector>

#include "trygg/coverage/camera_view.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::cli {

// A feature that is not a point, or whose spec cannot be used (coverage::camera_spec_problem),
// is a DataError naming the feature.
std::vector<coverage::CameraSpec> camera_specs(const model::Layer& cameras, double default_fov_deg,
                                               double default_range_m);

// The polygons of a buildings layer; a feature that is not a polygon is a DataError.
std::vector<model::MultiPolygon> building_footprints(const model::Layer& buildings);

}  // namespace trygg::cli
