#include "trygg/model/layer.hpp"

#include "trygg/model/geometry_visit.hpp"

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
    for (const auto& f : layer.features)
        for_each_point(f.geometry, [&](const Point& p) {
            grow(box, p);
            any = true;
        });
    return any ? box : Box{};
}

}  // namespace trygg::model
