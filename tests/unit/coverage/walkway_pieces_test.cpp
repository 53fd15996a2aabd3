#include "trygg/coverage/walkway_pieces.hpp"

#include <gtest/gtest.h>

namespace trygg::coverage {
namespace {

TEST(WalkwayPieces, CutAtEveryLitAndSeenBoundary) {
    const model::LineString line{{0, 0}, {100, 0}};
    std::vector<WalkwayPiece> pieces;
    split_into_pieces(7, 0, line, {{10, 40}, {70, 100}}, {{30, 80}}, pieces);
    // 0-10 dark, 10-30 lit, 30-40 lit+seen, 40-70 seen, 70-80 lit+seen, 80-100 lit.
    ASSERT_EQ(pieces.size(), 6u);
    const bool lit[] = {false, true, true, false, true, true};
    const bool seen[] = {false, false, true, true, true, false};
    const double ends[] = {10, 30, 40, 70, 80, 100};
    double from = 0.0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        EXPECT_EQ(pieces[i].walkway, 7u);
        EXPECT_EQ(pieces[i].lit, lit[i]) << i;
        EXPECT_EQ(pieces[i].seen, seen[i]) << i;
        EXPECT_DOUBLE_EQ(pieces[i].from_m, from);
        EXPECT_DOUBLE_EQ(pieces[i].to_m, ends[i]);
        EXPECT_DOUBLE_EQ(line_length(pieces[i].line), ends[i] - from);
        from = ends[i];
    }
    CoverageLengths total;
    for (const auto& p : pieces) total.add(p);
    EXPECT_DOUBLE_EQ(total.length_m, 100.0);
    EXPECT_DOUBLE_EQ(total.lit_m, 60.0);
    EXPECT_DOUBLE_EQ(total.seen_m, 50.0);
    EXPECT_DOUBLE_EQ(total.lit_and_seen_m, 20.0);
    EXPECT_DOUBLE_EQ(total.lit_share(), 0.6);
}

TEST(WalkwayPieces, TinyPiecesAreMergedAndAllDarkIsOnePiece) {
    const model::LineString line{{0, 0}, {10, 0}, {10, 10}};
    std::vector<WalkwayPiece> pieces;
    split_into_pieces(0, 1, line, {}, {}, pieces);
    ASSERT_EQ(pieces.size(), 1u);
    EXPECT_EQ(pieces[0].line.size(), 3u);
    EXPECT_EQ(pieces[0].part, 1u);
    pieces.clear();
    // Lit [0, 5] and [5.0000001, 20]: one lit piece.
    split_into_pieces(0, 0, line, {{0, 5}, {5.0000001, 20}}, {}, pieces);
    ASSERT_EQ(pieces.size(), 1u);
    EXPECT_TRUE(pieces[0].lit);
    EXPECT_DOUBLE_EQ(pieces[0].to_m, 20.0);
}

}  // namespace
}  // namespace trygg::coverage
