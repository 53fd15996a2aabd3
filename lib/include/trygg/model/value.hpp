#pragma once
// Attribute values and schemas carried through from the input so that outputs keep every
// field the user had.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace trygg::model {

enum class FieldType { integer, real, string, date_time };

struct FieldDef {
    std::string name;
    FieldType type = FieldType::string;
};

// std::monostate is NULL. Date/time attributes are kept as their ISO 8601 text.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;
using AttributeRow = std::vector<Value>;  // aligned with the layer's std::vector<FieldDef>

}  // namespace trygg::model
