#include "trygg/map/stops_map.hpp"

#include <algorithm>
#include <map>

#include "map/detail/feature_fields.hpp"
#include "map/detail/text_format.hpp"
#include "trygg/map/activity_categories.hpp"

namespace trygg::map {

void add_stops(MapDocument& doc, const StopsMapInput& input) {
    const Language lang = doc.lang;
    std::map<std::string, std::vector<const StopLink*>> by_stop;
    for (const StopLink& l : input.links) by_stop[l.stop_id].push_back(&l);
    for (auto& [id, links] : by_stop)
        std::stable_sort(links.begin(), links.end(), [](const StopLink* a, const StopLink* b) {
            return a->distance_m < b->distance_m || (a->distance_m == b->distance_m && a->activity < b->activity);
        });
    auto stop_id_of = [](const detail::FeatureFields& fields, const model::Feature& f) {
        std::string id = fields.text(f, "stop_id");
        return id.empty() ? f.id : id;
    };

    if (input.areas) {
        const detail::FeatureFields fields(*input.areas);
        // Light, thin outlines: a city's walking areas overlap many times over, and each
        // overlap darkens the green (where more stops are in reach).
        MapLayer areas = make_layer("walking_areas", Label::walking_area, lang, make_style({65, 171, 93}, 0.75, {161, 217, 155}, 0.2));
        areas.style.stroke_opacity = 0.6;
        for (const model::Feature& f : input.areas->features) {
            if (!std::holds_alternative<model::MultiPolygon>(f.geometry)) continue;
            MapFeature mf;
            mf.geometry = f.geometry;
            if (const auto minutes = fields.number(f, "minutes"))
                mf.popup.push_back({std::string(text(Label::walk_minutes, lang)), detail::number(*minutes), false});
            areas.features.push_back(std::move(mf));
        }
        // Under the walkways: the streets stay visible through the areas they are part of.
        const auto walkways = std::find_if(doc.layers.begin(), doc.layers.end(), [](const MapLayer& l) { return l.id == "walkways"; });
        doc.layers.insert(walkways, std::move(areas));
    }
    if (input.activities) {
        MapLayer acts = make_layer("activities", Label::activities, lang, make_style({84, 39, 143}, 1.0, {158, 154, 200}, 0.6, 4.0));
        for (const model::Feature& f : input.activities->features) {
            MapFeature mf;
            mf.geometry = f.geometry;
            mf.title = f.name;
            if (!f.category.empty())
                mf.popup.push_back({std::string(text(Label::category, lang)), activity_category_text(f.category, lang), false});
            acts.features.push_back(std::move(mf));
        }
        doc.layers.push_back(std::move(acts));
    }
    if (input.stops) {
        const detail::FeatureFields fields(*input.stops);
        MapLayer stops = make_layer("stops", Label::stops, lang, make_style({255, 255, 255}, 1.5, {8, 81, 156}, 1.0, 5.0));
        stops.print_labels = true;
        // Stops trygg nearby could not snap (snapped = 0: no walkway within --max-snap, often
        // because they lie outside the extract) reach nothing. Drawn hollow and grey in a layer
        // of their own, below the others, without labels, and they do not widen the map: a
        // region's stop list must not zoom a town's map out to the whole region.
        MapLayer off = make_layer("stops_off_network", Label::stops_off_network, lang,
                                  make_style({115, 115, 115}, 1.5, {255, 255, 255}, 0.85, 4.0));
        off.in_focus = false;
        for (const model::Feature& f : input.stops->features) {
            if (!std::holds_alternative<model::Point>(f.geometry)) continue;
            MapFeature mf;
            mf.geometry = f.geometry;
            mf.title = f.name.empty() ? std::string(text(Label::stop, lang)) + " " + stop_id_of(fields, f) : f.name;
            if (!fields.flag(f, "snapped").value_or(true)) {
                mf.popup.push_back({std::string(text(Label::walking_network, lang)), std::string(text(Label::not_on_network, lang)), false});
                off.features.push_back(std::move(mf));
                continue;
            }
            const auto it = by_stop.find(stop_id_of(fields, f));
            if (it != by_stop.end()) {
                mf.popup.push_back({std::string(text(Label::activities_within, lang)), std::to_string(it->second.size()), false});
                std::size_t shown = 0;
                for (const StopLink* l : it->second) {
                    if (shown++ == input.popup_rows) break;
                    const std::string category = activity_category_text(l->category, lang);
                    mf.popup.push_back({l->activity + (category.empty() ? "" : " (" + category + ")"),
                                        detail::number(l->distance_m, 0) + " m, " + detail::number(l->minutes, 0) + " min", false});
                }
            }
            stops.features.push_back(std::move(mf));
        }
        if (!off.features.empty()) {
            doc.notes.push_back(detail::substitute(text(Label::off_network_note, lang), std::to_string(off.features.size())));
            doc.layers.push_back(std::move(off));
        }
        doc.layers.push_back(std::move(stops));
    }
}

}  // namespace trygg::map
