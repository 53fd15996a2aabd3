#include "trygg/network/route.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "trygg/error.hpp"

namespace trygg::network {
namespace {

WalkEdge polyline(NodeId from, NodeId to, model::LineString line, LitState lit) {
    WalkEdge e;
    e.from = from;
    e.to = to;
    e.geometry = std::move(line);
    e.length_m = line_length(e.geometry);
    e.lit = lit;
    return e;
}

// A (node 0) and B (node 1) 100 m apart: a direct unlit path (edge 0), and a lit detour over
// node 2: (0,0) -> (0,25) -> (100,25) is 125 m, then 25 m down to B: 150 m in all.
struct TwoWays {
    std::vector<model::Point> nodes{{0, 0}, {100, 0}, {100, 25}};
    WalkGraph graph;
    std::vector<EdgeConditions> conditions;
    TwoWays() {
        graph = WalkGraph(nodes, {polyline(0, 1, {{0, 0}, {100, 0}}, LitState::unlit),
                                  polyline(0, 2, {{0, 0}, {0, 25}, {100, 25}}, LitState::lit),
                                  polyline(2, 1, {{100, 25}, {100, 0}}, LitState::lit)});
        conditions = edge_conditions(graph, {}, {}, {});
    }
};

TEST(Route, SafeRouteTakesTheLitDetour) {
    TwoWays w;
    RouteOptions options;
    options.weights.unseen = 0.0;  // no cameras
    RoutePlanner planner(w.graph, w.conditions, options);
    // From 10 m along the direct path (near A) to 90 m along it (near B).
    const RoutePair pair = planner.plan({0, 10.0}, {0, 90.0});
    // Shortest: 80 m straight, all dark.
    EXPECT_DOUBLE_EQ(pair.shortest.length_m, 80.0);
    EXPECT_DOUBLE_EQ(pair.shortest.detour_pct, 0.0);
    EXPECT_DOUBLE_EQ(pair.shortest.lit_share, 0.0);
    EXPECT_DOUBLE_EQ(pair.shortest.dark_m, 80.0);
    ASSERT_EQ(pair.shortest.dark.size(), 1u);
    EXPECT_EQ(pair.shortest.dark[0].line, (model::LineString{{10, 0}, {90, 0}}));
    // Safe: 10 m dark back to A, 150 m lit round, 10 m dark from B: 170 m, cost
    // 20 * 3 + 150 = 210 against 80 * 3 = 240 for the direct piece.
    EXPECT_DOUBLE_EQ(pair.safe.length_m, 170.0);
    EXPECT_NEAR(pair.safe.detour_pct, 100.0 * (170.0 / 80.0 - 1.0), 1e-9);
    EXPECT_NEAR(pair.safe.lit_share, 150.0 / 170.0, 1e-12);
    EXPECT_DOUBLE_EQ(pair.safe.dark_m, 20.0);
    ASSERT_EQ(pair.safe.dark.size(), 2u);
    EXPECT_EQ(pair.safe.dark[0].line, (model::LineString{{10, 0}, {0, 0}}));
    EXPECT_DOUBLE_EQ(pair.safe.dark[1].from_m, 160.0);
    EXPECT_EQ(pair.safe.dark[1].line, (model::LineString{{100, 0}, {90, 0}}));
    EXPECT_EQ(pair.safe.line,
              (model::LineString{{10, 0}, {0, 0}, {0, 25}, {100, 25}, {100, 0}, {90, 0}}));
    EXPECT_NEAR(pair.safe.path.cost, 210.0, 1e-9);
}

TEST(Route, LowDarkWeightKeepsTheShortestWay) {
    TwoWays w;
    RouteOptions options;
    options.weights.unseen = 0.0;
    options.weights.dark = 0.5;  // direct 80 * 1.5 = 120 < 20 * 1.5 + 150 = 180
    RoutePlanner planner(w.graph, w.conditions, options);
    const RoutePair pair = planner.plan({0, 10.0}, {0, 90.0});
    EXPECT_EQ(pair.safe.path.pieces, pair.shortest.path.pieces);
    EXPECT_DOUBLE_EQ(pair.safe.detour_pct, 0.0);
}

TEST(Route, SharesFollowTheWalkingDirection) {
    // One 100 m edge lit on its first 30 m and seen on its last 20 m, walked backwards.
    const std::vector<model::Point> nodes{{0, 0}, {100, 0}};
    const WalkGraph g(nodes, {polyline(0, 1, {{0, 0}, {100, 0}}, LitState::unknown)});
    std::vector<EdgeConditions> c(1);
    c[0].lit = {{0.0, 30.0}};
    c[0].seen = {{80.0, 100.0}};
    c[0].exposure = 0.4;
    RoutePlanner planner(g, c, RouteOptions{});
    const RoutePair pair = planner.plan({0, 100.0}, {0, 0.0});
    EXPECT_DOUBLE_EQ(pair.shortest.lit_share, 0.3);
    EXPECT_DOUBLE_EQ(pair.shortest.seen_share, 0.2);
    EXPECT_DOUBLE_EQ(pair.shortest.exposure, 0.4);
    // Walking from x=100 to x=0, the dark part is the first 70 m of the route.
    ASSERT_EQ(pair.shortest.dark.size(), 1u);
    EXPECT_DOUBLE_EQ(pair.shortest.dark[0].from_m, 0.0);
    EXPECT_DOUBLE_EQ(pair.shortest.dark[0].to_m, 70.0);
    EXPECT_EQ(pair.shortest.dark[0].line, (model::LineString{{100, 0}, {30, 0}}));
}

TEST(Route, ShortDarkSliversAreLeftOutButCounted) {
    const std::vector<model::Point> nodes{{0, 0}, {100, 0}};
    const WalkGraph g(nodes, {polyline(0, 1, {{0, 0}, {100, 0}}, LitState::unknown)});
    std::vector<EdgeConditions> c(1);
    c[0].lit = {{0.0, 49.8}, {50.0, 100.0}};  // a 0.2 m gap between two lit discs
    RoutePlanner planner(g, c, RouteOptions{});
    const RoutePair pair = planner.plan({0, 0.0}, {0, 100.0});
    EXPECT_TRUE(pair.shortest.dark.empty());
    EXPECT_NEAR(pair.shortest.dark_m, 0.2, 1e-9);
}

TEST(Route, NotConnectedIsADataError) {
    const std::vector<model::Point> nodes{{0, 0}, {100, 0}, {500, 0}, {600, 0}};
    const WalkGraph g(nodes, {polyline(0, 1, {{0, 0}, {100, 0}}, LitState::lit),
                              polyline(2, 3, {{500, 0}, {600, 0}}, LitState::lit)});
    const auto c = edge_conditions(g, {}, {}, {});
    RoutePlanner planner(g, c, RouteOptions{});
    EXPECT_THROW(planner.plan({0, 50.0}, {1, 50.0}), DataError);
    RouteOptions bad;
    bad.weights.dark = std::nan("");
    EXPECT_THROW(RoutePlanner(g, c, bad), UsageError);
}

}  // namespace
}  // namespace trygg::network
