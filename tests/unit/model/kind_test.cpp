#include "trygg/model/kind.hpp"

#include <gtest/gtest.h>

using namespace trygg::model;

TEST(Kind, RoundTripsEveryName) {
    for (Kind kind : all_kinds()) {
        auto parsed = parse_kind(to_string(kind));
        ASSERT_TRUE(parsed.has_value()) << to_string(kind);
        EXPECT_EQ(*parsed, kind);
    }
    EXPECT_FALSE(parse_kind("lamps").has_value());
}

TEST(Kind, ExpectedGeometry) {
    EXPECT_EQ(expected_geometry(Kind::reports), GeometryClass::point);
    EXPECT_EQ(expected_geometry(Kind::walkways), GeometryClass::line);
    EXPECT_EQ(expected_geometry(Kind::areas), GeometryClass::polygon);
    EXPECT_EQ(expected_geometry(Kind::activities), GeometryClass::point_or_polygon);
}
