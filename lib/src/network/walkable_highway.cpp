#include "trygg/network/walkable_highway.hpp"

#include <algorithm>
#include <array>

namespace trygg::network {

Walkability highway_walkability(std::string_view highway, std::string_view foot) {
    if (foot == "no" || foot == "private") return Walkability::not_walkable;
    // Both lists sorted for binary search. Values from the OSM wiki's Key:highway page.
    static constexpr std::array<std::string_view, 19> walkable{
        "bridleway", "corridor",  "cycleway",       "footway", "living_street", "path",          "pedestrian",
        "primary",   "primary_link", "residential", "road",    "secondary",     "secondary_link", "service",
        "steps",     "tertiary",  "tertiary_link",  "track",   "unclassified"};
    static constexpr std::array<std::string_view, 10> never{
        "abandoned", "bus_guideway", "construction", "motorway", "motorway_link",
        "proposed",  "raceway",      "razed",        "trunk",    "trunk_link"};
    if (std::binary_search(walkable.begin(), walkable.end(), highway)) return Walkability::walkable;
    if (std::binary_search(never.begin(), never.end(), highway)) return Walkability::not_walkable;
    return Walkability::unknown;
}

}  // namespace trygg::network
