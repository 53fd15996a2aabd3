#include "trygg/coverage/camera_coverage.hpp"

#include "trygg/coverage/building_obstacles.hpp"
#include "trygg/coverage/line_intervals.hpp"
#include "trygg/error.hpp"
#include "trygg/index/boost_geometry.hpp"
#include "coverage/visibility_test_support.hpp"
#include "trygg/io/layer_reader.hpp"
#include "trygg/model/layer.hpp"

#include <boost/geometry.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <numbers>
#include <random>
#include <string>
#include <variant>
#include <vector>

namespace bg = boost::geometry;
using trygg::UsageError;
using trygg::coverage::BuildingObstacles;
using trygg::coverage::CameraCoverage;
using trygg::coverage::CameraPlacement;
using trygg::coverage::CameraSpec;
using trygg::coverage::LineIntervals;
using trygg::model::LineString;
using trygg::model::MultiPolygon;
using trygg::model::Point;
using trygg::model::Polygon;
using trygg::test::visibility::at;
using trygg::test::visibility::camera;
using trygg::test::visibility::distance_to_boundary;
using trygg::test::visibility::kX0;
using trygg::test::visibility::kY0;
using trygg::test::visibility::Obstacles;
using trygg::test::visibility::rectangle;
constexpr double kPi = std::numbers::pi;

namespace {

bool covered(const LineIntervals& intervals, double s) {
    for (const auto& i : intervals) {
        if (s >= i.from_m && s <= i.to_m) return true;
    }
    return false;
}

double distance_to_ends(const LineIntervals& intervals, double s) {
    double best = std::numeric_limits<double>::infinity();
    for (const auto& i : intervals) best = std::min({best, std::abs(s - i.from_m), std::abs(s - i.to_m)});
    return best;
}

}  // namespace

TEST(CameraCoverage, TwoOverlappingDiscsUnion) {
    // Discs of radius 10 whose centres are 10 apart: union = 2 pi r^2 - lens, with the lens
    // 2 r^2 acos(d / 2r) - (d / 2) sqrt(4 r^2 - d^2).
    const std::vector<CameraSpec> cameras{camera(0, 0, std::nullopt, 90, 10), camera(10, 0, std::nullopt, 90, 10)};
    const CameraCoverage coverage(cameras, nullptr);
    const double lens = 200.0 * std::acos(0.5) - 5.0 * std::sqrt(300.0);
    const double exact = 2 * kPi * 100.0 - lens;
    EXPECT_LE(coverage.seen_area_m2(), exact + 1e-6);
    EXPECT_GE(coverage.seen_area_m2(), exact - 2 * (2 * kPi * 10.0 * 0.05));
    EXPECT_EQ(coverage.seen_area().size(), 1u);
    EXPECT_EQ(coverage.counts().total, 2u);
    EXPECT_EQ(coverage.counts().all_around, 2u);

    // Along y = 5 the union spans x in [-sqrt(75), 10 + sqrt(75)]; the line starts at x = -20.
    const LineIntervals seen = coverage.seen_intervals({at(-20, 5), at(0, 5), at(30, 5)});
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_NEAR(seen[0].from_m, 20.0 - std::sqrt(75.0), 0.1);
    EXPECT_NEAR(seen[0].to_m, 30.0 + std::sqrt(75.0), 0.1);
    EXPECT_TRUE(coverage.is_seen(at(5, 0)));
    EXPECT_FALSE(coverage.is_seen(at(5, 9.5)));
}

TEST(CameraCoverage, ALineThatRetracesItselfGetsBothPasses) {
    const std::vector<CameraSpec> cameras{camera(0, 0, 90.0, 90, 10)};  // looking east
    const CameraCoverage coverage(cameras, nullptr);
    const LineIntervals seen = coverage.seen_intervals({at(-20, 1), at(20, 1), at(-20, 1)});
    ASSERT_EQ(seen.size(), 2u);
    // Seen for x in [1, sqrt(99)] (between the sector's edge ray y = x and the circle).
    const double in = 21.0, out = 20.0 + std::sqrt(99.0);
    EXPECT_NEAR(seen[0].from_m, in, 1e-9);
    EXPECT_NEAR(seen[0].to_m, out, 0.06);
    EXPECT_NEAR(seen[1].from_m, 80.0 - out, 0.06);
    EXPECT_NEAR(seen[1].to_m, 80.0 - in, 1e-9);
}

TEST(CameraCoverage, BuildingsHideAndCountsFollowTheWallRule) {
    const std::vector<MultiPolygon> buildings{{rectangle(-2, 10, 2, 14)}, {rectangle(100, 100, 140, 140)}};
    const BuildingObstacles obstacles(buildings);
    const std::vector<CameraSpec> cameras{
        camera(0, 0, 0.0, 90, 30),                // open, looking north at the building
        camera(0, 14.5, std::nullopt, 90, 20),    // open, no heading
        camera(-2, 12, 270.0, 90, 20),            // on the west wall: moved off it
        camera(120, 120, 0.0, 90, 30)};           // deep inside the big building: indoors
    const CameraCoverage coverage(cameras, &obstacles);
    EXPECT_EQ(coverage.counts().total, 4u);
    EXPECT_EQ(coverage.counts().all_around, 1u);
    EXPECT_EQ(coverage.counts().moved_off_wall, 1u);
    EXPECT_EQ(coverage.counts().indoors, 1u);
    ASSERT_EQ(coverage.placements().size(), 4u);
    EXPECT_EQ(coverage.placements()[0], CameraPlacement::open);
    EXPECT_EQ(coverage.placements()[2], CameraPlacement::moved_off_wall);
    EXPECT_EQ(coverage.placements()[3], CameraPlacement::indoors);
    EXPECT_FALSE(coverage.is_seen(at(0, 12)));   // inside the building
    EXPECT_TRUE(coverage.is_seen(at(0, 20)));    // behind it for camera 0, but camera 1 sees it
    EXPECT_FALSE(coverage.is_seen(at(120, 125)));
    const auto without = CameraCoverage(cameras, nullptr);
    EXPECT_LT(coverage.seen_area_m2(), without.seen_area_m2());
}

TEST(CameraCoverage, BadCameraIsNamedByIndex) {
    const std::vector<CameraSpec> cameras{camera(0, 0, 0.0, 90, 30), camera(0, 0, 0.0, 400, 30)};
    try {
        const CameraCoverage coverage(cameras, nullptr);
        FAIL() << "no error";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("camera 1"), std::string::npos) << e.what();
    }
}

TEST(CameraCoverage, NoCamerasSeeNothing) {
    const CameraCoverage coverage(std::vector<CameraSpec>{}, nullptr);
    EXPECT_TRUE(coverage.seen_area().empty());
    EXPECT_EQ(coverage.seen_area_m2(), 0.0);
    EXPECT_FALSE(coverage.is_seen(at(0, 0)));
    EXPECT_TRUE(coverage.seen_intervals({at(0, 0), at(10, 0)}).empty());
}

TEST(CameraCoverage, SeenIntervalsAgreeWithLineOfSightAlongRandomWalkways) {
    // Random town blocks and cameras; samples every 5 cm along random polylines. Each sample is
    // checked twice: the intervals against is_seen, and is_seen against a brute-force line of
    // sight (some camera has it in its exact sector and the segment to it enters no building,
    // by Boost.Geometry's relate), away from the seen area's boundary and the arcs.
    std::mt19937 rng(4);
    std::uniform_real_distribution<double> coord(-60.0, 60.0), unit(0.0, 1.0);
    std::vector<MultiPolygon> buildings;
    for (int i = -3; i <= 3; ++i) {
        for (int j = -3; j <= 3; ++j) {
            if ((i + j) % 3 == 0) continue;
            buildings.push_back({rectangle(i * 16 + 3, j * 16 + 3, i * 16 + 12 + (i & 1), j * 16 + 11)});
        }
    }
    const BuildingObstacles obstacles(buildings);
    const Obstacles reference(buildings);
    std::vector<CameraSpec> cameras;
    while (cameras.size() < 12) {
        CameraSpec spec = camera(coord(rng), coord(rng), std::round(360 * unit(rng)), 40 + std::round(200 * unit(rng)),
                                 15 + 25 * unit(rng));
        if (!obstacles.covers(spec.position)) cameras.push_back(spec);
    }
    const CameraCoverage coverage(cameras, &obstacles);
    EXPECT_EQ(coverage.counts().moved_off_wall + coverage.counts().indoors, 0u);

    auto near_arc = [&](const Point& p) {
        for (const auto& c : cameras) {
            if (std::abs(std::hypot(p.x - c.position.x, p.y - c.position.y) - c.range_m) < 0.06) return true;
        }
        return false;
    };
    auto near_boundary = [&](const Point& p) { return distance_to_boundary(coverage.seen_area(), p) < 1e-6; };

    std::size_t samples = 0, seen_samples = 0, mismatches = 0;
    for (int walk = 0; walk < 20; ++walk) {
        LineString line;
        for (int k = 0; k < 4; ++k) line.push_back(at(coord(rng), coord(rng)));
        if (walk % 5 == 0) line.push_back(line.front());  // closed loops too
        const LineIntervals seen = coverage.seen_intervals(line);
        double offset = 0.0;
        for (std::size_t s = 1; s < line.size(); ++s) {
            const Point a = line[s - 1], b = line[s];
            const double length = std::hypot(b.x - a.x, b.y - a.y);
            for (double d = 0.025; d < length; d += 0.05) {
                const Point p{a.x + (b.x - a.x) * d / length, a.y + (b.y - a.y) * d / length};
                const bool by_intervals = covered(seen, offset + d);
                const bool by_point = coverage.is_seen(p);
                if (distance_to_ends(seen, offset + d) > 1e-6 && by_intervals != by_point) {
                    ++mismatches;
                    ADD_FAILURE() << "walk " << walk << " offset " << offset + d << ": intervals say " << by_intervals;
                }
                if (!near_arc(p) && !near_boundary(p)) {
                    bool expected = false;
                    for (const auto& c : cameras) expected = expected || reference.sees(c, p);
                    if (expected != by_point) {
                        ++mismatches;
                        ADD_FAILURE() << "walk " << walk << " point (" << p.x - kX0 << ", " << p.y - kY0
                                      << ") line of sight says " << expected;
                    }
                }
                ++samples;
                seen_samples += by_point ? 1 : 0;
            }
            offset += length;
        }
        EXPECT_NEAR(offset, trygg::coverage::line_length(line), 1e-9);
    }
    EXPECT_EQ(mismatches, 0u);
    EXPECT_GT(samples, 20000u);
    EXPECT_GT(seen_samples, 1000u);
    EXPECT_LT(seen_samples, samples);
}

TEST(CameraCoverage, ThousandCamerasAmongTenThousandBuildingsIsFast) {
    // A 100 x 100 grid of 12 x 12 m blocks with 8 m streets, cameras on the streets.
    std::vector<MultiPolygon> buildings;
    for (int i = 0; i < 100; ++i) {
        for (int j = 0; j < 100; ++j) buildings.push_back({rectangle(i * 20.0, j * 20.0, i * 20.0 + 12, j * 20.0 + 12)});
    }
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> block(0, 99);
    std::uniform_real_distribution<double> along(0.0, 20.0), unit(0.0, 1.0);
    std::vector<CameraSpec> cameras;
    for (int k = 0; k < 1000; ++k) {
        const double street = block(rng) * 20.0 + 16.0;  // the middle of a street
        const double x = k % 2 ? street : block(rng) * 20.0 + along(rng);
        const double y = k % 2 ? block(rng) * 20.0 + along(rng) : street;
        cameras.push_back(camera(x, y, std::round(360 * unit(rng)), 90, 30));
    }
    // Processor time, not wall time: the machine may be shared with other builds.
    const std::clock_t start = std::clock();
    const BuildingObstacles obstacles(buildings);
    const CameraCoverage coverage(cameras, &obstacles);
    const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    RecordProperty("cpu_seconds", std::to_string(seconds));
    std::printf("1000 cameras, 10000 buildings: %.3f s of processor time\n", seconds);
    EXPECT_EQ(coverage.counts().indoors, 0u);
    EXPECT_FALSE(coverage.is_seen(at(6, 6)));  // inside a block
    // Generous: the point is the complexity (walls near each camera only), not the machine.
    EXPECT_LT(seconds, 10.0);
}

TEST(CameraCoverage, SampleTownBuildingsHideAndEverySeenPointHasALineOfSight) {
    // The README's sample town: 25 cameras (two without heading) among 1341 buildings.
    const std::string town = std::string(TRYGG_TEST_DATA) + "/../../data/town/";
    const auto camera_layer = trygg::io::read_layer_as(town + "cameras.geojson", trygg::model::Kind::cameras, {});
    const auto building_layer =
        trygg::io::read_layer_as(town + "buildings.geojson", trygg::model::Kind::buildings, {});
    std::vector<CameraSpec> cameras;
    for (const auto& f : camera_layer.features) {
        CameraSpec spec;
        spec.position = std::get<Point>(f.geometry);
        spec.heading_deg = f.heading;
        if (f.fov) spec.fov_deg = *f.fov;
        if (f.range) spec.range_m = *f.range;
        cameras.push_back(spec);
    }
    std::vector<MultiPolygon> buildings;
    for (const auto& f : building_layer.features) buildings.push_back(std::get<MultiPolygon>(f.geometry));
    ASSERT_EQ(cameras.size(), 25u);
    ASSERT_GT(buildings.size(), 1000u);

    const BuildingObstacles obstacles(buildings);
    const CameraCoverage with(cameras, &obstacles);
    const CameraCoverage without(cameras, nullptr);
    EXPECT_EQ(with.counts().all_around, 2u);
    EXPECT_EQ(with.counts().indoors, 0u);
    EXPECT_LT(with.seen_area_m2(), without.seen_area_m2());
    RecordProperty("seen_m2_with_buildings", std::to_string(with.seen_area_m2()));
    RecordProperty("seen_m2_without", std::to_string(without.seen_area_m2()));

    const Obstacles reference(buildings);
    // Samples around every camera; those within 0.06 m of an arc or 1e-6 m of the seen area's
    // boundary are left out (the arc is approximated, boundaries are ambiguous).
    std::mt19937 rng(25);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    std::size_t seen = 0, checked = 0, mismatches = 0;
    for (const auto& c : cameras) {
        for (int k = 0; k < 300; ++k) {
            const Point p{c.position.x + c.range_m * unit(rng), c.position.y + c.range_m * unit(rng)};
            bool near = false;
            for (const auto& other : cameras) {
                near = near || std::abs(std::hypot(p.x - other.position.x, p.y - other.position.y) - other.range_m) < 0.06;
            }
            near = near || distance_to_boundary(with.seen_area(), p) < 1e-6;
            if (near) continue;
            bool expected = false;
            for (const auto& other : cameras) expected = expected || reference.sees(other, p);
            const bool got = with.is_seen(p);
            ++checked;
            seen += got ? 1 : 0;
            if (got != expected) {
                ++mismatches;
                ADD_FAILURE() << "point (" << p.x << ", " << p.y << "): line of sight says " << expected;
            }
        }
    }
    EXPECT_EQ(mismatches, 0u);
    EXPECT_GT(checked, 7000u);
    EXPECT_GT(seen, 1000u);
    EXPECT_LT(seen, checked);
}
