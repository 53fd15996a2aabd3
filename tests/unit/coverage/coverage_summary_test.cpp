#include "trygg/coverage/coverage_summary.hpp"

#include <gtest/gtest.h>

namespace trygg::coverage {
namespace {

model::MultiPolygon square(double x0, double y0, double x1, double y1) {
    return {model::Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}

TEST(CoverageSummary, LengthsPerAreaSplitAtBorders) {
    std::vector<WalkwayPiece> pieces;
    split_into_pieces(0, 0, {{0, 5}, {200, 5}}, {{0, 50}}, {{150, 200}}, pieces);
    // West area x in [0, 100], east x in [100, 200].
    const std::vector<model::MultiPolygon> areas{square(0, 0, 100, 10), square(100, 0, 200, 10), square(0, 50, 10, 60)};
    const auto by_area = coverage_by_area(areas, pieces);
    ASSERT_EQ(by_area.size(), 3u);
    EXPECT_NEAR(by_area[0].length_m, 100.0, 1e-9);
    EXPECT_NEAR(by_area[0].lit_m, 50.0, 1e-9);
    EXPECT_NEAR(by_area[0].seen_m, 0.0, 1e-9);
    EXPECT_NEAR(by_area[1].length_m, 100.0, 1e-9);
    EXPECT_NEAR(by_area[1].seen_m, 50.0, 1e-9);
    EXPECT_EQ(by_area[2].length_m, 0.0);
}

TEST(CoverageSummary, AreaSharesOfClusters) {
    const auto lit = square(0, 0, 10, 10);
    const auto seen = square(5, 0, 20, 10);
    const std::vector<model::MultiPolygon> clusters{square(0, 0, 20, 10), square(100, 100, 110, 110)};
    const auto shares = area_shares(clusters, lit, seen);
    EXPECT_NEAR(shares[0].area_m2, 200.0, 1e-9);
    EXPECT_NEAR(shares[0].lit_share(), 0.5, 1e-12);
    EXPECT_NEAR(shares[0].seen_share(), 0.75, 1e-12);
    EXPECT_NEAR(shares[1].lit_m2, 0.0, 1e-12);
    EXPECT_NEAR(shares[1].area_m2, 100.0, 1e-9);
}

}  // namespace
}  // namespace trygg::coverage
