#include "trygg/network/walkable_highway.hpp"

#include <gtest/gtest.h>

using trygg::network::highway_walkability;
using trygg::network::walkable_highway;
using trygg::network::Walkability;

TEST(WalkableHighway, TheIssueList) {
    for (const char* v : {"footway", "path", "pedestrian", "living_street", "residential", "service", "steps", "track",
                          "cycleway", "tertiary", "secondary", "primary"})
        EXPECT_TRUE(walkable_highway(v)) << v;
}

TEST(WalkableHighway, NeverMotorwaysTrunkOrFootNo) {
    for (const char* v : {"motorway", "motorway_link", "trunk", "trunk_link", "construction"})
        EXPECT_EQ(highway_walkability(v), Walkability::not_walkable) << v;
    EXPECT_EQ(highway_walkability("primary", "no"), Walkability::not_walkable);
    EXPECT_EQ(highway_walkability("footway", "private"), Walkability::not_walkable);
    EXPECT_TRUE(walkable_highway("primary", "yes"));
}

TEST(WalkableHighway, OtherVocabulariesAreUnknown) {
    EXPECT_EQ(highway_walkability("gångväg"), Walkability::unknown);
    EXPECT_EQ(highway_walkability(""), Walkability::unknown);
    EXPECT_FALSE(walkable_highway("gångväg"));
}
