#include "trygg/hotspot/evaluation.hpp"

#include "trygg/error.hpp"
#include "trygg/index/area_index.hpp"
#include "trygg/index/boost_geometry.hpp"
#include "trygg/index/point_index.hpp"

#include <boost/geometry.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace trygg::hotspot {

namespace bg = boost::geometry;

namespace {

void check_study_area(double study_area_m2) {
    if (!(std::isfinite(study_area_m2) && study_area_m2 > 0.0)) {
        throw UsageError("the study area must be a positive number of square metres");
    }
}

// GCC 12 reports a false "may be used uninitialized" inside Boost.Geometry's rescale policy
// once union_ is inlined here (the value is set on every path); silenced for this function only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
// Area of the union of the areas. Merging pairwise in rounds (a cascaded union) keeps the
// operands of similar size, which is much cheaper than adding areas to one growing polygon.
double union_area(const std::vector<model::MultiPolygon>& areas) {
    std::vector<index::BoostMultiPolygon> parts;
    parts.reserve(areas.size());
    for (const model::MultiPolygon& area : areas) {
        index::BoostMultiPolygon converted = index::to_boost(area);
        if (!bg::is_empty(converted)) parts.push_back(std::move(converted));
    }
    if (parts.empty()) return 0.0;
    try {
        while (parts.size() > 1) {
            std::vector<index::BoostMultiPolygon> merged;
            merged.reserve(parts.size() / 2 + 1);
            for (std::size_t i = 0; i + 1 < parts.size(); i += 2) {
                index::BoostMultiPolygon both;
                bg::union_(parts[i], parts[i + 1], both);
                merged.push_back(std::move(both));
            }
            if (parts.size() % 2 == 1) merged.push_back(std::move(parts.back()));
            parts = std::move(merged);
        }
    } catch (const bg::exception& e) {
        throw DataError(std::string("hotspot areas could not be merged (invalid polygon?): ") + e.what());
    }
    return bg::area(parts.front());
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace

HitRate prediction_accuracy(std::span<const model::Point> later_reports,
                            const std::vector<model::MultiPolygon>& hotspot_areas, double study_area_m2) {
    check_study_area(study_area_m2);
    if (later_reports.empty()) throw DataError("prediction accuracy: there are no later reports to evaluate");

    const index::AreaIndex areas(hotspot_areas);
    HitRate rate;
    rate.total = later_reports.size();
    for (const model::Point& report : later_reports) {
        if (areas.first_covering(report)) ++rate.hits;
    }
    rate.hit_rate = static_cast<double>(rate.hits) / static_cast<double>(rate.total);
    rate.area_share = union_area(hotspot_areas) / study_area_m2;
    rate.pai = rate.area_share > 0.0 ? rate.hit_rate / rate.area_share : std::numeric_limits<double>::quiet_NaN();
    return rate;
}

NearestNeighbourIndex nearest_neighbour_index(std::span<const model::Point> points, double study_area_m2) {
    check_study_area(study_area_m2);
    if (points.size() < 2) throw DataError("nearest neighbour index: needs at least 2 points");

    const index::PointIndex point_index(points);
    double sum = 0.0;
    for (std::size_t i = 0; i < points.size(); ++i) sum += *point_index.nearest_other_distance(i);

    NearestNeighbourIndex result;
    const double n = static_cast<double>(points.size());
    result.n = points.size();
    result.area = study_area_m2;
    result.observed_mean = sum / n;
    const double density = n / study_area_m2;
    result.expected_mean = 0.5 / std::sqrt(density);
    // Clark & Evans' standard error of the mean nearest neighbour distance, 0.26136 / sqrt(n rho),
    // written as in ArcGIS's Average Nearest Neighbor: 0.26136 / sqrt(n^2 / A).
    const double standard_error = 0.26136 / std::sqrt(n * n / study_area_m2);
    result.nni = result.observed_mean / result.expected_mean;
    result.z = (result.observed_mean - result.expected_mean) / standard_error;
    result.p = std::erfc(std::abs(result.z) / std::sqrt(2.0));
    return result;
}

}  // namespace trygg::hotspot
