#include "trygg/map/coverage_map.hpp"

#include <algorithm>

#include "map/detail/feature_fields.hpp"
#include "map/detail/infrastructure.hpp"
#include "map/detail/text_format.hpp"

namespace trygg::map {

namespace {

MapLayer area_layer(const model::Layer& source, const char* id, Label title, Colour fill, Language lang) {
    MapLayer layer;
    layer.id = id;
    layer.title = std::string(text(title, lang));
    layer.style.stroke_opacity = 0.0;
    layer.style.stroke_width = 0.0;
    layer.style.fill = fill;
    layer.style.fill_opacity = 0.35;
    for (const model::Feature& f : source.features) {
        if (!std::holds_alternative<model::MultiPolygon>(f.geometry)) continue;
        MapFeature mf;
        mf.geometry = f.geometry;
        layer.features.push_back(std::move(mf));
    }
    return layer;
}

Style line_style(Colour c, double width) {
    Style s;
    s.stroke = c;
    s.stroke_width = width;
    return s;
}

}  // namespace

void add_coverage(MapDocument& doc, const CoverageMapInput& input) {
    const Language lang = doc.lang;
    if (input.lit_areas) doc.layers.push_back(area_layer(*input.lit_areas, "lit_areas", Label::lit_area, {255, 237, 160}, lang));
    if (input.seen_areas) doc.layers.push_back(area_layer(*input.seen_areas, "seen_areas", Label::seen_area, {158, 202, 225}, lang));
    if (input.walkway_pieces) {
        const detail::FeatureFields fields(*input.walkway_pieces);
        const Style lit = line_style({230, 171, 2}, 2.5), unlit = line_style({37, 37, 37}, 2.5);
        Style seen = line_style({33, 113, 181}, 1.2);
        seen.dashed = true;
        MapLayer pieces;
        pieces.id = "walkway_lighting";
        pieces.title = std::string(text(Label::walkways, lang));
        pieces.style = unlit;
        pieces.legend = {{std::string(text(Label::lit_walkway, lang)), lit, LegendEntry::Symbol::line},
                         {std::string(text(Label::unlit_walkway, lang)), unlit, LegendEntry::Symbol::line}};
        MapLayer seen_pieces;
        seen_pieces.id = "walkway_seen";
        seen_pieces.title = std::string(text(Label::seen_walkway, lang));
        seen_pieces.style = seen;
        for (const model::Feature& f : input.walkway_pieces->features) {
            if (!std::holds_alternative<model::MultiLineString>(f.geometry)) continue;
            const bool is_lit = fields.flag(f, "lit").value_or(false);
            MapFeature mf;
            mf.geometry = f.geometry;
            mf.style = is_lit ? lit : unlit;
            mf.title = f.name;
            mf.popup.push_back({std::string(text(Label::lit_share, lang)),
                                std::string(text(is_lit ? Label::lit_walkway : Label::unlit_walkway, lang)), false});
            if (const auto len = fields.number(f, "length_m"))
                mf.popup.push_back({std::string(text(Label::length_m, lang)), detail::number(*len, 0), false});
            if (fields.flag(f, "seen").value_or(false)) {
                MapFeature s;
                s.geometry = f.geometry;
                seen_pieces.features.push_back(std::move(s));
            }
            pieces.features.push_back(std::move(mf));
        }
        doc.layers.push_back(std::move(pieces));
        doc.layers.push_back(std::move(seen_pieces));
    }
    if (input.gaps) {
        const detail::FeatureFields fields(*input.gaps);
        std::vector<const model::Feature*> order;
        for (const auto& f : input.gaps->features) order.push_back(&f);
        if (fields.has("rank"))
            std::stable_sort(order.begin(), order.end(), [&](const model::Feature* a, const model::Feature* b) {
                return fields.number(*a, "rank").value_or(1e300) < fields.number(*b, "rank").value_or(1e300);
            });
        if (order.size() > input.top_gaps) order.resize(input.top_gaps);
        MapLayer gaps;
        gaps.id = "gaps";
        gaps.title = detail::substitute(text(Label::gaps_top, lang), std::to_string(order.size()));
        gaps.style = line_style({215, 25, 28}, 5.0);
        gaps.style.stroke_opacity = 0.8;
        gaps.style.fill = {215, 25, 28};
        gaps.style.fill_opacity = 0.3;
        std::size_t n = 0;
        for (const model::Feature* f : order) {
            ++n;
            MapFeature mf;
            mf.geometry = f->geometry;
            const auto rank = fields.number(*f, "rank");
            mf.title = std::string(text(Label::gap, lang)) + " " + detail::number(rank.value_or(static_cast<double>(n)));
            if (const auto len = fields.number(*f, "length_m"))
                mf.popup.push_back({std::string(text(Label::length_m, lang)), detail::number(*len, 0), false});
            if (const auto reports = fields.number(*f, "reports"))
                mf.popup.push_back({std::string(text(Label::reports, lang)), detail::number(*reports), false});
            gaps.features.push_back(std::move(mf));
        }
        doc.layers.push_back(std::move(gaps));
    }
    if (input.lights) doc.layers.push_back(detail::lights_layer(*input.lights, lang));
    if (input.cameras)
        for (auto& l : detail::camera_layers(*input.cameras, lang)) doc.layers.push_back(std::move(l));
    if (input.sites) {
        const detail::FeatureFields fields(*input.sites);
        MapLayer sites = make_layer("sites", Label::proposed_sites, lang, make_style({0, 109, 44}, 2.0, {116, 196, 118}, 1.0, 6.0));
        std::size_t n = 0;
        for (const model::Feature& f : input.sites->features) {
            ++n;
            MapFeature mf;
            mf.geometry = f.geometry;
            const auto rank = fields.number(f, "rank");
            mf.title = std::string(text(Label::proposed_site, lang)) + " " + detail::number(rank.value_or(static_cast<double>(n)));
            const std::string kind = fields.text(f, "kind");
            if (!kind.empty()) mf.popup.push_back({std::string(text(Label::category, lang)), kind, false});
            for (const char* g : {"gain_m", "gain"})
                if (const auto gain = fields.number(f, g)) {
                    mf.popup.push_back({std::string(text(Label::gain_m, lang)), detail::number(*gain, 0), false});
                    break;
                }
            sites.features.push_back(std::move(mf));
        }
        doc.layers.push_back(std::move(sites));
    }
}

}  // namespace trygg::map
