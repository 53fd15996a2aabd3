#include "trygg/map/hotspots_map.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>

#include "geometry/detail/geos_convert.hpp"
#include "map/detail/feature_fields.hpp"
#include "map/detail/text_format.hpp"
#include "trygg/error.hpp"

namespace trygg::map {

namespace {

// Yellow to red (ColorBrewer YlOrRd, 5 classes), for density and counts.
constexpr std::array<Colour, 5> ramp{{{255, 255, 178}, {254, 204, 92}, {253, 141, 60}, {240, 59, 32}, {189, 0, 38}}};
// Class limits as shares of the highest density; cells below the first are not drawn.
constexpr std::array<double, 6> density_limits{0.05, 0.2, 0.4, 0.6, 0.8, 1.0000001};

Style filled(Colour c, double opacity) {
    Style s;
    s.fill = c;
    s.fill_opacity = opacity;
    s.stroke_opacity = 0.0;
    s.stroke_width = 0.0;
    return s;
}

model::MultiPolygon rectangle(double x0, double y0, double x1, double y1) {
    return {model::Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}

MapLayer density_layer(const DensityGrid& grid, Language lang) {
    if (grid.columns <= 0 || grid.rows <= 0 || !(grid.cell > 0) ||
        grid.values.size() != static_cast<std::size_t>(grid.columns) * static_cast<std::size_t>(grid.rows))
        throw UsageError("map: the density grid's size does not match its values");
    MapLayer layer;
    layer.id = "density";
    layer.title = std::string(text(Label::heatmap, lang));
    layer.role = LayerRole::individual;
    layer.in_legend = true;
    float top = 0.0f;
    for (float v : grid.values)
        if (std::isfinite(v) && (!grid.nodata || v != *grid.nodata)) top = std::max(top, v);
    for (std::size_t k = 0; k < ramp.size(); ++k) {
        LegendEntry e;
        e.text = detail::number(density_limits[k] * 100, 0) + "–" + detail::number(std::min(density_limits[k + 1], 1.0) * 100, 0) +
                 " % " + (k == 0 ? std::string(text(Label::density_low, lang)) : k + 1 == ramp.size() ? std::string(text(Label::density_high, lang)) : "");
        e.style = filled(ramp[k], 0.65);
        layer.legend.push_back(e);
    }
    if (!(top > 0.0f)) return layer;
    auto class_of = [&](float v) -> int {
        if (!std::isfinite(v) || (grid.nodata && v == *grid.nodata)) return -1;
        const double share = v / top;
        for (std::size_t k = 0; k < ramp.size(); ++k)
            if (share >= density_limits[k] && share < density_limits[k + 1]) return static_cast<int>(k);
        return -1;
    };
    // Runs of cells of one class along a row become one rectangle: a town-sized grid of 10 m
    // cells has ~10^5 cells but a few thousand runs.
    for (int r = 0; r < grid.rows; ++r) {
        const double y1 = grid.origin_y - r * grid.cell, y0 = y1 - grid.cell;
        int c = 0;
        while (c < grid.columns) {
            const int k = class_of(grid.values[static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.columns) + static_cast<std::size_t>(c)]);
            int end = c + 1;
            while (end < grid.columns &&
                   class_of(grid.values[static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.columns) + static_cast<std::size_t>(end)]) == k)
                ++end;
            if (k >= 0) {
                MapFeature f;
                f.geometry = rectangle(grid.origin_x + c * grid.cell, y0, grid.origin_x + end * grid.cell, y1);
                f.style = filled(ramp[static_cast<std::size_t>(k)], 0.65);
                layer.features.push_back(std::move(f));
            }
            c = end;
        }
    }
    return layer;
}

// "Reports" -> "reports" after a number (the labels' first letters are ASCII capitals).
std::string lower_first(std::string_view label) {
    std::string s(label);
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

std::string date_part(const std::string& iso) { return iso.substr(0, std::min<std::size_t>(10, iso.size())); }

// The category behind a count field "n_graffiti" -> "graffiti", "n_otrygg_plats" -> "otrygg plats".
std::string category_of_count_field(const std::string& field) {
    std::string c = field.substr(2);
    std::replace(c.begin(), c.end(), '_', ' ');
    return c;
}

model::MultiPolygon grown(const model::MultiPolygon& polygons, double margin) {
    using namespace geometry::detail;
    const GeosContext ctx;
    const GeomPtr g = to_geos(ctx, polygons);
    const GeomPtr buffered = own(ctx, GEOSBuffer_r(ctx.get(), g.get(), margin, 8), "growing a cluster outline");
    return to_multipolygon(ctx, buffered.get());
}

MapLayer clusters_layer(const model::Layer& clusters, const HotspotsMapInput& input, Language lang) {
    const detail::FeatureFields fields(clusters);
    MapLayer layer = make_layer("clusters", Label::clusters, lang, make_style({165, 0, 38}, 2.0, {240, 59, 32}, 0.15));
    layer.role = LayerRole::aggregate;
    std::vector<std::string> count_fields;
    for (const auto& def : clusters.fields)
        if (def.name.rfind("n_", 0) == 0 && def.name.size() > 2) count_fields.push_back(def.name);
    for (const model::Feature& f : clusters.features) {
        const auto* mp = std::get_if<model::MultiPolygon>(&f.geometry);
        if (!mp) continue;
        MapFeature mf;
        mf.geometry = input.publish ? model::Geometry{grown(*mp, input.publish_margin)} : f.geometry;
        const auto reports = fields.number(f, "reports");
        mf.report_count = reports;
        const auto id = fields.number(f, "cluster_id");
        mf.title = std::string(text(Label::cluster, lang)) + (id ? " " + detail::number(*id) : std::string()) +
                   (reports ? " (" + detail::number(*reports) + ")" : std::string());
        if (reports) mf.popup.push_back({std::string(text(Label::reports, lang)), detail::number(*reports), false});
        for (const auto& cf : count_fields) {
            const auto n = fields.number(f, cf);
            if (!n || *n == 0) continue;
            mf.popup.push_back({category_text(category_of_count_field(cf), lang), detail::number(*n), false});
        }
        const std::string first = date_part(fields.text(f, "first_time")), last = date_part(fields.text(f, "last_time"));
        if (!first.empty()) mf.popup.push_back({std::string(text(Label::period, lang)), first + " – " + last, false});
        if (const auto area = fields.number(f, "area_m2"))
            mf.popup.push_back({std::string(text(Label::area_ha, lang)), detail::number(*area / 10000.0, 2), false});
        layer.features.push_back(std::move(mf));
    }
    return layer;
}

MapLayer reports_layer(const model::Layer& reports, Language lang) {
    MapLayer layer;
    layer.id = "reports";
    layer.title = std::string(text(Label::report_points, lang));
    layer.role = LayerRole::individual;
    layer.visible = false;
    layer.style.stroke = {80, 20, 20};
    layer.style.stroke_width = 0.75;
    layer.style.fill = {255, 255, 255};
    layer.style.fill_opacity = 0.9;
    layer.style.point_radius = 3.0;
    // Attributes that are neither mapped roles nor numbers are what people typed: free text.
    std::vector<std::size_t> free_fields;
    for (std::size_t i = 0; i < reports.fields.size(); ++i) {
        const auto& def = reports.fields[i];
        if (def.type != model::FieldType::string) continue;
        const std::string& n = def.name;
        if (n == reports.category_field || n == reports.time_field || n == reports.id_field || n == "role") continue;
        free_fields.push_back(i);
    }
    for (const model::Feature& f : reports.features) {
        if (!std::holds_alternative<model::Point>(f.geometry)) continue;
        MapFeature mf;
        mf.geometry = f.geometry;
        mf.title = category_text(f.category, lang);
        if (f.time) mf.popup.push_back({std::string(text(Label::date, lang)), model::format_iso8601(*f.time).substr(0, 16), false});
        for (std::size_t i : free_fields)
            if (i < f.attributes.size())
                if (const auto* s = std::get_if<std::string>(&f.attributes[i]); s && !s->empty())
                    mf.popup.push_back({reports.fields[i].name, *s, true});
        layer.features.push_back(std::move(mf));
    }
    return layer;
}

}  // namespace

std::vector<MapFeature> count_cells(const std::vector<model::Point>& points, double cell, Language lang) {
    if (!(cell > 0) || !std::isfinite(cell)) throw UsageError("--publish-cell must be a number of metres > 0");
    std::map<std::pair<std::int64_t, std::int64_t>, std::size_t> counts;  // (row, column) from the south-west
    for (const auto& p : points) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        ++counts[{static_cast<std::int64_t>(std::floor(p.y / cell)), static_cast<std::int64_t>(std::floor(p.x / cell))}];
    }
    std::size_t top = 1;
    for (const auto& [key, n] : counts) top = std::max(top, n);
    std::vector<MapFeature> cells;
    cells.reserve(counts.size());
    for (const auto& [key, n] : counts) {
        MapFeature f;
        const double x0 = static_cast<double>(key.second) * cell, y0 = static_cast<double>(key.first) * cell;
        f.geometry = rectangle(x0, y0, x0 + cell, y0 + cell);
        f.report_count = static_cast<double>(n);
        const auto k = std::min<std::size_t>(ramp.size() - 1, (n * ramp.size() - 1) / top);
        f.style = filled(ramp[k], 0.7);
        f.title = detail::number(static_cast<double>(n)) + " " + lower_first(text(Label::reports, lang));
        f.popup.push_back({std::string(text(Label::reports, lang)), detail::number(static_cast<double>(n)), false});
        cells.push_back(std::move(f));
    }
    return cells;
}

void add_hotspots(MapDocument& doc, const HotspotsMapInput& input) {
    if (!(input.publish_margin > 0) || !std::isfinite(input.publish_margin))
        throw UsageError("--publish-margin must be a number of metres > 0");
    if (input.density) doc.layers.push_back(density_layer(*input.density, doc.lang));
    if (input.publish && input.reports) {
        std::vector<model::Point> points;
        for (const auto& f : input.reports->features)
            if (const auto* p = std::get_if<model::Point>(&f.geometry)) points.push_back(*p);
        MapLayer cells;
        cells.id = "cells";
        cells.title = std::string(text(Label::count_cells, doc.lang)) + " (" + detail::number(input.publish_cell) + " m)";
        cells.role = LayerRole::aggregate;
        cells.style = filled(ramp[2], 0.7);
        cells.features = count_cells(points, input.publish_cell, doc.lang);
        // One legend entry per colour class, with the counts it stands for (count_cells' classes,
        // coloured against the highest count), from the smallest count the map shows: squares
        // under --min-count are left out, so a class "1-2" would describe nothing on the map.
        std::size_t top = 1;
        for (const auto& f : cells.features) top = std::max(top, static_cast<std::size_t>(*f.report_count));
        std::size_t lowest = top + 1;  // none shown: no class
        for (const auto& f : cells.features) {
            const auto n = static_cast<std::size_t>(*f.report_count);
            if (static_cast<double>(n) >= input.min_count) lowest = std::min(lowest, n);
        }
        std::size_t first = lowest;
        for (std::size_t n = lowest; n <= top; ++n) {
            const auto k = std::min<std::size_t>(ramp.size() - 1, (n * ramp.size() - 1) / top);
            const bool last_of_class = n == top || std::min<std::size_t>(ramp.size() - 1, ((n + 1) * ramp.size() - 1) / top) != k;
            if (!last_of_class) continue;
            LegendEntry e;
            e.text = (first == n ? std::to_string(n) : std::to_string(first) + "–" + std::to_string(n)) + " " +
                     lower_first(text(Label::reports, doc.lang));
            e.style = filled(ramp[k], 0.7);
            cells.legend.push_back(e);
            first = n + 1;
        }
        doc.layers.push_back(std::move(cells));
    }
    if (input.clusters) doc.layers.push_back(clusters_layer(*input.clusters, input, doc.lang));
    if (input.reports) doc.layers.push_back(reports_layer(*input.reports, doc.lang));
}

}  // namespace trygg::map
