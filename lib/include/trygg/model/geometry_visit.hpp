#pragma once
// Visiting every coordinate of a model::Geometry, read-only or in place, so that extents,
// reprojection and range checks share one walk over points, lines, rings and holes.

#include <type_traits>
#include <variant>

#include "trygg/model/geometry.hpp"

namespace trygg::model {

// Calls fn(point) for every vertex, holes included; G is Geometry or const Geometry, and the
// point is a reference of the same constness.
template <class G, class Fn>
    requires std::is_same_v<std::remove_const_t<G>, Geometry>
void for_each_point(G& geometry, Fn&& fn) {
    if (auto* p = std::get_if<Point>(&geometry)) {
        fn(*p);
    } else if (auto* lines = std::get_if<MultiLineString>(&geometry)) {
        for (auto& line : *lines)
            for (auto& q : line) fn(q);
    } else if (auto* polys = std::get_if<MultiPolygon>(&geometry)) {
        for (auto& poly : *polys) {
            for (auto& q : poly.outer) fn(q);
            for (auto& hole : poly.holes)
                for (auto& q : hole) fn(q);
        }
    }
}

}  // namespace trygg::model
