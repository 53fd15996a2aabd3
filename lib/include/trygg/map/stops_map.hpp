#pragma once
// The "what's near this bus stop" map: each stop with its walking area and, in its popup, the
// activities reachable within the walk with distance and minutes; the activities themselves.
// Layers are read from the output of `trygg nearby` (stops, areas, links) and the activities
// input (docs/cli/map.md lists the fields). Stops with snapped = 0 (no walkway within trygg
// nearby's --max-snap) go to a layer of their own, "stops_off_network", drawn hollow and grey,
// which does not decide the map's extent; a note counts them. Categories are shown in the
// map's language (activity_categories.hpp).

#include "trygg/map/map_document.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::map {

// One reachable (stop, activity) pair, from the `links` layer.
struct StopLink {
    std::string stop_id;
    std::string activity;  // name
    std::string category;
    double distance_m = 0.0;
    double minutes = 0.0;
};

struct StopsMapInput {
    const model::Layer* stops = nullptr;       // points: stop_id, name, snapped (0/1)
    const model::Layer* areas = nullptr;       // polygons: stop_id
    std::vector<StopLink> links;               // any order
    const model::Layer* activities = nullptr;  // points or polygons: name, category
    std::size_t popup_rows = 15;               // activities listed per stop (nearest first)
};

void add_stops(MapDocument& doc, const StopsMapInput& input);

}  // namespace trygg::map
