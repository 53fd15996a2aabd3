#pragma once
// The safe-route map: the shortest and the safe route between two points with their figures
// (length, detour, lit and seen shares, hotspot exposure), from the output of `trygg route`.

#include "trygg/map/map_document.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::map {

struct RouteMapInput {
    const model::Layer* routes = nullptr;  // lines: route (shortest|safe), length_m, detour_pct,
                                           // lit_share, seen_share, exposure
    const model::Layer* lights = nullptr;  // context, optional
    const model::Layer* cameras = nullptr;
};

void add_route(MapDocument& doc, const RouteMapInput& input);

}  // namespace trygg::map
