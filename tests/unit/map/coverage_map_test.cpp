#include "trygg/map/coverage_map.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace trygg::map {
namespace {

// Bearing of (dx, dy) in degrees clockwise from north, in [0, 360).
double bearing(double dx, double dy) {
    double b = std::atan2(dx, dy) * 180.0 / std::numbers::pi;
    return b < 0 ? b + 360.0 : b;
}

TEST(CameraSector, SpansTheFieldOfViewAroundTheHeading) {
    const model::Point at{1000, 2000};
    const auto sector = camera_sector(at, 90.0, 60.0, 25.0);  // looking east, 60 degrees wide
    ASSERT_EQ(sector.size(), 1u);
    const auto& ring = sector[0].outer;
    ASSERT_GE(ring.size(), 5u);
    EXPECT_EQ(ring.front(), at);
    EXPECT_EQ(ring.back(), at);
    double lo = 360, hi = 0;
    for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
        const double dx = ring[i].x - at.x, dy = ring[i].y - at.y;
        EXPECT_NEAR(std::hypot(dx, dy), 25.0, 1e-9);
        lo = std::min(lo, bearing(dx, dy));
        hi = std::max(hi, bearing(dx, dy));
    }
    EXPECT_NEAR(lo, 60.0, 1e-9);
    EXPECT_NEAR(hi, 120.0, 1e-9);
}

TEST(CameraSector, FullCircleForFovOf360) {
    const auto sector = camera_sector({0, 0}, 0.0, 360.0, 10.0);
    const auto& ring = sector[0].outer;
    EXPECT_EQ(ring.front(), ring.back());
    for (const auto& p : ring) EXPECT_NEAR(std::hypot(p.x, p.y), 10.0, 1e-9);
}

}  // namespace
}  // namespace trygg::map
