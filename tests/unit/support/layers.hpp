#pragma once
// A layer of given geometries, as a reader would make it, for tests of whole jobs that take
// layers (coverage, nearby): ids "F1", "F2", ... and fids 1, 2, ... in order.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "trygg/model/layer.hpp"

namespace trygg::test {

inline model::Layer layer_of(model::Kind kind, const std::vector<model::Geometry>& geometries,
                             std::string working_crs = "EPSG:3006") {
    model::Layer layer;
    layer.kind = kind;
    layer.source = "test.geojson";
    layer.name = std::string(model::to_string(kind));
    layer.working_crs = std::move(working_crs);
    for (std::size_t i = 0; i < geometries.size(); ++i) {
        model::Feature f;
        f.fid = static_cast<std::int64_t>(i + 1);
        f.id = "F" + std::to_string(i + 1);
        f.geometry = geometries[i];
        layer.features.push_back(std::move(f));
    }
    return layer;
}

}  // namespace trygg::test
