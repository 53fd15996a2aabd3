#include "map/detail/infrastructure.hpp"

#include "map/detail/text_format.hpp"
#include "trygg/coverage/camera_view.hpp"
#include "trygg/error.hpp"

namespace trygg::map::detail {

MapLayer lights_layer(const model::Layer& lights, Language lang) {
    MapLayer layer = make_layer("lights", Label::lights, lang, make_style({120, 90, 0}, 0.75, {255, 215, 0}, 1.0, 2.5));
    for (const model::Feature& f : lights.features) {
        if (!std::holds_alternative<model::Point>(f.geometry)) continue;
        MapFeature mf;
        mf.geometry = f.geometry;
        if (!f.status.empty()) {
            mf.popup.push_back({std::string(text(Label::status, lang)), light_status_text(f.status, lang), false});
            if (is_broken_light_status(f.status)) {
                Style s = layer.style;
                s.fill = {255, 255, 255};
                mf.style = s;
            }
        }
        if (f.height) mf.popup.push_back({std::string(text(Label::height_m, lang)), number(*f.height), false});
        layer.features.push_back(std::move(mf));
    }
    // A town's every lamp hides the walkways they light: many lights start switched off.
    layer.visible = layer.features.size() <= 200;
    return layer;
}

std::vector<MapLayer> camera_layers(const model::Layer& cameras, Language lang) {
    MapLayer sectors = make_layer("camera_views", Label::camera_view, lang, make_style({49, 130, 189}, 0.75, {107, 174, 214}, 0.3));
    MapLayer points = make_layer("cameras", Label::cameras, lang, make_style({8, 48, 107}, 1.0, {33, 113, 181}, 1.0, 4.0));
    for (const model::Feature& f : cameras.features) {
        const auto* p = std::get_if<model::Point>(&f.geometry);
        if (!p) continue;
        MapFeature mf;
        mf.geometry = f.geometry;
        mf.title = std::string(text(Label::camera, lang)) + (f.id.empty() ? "" : " " + f.id);
        if (f.heading) mf.popup.push_back({std::string(text(Label::heading, lang)), number(*f.heading), false});
        if (f.fov) mf.popup.push_back({std::string(text(Label::fov_deg, lang)), number(*f.fov), false});
        if (f.range) mf.popup.push_back({std::string(text(Label::range_m, lang)), number(*f.range), false});
        // The sector trygg coverage uses (one definition, the same defaults): what the map
        // shows is what the analysis counted, before buildings hide part of it.
        coverage::CameraSpec spec;
        spec.position = *p;
        spec.heading_deg = f.heading;
        spec.fov_deg = f.fov.value_or(coverage::kDefaultCameraFovDeg);
        spec.range_m = f.range.value_or(coverage::kDefaultCameraRangeM);
        if (const auto problem = coverage::camera_spec_problem(spec))
            throw DataError("camera: " + *problem, {cameras.source, cameras.name, f.fid, {}});
        MapFeature sector;
        sector.geometry = model::MultiPolygon{coverage::view_sector(spec)};
        sectors.features.push_back(std::move(sector));
        points.features.push_back(std::move(mf));
    }
    std::vector<MapLayer> out;
    out.push_back(std::move(sectors));
    out.push_back(std::move(points));
    return out;
}

}  // namespace trygg::map::detail
