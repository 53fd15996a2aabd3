#include "trygg/network/components.hpp"

#include <gtest/gtest.h>

#include "network/network_fixtures.hpp"

TEST(Components, LongestFirstAndTinyFlag) {
    // A 300 m main line, a separate 40 m path, and a separate 120 m path.
    const auto g = trygg::test::graph_of({{{0, 0}, {100, 0}}, {{100, 0}, {300, 0}}, {{0, 50}, {40, 50}},
                                          {{0, 100}, {120, 100}}});
    const auto c = trygg::network::connected_components(g);
    ASSERT_EQ(c.info.size(), 3u);
    EXPECT_DOUBLE_EQ(c.info[0].length_m, 300.0);
    EXPECT_EQ(c.info[0].edges, 2u);
    EXPECT_EQ(c.info[0].nodes, 3u);
    EXPECT_DOUBLE_EQ(c.info[1].length_m, 120.0);
    EXPECT_DOUBLE_EQ(c.info[2].length_m, 40.0);
    EXPECT_EQ(c.of_edge(g, 0), 0u);
    EXPECT_EQ(c.of_edge(g, 2), 2u);
    EXPECT_TRUE(c.tiny(2, 100.0));
    EXPECT_FALSE(c.tiny(1, 100.0));
    EXPECT_FALSE(c.tiny(0, 1e9));  // the main network is never tiny
}
