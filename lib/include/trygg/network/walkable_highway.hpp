#pragma once
// Which OSM highway values a pedestrian may use (the walkway filter of the walking network).
// Walkable: footway, path, pedestrian, living_street, residential, service, steps, track,
// cycleway, unclassified, bridleway, corridor, road, and tertiary/secondary/primary (and their
// _link roads). Not walkable: motorway and trunk (and their links), roads under construction or
// only proposed, raceways, bus guideways, and any way tagged foot=no or foot=private.
// Other values (a layer's own vocabulary, e.g. "gångväg") are unknown: the graph builder keeps
// them, since a non-OSM walkway layer is walkable unless it says otherwise.

#include <string_view>

namespace trygg::network {

enum class Walkability { walkable, not_walkable, unknown };

// `highway` and `foot` are tag values as written ("" when missing). An empty highway is unknown
// (unless foot says no).
Walkability highway_walkability(std::string_view highway, std::string_view foot = {});

// True for the walkable OSM values only (the filter applied to OSM extracts).
inline bool walkable_highway(std::string_view highway, std::string_view foot = {}) {
    return highway_walkability(highway, foot) == Walkability::walkable;
}

}  // namespace trygg::network
