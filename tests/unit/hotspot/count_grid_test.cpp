#include "trygg/hotspot/count_grid.hpp"

#include "trygg/error.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace trygg::hotspot;
using trygg::model::Box;
using trygg::model::MultiPolygon;
using trygg::model::Point;
using trygg::model::Polygon;
using trygg::model::Ring;

namespace {

Ring square_ring(double x0, double y0, double x1, double y1, bool clockwise = false) {
    if (clockwise) return {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
}

MultiPolygon square(double x0, double y0, double x1, double y1, bool clockwise = false) {
    return {Polygon{square_ring(x0, y0, x1, y1, clockwise), {}}};
}

}  // namespace

TEST(CountGrid, CountsEveryCellIncludingEmptyOnes) {
    // Extent 30 x 20 with 10 m cells: 3 columns, 2 rows, row 0 in the south.
    const Box extent{100, 200, 130, 220};
    const std::vector<Point> points{{105, 205}, {106, 206}, {125, 215}, {110, 200}, {130, 220}};
    const auto grid = count_points_in_grid(points, {}, extent, 10.0);
    EXPECT_EQ(grid.columns, 3);
    EXPECT_EQ(grid.rows, 2);
    EXPECT_EQ(grid.origin_x, 100.0);
    EXPECT_EQ(grid.origin_y, 200.0);
    ASSERT_EQ(grid.counts.size(), 6u);
    // (110, 200) is on the edge between columns 0 and 1: it goes east, to column 1.
    // (130, 220) is on the extent's north-east corner: last column, last row.
    EXPECT_EQ(grid.counts, (std::vector<double>{2, 1, 0, 0, 0, 2}));
    ASSERT_EQ(grid.centres.size(), 6u);
    EXPECT_EQ(grid.centres[0], (Point{105, 205}));
    EXPECT_EQ(grid.centres[5], (Point{125, 215}));
    EXPECT_EQ(grid.outside, 0u);
}

TEST(CountGrid, PartialCellsWeightsAndOutsidePoints) {
    const Box extent{0, 0, 25, 10};  // 25 / 10 -> 3 columns, the last one half outside
    const std::vector<Point> points{{24, 1}, {1, 1}, {-1, 5}, {5, 11}, {std::nan(""), 1}};
    const std::vector<double> weights{2.5, 1.0, 7.0, 7.0, 7.0};
    const auto grid = count_points_in_grid(points, weights, extent, 10.0);
    EXPECT_EQ(grid.columns, 3);
    EXPECT_EQ(grid.rows, 1);
    EXPECT_EQ(grid.counts, (std::vector<double>{1.0, 0.0, 2.5}));
    EXPECT_EQ(grid.outside, 3u);
    double total = 0.0;
    for (double c : grid.counts) total += c;
    EXPECT_EQ(total, 3.5);
}

TEST(CountGrid, RejectsBadInput) {
    const Box extent{0, 0, 10, 10};
    const std::vector<Point> points{{1, 1}};
    EXPECT_THROW(count_points_in_grid(points, {}, extent, 0.0), trygg::UsageError);
    EXPECT_THROW(count_points_in_grid(points, {}, extent, -1.0), trygg::UsageError);
    EXPECT_THROW(count_points_in_grid(points, {}, Box{10, 0, 0, 10}, 1.0), trygg::UsageError);
    const std::vector<double> two_weights{1, 2};
    EXPECT_THROW(count_points_in_grid(points, two_weights, extent, 1.0), trygg::UsageError);
    const std::vector<double> nan_weight{NAN};
    EXPECT_THROW(count_points_in_grid(points, nan_weight, extent, 1.0), trygg::DataError);
    EXPECT_THROW(count_points_in_grid(points, {}, Box{0, 0, 1e6, 1e6}, 0.1), trygg::UsageError);
}

TEST(CountPointsInAreas, SharedBoundaryCountsOnceInFirstArea) {
    std::vector<MultiPolygon> areas{square(0, 0, 10, 10), square(10, 0, 20, 10, true)};
    // A third area with a hole: points in the hole are not in it.
    MultiPolygon with_hole{Polygon{square_ring(30, 0, 60, 30), {square_ring(40, 10, 50, 20, true)}}};
    areas.push_back(with_hole);
    const std::vector<Point> points{
        {5, 5},    // area 0
        {10, 5},   // shared edge of 0 and 1 -> area 0 only
        {15, 5},   // area 1
        {20, 10},  // corner of area 1 (boundary counts)
        {45, 15},  // hole of area 2 -> nowhere
        {35, 5},   // area 2
        {100, 100}};
    EXPECT_EQ(count_points_in_areas(points, areas), (std::vector<double>{2, 2, 1}));
}

TEST(CountPointsInAreas, MatchesPlainPointInSquareTest) {
    // A 5 x 5 patchwork of 10 m squares listed in reverse order, against a direct computation.
    std::vector<MultiPolygon> areas;
    for (int r = 4; r >= 0; --r) {
        for (int c = 4; c >= 0; --c) areas.push_back(square(c * 10.0, r * 10.0, c * 10.0 + 10, r * 10.0 + 10));
    }
    std::vector<Point> points;
    for (int i = 0; i < 400; ++i) points.push_back({(i * 37 % 523) / 10.0, (i * 91 % 517) / 10.0});
    std::vector<double> expected(areas.size(), 0.0);
    for (const Point& p : points) {
        for (std::size_t a = 0; a < areas.size(); ++a) {
            const Ring& ring = areas[a][0].outer;
            if (p.x >= ring[0].x && p.x <= ring[2].x && p.y >= ring[0].y && p.y <= ring[2].y) {
                expected[a] += 1;
                break;  // first area in order
            }
        }
    }
    EXPECT_EQ(count_points_in_areas(points, areas), expected);
}

TEST(Centroid, SquareWithHoleAndTwoParts) {
    // 4 x 4 square minus the 1 x 1 hole [1,2] x [1,2]: area 15, centroid by moments
    // (16 * (2, 2) - 1 * (1.5, 1.5)) / 15 = (30.5 / 15, 30.5 / 15).
    MultiPolygon area{Polygon{square_ring(0, 0, 4, 4), {square_ring(1, 1, 2, 2)}}};
    const Point c = centroid(area);
    EXPECT_NEAR(c.x, 30.5 / 15.0, 1e-12);
    EXPECT_NEAR(c.y, 30.5 / 15.0, 1e-12);
    // Two disjoint parts of equal area, in opposite orientations: the centroid is midway.
    const MultiPolygon two{Polygon{square_ring(0, 0, 1, 1), {}}, Polygon{square_ring(10, 0, 11, 1, true), {}}};
    const Point mid = centroid(two);
    EXPECT_NEAR(mid.x, 5.5, 1e-12);
    EXPECT_NEAR(mid.y, 0.5, 1e-12);
    EXPECT_THROW(centroid(MultiPolygon{}), trygg::DataError);
}
