#include "trygg/map/map_document.hpp"

#include <algorithm>
#include <cstdio>

#include "trygg/model/geometry_visit.hpp"

namespace trygg::map {

std::string to_hex(Colour c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

Style make_style(Colour stroke, double stroke_width, Colour fill, double fill_opacity, double point_radius) {
    Style s;
    s.stroke = stroke;
    s.stroke_width = stroke_width;
    s.fill = fill;
    s.fill_opacity = fill_opacity;
    s.point_radius = point_radius;
    return s;
}

MapLayer make_layer(std::string id, Label title, Language lang, Style style) {
    MapLayer layer;
    layer.id = std::move(id);
    layer.title = std::string(text(title, lang));
    layer.style = style;
    return layer;
}

namespace {

void grow(std::optional<model::Box>& box, const model::Point& p) {
    if (!box) {
        box = model::Box{p.x, p.y, p.x, p.y};
        return;
    }
    box->min_x = std::min(box->min_x, p.x);
    box->min_y = std::min(box->min_y, p.y);
    box->max_x = std::max(box->max_x, p.x);
    box->max_y = std::max(box->max_y, p.y);
}

}  // namespace

std::optional<model::Box> content_extent(const MapDocument& doc) {
    const bool any_visible = std::any_of(doc.layers.begin(), doc.layers.end(),
                                         [](const MapLayer& l) { return l.visible && !l.features.empty(); });
    std::optional<model::Box> box;
    for (const MapLayer& layer : doc.layers) {
        if (any_visible && !layer.visible) continue;
        for (const MapFeature& f : layer.features)
            model::for_each_point(f.geometry, [&box](const model::Point& p) { grow(box, p); });
    }
    return box;
}

std::optional<model::Box> focus_extent(const MapDocument& doc) {
    std::optional<model::Box> box;
    for (const MapLayer& layer : doc.layers) {
        if (!layer.visible || !layer.in_focus) continue;
        for (const MapFeature& f : layer.features)
            model::for_each_point(f.geometry, [&box](const model::Point& p) { grow(box, p); });
    }
    return box ? box : content_extent(doc);
}

std::size_t feature_count(const MapDocument& doc) {
    std::size_t n = 0;
    for (const MapLayer& layer : doc.layers) n += layer.features.size();
    return n;
}

}  // namespace trygg::map
