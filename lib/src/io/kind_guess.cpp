#include "trygg/io/kind_guess.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <string_view>
#include <utility>

namespace trygg::io {

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool contains_any(const std::string& haystack, std::initializer_list<std::string_view> needles) {
    return std::any_of(needles.begin(), needles.end(), [&](std::string_view n) {
        return haystack.find(n) != std::string::npos;
    });
}

bool has_field(const std::vector<std::string>& fields, std::initializer_list<std::string_view> names) {
    return std::any_of(fields.begin(), fields.end(), [&](const std::string& f) {
        const std::string lf = lower(f);
        return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return lf == n; });
    });
}

}  // namespace

model::Kind guess_kind(const std::string& source, const std::string& layer, SourceGeometry geometry,
                       const std::vector<std::string>& field_names) {
    using model::Kind;
    // Words in the file and layer name are the strongest hint people give (lights.gpkg,
    // kameror.shp, hallplatser.csv); Swedish and English.
    const std::string words =
        lower(std::filesystem::path(source).filename().string()) + " " + lower(layer);

    switch (geometry) {
        case SourceGeometry::line: return Kind::walkways;
        case SourceGeometry::mixed_point_polygon: return Kind::activities;
        case SourceGeometry::polygon:
            if (contains_any(words, {"build", "byggnad", "hus"})) return Kind::buildings;
            if (contains_any(words, {"district", "area", "stadsdel", "omrade", "område", "zone", "ward",
                                     "neighbo", "deso", "regso"}))
                return Kind::areas;
            if (contains_any(words, {"activit", "aktivitet", "poi", "park"})) return Kind::activities;
            return Kind::buildings;
        case SourceGeometry::point:
        case SourceGeometry::unknown: break;
    }
    if (contains_any(words, {"light", "lamp", "belysning", "armatur", "ljuspunkt", "lykt"}) &&
        !contains_any(words, {"outage", "report"}))
        return Kind::lights;
    if (contains_any(words, {"camera", "cctv", "kamer", "surveillance", "overvak", "övervak"})) return Kind::cameras;
    if (contains_any(words, {"stop", "hallplats", "hållplats"}) ||
        has_field(field_names, {"stop_id", "stop_lat", "stop_lon"}))
        return Kind::stops;
    if (contains_any(words, {"activit", "aktivitet", "poi", "amenit"})) return Kind::activities;
    if (has_field(field_names, {"heading", "camera:direction", "fov"})) return Kind::cameras;
    return Kind::reports;
}

}  // namespace trygg::io
