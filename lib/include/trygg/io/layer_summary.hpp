#pragma once
// What `trygg info` (and the Python layer object) tells about a layer after reading: counts,
// rejections per reason, CRSs, lon/lat extent, time span and categories.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "trygg/model/layer.hpp"

namespace trygg::io {

struct LayerSummary {
    std::string source, layer, kind;
    bool kind_guessed = false;
    std::int64_t features = 0, accepted = 0;
    std::map<std::string, std::size_t> rejected;  // reason -> count
    std::string source_crs, working_crs;
    std::optional<std::array<double, 4>> extent_lonlat;  // min lon, min lat, max lon, max lat
    std::optional<std::pair<model::TimePoint, model::TimePoint>> time_span;
    std::map<std::string, std::size_t> categories;       // normalised category -> count
    std::map<std::string, std::string> mapped_fields;    // role -> source field name
};

// `layer` must be reprojected (io/working_crs.hpp) so its working CRS is known.
LayerSummary summarise(const model::Layer& layer);

}  // namespace trygg::io
