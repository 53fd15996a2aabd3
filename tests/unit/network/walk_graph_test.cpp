#include "trygg/network/walk_graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "network/network_fixtures.hpp"

using trygg::model::LineString;
using trygg::model::Point;
using trygg::network::build_walk_graph;
using trygg::network::LitState;
using trygg::network::parse_lit;
using trygg::network::WalkGraph;
using trygg::network::WalkGraphOptions;
using trygg::test::graph_of;
using trygg::test::walkway_layer;

TEST(WalkGraph, LitValuesFollowOsm) {
    for (const char* v : {"yes", "24/7", "automatic", "Yes ", "true", "1", "ja"}) EXPECT_EQ(parse_lit(v), LitState::lit) << v;
    for (const char* v : {"no", "disused", "NO", "false", "0", "nej"}) EXPECT_EQ(parse_lit(v), LitState::unlit) << v;
    for (const char* v : {"", "limited", "maybe"}) EXPECT_EQ(parse_lit(v), LitState::unknown) << v;
}

TEST(WalkGraph, LinesMeetingAtSharedVertexAreNoded) {
    // A horizontal line through (10,0) and a vertical one ending there: the shared vertex splits
    // the horizontal line, so 3 edges meet at one node.
    const WalkGraph g = graph_of({{{0, 0}, {10, 0}, {20, 0}}, {{10, 0}, {10, 15}}});
    EXPECT_EQ(g.edge_count(), 3u);
    EXPECT_EQ(g.node_count(), 4u);
    std::size_t junctions = 0;
    for (trygg::network::NodeId n = 0; n < g.node_count(); ++n)
        if (g.incident(n).size() == 3) {
            ++junctions;
            EXPECT_EQ(g.node(n), (Point{10, 0}));
        }
    EXPECT_EQ(junctions, 1u);
    EXPECT_DOUBLE_EQ(g.total_length_m(), 35.0);
}

TEST(WalkGraph, CrossingWithoutVertexIsNodedOnlyWhenAsked) {
    const std::vector<LineString> cross{{{0, 0}, {10, 10}}, {{0, 10}, {10, 0}}};
    const WalkGraph plain = graph_of(cross);
    EXPECT_EQ(plain.edge_count(), 2u);
    EXPECT_EQ(plain.node_count(), 4u);
    const WalkGraph noded = graph_of(cross, true);
    EXPECT_EQ(noded.edge_count(), 4u);
    EXPECT_EQ(noded.node_count(), 5u);
    for (trygg::network::NodeId n = 0; n < noded.node_count(); ++n)
        if (noded.incident(n).size() == 4) {
            EXPECT_NEAR(noded.node(n).x, 5.0, 1e-12);
            EXPECT_NEAR(noded.node(n).y, 5.0, 1e-12);
        }
    for (const auto& e : noded.edges()) EXPECT_NEAR(e.length_m, std::sqrt(50.0), 1e-9);
}

TEST(WalkGraph, TJunctionOnSegmentInteriorIsNoded) {
    // The second line ends on the interior of the first one's only segment.
    const WalkGraph g = graph_of({{{0, 0}, {20, 0}}, {{7, 9}, {7, 0}}}, true);
    EXPECT_EQ(g.edge_count(), 3u);
    EXPECT_EQ(g.node_count(), 4u);
    std::multiset<double> lengths;
    for (const auto& e : g.edges()) lengths.insert(e.length_m);
    EXPECT_EQ(lengths, (std::multiset<double>{7.0, 9.0, 13.0}));
}

TEST(WalkGraph, ManyCrossingsMatchTheCount) {
    // A 6 x 6 lattice of full-length lines with no shared vertices: 36 crossings, each line cut
    // into 7 pieces where it crosses 6 others (ends included): 12 * 7 = 84 edges.
    std::vector<LineString> lines;
    for (int i = 1; i <= 6; ++i) {
        lines.push_back({{0, 10.0 * i}, {70, 10.0 * i}});
        lines.push_back({{10.0 * i, 0}, {10.0 * i, 70}});
    }
    const WalkGraph g = graph_of(lines, true);
    EXPECT_EQ(g.edge_count(), 84u);
    EXPECT_EQ(g.node_count(), 36u + 24u);
    EXPECT_NEAR(g.total_length_m(), 12 * 70.0, 1e-9);
}

TEST(WalkGraph, AdjacencyListsEveryEdgeAtBothEnds) {
    const WalkGraph g = graph_of({{{0, 0}, {5, 0}}, {{5, 0}, {5, 5}}, {{5, 5}, {0, 0}}, {{5, 5}, {9, 9}}});
    std::size_t entries = 0;
    for (trygg::network::NodeId n = 0; n < g.node_count(); ++n)
        for (const auto& inc : g.incident(n)) {
            ++entries;
            const auto& e = g.edge(inc.edge);
            EXPECT_TRUE((e.from == n && e.to == inc.other) || (e.to == n && e.from == inc.other));
        }
    EXPECT_EQ(entries, 2 * g.edge_count());
}

TEST(WalkGraph, FiltersAndCountsWhatItLeavesOut) {
    trygg::model::Layer layer = walkway_layer({{{{0, 0}, {10, 0}}, "footway", "yes"},
                                               {{{10, 0}, {20, 0}}, "motorway", ""},
                                               {{{20, 0}, {30, 0}}, "gångväg", "no"},
                                               {{{30, 0}, {30, 0}}, "path", ""}});
    trygg::model::Feature point;
    point.geometry = Point{1, 1};
    layer.features.push_back(point);
    const trygg::model::Layer* layers[] = {&layer};
    const auto build = build_walk_graph(layers);
    EXPECT_EQ(build.features_used, 2u);
    EXPECT_EQ(build.left_out.at("not_walkable"), 1u);
    EXPECT_EQ(build.left_out.at("degenerate"), 1u);
    EXPECT_EQ(build.left_out.at("no_line"), 1u);
    ASSERT_EQ(build.graph.edge_count(), 2u);
    EXPECT_EQ(build.graph.edge(0).lit, LitState::lit);
    EXPECT_EQ(build.graph.edge(0).feature, 0u);
    EXPECT_EQ(build.graph.edge(1).lit, LitState::unlit);
    EXPECT_EQ(build.graph.edge(1).feature, 2u);

    WalkGraphOptions all;
    all.walkable_only = false;
    EXPECT_EQ(build_walk_graph(layers, all).graph.edge_count(), 3u);
}

TEST(WalkGraph, FootNoIsNotWalkable) {
    trygg::model::Layer layer = walkway_layer({{{{0, 0}, {10, 0}}, "residential", ""}});
    layer.fields.push_back({"foot", trygg::model::FieldType::string});
    layer.features[0].attributes.push_back(std::string("no"));
    const trygg::model::Layer* layers[] = {&layer};
    EXPECT_EQ(build_walk_graph(layers).graph.edge_count(), 0u);
}

TEST(WalkGraph, SameInputSameNumbering) {
    std::vector<LineString> lines;
    for (int i = 0; i < 20; ++i) lines.push_back({{0.0 + i, 0.0}, {10.0 + i, 10.0 + (i % 3)}, {i * 1.0, 20.0}});
    const WalkGraph a = graph_of(lines, true);
    const WalkGraph b = graph_of(lines, true);
    ASSERT_EQ(a.edge_count(), b.edge_count());
    for (std::size_t i = 0; i < a.edge_count(); ++i) {
        EXPECT_EQ(a.edge(static_cast<trygg::network::EdgeId>(i)).from, b.edge(static_cast<trygg::network::EdgeId>(i)).from);
        EXPECT_EQ(a.edge(static_cast<trygg::network::EdgeId>(i)).geometry, b.edge(static_cast<trygg::network::EdgeId>(i)).geometry);
    }
}

TEST(WalkGraph, RejectsEdgesNamingMissingNodes) {
    trygg::network::WalkEdge e;
    e.from = 0;
    e.to = 5;
    e.geometry = {{0, 0}, {1, 0}};
    EXPECT_THROW(WalkGraph({{0, 0}, {1, 0}}, {e}), std::invalid_argument);
}
