#include "trygg/coverage/building_obstacles.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using trygg::coverage::BuildingObstacles;
using trygg::coverage::Wall;
using trygg::model::Box;
using trygg::model::MultiPolygon;
using trygg::model::Point;
using trygg::model::Polygon;

namespace {

Polygon square(double x0, double y0, double side, bool clockwise) {
    Polygon p;
    p.outer = {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}};
    if (clockwise) p.outer = {p.outer.rbegin(), p.outer.rend()};
    return p;
}

}  // namespace

TEST(BuildingObstacles, WallsHaveTheMaterialOnTheirRightWhateverTheSourceOrientation) {
    Polygon holed = square(100, 0, 10, true);
    holed.holes.push_back({{103, 3}, {103, 7}, {107, 7}, {107, 3}, {103, 3}});  // clockwise like the outer
    const std::vector<MultiPolygon> buildings{{square(0, 0, 10, false)}, {square(20, 0, 10, true)}, {holed}};
    const BuildingObstacles obstacles(buildings);
    EXPECT_EQ(obstacles.building_count(), 3u);
    EXPECT_EQ(obstacles.polygon_count(), 3u);
    EXPECT_EQ(obstacles.wall_count(), 16u);
    std::vector<Wall> walls;
    obstacles.walls_in(Box{-1, -1, 200, 11}, walls);
    ASSERT_EQ(walls.size(), 16u);
    for (const Wall& w : walls) {
        // A point in the building's material next to the wall's middle is on its right.
        const Point mid{(w.from.x + w.to.x) / 2, (w.from.y + w.to.y) / 2};
        const double len = std::hypot(w.to.x - w.from.x, w.to.y - w.from.y);
        const Point right{mid.x + 0.5 * (w.to.y - w.from.y) / len, mid.y - 0.5 * (w.to.x - w.from.x) / len};
        const Point left{mid.x - 0.5 * (w.to.y - w.from.y) / len, mid.y + 0.5 * (w.to.x - w.from.x) / len};
        EXPECT_TRUE(obstacles.covers(right)) << w.from.x << " " << w.from.y;
        EXPECT_FALSE(obstacles.covers(left)) << w.from.x << " " << w.from.y;
    }
    // In input order: building 0's walls first.
    EXPECT_EQ(walls.front().building, 0u);
    EXPECT_EQ(walls.back().building, 2u);
}

TEST(BuildingObstacles, QueryByBoxFindsOnlyNearbyFootprints) {
    std::vector<MultiPolygon> buildings;
    for (int i = 0; i < 100; ++i) buildings.push_back({square(i * 20.0, 0, 10, false)});
    const BuildingObstacles obstacles(buildings);
    std::vector<Wall> walls;
    obstacles.walls_in(Box{395, -5, 425, 5}, walls);  // meets buildings 20 (400..410) and 21 (420..430)
    ASSERT_EQ(walls.size(), 8u);
    for (const Wall& w : walls) EXPECT_TRUE(w.building == 20u || w.building == 21u) << w.building;
    obstacles.walls_in(Box{-100, -100, -50, -50}, walls);
    EXPECT_TRUE(walls.empty());
}

TEST(BuildingObstacles, FootprintContactGivesDepthNearestPointAndOutwardDirection) {
    const std::vector<MultiPolygon> buildings{{square(0, 0, 10, false)}};
    const BuildingObstacles obstacles(buildings);
    const auto inside = obstacles.footprint_at({3, 1});
    ASSERT_TRUE(inside);
    EXPECT_EQ(inside->building, 0u);
    EXPECT_DOUBLE_EQ(inside->depth_m, 1.0);
    EXPECT_DOUBLE_EQ(inside->nearest.x, 3.0);
    EXPECT_DOUBLE_EQ(inside->nearest.y, 0.0);
    EXPECT_DOUBLE_EQ(inside->outward.x, 0.0);
    EXPECT_DOUBLE_EQ(inside->outward.y, -1.0);
    const auto on_wall = obstacles.footprint_at({10, 4});
    ASSERT_TRUE(on_wall);
    EXPECT_EQ(on_wall->depth_m, 0.0);
    EXPECT_DOUBLE_EQ(on_wall->outward.x, 1.0);
    const auto corner = obstacles.footprint_at({10, 10});
    ASSERT_TRUE(corner);
    EXPECT_NEAR(corner->outward.x, std::sqrt(0.5), 1e-12);
    EXPECT_NEAR(corner->outward.y, std::sqrt(0.5), 1e-12);
    EXPECT_FALSE(obstacles.footprint_at({10.001, 4}));
    EXPECT_FALSE(obstacles.footprint_at({-1, -1}));
}

TEST(BuildingObstacles, DegenerateRingsAreCountedNotUsed) {
    Polygon flat;
    flat.outer = {{0, 0}, {5, 0}, {10, 0}, {0, 0}};  // no area
    Polygon with_bad_hole = square(20, 0, 10, false);
    with_bad_hole.holes.push_back({{21, 1}, {22, 1}});
    const std::vector<MultiPolygon> buildings{{flat}, {with_bad_hole}, {}};
    const BuildingObstacles obstacles(buildings);
    EXPECT_EQ(obstacles.building_count(), 3u);
    EXPECT_EQ(obstacles.polygon_count(), 1u);
    EXPECT_EQ(obstacles.skipped_rings(), 2u);
    EXPECT_EQ(obstacles.skipped_buildings(), 2u);
    EXPECT_TRUE(obstacles.covers({21.5, 1.0}));
}
