#pragma once
// What a user can say about how to read an input: its kind, which layer, which fields play
// which role, how times are written and which CRS an input without one is in.

#include <optional>
#include <string>

#include "trygg/io/field_mapping.hpp"
#include "trygg/io/time_parser.hpp"
#include "trygg/model/kind.hpp"

namespace trygg::io {

struct ReadOptions {
    std::optional<model::Kind> kind;  // --kind; guessed when empty
    std::string layer;                // --layer; the first (or only) suitable layer when empty
    FieldOverrides fields;            // --category-field, --time-field, --x-field, ...
    TimeFormat time_format;           // --time-format
    std::string src_crs;              // --src-crs: the CRS of input that has none (or a wrong one)
};

}  // namespace trygg::io
