#pragma once
// Reading an input attribute as a number, for analyses that take a user-named field (for
// example `trygg gistar --value-field`): the field is found by name in the layer's schema, and
// a value counts as numeric when it is an integer, a finite real, or text that is entirely one
// finite number (CSV sources deliver every column as text).

#include <cstddef>
#include <optional>
#include <string_view>

#include "trygg/model/layer.hpp"
#include "trygg/model/value.hpp"

namespace trygg::model {

// Index of the field named `name` in layer.fields: an exact match first, else the only
// case-insensitive (ASCII) match; nullopt when there is none or the case-insensitive match is
// ambiguous.
std::optional<std::size_t> find_field(const Layer& layer, std::string_view name);

// The value as a finite double: integers and finite reals as they are; text when, after
// surrounding blanks are removed, it is one decimal number in C syntax ("3", "-2.5", "1e3";
// no thousands separators, no decimal comma). NULL, empty text, other text, NaN and infinities
// give nullopt.
std::optional<double> numeric_value(const Value& value);

}  // namespace trygg::model
