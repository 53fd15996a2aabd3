#include "trygg/map/stops_map.hpp"

#include <algorithm>
#include <map>

#include "map/detail/feature_fields.hpp"
#include "map/detail/text_format.hpp"

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
        MapLayer areas = make_layer("walking_areas", Label::walking_area, lang, make_style({65, 171, 93}, 1.0, {161, 217, 155}, 0.3));
        for (const model::Feature& f : input.areas->features) {
            if (!std::holds_alternative<model::MultiPolygon>(f.geometry)) continue;
            MapFeature mf;
            mf.geometry = f.geometry;
            if (const auto minutes = fields.number(f, "minutes"))
                mf.popup.push_back({std::string(text(Label::walk_minutes, lang)), detail::number(*minutes), false});
            areas.features.push_back(std::move(mf));
        }
        doc.layers.push_back(std::move(areas));
    }
    if (input.activities) {
        MapLayer acts = make_layer("activities", Label::activities, lang, make_style({84, 39, 143}, 1.0, {158, 154, 200}, 0.6, 4.0));
        for (const model::Feature& f : input.activities->features) {
            MapFeature mf;
            mf.geometry = f.geometry;
            mf.title = f.name;
            if (!f.category.empty()) mf.popup.push_back({std::string(text(Label::category, lang)), f.category, false});
            acts.features.push_back(std::move(mf));
        }
        doc.layers.push_back(std::move(acts));
    }
    if (input.stops) {
        const detail::FeatureFields fields(*input.stops);
        MapLayer stops = make_layer("stops", Label::stops, lang, make_style({255, 255, 255}, 1.5, {8, 81, 156}, 1.0, 5.0));
        stops.print_labels = true;
        for (const model::Feature& f : input.stops->features) {
            if (!std::holds_alternative<model::Point>(f.geometry)) continue;
            MapFeature mf;
            mf.geometry = f.geometry;
            mf.title = f.name.empty() ? std::string(text(Label::stop, lang)) + " " + stop_id_of(fields, f) : f.name;
            const auto it = by_stop.find(stop_id_of(fields, f));
            if (it != by_stop.end()) {
                mf.popup.push_back({std::string(text(Label::activities_within, lang)), std::to_string(it->second.size()), false});
                std::size_t shown = 0;
                for (const StopLink* l : it->second) {
                    if (shown++ == input.popup_rows) break;
                    mf.popup.push_back({l->activity + (l->category.empty() ? "" : " (" + l->category + ")"),
                                        detail::number(l->distance_m, 0) + " m, " + detail::number(l->minutes, 0) + " min", false});
                }
            }
            stops.features.push_back(std::move(mf));
        }
        doc.layers.push_back(std::move(stops));
    }
}

}  // namespace trygg::map
