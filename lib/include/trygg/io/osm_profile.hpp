#pragma once
// How trygg reads OpenStreetMap extracts (.osm, .osm.pbf) through GDAL's OSM driver: which OSM
// tags become attributes, and which OSM layer and tag filter give each kind of layer
// (street lamps -> lights, man_made=surveillance -> cameras, walkable highways -> walkways...).

#include <optional>
#include <string>

#include "trygg/model/kind.hpp"

namespace trygg::io {

struct OsmSelection {
    std::string layer;         // GDAL OSM driver layer: points, lines, multipolygons
    std::string where;         // OGR SQL attribute filter selecting the kind's features
    std::string category_tag;  // attribute used as category ("" = none)
};

bool is_osm_source(const std::string& path);

// The kinds an OSM extract can provide (reports cannot come from OSM).
std::optional<OsmSelection> osm_selection(model::Kind kind);

// Path of trygg's OSM driver configuration (a GDAL virtual file written on first use), passed as
// the CONFIG_FILE open option so the tags trygg needs (lit, foot, amenity, camera:direction...)
// are real attributes instead of being buried in other_tags.
const std::string& osm_config_path();

}  // namespace trygg::io
