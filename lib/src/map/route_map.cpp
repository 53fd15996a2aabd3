#include "trygg/map/route_map.hpp"

#include <set>

#include "map/detail/feature_fields.hpp"
#include "map/detail/infrastructure.hpp"
#include "map/detail/text_format.hpp"

namespace trygg::map {

void add_route(MapDocument& doc, const RouteMapInput& input) {
    const Language lang = doc.lang;
    if (input.lights) doc.layers.push_back(detail::lights_layer(*input.lights, lang));
    if (input.cameras)
        for (auto& l : detail::camera_layers(*input.cameras, lang)) doc.layers.push_back(std::move(l));
    if (!input.routes) return;
    const detail::FeatureFields fields(*input.routes);
    // Several origin-destination pairs: each route is named by its pair.
    std::set<std::string> pairs;
    for (const model::Feature& f : input.routes->features) pairs.insert(fields.text(f, "pair_id"));
    const bool name_pairs = pairs.size() > 1;
    // Shortest below safe, so the safe route is on top where they share streets.
    for (const bool safe : {false, true}) {
        MapLayer layer;
        layer.id = safe ? "route_safe" : "route_shortest";
        layer.title = std::string(text(safe ? Label::route_safe : Label::route_shortest, lang));
        layer.style.stroke = safe ? Colour{0, 136, 55} : Colour{123, 50, 148};
        layer.style.stroke_width = safe ? 5.0 : 4.0;
        layer.style.stroke_opacity = 0.85;
        layer.style.dashed = !safe;
        for (const model::Feature& f : input.routes->features) {
            std::string which = fields.text(f, "route");
            if (which.empty()) which = fields.text(f, "kind");
            if (which.empty()) which = f.name;
            if ((which == "safe") != safe) continue;
            if (!safe && which != "shortest") continue;
            MapFeature mf;
            mf.geometry = f.geometry;
            mf.title = layer.title + (name_pairs ? " " + fields.text(f, "pair_id") : std::string());
            if (const auto v = fields.number(f, "length_m")) {
                mf.popup.push_back({std::string(text(Label::length_m, lang)), detail::number(*v, 0), false});
                mf.popup.push_back({std::string(text(Label::duration_min, lang)), detail::number(*v / 1.3 / 60.0, 0), false});
            }
            if (const auto v = fields.number(f, "detour_pct"))
                mf.popup.push_back({std::string(text(Label::detour_pct, lang)), detail::number(*v, 1), false});
            if (const auto v = fields.number(f, "lit_share"))
                mf.popup.push_back({std::string(text(Label::lit_share, lang)), detail::percent(*v), false});
            if (const auto v = fields.number(f, "seen_share"))
                mf.popup.push_back({std::string(text(Label::seen_share, lang)), detail::percent(*v), false});
            if (const auto v = fields.number(f, "exposure"))
                mf.popup.push_back({std::string(text(Label::exposure, lang)), detail::number(*v, 2), false});
            // The figures also in the legend, so the printed map carries them.
            std::string figures;
            for (const auto& row : mf.popup)
                if (row.label != text(Label::duration_min, lang)) figures += (figures.empty() ? "" : ", ") + row.label + " " + row.value;
            layer.legend.push_back({mf.title + (figures.empty() ? "" : ": " + figures), layer.style, LegendEntry::Symbol::line});
            layer.features.push_back(std::move(mf));
        }
        doc.layers.push_back(std::move(layer));
    }
}

}  // namespace trygg::map
