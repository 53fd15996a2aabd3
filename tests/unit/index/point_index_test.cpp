#include "trygg/index/point_index.hpp"

#include "trygg/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <utility>
#include <vector>

using trygg::index::PointIndex;
using trygg::model::Point;

namespace {

double squared(const Point& a, const Point& b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }

std::vector<Point> random_points(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> coordinate(0, 60);  // integers: many exact ties
    std::vector<Point> points;
    for (std::size_t i = 0; i < n; ++i) {
        points.push_back({static_cast<double>(coordinate(rng)), static_cast<double>(coordinate(rng))});
    }
    return points;
}

}  // namespace

TEST(PointIndex, DistanceBandIsInclusive) {
    const std::vector<Point> points{{0, 0}, {3, 4}, {3, 4.000001}, {-5, 0}};
    const PointIndex index(points);
    std::vector<std::size_t> found;
    index.within_distance({0, 0}, 5.0, found);
    EXPECT_EQ(found, (std::vector<std::size_t>{0, 1, 3}));
}

TEST(PointIndex, DistanceBandMatchesBruteForce) {
    const auto points = random_points(500, 7);
    const PointIndex index(points);
    std::vector<std::size_t> found;
    for (double radius : {0.0, 1.0, 5.0, 12.5}) {
        for (std::size_t i = 0; i < points.size(); i += 7) {
            index.within_distance(points[i], radius, found);
            std::vector<std::size_t> expected;
            for (std::size_t j = 0; j < points.size(); ++j) {
                if (squared(points[i], points[j]) <= radius * radius) expected.push_back(j);
            }
            EXPECT_EQ(found, expected) << "point " << i << " radius " << radius;
        }
    }
}

TEST(PointIndex, NearestTiesTakeLowestIndex) {
    // Four points at distance 1 from the centre (index 2), one farther away.
    const std::vector<Point> points{{0, 1}, {5, 5}, {0, 0}, {1, 0}, {-1, 0}, {0, -1}};
    const PointIndex index(points);
    std::vector<std::size_t> found;
    index.nearest_others(2, 2, found);
    EXPECT_EQ(found, (std::vector<std::size_t>{0, 3}));
    index.nearest_others(2, 5, found);
    EXPECT_EQ(found, (std::vector<std::size_t>{0, 3, 4, 5, 1}));
    index.nearest_others(2, 50, found);  // clamped to n - 1
    EXPECT_EQ(found.size(), 5u);
}

TEST(PointIndex, NearestCountsCoincidentPointsAndMatchesBruteForce) {
    auto points = random_points(400, 11);
    points.push_back(points[3]);  // exact duplicates
    points.push_back(points[3]);
    const PointIndex index(points);
    std::vector<std::size_t> found;
    for (std::size_t k : {1u, 3u, 8u}) {
        for (std::size_t i = 0; i < points.size(); ++i) {
            index.nearest_others(i, k, found);
            std::vector<std::pair<double, std::size_t>> all;
            for (std::size_t j = 0; j < points.size(); ++j) {
                if (j != i) all.emplace_back(squared(points[i], points[j]), j);
            }
            std::sort(all.begin(), all.end());
            std::vector<std::size_t> expected;
            for (std::size_t t = 0; t < k; ++t) expected.push_back(all[t].second);
            ASSERT_EQ(found, expected) << "point " << i << " k " << k;
        }
    }
    index.nearest_others(3, 2, found);
    EXPECT_EQ(found, (std::vector<std::size_t>{400, 401}));
    EXPECT_EQ(*index.nearest_other_distance(3), 0.0);
}

TEST(PointIndex, NearestOtherDistance) {
    const std::vector<Point> points{{0, 0}, {3, 4}, {10, 0}};
    const PointIndex index(points);
    EXPECT_DOUBLE_EQ(*index.nearest_other_distance(0), 5.0);
    EXPECT_DOUBLE_EQ(*index.nearest_other_distance(2), std::sqrt(49.0 + 16.0));
    const std::vector<Point> lonely{{1, 1}};
    EXPECT_FALSE(PointIndex(lonely).nearest_other_distance(0).has_value());
    EXPECT_THROW((void)index.nearest_other_distance(3), trygg::UsageError);
}

TEST(PointIndex, RejectsNonFiniteCoordinates) {
    const std::vector<Point> points{{0, 0}, {std::nan(""), 1}};
    EXPECT_THROW(PointIndex{points}, trygg::DataError);
}
