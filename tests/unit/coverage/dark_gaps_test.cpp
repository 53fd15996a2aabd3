#include "trygg/coverage/dark_gaps.hpp"

#include <gtest/gtest.h>

#include "trygg/error.hpp"

namespace trygg::coverage {
namespace {

TEST(DarkGaps, JoinAcrossDegreeTwoNodesButNotJunctions) {
    // a: (0,0)-(100,0) dark from 70; b: (100,0)-(200,0) dark until 20 -> one 50 m gap.
    // c and d meet e at (0,100) (three ends): dark ends there are not joined.
    const model::LineString a{{0, 0}, {100, 0}}, b{{100, 0}, {200, 0}};
    const model::LineString c{{0, 100}, {30, 100}}, d{{-30, 100}, {0, 100}}, e{{0, 100}, {0, 130}};
    const std::vector<GapLine> lines{{&a, 0, {{70, 100}}},
                                     {&b, 1, {{0, 20}}},
                                     {&c, 2, {{0, 30}}},
                                     {&d, 3, {{0, 30}}},
                                     {&e, 4, {{0, 10}}}};
    const auto gaps = dark_gaps(lines, {}, {}, GapOptions{});
    ASSERT_EQ(gaps.size(), 3u);  // 50 (a+b), 30 (c), 30 (d); e's 10 m is too short
    EXPECT_DOUBLE_EQ(gaps[0].length_m, 50.0);
    EXPECT_EQ(gaps[0].walkways, (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(gaps[0].lines.size(), 2u);
    EXPECT_DOUBLE_EQ(gaps[1].length_m, 30.0);
    EXPECT_EQ(gaps[1].walkways, (std::vector<std::size_t>{2}));
    EXPECT_EQ(gaps[2].walkways, (std::vector<std::size_t>{3}));
    EXPECT_EQ(gaps[2].rank, 3u);
}

TEST(DarkGaps, RankedByWeightOfNearbyReports) {
    const model::LineString a{{0, 0}, {100, 0}}, b{{0, 500}, {100, 500}};
    const std::vector<GapLine> lines{{&a, 0, {{0, 40}}}, {&b, 1, {{0, 30}}}};
    // Two reports next to gap b (one exactly 25 m away), one beside gap a at 26 m (not counted)
    // and one 10 m beyond a's end at x = 40 (distance 10: counted).
    const std::vector<model::Point> reports{{10, 510}, {20, 475}, {20, 26}, {50, 0}};
    const std::vector<double> weights{1.0, 2.0, 5.0, 0.5};
    const auto gaps = dark_gaps(lines, reports, weights, GapOptions{});
    ASSERT_EQ(gaps.size(), 2u);
    EXPECT_EQ(gaps[0].walkways.front(), 1u);
    EXPECT_EQ(gaps[0].reports, 2u);
    EXPECT_DOUBLE_EQ(gaps[0].score, 3.0);
    EXPECT_EQ(gaps[1].reports, 1u);
    EXPECT_DOUBLE_EQ(gaps[1].score, 0.5);
    EXPECT_THROW(dark_gaps(lines, reports, std::vector<double>{1.0}, GapOptions{}), UsageError);
}

TEST(DarkGaps, ALoopThatIsDarkAllRoundIsOneGap) {
    const model::LineString ring{{0, 0}, {50, 0}, {50, 50}, {0, 0}};
    const std::vector<GapLine> lines{{&ring, 0, {{0, 10}, {60, line_length(ring)}}}};
    const auto gaps = dark_gaps(lines, {}, {}, GapOptions{});
    ASSERT_EQ(gaps.size(), 1u);
    EXPECT_NEAR(gaps[0].length_m, 10.0 + line_length(ring) - 60.0, 1e-9);
}

}  // namespace
}  // namespace trygg::coverage
