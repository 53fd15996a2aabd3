#pragma once
// One accepted input feature: its geometry in the working CRS, every original attribute, and
// the fields trygg understands (mapped from the user's field names, see io/field_mapping.hpp).

#include <cstdint>
#include <optional>
#include <string>

#include "trygg/model/geometry.hpp"
#include "trygg/model/time.hpp"
#include "trygg/model/value.hpp"

namespace trygg::model {

struct Feature {
    std::int64_t fid = 0;    // FID in the source (row number for CSV), for messages and rejects
    std::string id;          // the mapped id field, or the FID as text
    Geometry geometry;
    AttributeRow attributes;  // aligned with Layer::fields

    // Mapped fields; empty/unset when the layer has no such field.
    std::string category;             // normalised (see io/category_vocabulary.hpp)
    std::string raw_category;         // as written in the source
    std::optional<TimePoint> time;
    double weight = 1.0;
    std::string name;
    std::string status;               // lights: e.g. "broken"
    std::optional<double> height;     // lights: metres
    std::optional<double> heading;    // cameras: degrees clockwise from north
    std::optional<double> fov;        // cameras: field-of-view angle in degrees
    std::optional<double> range;      // cameras: metres
    std::string highway;              // walkways: OSM highway value
    std::string lit;                  // walkways: OSM lit value as written
};

}  // namespace trygg::model
