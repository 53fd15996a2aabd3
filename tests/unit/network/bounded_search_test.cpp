#include "trygg/network/bounded_search.hpp"

#include <gtest/gtest.h>

#include <random>

#include "network/network_fixtures.hpp"

using trygg::network::BoundedSearch;
using trygg::network::NodeId;
using trygg::network::SearchSource;
using trygg::network::WalkGraph;
using trygg::test::graph_of;
using trygg::test::reference_distances;

namespace {

// A jittered street grid with diagonal shortcuts, noded at its crossings.
WalkGraph random_town(unsigned seed, int size = 12) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> jitter(-8, 8);
    std::vector<std::vector<trygg::model::Point>> p(static_cast<std::size_t>(size), std::vector<trygg::model::Point>(static_cast<std::size_t>(size)));
    for (int i = 0; i < size; ++i)
        for (int j = 0; j < size; ++j) p[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = {i * 60.0 + jitter(rng), j * 60.0 + jitter(rng)};
    std::vector<trygg::model::LineString> lines;
    std::bernoulli_distribution keep(0.8);
    for (std::size_t i = 0; i < p.size(); ++i)
        for (std::size_t j = 0; j < p.size(); ++j) {
            if (i + 1 < p.size() && keep(rng)) lines.push_back({p[i][j], p[i + 1][j]});
            if (j + 1 < p.size() && keep(rng)) lines.push_back({p[i][j], p[i][j + 1]});
        }
    return graph_of(lines);
}

}  // namespace

TEST(BoundedSearch, NodeDistancesMatchTheReferenceWithinTheLimit) {
    for (unsigned seed : {1u, 2u, 3u}) {
        const WalkGraph g = random_town(seed);
        BoundedSearch search(g);
        for (NodeId start : {NodeId{0}, static_cast<NodeId>(g.node_count() / 2)}) {
            const auto reference = reference_distances(g, start);
            // A source exactly on a node: offset 0 of an edge leaving it.
            const auto& inc = g.incident(start).front();
            const auto& e = g.edge(inc.edge);
            const SearchSource source{{inc.edge, e.from == start ? 0.0 : e.length_m}, 0.0};
            search.run({&source, 1}, 300.0);
            std::size_t inside = 0;
            for (NodeId n = 0; n < g.node_count(); ++n) {
                if (reference[n] <= 300.0) {
                    ++inside;
                    EXPECT_NEAR(search.distance(n), reference[n], 1e-9);
                } else {
                    EXPECT_EQ(search.distance(n), BoundedSearch::unreached);
                }
            }
            EXPECT_EQ(search.reached().size(), inside);
            EXPECT_GT(inside, 5u);
            EXPECT_LT(inside, g.node_count());  // the bound really bounds
        }
    }
}

TEST(BoundedSearch, MidEdgeSourceReachesBothEndsAndItsOwnEdge) {
    // 0 --100-- 1 --50-- 2, source 30 m along the first edge, 5 m off the network.
    const WalkGraph g = graph_of({{{0, 0}, {100, 0}}, {{100, 0}, {150, 0}}});
    BoundedSearch search(g);
    const SearchSource source{{0, 30.0}, 5.0};
    search.run({&source, 1}, 200.0);
    EXPECT_DOUBLE_EQ(search.distance(g.edge(0).from), 35.0);
    EXPECT_DOUBLE_EQ(search.distance(g.edge(0).to), 75.0);
    EXPECT_DOUBLE_EQ(search.distance(g.edge(1).to), 125.0);
    // A target on the same edge, 10 m further along, is reached directly.
    EXPECT_DOUBLE_EQ(search.distance_to({0, 40.0}), 15.0);
    EXPECT_DOUBLE_EQ(search.distance_to({1, 20.0}), 95.0);
    // Reusing the search resets it.
    search.run({&source, 1}, 50.0);
    EXPECT_DOUBLE_EQ(search.distance(g.edge(0).from), 35.0);
    EXPECT_EQ(search.distance(g.edge(0).to), BoundedSearch::unreached);
    EXPECT_EQ(search.distance_to({1, 20.0}), BoundedSearch::unreached);
}

TEST(BoundedSearch, ReachedPiecesIncludePartialEdges) {
    const WalkGraph g = graph_of({{{0, 0}, {100, 0}}, {{100, 0}, {150, 0}}});
    BoundedSearch search(g);
    const SearchSource source{{0, 30.0}, 0.0};
    search.run({&source, 1}, 90.0);
    const auto pieces = search.reached_pieces();
    ASSERT_EQ(pieces.size(), 2u);
    EXPECT_EQ(pieces[0].edge, 0u);
    EXPECT_DOUBLE_EQ(pieces[0].from_m, 0.0);
    EXPECT_DOUBLE_EQ(pieces[0].to_m, 100.0);
    EXPECT_EQ(pieces[1].edge, 1u);
    EXPECT_DOUBLE_EQ(pieces[1].from_m, 0.0);
    EXPECT_DOUBLE_EQ(pieces[1].to_m, 20.0);  // 90 - 70 m to the node at x = 100
}
