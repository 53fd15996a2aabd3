#include "trygg/model/time.hpp"

#include <gtest/gtest.h>

using namespace trygg::model;

TEST(Time, FormatsIso8601) {
    const TimePoint t{std::chrono::seconds{1420108667}};  // 2015-01-01T10:37:47Z
    EXPECT_EQ(format_iso8601(t), "2015-01-01T10:37:47Z");
    const TimePoint midnight{std::chrono::seconds{1420070400}};
    EXPECT_EQ(format_iso8601(midnight, true), "2015-01-01");
    EXPECT_EQ(format_iso8601(t, true), "2015-01-01T10:37:47Z");
}
