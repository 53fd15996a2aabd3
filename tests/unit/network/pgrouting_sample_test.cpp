// Agreement with pgRouting on its documented sample network.
//
// The network and the expected answer are facts from pgRouting's documentation:
//  - "Sample Data" (https://docs.pgrouting.org/latest/en/sampledata.html): the 18 edges with
//    their geometry (x1 y1, x2 y2), cost and reverse_cost (-1: that direction does not exist);
//    vertices are numbered by pgr_extractVertices, which orders them by x, then y, so vertex 1
//    is (0, 2) and vertex 17 is (4, 3) (the docs list them).
//  - pgr_drivingDistance (https://docs.pgrouting.org/latest/en/pgr_drivingDistance.html),
//    "From vertex 11 for a distance of 3.0" on the directed graph: 13 nodes with agg_cost
//    11:0; 7, 12, 16: 1; 3, 6, 8, 15, 17: 2; 1, 5, 9, 10: 3.
// Every cost is 1 and every edge is 1 unit long except two (the 1.5-unit edges 17 and 18),
// so the edge length is the cost for the edges that matter; edges 17 and 18 are isolated.

#include "trygg/network/bounded_search.hpp"

#include <gtest/gtest.h>

#include <map>

#include "network/network_fixtures.hpp"

using trygg::model::Point;
using trygg::network::BoundedSearch;
using trygg::network::EdgeDirection;
using trygg::network::NodeId;
using trygg::network::SearchSource;
using trygg::network::WalkEdge;
using trygg::network::WalkGraph;

namespace {

struct SampleEdge {
    double cost, reverse_cost, x1, y1, x2, y2;
};

// pgRouting's sample edges 1..18, in id order.
const SampleEdge sample_edges[] = {
    {1, 1, 2, 0, 2, 1},   {-1, 1, 2, 1, 3, 1},  {-1, 1, 3, 1, 4, 1}, {1, 1, 2, 1, 2, 2},  {1, -1, 3, 1, 3, 2},
    {1, 1, 0, 2, 1, 2},   {1, 1, 1, 2, 2, 2},   {1, 1, 2, 2, 3, 2},  {1, 1, 3, 2, 4, 2},  {1, 1, 2, 2, 2, 3},
    {1, -1, 3, 2, 3, 3},  {1, -1, 2, 3, 3, 3},  {1, -1, 3, 3, 4, 3}, {1, 1, 2, 3, 2, 4},  {1, 1, 4, 2, 4, 3},
    {1, 1, 4, 1, 4, 2},   {1, 1, 0.5, 3.5, 1.999999999999, 3.5},     {1, 1, 3.5, 2.3, 3.5, 4}};

struct Sample {
    WalkGraph graph;
    std::vector<EdgeDirection> directions;
    std::map<int, NodeId> vertex;  // pgRouting vertex id -> our node
};

Sample build_sample() {
    // pgr_extractVertices numbering: distinct end points ordered by x, then y.
    std::vector<Point> points;
    for (const auto& e : sample_edges)
        for (const Point& p : {Point{e.x1, e.y1}, Point{e.x2, e.y2}})
            if (std::find(points.begin(), points.end(), p) == points.end()) points.push_back(p);
    std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    auto id_of = [&](double x, double y) {
        return static_cast<NodeId>(std::find(points.begin(), points.end(), Point{x, y}) - points.begin());
    };
    Sample s;
    std::vector<WalkEdge> edges;
    for (const auto& e : sample_edges) {
        WalkEdge w;
        w.from = id_of(e.x1, e.y1);
        w.to = id_of(e.x2, e.y2);
        w.geometry = {{e.x1, e.y1}, {e.x2, e.y2}};
        w.length_m = e.cost > 0 ? e.cost : e.reverse_cost;  // every existing direction costs 1
        edges.push_back(w);
        const unsigned forward = e.cost >= 0 ? 1u : 0u, backward = e.reverse_cost >= 0 ? 2u : 0u;
        s.directions.push_back(static_cast<EdgeDirection>(forward | backward));
    }
    for (std::size_t i = 0; i < points.size(); ++i) s.vertex[static_cast<int>(i + 1)] = static_cast<NodeId>(i);
    s.graph = WalkGraph(points, edges);
    return s;
}

}  // namespace

TEST(PgRoutingSample, VertexNumberingMatchesTheDocs) {
    const Sample s = build_sample();
    ASSERT_EQ(s.graph.node_count(), 17u);
    EXPECT_EQ(s.graph.node(s.vertex.at(1)), (Point{0, 2}));
    EXPECT_EQ(s.graph.node(s.vertex.at(6)), (Point{2, 1}));
    EXPECT_EQ(s.graph.node(s.vertex.at(7)), (Point{2, 2}));
    EXPECT_EQ(s.graph.node(s.vertex.at(11)), (Point{3, 2}));
    EXPECT_EQ(s.graph.node(s.vertex.at(17)), (Point{4, 3}));
}

TEST(PgRoutingSample, DrivingDistanceFromVertex11Within3) {
    const Sample s = build_sample();
    const std::map<int, double> documented{{11, 0}, {7, 1}, {12, 1}, {16, 1}, {3, 2},  {6, 2},  {8, 2},
                                           {15, 2}, {17, 2}, {1, 3}, {5, 3},  {9, 3},  {10, 3}};
    // Start exactly on vertex 11: offset 0 of edge 9 (3,2)->(4,2), whose `from` is vertex 11.
    const NodeId v11 = s.vertex.at(11);
    ASSERT_EQ(s.graph.edge(8).from, v11);
    BoundedSearch search(s.graph);
    const SearchSource source{{8, 0.0}, 0.0};
    search.run({&source, 1}, 3.0, s.directions);
    std::map<int, double> got;
    for (const auto& [vid, node] : s.vertex)
        if (search.distance(node) != BoundedSearch::unreached) got[vid] = search.distance(node);
    EXPECT_EQ(got, documented);
}
