#pragma once
// The kinds of layer trygg works with. A kind fixes the geometry it expects and the fields it
// maps (see docs/data-model.md).

#include <optional>
#include <string>
#include <string_view>

namespace trygg::model {

enum class Kind { reports, lights, cameras, stops, activities, walkways, buildings, areas };

enum class GeometryClass { point, line, polygon, point_or_polygon };

std::string_view to_string(Kind kind);
std::optional<Kind> parse_kind(std::string_view text);  // "reports", "lights", ...
GeometryClass expected_geometry(Kind kind);
// All kinds, in the order above (for help texts and validation messages).
const std::initializer_list<Kind>& all_kinds();

}  // namespace trygg::model
