#pragma once
// Guessing what kind of layer a source holds when the user did not say (--kind), from its
// geometry type, its field names and the words in its file and layer names.

#include <string>
#include <vector>

#include "trygg/model/kind.hpp"

namespace trygg::io {

enum class SourceGeometry { point, line, polygon, mixed_point_polygon, unknown };

model::Kind guess_kind(const std::string& source, const std::string& layer, SourceGeometry geometry,
                       const std::vector<std::string>& field_names);

}  // namespace trygg::io
