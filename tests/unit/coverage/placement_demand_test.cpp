#include "trygg/coverage/placement_demand.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "trygg/coverage/candidate_sites.hpp"
#include "trygg/error.hpp"

using trygg::UsageError;
using trygg::coverage::CandidateSite;
using trygg::coverage::DemandPiece;
using trygg::coverage::LineIntervals;
using trygg::coverage::reports_near;
using trygg::coverage::sites_along_lines;
using trygg::coverage::uncovered_pieces;
using trygg::model::LineString;
using trygg::model::Point;

TEST(PlacementDemand, UncoveredStretchesCutIntoShortPieces) {
    // A 100 m line lit on [20, 40] and [50, 100]: dark on [0, 20] and [40, 50].
    const std::vector<LineString> lines{{{0, 0}, {100, 0}}};
    const std::vector<LineIntervals> lit{{{20, 40}, {50, 100}}};
    const auto pieces = uncovered_pieces(lines, lit, 5.0);
    ASSERT_EQ(pieces.size(), 6u);  // 4 pieces of 5 m, then 2 of 5 m
    const double expected_from[] = {0, 5, 10, 15, 40, 45};
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        EXPECT_DOUBLE_EQ(pieces[i].from_m, expected_from[i]);
        EXPECT_DOUBLE_EQ(pieces[i].length_m(), 5.0);
        EXPECT_DOUBLE_EQ(pieces[i].midpoint.x, expected_from[i] + 2.5);
        EXPECT_DOUBLE_EQ(pieces[i].midpoint.y, 0.0);
    }
    // 7 m pieces: [0, 20] needs 3 of 20/3 m, [40, 50] needs 2 of 5 m; lengths add up.
    const auto coarse = uncovered_pieces(lines, lit, 7.0);
    ASSERT_EQ(coarse.size(), 5u);
    EXPECT_NEAR(coarse[0].length_m(), 20.0 / 3.0, 1e-12);
    EXPECT_DOUBLE_EQ(coarse[2].to_m, 20.0);
    EXPECT_DOUBLE_EQ(coarse[3].length_m(), 5.0);
    double total = 0.0;
    for (const auto& p : coarse) total += p.length_m();
    EXPECT_NEAR(total, 30.0, 1e-12);
}

TEST(PlacementDemand, PiecesFollowBends) {
    // An L: 10 m east, then 10 m north; wholly dark. The third 5 m piece lies on the second leg.
    const std::vector<LineString> lines{{{0, 0}, {10, 0}, {10, 10}}};
    const std::vector<LineIntervals> none{{}};
    const auto pieces = uncovered_pieces(lines, none, 5.0);
    ASSERT_EQ(pieces.size(), 4u);
    EXPECT_DOUBLE_EQ(pieces[2].midpoint.x, 10.0);
    EXPECT_DOUBLE_EQ(pieces[2].midpoint.y, 2.5);
    EXPECT_THROW(uncovered_pieces(lines, none, 0.0), UsageError);
    EXPECT_THROW(uncovered_pieces(lines, {}, 5.0), UsageError);
}

TEST(PlacementDemand, ReportsNearCountsWithinTheDistanceInclusive) {
    std::vector<DemandPiece> pieces(2);
    pieces[0].midpoint = {0, 0};
    pieces[1].midpoint = {100, 0};
    // At 0, exactly 10 and 10.5 m from the first piece; one 3 m from the second with weight 2.
    const std::vector<Point> reports{{0, 0}, {6, 8}, {0, 10.5}, {103, 0}};
    const std::vector<double> weights{1.0, 1.0, 1.0, 2.0};
    const auto near = reports_near(pieces, reports, weights, 10.0);
    EXPECT_EQ(near, (std::vector<double>{2.0, 2.0}));
    EXPECT_EQ(reports_near(pieces, {}, {}, 10.0), (std::vector<double>{0.0, 0.0}));
    EXPECT_EQ(reports_near(pieces, reports, weights, 0.0), (std::vector<double>{1.0, 0.0}));
    EXPECT_THROW(reports_near(pieces, reports, weights, -1.0), UsageError);
}

TEST(PlacementCandidateSites, EvenlySpacedAwayFromLineEnds) {
    const std::vector<LineString> lines{{{0, 0}, {100, 0}}, {{0, 50}, {0, 60}}, {{5, 5}, {5, 5}}, {{0, 0}, {30, 40}}};
    const auto sites = sites_along_lines(lines, 25.0);
    // 100 m: 4 sites at 12.5, 37.5, 62.5, 87.5; 10 m: one in the middle; zero length: none;
    // 50 m: 2 sites at 12.5 and 37.5 along the diagonal.
    ASSERT_EQ(sites.size(), 7u);
    const double offsets[] = {12.5, 37.5, 62.5, 87.5};
    for (std::size_t k = 0; k < 4; ++k) {
        EXPECT_EQ(sites[k].line, 0u);
        EXPECT_DOUBLE_EQ(sites[k].offset_m, offsets[k]);
        EXPECT_DOUBLE_EQ(sites[k].position.x, offsets[k]);
    }
    EXPECT_EQ(sites[4].line, 1u);
    EXPECT_DOUBLE_EQ(sites[4].position.y, 55.0);
    EXPECT_EQ(sites[5].line, 3u);
    EXPECT_NEAR(sites[5].position.x, 7.5, 1e-12);
    EXPECT_NEAR(sites[6].position.y, 30.0, 1e-12);
    // 110 m with 25 m spacing: round(4.4) = 4 sites, 27.5 m apart.
    const std::vector<LineString> longer{{{0, 0}, {110, 0}}};
    const auto four = sites_along_lines(longer, 25.0);
    ASSERT_EQ(four.size(), 4u);
    EXPECT_DOUBLE_EQ(four[1].offset_m - four[0].offset_m, 27.5);
    EXPECT_THROW(sites_along_lines(lines, 0.0), UsageError);
}
