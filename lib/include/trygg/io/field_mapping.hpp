#pragma once
// Which source field plays which role (category, time, weight, x/y ...). Users rarely rename
// their columns for us, so trygg recognises the usual names in English and Swedish (one
// priority table in field_mapping.cpp, listed in docs/data-model.md) and lets options such as
// --category-field override any of them.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trygg/error.hpp"
#include "trygg/model/kind.hpp"

namespace trygg::io {

enum class FieldRole { id, category, time, weight, name, x, y, wkt, height, status, heading, fov, range, lit, highway };

// "id", "category", ..., the word used in option names (--<role>-field) and messages.
std::string_view to_string(FieldRole role);
std::optional<FieldRole> parse_field_role(std::string_view text);
// All roles in enum order.
const std::vector<FieldRole>& all_field_roles();
// The roles auto-detected for a layer of `kind` (e.g. no category for walkways, no x/y for
// lines and polygons, heading/fov/range only for cameras and lights).
const std::vector<FieldRole>& detected_roles(model::Kind kind);

// The field names the user gave (--category-field OPEN_DT ...). An empty name switches the
// role off: the field is not mapped even if auto-detection would find one.
struct FieldOverrides {
    std::map<FieldRole, std::string> fields;
};

struct FieldMapping {
    std::map<FieldRole, int> index;        // role -> index into field_names
    std::vector<std::string> field_names;  // the source's field names, as given to map_fields

    bool has(FieldRole role) const { return index.count(role) != 0; }
    // The field index of `role`, or nullopt when no field plays it.
    std::optional<int> find(FieldRole role) const;
    // The source's name of the field playing `role`; empty when none does.
    std::string name(FieldRole role) const;
    // "category=TYPE, time=OPEN_DT, ..." in role order, for verbose output and `trygg info`.
    std::string describe() const;
};

// Maps roles to fields. Overrides come first: each must name an existing field (exact match,
// else a unique case-insensitive match) or a trygg::UsageError is thrown at `where` naming the
// option and the field and listing the available fields. Then, for each role of
// detected_roles(kind) that is not overridden, the role's names are tried in priority order,
// case-insensitively (fold_case: also '_' and '-' equal ' ' and Å equals å); the first name
// present wins. A field plays at most one role; x and y are detected as a pair (lon with lat,
// easting with northing ...) so they never come from different conventions.
FieldMapping map_fields(const std::vector<std::string>& field_names, const FieldOverrides& overrides,
                        model::Kind kind, const ErrorLocation& where = {});

// The names auto-detection looks for, in priority order, for docs and `trygg info`. For x and
// y these are the pair members in pair order. `kind` matters for category: "type"/"typ" only
// count for reports and activities.
std::vector<std::string> detection_names(FieldRole role, model::Kind kind);

}  // namespace trygg::io
