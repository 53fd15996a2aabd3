#include "trygg/coverage/camera_view.hpp"

#include "trygg/coverage/building_obstacles.hpp"
#include "trygg/error.hpp"
#include "coverage/visibility_test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

using trygg::UsageError;
using trygg::coverage::BuildingObstacles;
using trygg::coverage::camera_spec_problem;
using trygg::coverage::camera_view;
using trygg::coverage::CameraPlacement;
using trygg::coverage::CameraSpec;
using trygg::coverage::CameraViewOptions;
using trygg::coverage::view_from;
using trygg::coverage::view_sector;
using trygg::model::MultiPolygon;
using trygg::model::Point;
using trygg::model::Polygon;
using trygg::test::visibility::at;
using trygg::test::visibility::camera;
using trygg::test::visibility::inside;
using trygg::test::visibility::kX0;
using trygg::test::visibility::kY0;
using trygg::test::visibility::rectangle;

namespace {

constexpr double kPi = std::numbers::pi;

// Shoelace area with offsets from the ring's first vertex (independent of GEOS).
double ring_area(const std::vector<Point>& r) {
    double a = 0.0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        a += (r[i].x - r[0].x) * (r[i + 1].y - r[0].y) - (r[i + 1].x - r[0].x) * (r[i].y - r[0].y);
    }
    return std::abs(a) / 2.0;
}
double area(const MultiPolygon& mp) {
    double a = 0.0;
    for (const auto& p : mp) {
        a += ring_area(p.outer);
        for (const auto& h : p.holes) a -= ring_area(h);
    }
    return a;
}

// An inscribed polygon loses at most (arc length) * (tolerance) of a sector's area: each chord
// cuts off a circular segment no thicker than the tolerance.
double arc_loss_bound(double range, double fov_deg, double tolerance) {
    return range * fov_deg * kPi / 180.0 * tolerance;
}

}  // namespace

TEST(CameraView, SectorWithoutObstaclesHasTheSectorArea) {
    for (const double fov : {10.0, 45.0, 90.0, 170.0, 250.0, 359.0}) {
        const CameraSpec spec = camera(0, 0, 30.0, fov, 30.0);
        const MultiPolygon view = camera_view(spec, nullptr);
        ASSERT_EQ(view.size(), 1u);
        const double exact = fov / 360.0 * kPi * 30.0 * 30.0;
        EXPECT_LE(area(view), exact + 1e-6) << fov;
        EXPECT_GE(area(view), exact - arc_loss_bound(30.0, fov, 0.05)) << fov;
    }
}

TEST(CameraView, ArcVerticesLieOnTheCircleAndChordsStayWithinTheTolerance) {
    const Polygon sector = view_sector(camera(0, 0, 0.0, 120.0, 40.0), 0.05);
    const Point c = at(0, 0);
    ASSERT_GE(sector.outer.size(), 5u);
    EXPECT_EQ(sector.outer.front(), c);
    EXPECT_EQ(sector.outer.back(), c);
    for (std::size_t i = 1; i + 2 < sector.outer.size(); ++i) {
        const Point a = sector.outer[i], b = sector.outer[i + 1];
        EXPECT_NEAR(std::hypot(a.x - c.x, a.y - c.y), 40.0, 1e-8);
        // The chord's midpoint is its point farthest inside the circle.
        const double mid = std::hypot((a.x + b.x) / 2 - c.x, (a.y + b.y) / 2 - c.y);
        EXPECT_LE(40.0 - mid, 0.05 + 1e-9);
    }
    // Heading 0 (north), fov 120: the arc runs clockwise from azimuth -60 to +60 degrees.
    const Point first = sector.outer[1], last = sector.outer[sector.outer.size() - 2];
    EXPECT_NEAR(first.x - c.x, -40.0 * std::sin(kPi / 3), 1e-8);
    EXPECT_NEAR(first.y - c.y, 40.0 * std::cos(kPi / 3), 1e-8);
    EXPECT_NEAR(last.x - c.x, 40.0 * std::sin(kPi / 3), 1e-8);
}

TEST(CameraView, HeadingIsClockwiseFromNorth) {
    const MultiPolygon east = camera_view(camera(0, 0, 90.0, 60.0, 20.0), nullptr);
    EXPECT_TRUE(inside(east, at(15, 0)));
    EXPECT_FALSE(inside(east, at(-15, 0)));
    EXPECT_FALSE(inside(east, at(0, 15)));
    const MultiPolygon south_west = camera_view(camera(0, 0, 225.0, 30.0, 20.0), nullptr);
    EXPECT_TRUE(inside(south_west, at(-10, -10)));
    EXPECT_FALSE(inside(south_west, at(10, 10)));
}

TEST(CameraView, NoHeadingSeesAllAround) {
    const auto view = view_from(camera(0, 0, std::nullopt, 60.0, 25.0), nullptr);
    EXPECT_TRUE(view.all_around);
    const double exact = kPi * 25.0 * 25.0;
    EXPECT_LE(area(view.area), exact + 1e-6);
    EXPECT_GE(area(view.area), exact - arc_loss_bound(25.0, 360.0, 0.05));
    EXPECT_TRUE(inside(view.area, at(0, -20)));
    EXPECT_TRUE(inside(view.area, at(20, 0)));
}

TEST(CameraView, SquareInFrontCastsAShadowOfKnownArea) {
    // Camera at the origin looking north, a 4 x 4 m building 10 m ahead, centred on the axis.
    // Hidden: the wedge between the rays through the front corners (+-2, 10), beyond the front
    // wall, out to the range: r^2/2 * 2 atan(2/10) minus the triangle origin-front wall (20 m^2).
    const double r = 30.0, tolerance = 1e-4;
    const std::vector<trygg::model::MultiPolygon> buildings{{rectangle(-2, 10, 2, 14)}};
    const BuildingObstacles obstacles(buildings);
    CameraViewOptions options;
    options.arc_tolerance_m = tolerance;
    const auto view = view_from(camera(0, 0, 0.0, 90.0, r), &obstacles, options);
    EXPECT_EQ(view.placement, CameraPlacement::open);
    const double hidden = r * r * std::atan(0.2) - 20.0;
    const double exact = r * r * kPi / 4.0 - hidden;
    EXPECT_NEAR(area(view.area), exact, arc_loss_bound(r, 90.0, tolerance) + 1e-6);
    EXPECT_LT(area(view.area), exact + 1e-6);

    // The front wall is seen, the building's inside and what is behind it are not.
    EXPECT_TRUE(inside(view.area, at(0, 9.99)));
    EXPECT_FALSE(inside(view.area, at(0, 10.01)));
    EXPECT_FALSE(inside(view.area, at(0, 25)));
    // Around the corner (2, 10): the ray through it passes (3, 15). Just inside it is hidden,
    // just outside it is seen, even though (3, 15) is beside the building, not behind it.
    EXPECT_FALSE(inside(view.area, at(2.99, 15)));
    EXPECT_TRUE(inside(view.area, at(3.01, 15)));
    EXPECT_FALSE(inside(view.area, at(-4.99, 25)));  // the ray through (-2, 10) passes (-5, 25)
    EXPECT_TRUE(inside(view.area, at(-5.01, 25)));
}

TEST(CameraView, BuildingAcrossTheRangeCircle) {
    // Front wall at y = 25 inside the range, the back beyond it: hidden is the wedge through
    // (+-2, 25) from y = 25 out to r = 30: r^2 atan(2/25) - 4 * 25 / 2.
    const double r = 30.0, tolerance = 1e-4;
    const std::vector<trygg::model::MultiPolygon> buildings{{rectangle(-2, 25, 2, 35)}};
    const BuildingObstacles obstacles(buildings);
    CameraViewOptions options;
    options.arc_tolerance_m = tolerance;
    const auto view = view_from(camera(0, 0, 0.0, 90.0, r), &obstacles, options);
    const double exact = r * r * kPi / 4.0 - (r * r * std::atan(2.0 / 25.0) - 50.0);
    EXPECT_NEAR(area(view.area), exact, arc_loss_bound(r, 90.0, tolerance) + 1e-6);
}

TEST(CameraView, CollinearWallsAndTouchingBuildingsCastOneShadow) {
    // Two buildings sharing the wall x = -2, their fronts on one line y = 10, and the right
    // one with an extra vertex in the middle of its front wall: the shadow is one wedge from
    // the ray through (-6, 10) to the ray through (2, 10).
    const double r = 30.0, tolerance = 1e-4;
    Polygon right = rectangle(-2, 10, 2, 14);
    right.outer.insert(right.outer.begin() + 1, at(0, 10));
    const std::vector<trygg::model::MultiPolygon> buildings{{rectangle(-6, 10, -2, 14)}, {right}};
    const BuildingObstacles obstacles(buildings);
    CameraViewOptions options;
    options.arc_tolerance_m = tolerance;
    const auto view = view_from(camera(0, 0, 0.0, 120.0, r), &obstacles, options);
    const double hidden = r * r / 2.0 * (std::atan(0.6) + std::atan(0.2)) - 8.0 * 10.0 / 2.0;
    const double exact = r * r * kPi / 3.0 - hidden;
    EXPECT_NEAR(area(view.area), exact, arc_loss_bound(r, 120.0, tolerance) + 1e-6);
    // No sliver of "seen" along the ray through the shared corner: one polygon, no holes.
    ASSERT_EQ(view.area.size(), 1u);
    EXPECT_TRUE(view.area[0].holes.empty());
    EXPECT_FALSE(inside(view.area, at(-2.0 * 2.5, 10.0 * 2.5 + 1e-7)));
}

TEST(CameraView, RaysThroughSeveralCorners) {
    // Corners (1, 10) and (2, 20) lie on one ray from the camera: the first building hides
    // the second one's left part exactly up to that ray.
    const double r = 40.0, tolerance = 1e-4;
    const std::vector<trygg::model::MultiPolygon> buildings{{rectangle(-1, 10, 1, 12)}, {rectangle(2, 20, 6, 22)}};
    const BuildingObstacles obstacles(buildings);
    CameraViewOptions options;
    options.arc_tolerance_m = tolerance;
    const auto view = view_from(camera(0, 0, 0.0, 90.0, r), &obstacles, options);
    // The two shadows touch only along the common ray: the hidden area is the sum of both.
    const double first = r * r * std::atan(0.1) - 10.0;                                  // wedge -0.1..0.1
    const double second = r * r / 2.0 * (std::atan(0.3) - std::atan(0.1)) - 4.0 * 20.0 / 2.0;  // 0.1..0.3
    const double exact = r * r * kPi / 4.0 - first - second;
    EXPECT_NEAR(area(view.area), exact, arc_loss_bound(r, 90.0, tolerance) + 1e-6);
    EXPECT_TRUE(inside(view.area, at(1.51, 15.0)));   // between the buildings, beside the ray
    EXPECT_FALSE(inside(view.area, at(1.49, 15.0)));
    EXPECT_FALSE(inside(view.area, at(2.2, 25.0)));   // behind both
}

TEST(CameraView, CourtyardCameraSeesExactlyTheCourtyard) {
    Polygon block = rectangle(-10, -10, 10, 10);
    block.holes.push_back({at(-5, -5), at(-5, 5), at(5, 5), at(5, -5), at(-5, -5)});
    const std::vector<trygg::model::MultiPolygon> buildings{{block}};
    const BuildingObstacles obstacles(buildings);
    const auto view = view_from(camera(1, 2, std::nullopt, 90.0, 30.0), &obstacles);
    EXPECT_EQ(view.placement, CameraPlacement::open);
    EXPECT_NEAR(area(view.area), 100.0, 1e-6);
    EXPECT_TRUE(inside(view.area, at(-4.9, 4.9)));
    EXPECT_FALSE(inside(view.area, at(0, 7)));
    EXPECT_FALSE(inside(view.area, at(0, 15)));
}

TEST(CameraView, CameraOnAFacadeIsMovedOffTheWallAndItsBuildingHides) {
    const std::vector<trygg::model::MultiPolygon> buildings{{rectangle(-2, 10, 2, 14)}};
    const BuildingObstacles obstacles(buildings);
    for (const double y : {10.0, 10.5, 11.9}) {  // on the south wall, and inside within 2 m of it
        const auto view = view_from(camera(0, y, std::nullopt, 90.0, 20.0), &obstacles);
        EXPECT_EQ(view.placement, CameraPlacement::moved_off_wall) << y;
        EXPECT_NEAR(view.position.x, kX0, 1e-9);
        EXPECT_NEAR(view.position.y, kY0 + 10.0 - 0.01, 1e-9);
        EXPECT_TRUE(inside(view.area, at(0, 5)));
        EXPECT_TRUE(inside(view.area, at(5, 9)));
        EXPECT_FALSE(inside(view.area, at(0, 12)));   // inside its own building
        EXPECT_FALSE(inside(view.area, at(0, 17)));   // behind it
        EXPECT_FALSE(inside(view.area, at(5, 10.5))); // the segment passes through the building
        EXPECT_TRUE(inside(view.area, at(-15, 9.9)));
    }
    // Facing away from the wall it sees its whole sector.
    const auto south = view_from(camera(0, 10, 180.0, 90.0, 20.0), &obstacles);
    EXPECT_NEAR(area(south.area), kPi * 400.0 / 4.0, arc_loss_bound(20.0, 90.0, 0.05));
}

TEST(CameraView, CameraOnACornerMovesOutDiagonally) {
    const std::vector<trygg::model::MultiPolygon> buildings{{rectangle(-2, 10, 2, 14)}};
    const BuildingObstacles obstacles(buildings);
    const auto view = view_from(camera(2, 10, std::nullopt, 90.0, 20.0), &obstacles);
    EXPECT_EQ(view.placement, CameraPlacement::moved_off_wall);
    EXPECT_NEAR(view.position.x - kX0, 2.0 + 0.01 / std::sqrt(2.0), 1e-9);
    EXPECT_NEAR(view.position.y - kY0, 10.0 - 0.01 / std::sqrt(2.0), 1e-9);
    // It sees along both walls it stands at, but not into the building.
    EXPECT_TRUE(inside(view.area, at(-10, 9.9)));
    EXPECT_TRUE(inside(view.area, at(2.1, 20)));
    EXPECT_FALSE(inside(view.area, at(1, 11)));
}

TEST(CameraView, CameraDeepInsideABuildingIsIndoors) {
    const std::vector<trygg::model::MultiPolygon> buildings{{rectangle(-20, -20, 20, 20)}};
    const BuildingObstacles obstacles(buildings);
    const auto view = view_from(camera(0, 0, 0.0, 90.0, 30.0), &obstacles);
    EXPECT_EQ(view.placement, CameraPlacement::indoors);
    EXPECT_TRUE(view.area.empty());
    // Without obstacles the same camera sees its sector.
    EXPECT_FALSE(camera_view(camera(0, 0, 0.0, 90.0, 30.0), nullptr).empty());
}

TEST(CameraView, CameraOnAPartyWallIsIndoors) {
    const std::vector<trygg::model::MultiPolygon> buildings{{rectangle(-4, 0, 0, 10)}, {rectangle(0, 0, 4, 10)}};
    const BuildingObstacles obstacles(buildings);
    EXPECT_EQ(view_from(camera(0, 5, 90.0, 90.0, 30.0), &obstacles).placement, CameraPlacement::indoors);
}

TEST(CameraView, BadSpecsAreNamed) {
    EXPECT_FALSE(camera_spec_problem(camera(0, 0, 10.0, 90.0, 30.0)));
    EXPECT_TRUE(camera_spec_problem(camera(0, 0, 10.0, 0.0, 30.0)));
    EXPECT_TRUE(camera_spec_problem(camera(0, 0, 10.0, 361.0, 30.0)));
    EXPECT_TRUE(camera_spec_problem(camera(0, 0, 10.0, 90.0, 0.0)));
    EXPECT_TRUE(camera_spec_problem(camera(0, 0, std::nan(""), 90.0, 10.0)));
    EXPECT_TRUE(camera_spec_problem(camera(std::nan(""), 0, 10.0, 90.0, 10.0)));
    EXPECT_THROW(camera_view(camera(0, 0, 10.0, 90.0, -1.0), nullptr), UsageError);
    CameraViewOptions options;
    options.arc_tolerance_m = 0.0;
    EXPECT_THROW(view_from(camera(0, 0, 10.0, 90.0, 10.0), nullptr, options), UsageError);
}

TEST(CameraView, DefaultsAreNinetyDegreesAndThirtyMetres) {
    const CameraSpec spec;
    EXPECT_EQ(spec.fov_deg, 90.0);
    EXPECT_EQ(spec.range_m, 30.0);
    EXPECT_FALSE(spec.heading_deg);
}
