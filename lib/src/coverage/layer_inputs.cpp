#include "trygg/coverage/layer_inputs.hpp"

#include <string>
#include <variant>

#include "trygg/error.hpp"

namespace trygg::coverage {

namespace {

ErrorLocation where(const model::Layer& layer, const model::Feature& f, std::string field = {}) {
    return {layer.source, layer.name, f.fid, std::move(field)};
}

}  // namespace

std::vector<LightSource> light_sources(const model::Layer& lights) {
    std::vector<LightSource> out;
    out.reserve(lights.features.size());
    for (const auto& f : lights.features) {
        const auto* p = std::get_if<model::Point>(&f.geometry);
        if (!p) throw DataError("a light is not a point", where(lights, f));
        if (f.height && !(*f.height > 0.0)) throw DataError("light height must be > 0 m", where(lights, f, "height"));
        out.push_back({*p, f.height, f.status});
    }
    return out;
}

std::vector<CameraSpec> camera_specs(const model::Layer& cameras, double default_fov_deg, double default_range_m) {
    std::vector<CameraSpec> out;
    out.reserve(cameras.features.size());
    for (const auto& f : cameras.features) {
        const auto* p = std::get_if<model::Point>(&f.geometry);
        if (!p) throw DataError("a camera is not a point", where(cameras, f));
        CameraSpec spec;
        spec.position = *p;
        spec.heading_deg = f.heading;
        spec.fov_deg = f.fov.value_or(default_fov_deg);
        spec.range_m = f.range.value_or(default_range_m);
        if (const auto problem = camera_spec_problem(spec)) throw DataError("camera: " + *problem, where(cameras, f));
        out.push_back(spec);
    }
    return out;
}

std::vector<model::MultiPolygon> building_footprints(const model::Layer& buildings) {
    return area_polygons(buildings, "a building");
}

WeightedPoints report_points(const model::Layer& reports) {
    WeightedPoints out;
    out.points.reserve(reports.features.size());
    out.weights.reserve(reports.features.size());
    for (const auto& f : reports.features) {
        const auto* p = std::get_if<model::Point>(&f.geometry);
        if (!p) throw DataError("a report is not a point", where(reports, f));
        out.points.push_back(*p);
        out.weights.push_back(f.weight);
    }
    return out;
}

std::vector<model::MultiPolygon> area_polygons(const model::Layer& areas, std::string_view what) {
    std::vector<model::MultiPolygon> out;
    out.reserve(areas.features.size());
    for (const auto& f : areas.features) {
        const auto* mp = std::get_if<model::MultiPolygon>(&f.geometry);
        if (!mp) throw DataError(std::string(what) + " is not a polygon", where(areas, f));
        out.push_back(*mp);
    }
    return out;
}

}  // namespace trygg::coverage
