#pragma once
// How trygg reads OpenStreetMap extracts (.osm, .osm.pbf) through GDAL's OSM driver: which OSM
// tags become attributes, and which OSM layer and tag filter give each kind of layer
// (street lamps -> lights, man_made=surveillance -> cameras, walkable highways -> walkways...).

#include <cstddef>
#include <map>
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

// What the kind's selection leaves out of the extract, counted per reason, so nothing read is
// dropped without a count. Walkways: the ways with a highway tag that are not walkable,
// "foot_no" / "foot_private" (foot=no / foot=private), "motorway_trunk" (motorway, trunk and
// their links) and "highway_not_walkable" (any other value: construction, proposed, raceway,
// platform...). One extra pass over the extract's layer; empty for the other kinds and for
// sources that are not OSM extracts. Throws DataError when the extract cannot be read.
std::map<std::string, std::size_t> osm_left_out(const std::string& source, model::Kind kind);

// Path of trygg's OSM driver configuration (a GDAL virtual file written on first use), passed as
// the CONFIG_FILE open option so the tags trygg needs (lit, foot, amenity, camera:direction...)
// are real attributes instead of being buried in other_tags.
const std::string& osm_config_path();

}  // namespace trygg::io
