#include "trygg/network/edge_cost.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "trygg/error.hpp"

namespace trygg::network {
namespace {

WalkEdge edge_between(NodeId from, NodeId to, model::Point a, model::Point b, LitState lit = LitState::unknown) {
    WalkEdge e;
    e.from = from;
    e.to = to;
    e.geometry = {a, b};
    e.length_m = line_length(e.geometry);
    e.lit = lit;
    return e;
}

TEST(EdgeCost, FormulaByHand) {
    const WalkEdge e = edge_between(0, 1, {0, 0}, {100, 0});
    EdgeConditions c;
    c.lit = {{0.0, 25.0}};    // unlit share 0.75
    c.seen = {{0.0, 50.0}};   // unseen share 0.5
    c.exposure = 0.5;
    EXPECT_DOUBLE_EQ(lit_share(e, c), 0.25);
    EXPECT_DOUBLE_EQ(seen_share(e, c), 0.5);
    // 100 * (1 + 2 * 0.75 + 1 * 0.5 + 1 * 0.5) = 350
    EXPECT_DOUBLE_EQ(safe_cost(e, c, SafetyWeights{}), 350.0);
    SafetyWeights w;
    w.dark = 8.0;
    w.unseen = 0.0;
    w.hot = 4.0;
    // 100 * (1 + 8 * 0.75 + 0 + 4 * 0.5) = 900
    EXPECT_DOUBLE_EQ(safe_cost(e, c, w), 900.0);
    // Intervals reaching past the edge count only inside it.
    c.lit = {{-10.0, 40.0}, {90.0, 130.0}};
    EXPECT_DOUBLE_EQ(lit_share(e, c), 0.5);
    w.hot = -1.0;
    EXPECT_THROW(safe_cost(e, c, w), UsageError);
}

TEST(EdgeCost, CostArraysAndAttributeLighting) {
    const std::vector<model::Point> nodes{{0, 0}, {100, 0}, {100, 50}};
    const WalkGraph g(nodes, {edge_between(0, 1, nodes[0], nodes[1], LitState::lit),
                              edge_between(1, 2, nodes[1], nodes[2], LitState::unknown)});
    EXPECT_EQ(length_costs(g), (std::vector<double>{100.0, 50.0}));
    // No light points: the attribute decides, unknown is dark.
    const auto conditions = edge_conditions(g, {}, {}, {});
    ASSERT_EQ(conditions.size(), 2u);
    EXPECT_EQ(conditions[0].lit, (coverage::LineIntervals{{0.0, 100.0}}));
    EXPECT_TRUE(conditions[1].lit.empty());
    SafetyWeights no_unseen;
    no_unseen.unseen = 0.0;
    // 100 * 1 and 50 * (1 + 2)
    EXPECT_EQ(safe_costs(g, conditions, no_unseen), (std::vector<double>{100.0, 150.0}));
    // Interval sources (what LightCoverage / CameraCoverage give) replace the attribute.
    const IntervalSource first_ten = [](const model::LineString&) { return coverage::LineIntervals{{0.0, 10.0}}; };
    const std::vector<double> exposure{0.0, 1.0};
    const auto from_sources = edge_conditions(g, first_ten, first_ten, exposure);
    EXPECT_EQ(from_sources[0].lit, (coverage::LineIntervals{{0.0, 10.0}}));
    EXPECT_EQ(from_sources[1].seen, (coverage::LineIntervals{{0.0, 10.0}}));
    EXPECT_DOUBLE_EQ(from_sources[1].exposure, 1.0);
    EXPECT_THROW(edge_conditions(g, {}, {}, std::vector<double>{1.0}), UsageError);
    EXPECT_THROW(safe_costs(g, std::vector<EdgeConditions>(1), SafetyWeights{}), UsageError);
}

// The mean of the quartic kernel along a straight edge, by dense direct evaluation (no grid).
double direct_mean(model::Point a, model::Point b, const std::vector<model::Point>& reports, double r) {
    const int n = 20000;
    double sum = 0.0;
    for (int k = 0; k < n; ++k) {
        const double t = (k + 0.5) / n;
        const model::Point p{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
        for (const model::Point& q : reports) {
            const double u2 = ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)) / (r * r);
            if (u2 <= 1.0) sum += (1.0 - u2) * (1.0 - u2);
        }
    }
    return sum / n;
}

TEST(EdgeCost, ExposureIsTheNormalisedKernelMeanAlongEdges) {
    // Three parallel 200 m edges 0, 30 and 300 m north of two reports.
    const std::vector<model::Point> nodes{{0, 0}, {200, 0}, {0, 30}, {200, 30}, {0, 300}, {200, 300}};
    const WalkGraph g(nodes, {edge_between(0, 1, nodes[0], nodes[1]), edge_between(2, 3, nodes[2], nodes[3]),
                              edge_between(4, 5, nodes[4], nodes[5])});
    const std::vector<model::Point> reports{{60, -5}, {110, 10}};
    ExposureOptions options;  // r = 50 m
    const auto exposure = edge_exposure(g, reports, {}, options);
    ASSERT_EQ(exposure.size(), 3u);
    const double m0 = direct_mean(nodes[0], nodes[1], reports, 50.0);
    const double m1 = direct_mean(nodes[2], nodes[3], reports, 50.0);
    EXPECT_DOUBLE_EQ(exposure[0], 1.0);  // the most exposed edge
    // The grid (5 m cells, bilinear) and the 5 m sampling keep the ratio within 3 %.
    EXPECT_NEAR(exposure[1], m1 / m0, 0.03 * m1 / m0);
    EXPECT_GT(exposure[1], 0.05);
    EXPECT_EQ(exposure[2], 0.0);  // beyond every kernel
    // Weights scale a report's share: doubling the far report's weight raises edge 1 relative
    // to edge 0 (the far report is nearer to edge 1).
    const std::vector<double> weights{1.0, 3.0};
    const auto weighted = edge_exposure(g, reports, weights, options);
    EXPECT_GT(weighted[1], exposure[1]);
    // No reports: no exposure anywhere.
    EXPECT_EQ(edge_exposure(g, {}, {}, options), (std::vector<double>{0.0, 0.0, 0.0}));
    options.radius_m = 0.0;
    EXPECT_THROW(edge_exposure(g, reports, {}, options), UsageError);
}

}  // namespace
}  // namespace trygg::network
