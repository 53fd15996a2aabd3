#include "trygg/map/town_background.hpp"

namespace trygg::map {

void add_town_background(MapDocument& doc, const model::Layer* walkways, const model::Layer* buildings) {
    if (buildings) {
        MapLayer layer = make_layer("buildings", Label::buildings, doc.lang, make_style({160, 155, 150}, 0.5, {205, 200, 195}, 1.0));
        layer.in_focus = false;  // context: a whole city's buildings must not zoom the map out
        layer.in_legend = false;
        for (const model::Feature& f : buildings->features) {
            if (!std::holds_alternative<model::MultiPolygon>(f.geometry)) continue;
            MapFeature mf;
            mf.geometry = f.geometry;
            layer.features.push_back(std::move(mf));
        }
        doc.layers.push_back(std::move(layer));
    }
    if (walkways) {
        MapLayer layer;
        layer.id = "walkways";
        layer.title = std::string(text(Label::walkways, doc.lang));
        layer.in_focus = false;
        layer.in_legend = false;
        layer.style.stroke = {140, 140, 140};
        layer.style.stroke_width = 1.0;
        for (const model::Feature& f : walkways->features) {
            if (!std::holds_alternative<model::MultiLineString>(f.geometry)) continue;
            MapFeature mf;
            mf.geometry = f.geometry;
            mf.title = f.name;  // street names are public
            layer.features.push_back(std::move(mf));
        }
        doc.layers.push_back(std::move(layer));
    }
}

}  // namespace trygg::map
