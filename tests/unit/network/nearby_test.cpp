#include "trygg/network/nearby.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "network/network_fixtures.hpp"
#include "trygg/network/snapping.hpp"

using trygg::model::Point;
using trygg::network::Access;
using trygg::network::EdgeSnapper;
using trygg::network::find_nearby;
using trygg::network::NearbyOptions;
using trygg::network::WalkGraph;
using trygg::test::graph_of;

TEST(Nearby, HandExampleWithLegsAndLimit) {
    // An L-shaped street: (0,0) -> (400,0) -> (400,400). Stop at (100,10): 10 m from the street.
    // Library at (400,150) (5 m east of the street's second leg): 10 + 300 + 150 + 5 = 465 m.
    // Cafe at (50,-20): 10 + 50 + 20 = 80 m. Park at (400,395), 5 m off: 10 + 300 + 395 + 5 = 710.
    const WalkGraph g = graph_of({{{0, 0}, {400, 0}}, {{400, 0}, {400, 400}}});
    const EdgeSnapper snapper(g);
    const std::vector<Access> stops{{*snapper.snap({100, 10}, 100)}};
    std::vector<Access> activities;
    for (const Point& p : {Point{405, 150}, Point{50, -20}, Point{395, 395}}) activities.push_back({*snapper.snap(p, 100)});
    NearbyOptions options;
    options.limit_m = 500;
    const auto result = find_nearby(g, stops, activities, options);
    ASSERT_EQ(result.size(), 1u);
    ASSERT_EQ(result[0].reached.size(), 2u);
    EXPECT_EQ(result[0].reached[0].activity, 1u);
    EXPECT_NEAR(result[0].reached[0].distance_m, 80.0, 1e-9);
    EXPECT_NEAR(result[0].reached[0].network_m, 50.0, 1e-9);
    EXPECT_EQ(result[0].reached[1].activity, 0u);
    EXPECT_NEAR(result[0].reached[1].distance_m, 465.0, 1e-9);
    options.limit_m = 710;
    EXPECT_EQ(find_nearby(g, stops, activities, options)[0].reached.size(), 3u);
    options.limit_m = 709.9;
    EXPECT_EQ(find_nearby(g, stops, activities, options)[0].reached.size(), 2u);
}

TEST(Nearby, UnsnappedStopReachesNothing) {
    const WalkGraph g = graph_of({{{0, 0}, {100, 0}}});
    const EdgeSnapper snapper(g);
    const std::vector<Access> stops{{}, {*snapper.snap({10, 1}, 5)}};
    const std::vector<Access> activities{{*snapper.snap({20, 1}, 5)}};
    const auto result = find_nearby(g, stops, activities, NearbyOptions{});
    EXPECT_TRUE(result[0].reached.empty());
    ASSERT_EQ(result[1].reached.size(), 1u);
    EXPECT_NEAR(result[1].reached[0].distance_m, 12.0, 1e-9);
}

TEST(Nearby, MatchesBruteForceOnARandomNetwork) {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(0, 1000);
    std::vector<trygg::model::LineString> lines;
    for (int i = 0; i < 120; ++i) lines.push_back({{u(rng), u(rng)}, {u(rng), u(rng)}});
    const WalkGraph g = graph_of(lines, true);  // crossings noded: one connected-ish web
    const EdgeSnapper snapper(g);
    std::vector<Access> stops, activities;
    for (int i = 0; i < 40; ++i)
        if (auto s = snapper.snap({u(rng), u(rng)}, 50)) stops.push_back({*s});
    for (int i = 0; i < 200; ++i)
        if (auto s = snapper.snap({u(rng), u(rng)}, 50)) activities.push_back({*s});
    NearbyOptions options;
    options.limit_m = 350;
    options.threads = 2;
    const auto result = find_nearby(g, stops, activities, options);

    // Reference: split every snapped position into a node of its own and run the brute-force
    // relaxation on that graph.
    std::vector<Point> nodes(g.nodes().begin(), g.nodes().end());
    std::vector<std::vector<std::pair<double, trygg::network::NodeId>>> cuts(g.edge_count());  // offset, node
    auto add_cut = [&](const trygg::network::Snap& s) {
        nodes.push_back(s.on_network);
        cuts[s.position.edge].emplace_back(s.position.offset_m, static_cast<trygg::network::NodeId>(nodes.size() - 1));
        return static_cast<trygg::network::NodeId>(nodes.size() - 1);
    };
    std::vector<trygg::network::NodeId> stop_node, activity_node;
    for (const auto& s : stops) stop_node.push_back(add_cut(s[0]));
    for (const auto& a : activities) activity_node.push_back(add_cut(a[0]));
    std::vector<trygg::network::WalkEdge> edges;
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        const auto& edge = g.edge(static_cast<trygg::network::EdgeId>(e));
        auto& c = cuts[e];
        std::sort(c.begin(), c.end());
        double last_offset = 0.0;
        trygg::network::NodeId last = edge.from;
        auto link = [&](trygg::network::NodeId to, double offset) {
            trygg::network::WalkEdge piece;
            piece.from = last;
            piece.to = to;
            piece.geometry = {nodes[last], nodes[to]};
            piece.length_m = offset - last_offset;
            edges.push_back(piece);
            last = to;
            last_offset = offset;
        };
        for (const auto& [offset, node] : c) link(node, offset);
        link(edge.to, edge.length_m);
    }
    const WalkGraph split(nodes, edges);
    for (std::size_t i = 0; i < stops.size(); ++i) {
        const auto d = trygg::test::reference_distances(split, stop_node[i]);
        std::map<std::size_t, double> expected;
        for (std::size_t a = 0; a < activities.size(); ++a) {
            const double total = stops[i][0].distance_m + d[activity_node[a]] + activities[a][0].distance_m;
            if (total <= options.limit_m) expected[a] = total;
        }
        std::map<std::size_t, double> got;
        for (const auto& r : result[i].reached) got[r.activity] = r.distance_m;
        ASSERT_EQ(got.size(), expected.size()) << "stop " << i;
        for (const auto& [a, dist] : expected) EXPECT_NEAR(got.at(a), dist, 1e-6);
    }
}

TEST(Nearby, CategorySummaryCountsAndNearest) {
    trygg::network::StopNearby stop;
    stop.reached = {{2, 50, 50}, {0, 120, 100}, {1, 300, 280}, {3, 400, 390}};
    const std::vector<std::string> categories{"park", "library", "park", "library"};
    const auto summary = trygg::network::summarise_categories(stop, categories);
    ASSERT_EQ(summary.size(), 2u);
    EXPECT_EQ(summary.at("park").count, 2u);
    EXPECT_EQ(stop.reached[summary.at("park").nearest].activity, 2u);
    EXPECT_EQ(summary.at("library").count, 2u);
    EXPECT_EQ(stop.reached[summary.at("library").nearest].activity, 1u);
}
