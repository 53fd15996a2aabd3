#pragma once
// Small text helpers shared by the map writers and presets.

#include <string>
#include <string_view>

namespace trygg::map::detail {

// `pattern` with "%1" replaced by `value`.
std::string substitute(std::string_view pattern, std::string_view value);

// A number for people: integers without decimals, others with up to `decimals` places
// (trailing zeros dropped).
std::string number(double value, int decimals = 1);

// A share in [0, 1] as "42 %".
std::string percent(double share);

// Text escaped for HTML element content and attribute values.
std::string html_escape(std::string_view text);

// Text escaped as the inside of a JSON string, also safe inside an HTML <script> element
// ("</" is written as "<\/").
std::string json_escape(std::string_view text);

}  // namespace trygg::map::detail
