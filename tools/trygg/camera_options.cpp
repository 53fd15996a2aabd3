#include "camera_options.hpp"

#include "trygg/coverage/layer_inputs.hpp"

namespace trygg::cli {

// The library's readers (coverage/layer_inputs.hpp), shared with the Python module.
std::vector<coverage::CameraSpec> camera_specs(const model::Layer& cameras, double default_fov_deg,
                                               double default_range_m) {
    return coverage::camera_specs(cameras, default_fov_deg, default_range_m);
}

std::vector<model::MultiPolygon> building_footprints(const model::Layer& buildings) {
    return coverage::building_footprints(buildings);
}

}  // namespace trygg::cli
