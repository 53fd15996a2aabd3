#include "trygg/network/walking_area.hpp"

#include <gtest/gtest.h>

#include <boost/geometry.hpp>

#include "network/network_fixtures.hpp"
#include "trygg/index/boost_geometry.hpp"

using trygg::model::Point;

TEST(WalkingArea, CoversTheReachedNetworkAndNothingAcrossTheGap) {
    // Two parallel streets 60 m apart, joined only far away at x = 1000. From (0,0) with a
    // 300 m limit the walker covers x 0..300 on the lower street only.
    const auto g = trygg::test::graph_of({{{0, 0}, {1000, 0}}, {{1000, 0}, {1000, 60}}, {{1000, 60}, {0, 60}}});
    trygg::network::BoundedSearch search(g);
    const trygg::network::SearchSource source{{0, 0.0}, 0.0};
    search.run({&source, 1}, 300.0);
    const auto pieces = search.reached_pieces();
    trygg::network::WalkingAreaOptions options;
    options.buffer_m = 20;
    const auto area = trygg::network::walking_area(g, pieces, options);
    ASSERT_FALSE(area.empty());
    const auto shape = trygg::index::to_boost(area);
    EXPECT_TRUE(boost::geometry::covered_by(Point{150, 0}, shape));
    EXPECT_TRUE(boost::geometry::covered_by(Point{290, 15}, shape));
    EXPECT_FALSE(boost::geometry::covered_by(Point{150, 60}, shape));   // the other street
    EXPECT_FALSE(boost::geometry::covered_by(Point{330, 0}, shape));    // beyond the limit
    // Area of a 300 m corridor 40 m wide with round ends: 300 * 40 + pi * 20^2 (within the
    // polygonal approximation of the arcs).
    const double expected = 300.0 * 40.0 + 3.14159265358979 * 400.0;
    EXPECT_NEAR(boost::geometry::area(shape), expected, 0.02 * expected);
}

TEST(WalkingArea, NothingReachedNoArea) {
    const auto g = trygg::test::graph_of({{{0, 0}, {10, 0}}});
    EXPECT_TRUE(trygg::network::walking_area(g, {}, {}).empty());
}
