#include "trygg/model/attribute_values.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

namespace trygg::model {

namespace {

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto ca = static_cast<unsigned char>(a[i]), cb = static_cast<unsigned char>(b[i]);
        if (std::tolower(ca) != std::tolower(cb)) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<std::size_t> find_field(const Layer& layer, std::string_view name) {
    for (std::size_t i = 0; i < layer.fields.size(); ++i)
        if (layer.fields[i].name == name) return i;
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        if (!equal_ignoring_ascii_case(layer.fields[i].name, name)) continue;
        if (found) return std::nullopt;  // ambiguous
        found = i;
    }
    return found;
}

std::optional<double> numeric_value(const Value& value) {
    if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&value)) {
        if (!std::isfinite(*d)) return std::nullopt;
        return *d;
    }
    if (const auto* s = std::get_if<std::string>(&value)) {
        std::string_view text = trim(*s);
        if (text.empty()) return std::nullopt;
        if (text.front() == '+') text.remove_prefix(1);  // from_chars does not take a plus sign
        if (text.empty() || text.front() == '+') return std::nullopt;
        double v = 0.0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
        return v;
    }
    return std::nullopt;
}

}  // namespace trygg::model
