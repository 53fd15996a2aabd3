#include "trygg/model/layer.hpp"

#include <algorithm>
#include <limits>

namespace trygg::model {

namespace {
void grow(Box& box, const Point& p) {
    box.min_x = std::min(box.min_x, p.x);
    box.min_y = std::min(box.min_y, p.y);
    box.max_x = std::max(box.max_x, p.x);
    box.max_y = std::max(box.max_y, p.y);
}
}  // namespace

Box extent(const Layer& layer) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    Box box{inf, inf, -inf, -inf};
    bool any = false;
    for (const auto& f : layer.features) {
        if (const auto* p = std::get_if<Point>(&f.geometry)) {
            grow(box, *p);
            any = true;
        } else if (const auto* lines = std::get_if<MultiLineString>(&f.geometry)) {
            for (const auto& line : *lines)
                for (const auto& q : line) grow(box, q), any = true;
        } else if (const auto* polys = std::get_if<MultiPolygon>(&f.geometry)) {
            for (const auto& poly : *polys)
                for (const auto& q : poly.outer) grow(box, q), any = true;
        }
    }
    return any ? box : Box{};
}

}  // namespace trygg::model
