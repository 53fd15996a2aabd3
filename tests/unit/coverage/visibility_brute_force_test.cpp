// The visibility polygon against a brute-force definition: a point of the sector is seen when
// the segment from the camera to it does not enter any building's interior, decided
// independently of GEOS with Boost.Geometry's DE-9IM relate (segment interior meets polygon
// interior). Buildings have integer vertices around an integer camera, so rays through several
// corners, collinear walls and shared walls happen all the time.

#include "trygg/coverage/building_obstacles.hpp"
#include "trygg/coverage/camera_view.hpp"
#include "trygg/index/boost_geometry.hpp"
#include "coverage/visibility_test_support.hpp"

#include <boost/geometry.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

namespace bg = boost::geometry;
using trygg::coverage::BuildingObstacles;
using trygg::coverage::CameraPlacement;
using trygg::coverage::CameraSpec;
using trygg::coverage::view_from;
using trygg::model::MultiPolygon;
using trygg::model::Point;
using trygg::model::Polygon;
using trygg::test::visibility::distance_to_boundary;
using trygg::test::visibility::inside;
using trygg::test::visibility::kX0;
using trygg::test::visibility::kY0;
using trygg::test::visibility::Obstacles;

namespace {

struct Scene {
    std::vector<MultiPolygon> buildings;
};

// A random building with integer vertices: a rectangle, a square turned by an integer vector,
// a triangle or an L, sometimes with a courtyard; never covering the camera at (kX0, kY0).
Polygon random_building(std::mt19937& rng) {
    std::uniform_int_distribution<int> centre(-30, 30), size(1, 8), shape(0, 3), small(1, 4);
    for (;;) {
        const double cx = kX0 + centre(rng), cy = kY0 + centre(rng);
        Polygon p;
        switch (shape(rng)) {
            case 0: {
                const double w = size(rng), h = size(rng);
                p.outer = {{cx, cy}, {cx + w, cy}, {cx + w, cy + h}, {cx, cy + h}, {cx, cy}};
                if (w >= 5 && h >= 5) p.holes.push_back({{cx + 2, cy + 2}, {cx + 2, cy + h - 2}, {cx + w - 2, cy + h - 2}, {cx + w - 2, cy + 2}, {cx + 2, cy + 2}});
                break;
            }
            case 1: {
                const double a = small(rng), b = small(rng);
                p.outer = {{cx, cy}, {cx + a, cy + b}, {cx + a - b, cy + b + a}, {cx - b, cy + a}, {cx, cy}};
                break;
            }
            case 2:
                p.outer = {{cx, cy}, {cx + size(rng), cy + size(rng) - 4}, {cx + size(rng) - 4, cy + size(rng)}, {cx, cy}};
                break;
            default: {
                const double w = size(rng) + 2, h = size(rng) + 2;
                p.outer = {{cx, cy}, {cx + w, cy}, {cx + w, cy + 2}, {cx + 2, cy + 2}, {cx + 2, cy + h}, {cx, cy + h}, {cx, cy}};
            }
        }
        const auto boost = trygg::index::to_boost({p});
        if (bg::area(boost) <= 0.0 || !bg::is_valid(boost)) continue;
        if (bg::covered_by(Point{kX0, kY0}, boost)) continue;
        return p;
    }
}

Scene random_scene(std::mt19937& rng, int count) {
    Scene scene;
    for (int i = 0; i < count; ++i) scene.buildings.push_back({random_building(rng)});
    return scene;
}

}  // namespace

TEST(VisibilityBruteForce, PolygonAgreesWithLineOfSightOnRandomScenes) {
    std::mt19937 rng(20261123);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double tolerance = 0.05, near = 1e-6;
    std::size_t checked = 0, seen = 0, hidden = 0, mismatches = 0;
    for (int trial = 0; trial < 40; ++trial) {
        const Scene scene = random_scene(rng, 4 + trial % 12);
        const BuildingObstacles obstacles(scene.buildings);
        const Obstacles reference(scene.buildings);
        CameraSpec spec;
        spec.position = {kX0, kY0};
        spec.range_m = 20.0 + 20.0 * unit(rng);
        if (trial % 4 != 0) {
            spec.heading_deg = std::round(360.0 * unit(rng));
            spec.fov_deg = std::round(20.0 + 300.0 * unit(rng));
        }
        const auto view = view_from(spec, &obstacles);
        ASSERT_EQ(view.placement, CameraPlacement::open);
        for (int k = 0; k < 1500; ++k) {
            const Point p{kX0 + spec.range_m * (2 * unit(rng) - 1), kY0 + spec.range_m * (2 * unit(rng) - 1)};
            const double d = std::hypot(p.x - kX0, p.y - kY0);
            if (std::abs(d - spec.range_m) <= tolerance + near) continue;  // between the arc and its chords
            if (distance_to_boundary(view.area, p) <= near) continue;
            const bool expected = reference.sees(spec, p);
            const bool got = inside(view.area, p);
            ++checked;
            (expected ? seen : hidden) += 1;
            if (expected != got) {
                ++mismatches;
                ADD_FAILURE() << "trial " << trial << ": point (" << p.x - kX0 << ", " << p.y - kY0 << ") expected "
                              << (expected ? "seen" : "hidden");
            }
        }
    }
    EXPECT_EQ(mismatches, 0u);
    EXPECT_GT(checked, 40000u);
    EXPECT_GT(seen, 10000u);
    EXPECT_GT(hidden, 10000u);
    RecordProperty("points_checked", static_cast<int>(checked));
}
