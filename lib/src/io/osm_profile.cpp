#include "trygg/io/osm_profile.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace trygg::io {

namespace {

// Configuration in the format of GDAL's OSM driver (see GDAL's OSM driver documentation,
// "Configuration"). Only the attributes differ from the driver's defaults in spirit: trygg needs
// lighting, access and camera tags as fields.
constexpr const char* osm_config_text = R"INI(closed_ways_are_polygons=aeroway,amenity,boundary,building,landuse,leisure,place,shop,sport,tourism,highway=platform,public_transport=platform
[points]
osm_id=yes
attributes=name,highway,amenity,leisure,shop,tourism,sport,man_made,public_transport,surveillance,surveillance:type,camera:direction,camera:angle,direction,height,lit,ref
other_tags=no
[lines]
osm_id=yes
attributes=name,highway,foot,access,lit,footway,sidewalk,surface,service,tunnel,bridge
other_tags=no
[multipolygons]
osm_id=yes
attributes=name,type,amenity,leisure,landuse,building,boundary,admin_level,place,shop,sport,tourism
other_tags=no
[multilinestrings]
osm_id=yes
attributes=name,type
other_tags=no
[other_relations]
osm_id=yes
attributes=name,type
other_tags=no
)INI";

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

}  // namespace

bool is_osm_source(const std::string& path) {
    const std::string p = lower(path);
    auto ends_with = [&p](const std::string& suffix) {
        return p.size() >= suffix.size() && p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return ends_with(".osm.pbf") || ends_with(".pbf") || ends_with(".osm");
}

std::optional<OsmSelection> osm_selection(model::Kind kind) {
    using model::Kind;
    switch (kind) {
        case Kind::lights: return OsmSelection{"points", "highway = 'street_lamp'", ""};
        case Kind::cameras: return OsmSelection{"points", "man_made = 'surveillance'", "surveillance"};
        case Kind::stops:
            return OsmSelection{"points", "highway = 'bus_stop' OR public_transport = 'platform'", ""};
        case Kind::activities:
            return OsmSelection{"points",
                                "amenity IS NOT NULL OR leisure IS NOT NULL OR shop IS NOT NULL OR "
                                "tourism IS NOT NULL OR sport IS NOT NULL",
                                "amenity"};
        case Kind::walkways:
            // Walkable highways (docs/data-model.md): never motorways or trunk roads, and not
            // where foot=no.
            return OsmSelection{
                "lines",
                "highway IN ('footway','path','pedestrian','living_street','residential','service',"
                "'steps','track','cycleway','unclassified','tertiary','tertiary_link','secondary',"
                "'secondary_link','primary','primary_link','bridleway','corridor','road') "
                "AND (foot IS NULL OR foot NOT IN ('no','private'))",
                "highway"};
        case Kind::buildings: return OsmSelection{"multipolygons", "building IS NOT NULL", "building"};
        case Kind::areas:
            return OsmSelection{"multipolygons",
                                "name IS NOT NULL AND (boundary = 'administrative' OR place IN "
                                "('suburb','quarter','neighbourhood','borough','city_block'))",
                                "place"};
        case Kind::reports: return std::nullopt;
    }
    return std::nullopt;
}

const std::string& osm_config_path() {
    static const std::string path = "/vsimem/trygg/osmconf.ini";
    static std::once_flag written;
    std::call_once(written, [] {
        const std::string text = osm_config_text;
        VSILFILE* file = VSIFOpenL(path.c_str(), "wb");
        if (file) {
            VSIFWriteL(text.data(), 1, text.size(), file);
            VSIFCloseL(file);
        }
    });
    return path;
}

}  // namespace trygg::io
