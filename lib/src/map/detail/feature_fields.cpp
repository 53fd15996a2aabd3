#include "map/detail/feature_fields.hpp"

#include <algorithm>
#include <cctype>

#include "map/detail/text_format.hpp"
#include "trygg/model/attribute_values.hpp"

namespace trygg::map::detail {

bool FeatureFields::has(std::string_view field) const { return model::find_field(layer_, field).has_value(); }

std::optional<double> FeatureFields::number(const model::Feature& f, std::string_view field) const {
    const auto i = model::find_field(layer_, field);
    if (!i || *i >= f.attributes.size()) return std::nullopt;
    return model::numeric_value(f.attributes[*i]);
}

std::string FeatureFields::text(const model::Feature& f, std::string_view field) const {
    const auto i = model::find_field(layer_, field);
    if (!i || *i >= f.attributes.size()) return {};
    const model::Value& v = f.attributes[*i];
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
    if (const auto* d = std::get_if<double>(&v)) return detail::number(*d, 2);
    return {};
}

std::optional<bool> FeatureFields::flag(const model::Feature& f, std::string_view field) const {
    if (const auto n = number(f, field)) return *n != 0.0;
    std::string t = text(f, field);
    if (t.empty()) return std::nullopt;
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (t == "yes" || t == "true" || t == "ja" || t == "y") return true;
    if (t == "no" || t == "false" || t == "nej" || t == "n") return false;
    return std::nullopt;
}

}  // namespace trygg::map::detail
