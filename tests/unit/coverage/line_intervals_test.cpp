#include "trygg/coverage/line_intervals.hpp"

#include <gtest/gtest.h>

#include <random>

namespace trygg::coverage {
namespace {

TEST(LineIntervals, NormaliseSortsMergesAndDropsEmpty) {
    const auto n = normalise({{5, 7}, {1, 2}, {2, 3}, {6, 9}, {4, 4}, {8, 3}});
    ASSERT_EQ(n.size(), 2u);
    EXPECT_EQ(n[0], (LineInterval{1, 3}));
    EXPECT_EQ(n[1], (LineInterval{5, 9}));
    EXPECT_DOUBLE_EQ(total_length(n), 6.0);
}

TEST(LineIntervals, ComplementWithinLength) {
    const auto c = complement({{-1, 2}, {5, 7}, {9, 12}}, 10.0);
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0], (LineInterval{2, 5}));
    EXPECT_EQ(c[1], (LineInterval{7, 9}));
    EXPECT_EQ(complement({}, 3.0), (LineIntervals{{0, 3}}));
    EXPECT_TRUE(complement({{0, 3}}, 3.0).empty());
}

TEST(LineIntervals, IntersectionMatchesSampledReference) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0.0, 100.0);
    for (int round = 0; round < 50; ++round) {
        LineIntervals a, b;
        for (int k = 0; k < 6; ++k) {
            const double s = u(rng), t = u(rng);
            a.push_back({std::min(s, t), std::max(s, t)});
            const double p = u(rng), q = u(rng);
            b.push_back({std::min(p, q), std::max(p, q)});
        }
        a = normalise(a);
        b = normalise(b);
        const auto both = intersection(a, b);
        const auto inside = [](const LineIntervals& set, double x) {
            for (const auto& i : set)
                if (x >= i.from_m && x <= i.to_m) return true;
            return false;
        };
        // Brute force on a fine grid of midpoints: 0.01 m steps.
        int count = 0;
        for (int s = 0; s < 10000; ++s) {
            const double x = (s + 0.5) * 0.01;
            if (inside(a, x) && inside(b, x)) ++count;
            EXPECT_EQ(inside(both, x), inside(a, x) && inside(b, x)) << x;
        }
        EXPECT_NEAR(total_length(both), count * 0.01, 0.05);
    }
}

TEST(LineIntervals, CutAndPointAt) {
    const model::LineString l{{0, 0}, {10, 0}, {10, 10}};
    EXPECT_DOUBLE_EQ(line_length(l), 20.0);
    EXPECT_EQ(point_at(l, 15.0), (model::Point{10, 5}));
    EXPECT_EQ(point_at(l, 99.0), (model::Point{10, 10}));
    const auto piece = cut(l, 5.0, 12.0);
    ASSERT_EQ(piece.size(), 3u);
    EXPECT_EQ(piece[0], (model::Point{5, 0}));
    EXPECT_EQ(piece[1], (model::Point{10, 0}));
    EXPECT_EQ(piece[2], (model::Point{10, 2}));
    EXPECT_DOUBLE_EQ(line_length(piece), 7.0);
    const auto inner = cut(l, 1.0, 3.0);
    ASSERT_EQ(inner.size(), 2u);
    EXPECT_DOUBLE_EQ(line_length(inner), 2.0);
    EXPECT_DOUBLE_EQ(line_length(cut(l, 0.0, 20.0)), 20.0);
    EXPECT_EQ(cut(l, 0.0, 20.0).size(), 3u);
}

}  // namespace
}  // namespace trygg::coverage
