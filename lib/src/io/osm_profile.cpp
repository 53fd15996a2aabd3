#include "trygg/io/osm_profile.hpp"

#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "io/detail/gdal_errors.hpp"
#include "trygg/error.hpp"
#include "trygg/io/gdal_setup.hpp"

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

constexpr const char* walkway_filter =
    "highway IN ('footway','path','pedestrian','living_street','residential','service',"
    "'steps','track','cycleway','unclassified','tertiary','tertiary_link','secondary',"
    "'secondary_link','primary','primary_link','bridleway','corridor','road') "
    "AND (foot IS NULL OR foot NOT IN ('no','private'))";

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
            // where foot=no (osm_left_out counts what this leaves out).
            return OsmSelection{"lines", walkway_filter, "highway"};
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

std::map<std::string, std::size_t> osm_left_out(const std::string& source, model::Kind kind) {
    std::map<std::string, std::size_t> out;
    if (kind != model::Kind::walkways || !is_osm_source(source)) return out;
    ensure_gdal();
    const std::string config = "CONFIG_FILE=" + osm_config_path();
    const char* open_options[] = {config.c_str(), nullptr};
    CPLErrorReset();
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options, nullptr));
    if (!ds) throw DataError("cannot open: " + detail::gdal_message("not a readable OSM extract"), {source, {}, {}, {}});
    OGRLayer* lines = ds->GetLayerByName("lines");
    if (!lines) return out;
    const std::string where = std::string("highway IS NOT NULL AND NOT (") + walkway_filter + ")";
    if (lines->SetAttributeFilter(where.c_str()) != OGRERR_NONE)
        throw DataError("cannot select the left-out ways: " + detail::gdal_message("bad filter"), {source, "lines", {}, {}});
    const int highway_i = lines->GetLayerDefn()->GetFieldIndex("highway");
    const int foot_i = lines->GetLayerDefn()->GetFieldIndex("foot");
    for (auto& feature : *lines) {
        const std::string highway = highway_i >= 0 ? feature->GetFieldAsString(highway_i) : "";
        const std::string foot = foot_i >= 0 && feature->IsFieldSetAndNotNull(foot_i) ? feature->GetFieldAsString(foot_i) : "";
        if (foot == "no") ++out["foot_no"];
        else if (foot == "private") ++out["foot_private"];
        else if (highway == "motorway" || highway == "motorway_link" || highway == "trunk" || highway == "trunk_link")
            ++out["motorway_trunk"];
        else ++out["highway_not_walkable"];
    }
    return out;
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
