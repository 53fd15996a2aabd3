#include "trygg/index/boost_geometry.hpp"

#include <boost/geometry/algorithms/correct.hpp>

namespace trygg::index {

BoostMultiPolygon to_boost(const model::MultiPolygon& areas) {
    BoostMultiPolygon result;
    result.reserve(areas.size());
    for (const model::Polygon& polygon : areas) {
        BoostPolygon converted;
        converted.outer().assign(polygon.outer.begin(), polygon.outer.end());
        converted.inners().reserve(polygon.holes.size());
        for (const model::Ring& hole : polygon.holes) {
            converted.inners().emplace_back(hole.begin(), hole.end());
        }
        result.push_back(std::move(converted));
    }
    boost::geometry::correct(result);
    return result;
}

}  // namespace trygg::index
