#include "trygg/network/snapping.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "network/network_fixtures.hpp"

using trygg::model::MultiPolygon;
using trygg::model::Point;
using trygg::network::EdgeSnapper;
using trygg::network::WalkGraph;
using trygg::test::graph_of;

TEST(Snapping, ProjectsMidEdgeNotToTheNearestNode) {
    // One 300 m street; a stop 8 m beside it at x = 120 snaps to (120, 0), 120 m along it.
    const WalkGraph g = graph_of({{{0, 0}, {100, 0}, {300, 0}}});
    const EdgeSnapper snapper(g);
    const auto s = snapper.snap({120, 8}, 100);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->position.edge, 0u);
    EXPECT_NEAR(s->position.offset_m, 120.0, 1e-9);
    EXPECT_NEAR(s->on_network.x, 120.0, 1e-9);
    EXPECT_NEAR(s->on_network.y, 0.0, 1e-9);
    EXPECT_NEAR(s->distance_m, 8.0, 1e-9);
}

TEST(Snapping, LimitIsInclusiveAndFartherPointsDoNotSnap) {
    const WalkGraph g = graph_of({{{0, 0}, {100, 0}}});
    const EdgeSnapper snapper(g);
    EXPECT_TRUE(snapper.snap({50, 100}, 100));
    EXPECT_FALSE(snapper.snap({50, 100.5}, 100));
    EXPECT_FALSE(snapper.snap({-150, 0}, 100));
}

TEST(Snapping, AgreesWithBruteForceOnRandomPoints) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0, 500);
    std::vector<trygg::model::LineString> lines;
    for (int i = 0; i < 60; ++i) lines.push_back({{u(rng), u(rng)}, {u(rng), u(rng)}, {u(rng), u(rng)}});
    const WalkGraph g = graph_of(lines);
    const EdgeSnapper snapper(g);
    for (int k = 0; k < 300; ++k) {
        const Point p{u(rng), u(rng)};
        double best = std::numeric_limits<double>::infinity();
        for (const auto& e : g.edges())
            for (std::size_t i = 0; i + 1 < e.geometry.size(); ++i) {
                const Point a = e.geometry[i], b = e.geometry[i + 1];
                const double dx = b.x - a.x, dy = b.y - a.y;
                const double t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
                best = std::min(best, std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
            }
        const auto s = snapper.snap(p, 40);
        if (best <= 40) {
            ASSERT_TRUE(s);
            EXPECT_NEAR(s->distance_m, best, 1e-9);
            // The offset and the point agree.
            const Point q = trygg::network::point_on_edge(g.edge(s->position.edge), s->position.offset_m);
            EXPECT_NEAR(q.x, s->on_network.x, 1e-6);
            EXPECT_NEAR(q.y, s->on_network.y, 1e-6);
        } else {
            EXPECT_FALSE(s);
        }
    }
}

TEST(Snapping, AreaIsReachedWhereWalkwaysCrossItsBoundary) {
    // A path from (0,50) to (200,50) through a park spanning x 80..120, y 0..100.
    const WalkGraph g = graph_of({{{0, 50}, {200, 50}}});
    const EdgeSnapper snapper(g);
    const MultiPolygon park{{{{80, 0}, {120, 0}, {120, 100}, {80, 100}, {80, 0}}, {}}};
    const auto access = snapper.snap_area(park, 100);
    ASSERT_EQ(access.size(), 2u);
    EXPECT_NEAR(access[0].position.offset_m, 80.0, 1e-9);
    EXPECT_NEAR(access[1].position.offset_m, 120.0, 1e-9);
    for (const auto& a : access) EXPECT_EQ(a.distance_m, 0.0);
}

TEST(Snapping, AreaAwayFromWalkwaysIsReachedAtTheNearestPoint) {
    const WalkGraph g = graph_of({{{0, 0}, {200, 0}}});
    const EdgeSnapper snapper(g);
    // Its nearest corner (60, 30) is 30 m from the path at x = 60.
    const MultiPolygon sports{{{{60, 30}, {90, 30}, {90, 60}, {60, 60}, {60, 30}}, {}}};
    const auto access = snapper.snap_area(sports, 100);
    ASSERT_EQ(access.size(), 1u);
    EXPECT_NEAR(access[0].distance_m, 30.0, 1e-9);
    EXPECT_NEAR(access[0].on_network.x, 60.0, 1e-9);
    EXPECT_TRUE(snapper.snap_area(sports, 29.0).empty());
}

TEST(Snapping, EdgePieceFollowsTheGeometry) {
    const WalkGraph g = graph_of({{{0, 0}, {10, 0}, {10, 10}}});
    const auto piece = trygg::network::edge_piece(g.edge(0), 5, 15);
    ASSERT_EQ(piece.size(), 3u);
    EXPECT_EQ(piece[0], (Point{5, 0}));
    EXPECT_EQ(piece[1], (Point{10, 0}));
    EXPECT_EQ(piece[2], (Point{10, 5}));
}
