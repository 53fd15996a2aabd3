#pragma once
// A layer as trygg holds it after reading: accepted features in the working CRS, the original
// schema, and the record of what was rejected and why.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "trygg/model/feature.hpp"
#include "trygg/model/kind.hpp"
#include "trygg/model/rejects.hpp"
#include "trygg/model/value.hpp"

namespace trygg::model {

struct Layer {
    Kind kind = Kind::reports;
    std::string source;        // path or connection string as given
    std::string name;          // layer name in the source
    std::string source_crs;    // e.g. "EPSG:4326", or a WKT name when it has no code
    std::string source_crs_wkt;  // full definition used for reprojection
    std::string working_crs;   // e.g. "EPSG:3006"; empty until reprojected
    bool kind_guessed = false; // true when the kind was guessed, not given
    std::vector<FieldDef> fields;
    std::vector<Feature> features;  // accepted
    RejectLog rejects;
    std::int64_t feature_count = 0;  // as read from the source: accepted + rejected

    // Field names the reader mapped to roles ("" = none), reported by `trygg info`.
    std::string category_field, time_field, weight_field, id_field, name_field;
    std::map<std::string, std::string> mapped_fields;  // every role found: role -> field name
};

// Bounding box of all accepted geometries (in the working CRS). Empty layer: all zeros.
Box extent(const Layer& layer);

}  // namespace trygg::model
