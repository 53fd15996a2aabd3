#include "trygg/network/shortest_path.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <random>
#include <utility>
#include <vector>

#include "trygg/coverage/line_intervals.hpp"
#include "trygg/error.hpp"

namespace trygg::network {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

WalkEdge straight(NodeId from, NodeId to, const std::vector<model::Point>& nodes) {
    WalkEdge e;
    e.from = from;
    e.to = to;
    e.geometry = {nodes[from], nodes[to]};
    e.length_m = line_length(e.geometry);
    return e;
}

// A path is walkable: pieces lie on their edges, consecutive pieces meet at a common node, it
// starts and ends at the given positions, and its cost and length add up.
void expect_consistent(const WalkGraph& g, std::span<const double> costs, const Path& p, EdgePosition from,
                       EdgePosition to) {
    ASSERT_TRUE(p.found);
    ASSERT_FALSE(p.pieces.empty());
    // Starts and ends where asked (a position at a node may be left through another edge).
    const model::LineString line = path_geometry(g, p);
    const model::Point start = coverage::point_at(g.edge(from.edge).geometry, from.offset_m);
    const model::Point end = coverage::point_at(g.edge(to.edge).geometry, to.offset_m);
    EXPECT_NEAR(line.front().x, start.x, 1e-6);
    EXPECT_NEAR(line.front().y, start.y, 1e-6);
    EXPECT_NEAR(line.back().x, end.x, 1e-6);
    EXPECT_NEAR(line.back().y, end.y, 1e-6);
    EXPECT_NEAR(coverage::line_length(line), p.length_m, 1e-6);
    double cost = 0.0, length = 0.0;
    for (std::size_t i = 0; i < p.pieces.size(); ++i) {
        const PathPiece& piece = p.pieces[i];
        const WalkEdge& e = g.edge(piece.edge);
        EXPECT_GE(std::min(piece.from_m, piece.to_m), 0.0);
        EXPECT_LE(std::max(piece.from_m, piece.to_m), e.length_m);
        const double walked = std::abs(piece.to_m - piece.from_m);
        length += walked;
        cost += e.length_m > 0.0 ? costs[piece.edge] * walked / e.length_m : 0.0;
        if (i + 1 < p.pieces.size()) {
            // Leaves this edge at an end node, enters the next at an end node: the same node.
            const PathPiece& next = p.pieces[i + 1];
            const WalkEdge& n = g.edge(next.edge);
            ASSERT_TRUE(piece.to_m == 0.0 || piece.to_m == e.length_m);
            ASSERT_TRUE(next.from_m == 0.0 || next.from_m == n.length_m);
            const NodeId leave = piece.to_m == 0.0 ? e.from : e.to;
            const NodeId enter = next.from_m == 0.0 ? n.from : n.to;
            EXPECT_EQ(leave, enter);
        }
    }
    EXPECT_NEAR(cost, p.cost, 1e-9 * (1.0 + p.cost));
    EXPECT_NEAR(length, p.length_m, 1e-9 * (1.0 + length));
}

// Reference: plain one-directional Dijkstra on an explicit copy of the graph where the start
// and end positions are real nodes splitting their edges (and the piece between them when
// they share an edge).
double reference_cost(const WalkGraph& g, std::span<const double> costs, EdgePosition from, EdgePosition to) {
    const std::size_t n = g.node_count();
    const NodeId s = static_cast<NodeId>(n), t = static_cast<NodeId>(n + 1);
    std::vector<std::vector<std::pair<NodeId, double>>> adj(n + 2);
    auto add = [&](NodeId u, NodeId v, double c) {
        adj[u].push_back({v, c});
        adj[v].push_back({u, c});
    };
    for (EdgeId i = 0; i < g.edge_count(); ++i) {
        const WalkEdge& e = g.edge(i);
        const double per_m = e.length_m > 0.0 ? costs[i] / e.length_m : 0.0;
        if (i == from.edge && i == to.edge) {
            const double lo = std::min(from.offset_m, to.offset_m), hi = std::max(from.offset_m, to.offset_m);
            const NodeId first = from.offset_m <= to.offset_m ? s : t, second = first == s ? t : s;
            add(e.from, first, lo * per_m);
            add(first, second, (hi - lo) * per_m);
            add(second, e.to, (e.length_m - hi) * per_m);
        } else if (i == from.edge || i == to.edge) {
            const EdgePosition& p = i == from.edge ? from : to;
            const NodeId mid = i == from.edge ? s : t;
            add(e.from, mid, p.offset_m * per_m);
            add(mid, e.to, (e.length_m - p.offset_m) * per_m);
        } else {
            add(e.from, e.to, costs[i]);
        }
    }
    std::vector<double> dist(n + 2, kInf);
    using Entry = std::pair<double, NodeId>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    dist[s] = 0.0;
    queue.push({0.0, s});
    while (!queue.empty()) {
        const auto [d, u] = queue.top();
        queue.pop();
        if (d > dist[u]) continue;
        for (const auto& [v, c] : adj[u])
            if (d + c < dist[v]) {
                dist[v] = d + c;
                queue.push({dist[v], v});
            }
    }
    return dist[t];
}

//   0 ---- 1 ---- 2
//   |             |
//   3 ----------- 4      (lengths: 0-1 100, 1-2 100, 0-3 50, 3-4 200, 2-4 50)
struct Ladder {
    std::vector<model::Point> nodes{{0, 0}, {100, 0}, {200, 0}, {0, -50}, {200, -50}};
    WalkGraph graph;
    Ladder() {
        std::vector<WalkEdge> edges{straight(0, 1, nodes), straight(1, 2, nodes), straight(0, 3, nodes),
                                    straight(3, 4, nodes), straight(2, 4, nodes)};
        graph = WalkGraph(nodes, edges);
    }
};

std::vector<double> lengths(const WalkGraph& g) {
    std::vector<double> c;
    for (const WalkEdge& e : g.edges()) c.push_back(e.length_m);
    return c;
}

TEST(ShortestPath, MidEdgeToMidEdgeByHand) {
    Ladder l;
    const auto costs = lengths(l.graph);
    // 70 m to node 1, then 50 m along 1-2.
    Path p = shortest_path(l.graph, costs, {0, 30.0}, {1, 50.0});
    ASSERT_TRUE(p.found);
    EXPECT_DOUBLE_EQ(p.cost, 120.0);
    EXPECT_EQ(p.pieces, (std::vector<PathPiece>{{0, 30.0, 100.0}, {1, 0.0, 50.0}}));
    // 10 m up to node 0, along the top (200 m), 10 m down: 220 (the bottom would be 280).
    p = shortest_path(l.graph, costs, {2, 10.0}, {4, 10.0});
    EXPECT_DOUBLE_EQ(p.cost, 220.0);
    EXPECT_DOUBLE_EQ(p.length_m, 220.0);
    EXPECT_EQ(p.pieces, (std::vector<PathPiece>{{2, 10.0, 0.0}, {0, 0.0, 100.0}, {1, 0.0, 100.0}, {4, 0.0, 10.0}}));
    EXPECT_EQ(path_geometry(l.graph, p),
              (model::LineString{{0, -10}, {0, 0}, {100, 0}, {200, 0}, {200, -10}}));
    // The same query backwards walks the same way back.
    const Path back = shortest_path(l.graph, costs, {4, 10.0}, {2, 10.0});
    EXPECT_DOUBLE_EQ(back.cost, 220.0);
    EXPECT_EQ(back.pieces, (std::vector<PathPiece>{{4, 10.0, 0.0}, {1, 100.0, 0.0}, {0, 100.0, 0.0}, {2, 0.0, 10.0}}));
}

TEST(ShortestPath, SameEdgeDirectOrAround) {
    Ladder l;
    auto costs = lengths(l.graph);
    // Both on the 200 m bottom edge: straight along it (160) beats going round (340).
    Path p = shortest_path(l.graph, costs, {3, 20.0}, {3, 180.0});
    EXPECT_DOUBLE_EQ(p.cost, 160.0);
    EXPECT_EQ(p.pieces, (std::vector<PathPiece>{{3, 20.0, 180.0}}));
    p = shortest_path(l.graph, costs, {3, 180.0}, {3, 20.0});
    EXPECT_EQ(p.pieces, (std::vector<PathPiece>{{3, 180.0, 20.0}}));
    // At 10 per metre on the bottom edge, the direct piece costs 1800; going round costs
    // 10*10 + 50 + 100 + 100 + 50 + 10*10 = 500.
    costs[3] = 2000.0;
    p = shortest_path(l.graph, costs, {3, 10.0}, {3, 190.0});
    EXPECT_DOUBLE_EQ(p.cost, 500.0);
    EXPECT_DOUBLE_EQ(p.length_m, 320.0);
    EXPECT_EQ(p.pieces, (std::vector<PathPiece>{{3, 10.0, 0.0}, {2, 50.0, 0.0}, {0, 0.0, 100.0}, {1, 0.0, 100.0},
                                                {4, 0.0, 50.0}, {3, 200.0, 190.0}}));
}

TEST(ShortestPath, PositionsAtNodesAndStandingStill) {
    Ladder l;
    const auto costs = lengths(l.graph);
    Path p = shortest_path(l.graph, costs, {0, 0.0}, {1, 100.0});
    EXPECT_DOUBLE_EQ(p.cost, 200.0);
    EXPECT_EQ(p.pieces, (std::vector<PathPiece>{{0, 0.0, 100.0}, {1, 0.0, 100.0}}));
    // Node 1 given as the end of edge 0 and as the start of edge 1: no way to go.
    p = shortest_path(l.graph, costs, {0, 100.0}, {1, 0.0});
    ASSERT_TRUE(p.found);
    EXPECT_DOUBLE_EQ(p.cost, 0.0);
    EXPECT_EQ(p.pieces.size(), 1u);
    EXPECT_DOUBLE_EQ(p.length_m, 0.0);
    p = shortest_path(l.graph, costs, {0, 30.0}, {0, 30.0});
    EXPECT_DOUBLE_EQ(p.cost, 0.0);
    EXPECT_EQ(p.pieces, (std::vector<PathPiece>{{0, 30.0, 30.0}}));
    EXPECT_EQ(path_geometry(l.graph, p), (model::LineString{{30, 0}, {30, 0}}));
    // Offsets outside the edge are clamped to it.
    p = shortest_path(l.graph, costs, {0, -5.0}, {1, 1e9});
    EXPECT_DOUBLE_EQ(p.cost, 200.0);
}

TEST(ShortestPath, DisconnectedAndBadInput) {
    std::vector<model::Point> nodes{{0, 0}, {100, 0}, {500, 0}, {600, 0}};
    const WalkGraph g(nodes, {straight(0, 1, nodes), straight(2, 3, nodes)});
    const auto costs = lengths(g);
    EXPECT_FALSE(shortest_path(g, costs, {0, 10.0}, {1, 10.0}).found);
    EXPECT_TRUE(path_geometry(g, shortest_path(g, costs, {0, 10.0}, {1, 10.0})).empty());
    EXPECT_THROW(shortest_path(g, costs, {0, 10.0}, {2, 10.0}), UsageError);
    EXPECT_THROW(ShortestPathSearch(g, std::vector<double>{1.0}), UsageError);
    EXPECT_THROW(ShortestPathSearch(g, std::vector<double>{1.0, -1.0}), UsageError);
    EXPECT_THROW(ShortestPathSearch(g, std::vector<double>{1.0, std::nan("")}), UsageError);
}

// Random graphs: clusters of nodes joined to near neighbours (some clusters left apart, so some
// pairs are not connected), bent edges, parallel edges, loops, zero-cost edges; costs are the
// length times a random factor. Every query must cost what plain Dijkstra on the explicitly
// split graph gives, and the path must walk consistently.
TEST(ShortestPath, AgreesWithPlainDijkstraOnRandomGraphs) {
    std::size_t queries = 0, unconnected = 0, same_edge = 0;
    for (unsigned seed = 1; seed <= 6; ++seed) {
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const std::size_t n = 40 + 20 * seed;
        std::vector<model::Point> nodes;
        for (std::size_t i = 0; i < n; ++i) {
            const double cx = (i % 3 == 0) ? 0.0 : 5000.0;  // two far-apart clusters
            nodes.push_back({cx + 1000.0 * unit(rng), 1000.0 * unit(rng)});
        }
        std::vector<WalkEdge> edges;
        for (NodeId i = 0; i < n; ++i) {
            std::vector<std::pair<double, NodeId>> near;
            for (NodeId j = 0; j < n; ++j)
                if (j != i) near.push_back({std::hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y), j});
            std::sort(near.begin(), near.end());
            const std::size_t k = 1 + static_cast<std::size_t>(unit(rng) * 3.0);
            for (std::size_t m = 0; m < k; ++m) {
                WalkEdge e = straight(i, near[m].second, nodes);
                if (unit(rng) < 0.4) {  // a bend
                    const model::Point mid{(e.geometry[0].x + e.geometry[1].x) / 2 + 30.0 * (unit(rng) - 0.5),
                                           (e.geometry[0].y + e.geometry[1].y) / 2 + 30.0 * (unit(rng) - 0.5)};
                    e.geometry.insert(e.geometry.begin() + 1, mid);
                    e.length_m = line_length(e.geometry);
                }
                edges.push_back(e);
                if (unit(rng) < 0.05) edges.push_back(straight(i, near[m].second, nodes));  // parallel
            }
            if (unit(rng) < 0.03) {  // a loop at the node
                WalkEdge loop;
                loop.from = loop.to = i;
                loop.geometry = {nodes[i], {nodes[i].x + 10, nodes[i].y}, {nodes[i].x, nodes[i].y + 10}, nodes[i]};
                loop.length_m = line_length(loop.geometry);
                edges.push_back(loop);
            }
        }
        const WalkGraph g(nodes, edges);
        std::vector<double> costs;
        for (const WalkEdge& e : g.edges()) costs.push_back(unit(rng) < 0.05 ? 0.0 : e.length_m * (1.0 + 3.0 * unit(rng)));
        ShortestPathSearch search(g, costs);  // reused: labels must be reset between queries
        std::uniform_int_distribution<EdgeId> pick(0, static_cast<EdgeId>(g.edge_count() - 1));
        for (int q = 0; q < 100; ++q) {
            const EdgeId ea = pick(rng);
            const EdgeId eb = q % 10 == 0 ? ea : pick(rng);
            const double fa = q % 17 == 0 ? 0.0 : unit(rng), fb = q % 19 == 0 ? 1.0 : unit(rng);
            const EdgePosition from{ea, fa * g.edge(ea).length_m}, to{eb, fb * g.edge(eb).length_m};
            const double expected = reference_cost(g, costs, from, to);
            const Path p = search.find(from, to);
            ++queries;
            same_edge += ea == eb;
            if (expected == kInf) {
                ++unconnected;
                EXPECT_FALSE(p.found) << "seed " << seed << " query " << q;
                continue;
            }
            ASSERT_TRUE(p.found) << "seed " << seed << " query " << q;
            EXPECT_NEAR(p.cost, expected, 1e-9 * (1.0 + expected)) << "seed " << seed << " query " << q;
            expect_consistent(g, costs, p, from, to);
        }
    }
    EXPECT_EQ(queries, 600u);
    // The random setup really exercised the special cases.
    EXPECT_GT(unconnected, 20u);
    EXPECT_GT(same_edge, 30u);
}

}  // namespace
}  // namespace trygg::network
