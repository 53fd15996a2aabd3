#include "trygg/model/kind.hpp"

#include <initializer_list>

namespace trygg::model {

const std::initializer_list<Kind>& all_kinds() {
    static const std::initializer_list<Kind> kinds = {
        Kind::reports, Kind::lights,    Kind::cameras,   Kind::stops,
        Kind::activities, Kind::walkways, Kind::buildings, Kind::areas};
    return kinds;
}

std::string_view to_string(Kind kind) {
    switch (kind) {
        case Kind::reports: return "reports";
        case Kind::lights: return "lights";
        case Kind::cameras: return "cameras";
        case Kind::stops: return "stops";
        case Kind::activities: return "activities";
        case Kind::walkways: return "walkways";
        case Kind::buildings: return "buildings";
        case Kind::areas: return "areas";
    }
    return "unknown";
}

std::optional<Kind> parse_kind(std::string_view text) {
    for (Kind kind : all_kinds())
        if (to_string(kind) == text) return kind;
    return std::nullopt;
}

GeometryClass expected_geometry(Kind kind) {
    switch (kind) {
        case Kind::reports:
        case Kind::lights:
        case Kind::cameras:
        case Kind::stops: return GeometryClass::point;
        case Kind::activities: return GeometryClass::point_or_polygon;
        case Kind::walkways: return GeometryClass::line;
        case Kind::buildings:
        case Kind::areas: return GeometryClass::polygon;
    }
    return GeometryClass::point;
}

}  // namespace trygg::model
