#include "trygg/hotspot/evaluation.hpp"

#include "trygg/error.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace trygg::hotspot;
using trygg::model::MultiPolygon;
using trygg::model::Point;
using trygg::model::Polygon;

namespace {

MultiPolygon square(double x0, double y0, double x1, double y1) {
    return {Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}

}  // namespace

TEST(PredictionAccuracy, HandmadeCaseWithOverlappingAreas) {
    // Study area 100 x 100 = 10 000 m2. Two 10 x 10 hotspots overlapping in a 5 x 5 square:
    // union area 100 + 100 - 25 = 175 m2.
    const std::vector<MultiPolygon> hotspots{square(10, 10, 20, 20), square(15, 15, 25, 25)};
    std::vector<Point> later{
        {12, 12}, {18, 11},  // first square only
        {17, 17}, {16, 19},  // overlap: one hit each, not two
        {24, 24},            // second square only
        {20, 12},            // on the first square's boundary
        {25, 25},            // corner of the second square
    };
    for (int i = 0; i < 13; ++i) later.push_back({50.0 + i, 80.0});  // misses
    const HitRate rate = prediction_accuracy(later, hotspots, 10000.0);
    EXPECT_EQ(rate.total, 20u);
    EXPECT_EQ(rate.hits, 7u);
    EXPECT_DOUBLE_EQ(rate.hit_rate, 0.35);
    EXPECT_NEAR(rate.area_share, 175.0 / 10000.0, 1e-12);
    EXPECT_NEAR(rate.pai, 0.35 / 0.0175, 1e-9);  // = 20
}

TEST(PredictionAccuracy, NoHotspotsAndBadInput) {
    const std::vector<Point> later{{1, 1}};
    const HitRate none = prediction_accuracy(later, {}, 100.0);
    EXPECT_EQ(none.hits, 0u);
    EXPECT_EQ(none.area_share, 0.0);
    EXPECT_TRUE(std::isnan(none.pai));
    EXPECT_THROW(prediction_accuracy({}, {square(0, 0, 1, 1)}, 100.0), trygg::DataError);
    EXPECT_THROW(prediction_accuracy(later, {}, 0.0), trygg::UsageError);
    EXPECT_THROW(prediction_accuracy(later, {}, NAN), trygg::UsageError);
}

TEST(NearestNeighbourIndex, RegularLatticeIsDispersed) {
    // 20 x 20 lattice, spacing 10 m, in its 200 x 200 m square: observed mean 10 m, expected
    // 0.5 / sqrt(400 / 40000) = 5 m, so NNI = 2.
    std::vector<Point> lattice;
    for (int r = 0; r < 20; ++r) {
        for (int c = 0; c < 20; ++c) lattice.push_back({5.0 + 10.0 * c, 5.0 + 10.0 * r});
    }
    const auto result = nearest_neighbour_index(lattice, 200.0 * 200.0);
    EXPECT_EQ(result.n, 400u);
    EXPECT_NEAR(result.observed_mean, 10.0, 1e-12);
    EXPECT_NEAR(result.expected_mean, 5.0, 1e-12);
    EXPECT_NEAR(result.nni, 2.0, 1e-12);
    const double standard_error = 0.26136 / std::sqrt(400.0 * 400.0 / 40000.0);
    EXPECT_NEAR(result.z, 5.0 / standard_error, 1e-9);
    EXPECT_GT(result.z, 0.0);
    EXPECT_LT(result.p, 1e-10);
}

TEST(NearestNeighbourIndex, TightClusterIsClustered) {
    // 50 points within a 2 x 2 m patch of a 1 km2 study area.
    std::vector<Point> cluster;
    for (int i = 0; i < 50; ++i) cluster.push_back({500.0 + (i % 7) * 0.3, 500.0 + (i / 7) * 0.25});
    const auto result = nearest_neighbour_index(cluster, 1e6);
    EXPECT_LT(result.nni, 0.1);
    EXPECT_LT(result.z, 0.0);
    EXPECT_LT(result.p, 1e-10);
    EXPECT_NEAR(result.observed_mean, 0.25, 1e-12);  // rows 0.25 m apart are the nearest
}

TEST(NearestNeighbourIndex, CoincidentPointsAreAtDistanceZero) {
    const std::vector<Point> points{{0, 0}, {0, 0}, {10, 0}};
    const auto result = nearest_neighbour_index(points, 100.0);
    EXPECT_NEAR(result.observed_mean, 10.0 / 3.0, 1e-12);
    EXPECT_THROW(nearest_neighbour_index(std::vector<Point>{{0, 0}}, 100.0), trygg::DataError);
    EXPECT_THROW(nearest_neighbour_index(points, -5.0), trygg::UsageError);
}
