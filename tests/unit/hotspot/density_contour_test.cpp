#include "trygg/hotspot/density_contour.hpp"

#include <geos_c.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>
#include <vector>

#include "trygg/error.hpp"
#include "trygg/hotspot/kernel_density.hpp"

namespace trygg::hotspot {
namespace {

double signed_area(const model::Ring& ring) {
    double twice = 0.0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        twice += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    return twice / 2.0;
}

double area_of(const model::MultiPolygon& mp) {
    double a = 0.0;
    for (const auto& polygon : mp) {
        a += signed_area(polygon.outer);
        for (const auto& hole : polygon.holes) a += signed_area(hole);  // holes are negative
    }
    return a;
}

std::string to_wkt(const model::MultiPolygon& mp) {
    std::ostringstream out;
    out.precision(17);
    out << "MULTIPOLYGON(";
    for (std::size_t p = 0; p < mp.size(); ++p) {
        out << (p ? "," : "") << "(";
        const auto ring = [&](const model::Ring& r) {
            out << "(";
            for (std::size_t i = 0; i < r.size(); ++i) out << (i ? "," : "") << r[i].x << " " << r[i].y;
            out << ")";
        };
        ring(mp[p].outer);
        for (const auto& hole : mp[p].holes) {
            out << ",";
            ring(hole);
        }
        out << ")";
    }
    out << ")";
    return out.str();
}

// GEOS's OGC validity check and area, as an independent judge of the traced rings.
struct Geos {
    GEOSContextHandle_t ctx = GEOS_init_r();
    ~Geos() { GEOS_finish_r(ctx); }
    bool valid(const model::MultiPolygon& mp, double* area = nullptr) const {
        GEOSWKTReader* reader = GEOSWKTReader_create_r(ctx);
        GEOSGeometry* g = GEOSWKTReader_read_r(ctx, reader, to_wkt(mp).c_str());
        GEOSWKTReader_destroy_r(ctx, reader);
        if (g == nullptr) return false;
        const bool ok = GEOSisValid_r(ctx, g) == 1;
        if (area != nullptr) GEOSArea_r(ctx, g, area);
        GEOSGeom_destroy_r(ctx, g);
        return ok;
    }
};

void expect_orientation(const model::MultiPolygon& mp) {
    for (const auto& polygon : mp) {
        EXPECT_EQ(polygon.outer.front(), polygon.outer.back());
        EXPECT_GT(signed_area(polygon.outer), 0.0);  // counter-clockwise
        for (const auto& hole : polygon.holes) {
            EXPECT_EQ(hole.front(), hole.back());
            EXPECT_LT(signed_area(hole), 0.0);  // clockwise
        }
    }
}

// 7 x 5 cells of 10 m, origin (0, 50):
//   5 5 5 0 0 0 0
//   5 0 5 0 0 9 0      ring of 5s around a hole; a lone 9
//   5 5 5 0 0 0 0
//   0 0 0 0 1 0 0      1 and 2 touch at a corner only
//   0 0 0 0 0 2 0
const GridSpec kGrid{.origin_x = 0.0, .origin_y = 50.0, .cell = 10.0, .columns = 7, .rows = 5};
const std::vector<float> kValues{
    5, 5, 5, 0, 0, 0, 0,  //
    5, 0, 5, 0, 0, 9, 0,  //
    5, 5, 5, 0, 0, 0, 0,  //
    0, 0, 0, 0, 1, 0, 0,  //
    0, 0, 0, 0, 0, 2, 0,  //
};
constexpr double kTotal = 40 + 9 + 1 + 2;

TEST(TopMassAreas, RingWithHoleAndLoneCellHoldNinetyPercent) {
    // Descending: 9 (cumulative 9), then the eight 5s (49 >= 0.9 * 52 = 46.8): 1 and 2 stay out.
    const auto areas = top_mass_areas(kValues, kGrid, 90.0);
    ASSERT_EQ(areas.size(), 2u);
    const HotspotArea& ring = areas[0];  // sorted by mass
    EXPECT_DOUBLE_EQ(ring.mass, 40.0);
    EXPECT_DOUBLE_EQ(ring.share, 40.0 / kTotal);
    EXPECT_EQ(ring.cells, 8);
    EXPECT_DOUBLE_EQ(ring.peak, 5.0);
    ASSERT_EQ(ring.area.size(), 1u);
    const model::Polygon& polygon = ring.area[0];
    EXPECT_EQ(polygon.outer.size(), 5u);  // four corners, closed, no collinear vertices
    ASSERT_EQ(polygon.holes.size(), 1u);
    EXPECT_EQ(polygon.holes[0].size(), 5u);
    EXPECT_DOUBLE_EQ(signed_area(polygon.outer), 900.0);
    EXPECT_DOUBLE_EQ(signed_area(polygon.holes[0]), -100.0);
    for (const auto& p : polygon.outer) {
        EXPECT_TRUE(p.x == 0.0 || p.x == 30.0);
        EXPECT_TRUE(p.y == 20.0 || p.y == 50.0);
    }
    for (const auto& p : polygon.holes[0]) {
        EXPECT_TRUE(p.x == 10.0 || p.x == 20.0);
        EXPECT_TRUE(p.y == 30.0 || p.y == 40.0);
    }
    expect_orientation(ring.area);

    const HotspotArea& lone = areas[1];
    EXPECT_DOUBLE_EQ(lone.mass, 9.0);
    EXPECT_DOUBLE_EQ(lone.share, 9.0 / kTotal);
    EXPECT_EQ(lone.cells, 1);
    EXPECT_DOUBLE_EQ(lone.peak, 9.0);
    EXPECT_DOUBLE_EQ(area_of(lone.area), 100.0);
    Geos geos;
    EXPECT_TRUE(geos.valid(ring.area));
    EXPECT_TRUE(geos.valid(lone.area));
}

TEST(TopMassAreas, SmallShareTakesOnlyThePeakAndTiesAreTakenTogether) {
    const auto peak_only = top_mass_areas(kValues, kGrid, 1.0);
    ASSERT_EQ(peak_only.size(), 1u);
    EXPECT_EQ(peak_only[0].cells, 1);
    EXPECT_DOUBLE_EQ(peak_only[0].peak, 9.0);
    // 9 + one 5 = 14 >= 0.2 * 52 = 10.4, but all eight equal 5s come along.
    const auto with_ties = top_mass_areas(kValues, kGrid, 20.0);
    ASSERT_EQ(with_ties.size(), 2u);
    EXPECT_EQ(with_ties[0].cells, 8);
}

TEST(TopMassAreas, CornerTouchingCellsAreOneAreaOfTwoPolygons) {
    const auto areas = top_mass_areas(kValues, kGrid, 100.0);
    ASSERT_EQ(areas.size(), 3u);
    EXPECT_DOUBLE_EQ(areas[2].mass, 3.0);
    EXPECT_EQ(areas[2].cells, 2);
    EXPECT_DOUBLE_EQ(areas[2].peak, 2.0);
    ASSERT_EQ(areas[2].area.size(), 2u);
    double shares = 0.0;
    for (const auto& a : areas) shares += a.share;
    EXPECT_DOUBLE_EQ(shares, 1.0);
    Geos geos;
    EXPECT_TRUE(geos.valid(areas[2].area));
    EXPECT_DOUBLE_EQ(area_of(areas[2].area), 200.0);
}

TEST(TopMassAreas, LoopClosedAtACornerGivesHoleTouchingOuterRing) {
    // Cells (row, col) (1,2) and (2,1) touch at a corner and are also joined around (2,2),
    // which becomes a hole touching the outer ring in that corner.
    //   0 0 0 0 0
    //   0 0 1 1 0
    //   0 1 0 1 0
    //   0 1 1 1 0
    //   0 0 0 0 0
    const GridSpec grid{.origin_x = 100.0, .origin_y = 200.0, .cell = 2.0, .columns = 5, .rows = 5};
    std::vector<float> values(25, 0.0f);
    for (const int cell : {7, 8, 11, 13, 16, 17, 18}) values[static_cast<std::size_t>(cell)] = 1.0f;
    const auto areas = top_mass_areas(values, grid, 100.0);
    ASSERT_EQ(areas.size(), 1u);
    ASSERT_EQ(areas[0].area.size(), 1u);
    ASSERT_EQ(areas[0].area[0].holes.size(), 1u);
    EXPECT_DOUBLE_EQ(signed_area(areas[0].area[0].holes[0]), -4.0);
    EXPECT_DOUBLE_EQ(area_of(areas[0].area), 7 * 4.0);
    expect_orientation(areas[0].area);
    Geos geos;
    double geos_area = 0.0;
    EXPECT_TRUE(geos.valid(areas[0].area, &geos_area)) << to_wkt(areas[0].area);
    EXPECT_DOUBLE_EQ(geos_area, 28.0);
}

TEST(TopMassAreas, RandomDensityGridsGiveValidExactCellUnions) {
    Geos geos;
    std::mt19937_64 rng(21);
    for (int round = 0; round < 6; ++round) {
        const GridSpec grid{.origin_x = 5000.0, .origin_y = 9000.0, .cell = 5.0, .columns = 90, .rows = 70};
        std::uniform_real_distribution<double> ux(5000.0, 5450.0), uy(8650.0, 9000.0);
        std::vector<model::Point> points(60);
        for (auto& p : points) p = {ux(rng), uy(rng)};
        KdeParams params;
        params.radius = 12.0 + 4.0 * round;
        params.kernel = round % 2 ? Kernel::uniform : Kernel::quartic;
        const auto values = kernel_density(points, grid, params);
        const double percent = 20.0 + 13.0 * round;
        const auto areas = top_mass_areas(values, grid, percent);
        ASSERT_FALSE(areas.empty());

        double total = 0.0;
        for (const float v : values) total += std::max(v, 0.0f);
        double mass = 0.0, previous = INFINITY;
        int cells = 0;
        for (const auto& a : areas) {
            EXPECT_LE(a.mass, previous);
            previous = a.mass;
            mass += a.mass;
            cells += a.cells;
            EXPECT_NEAR(area_of(a.area), a.cells * 25.0, 1e-6);
            expect_orientation(a.area);
            double geos_area = 0.0;
            EXPECT_TRUE(geos.valid(a.area, &geos_area)) << to_wkt(a.area);
            EXPECT_NEAR(geos_area, a.cells * 25.0, 1e-6);
        }
        EXPECT_GE(mass, percent / 100.0 * total * (1.0 - 1e-12));
        // The chosen cells are the densest: brute-force the threshold from the sorted values.
        std::vector<float> sorted(values.begin(), values.end());
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        const float threshold = sorted[static_cast<std::size_t>(cells) - 1];
        EXPECT_EQ(std::count_if(values.begin(), values.end(), [&](float v) { return v >= threshold; }), cells);
        double before_last = 0.0;
        for (int k = 0; sorted[static_cast<std::size_t>(k)] > threshold; ++k) before_last += sorted[static_cast<std::size_t>(k)];
        EXPECT_LT(before_last, percent / 100.0 * total);  // fewer cells would not hold P%
    }
}

TEST(TopMassAreas, RejectsBadInput) {
    EXPECT_THROW(top_mass_areas(kValues, kGrid, 0.0), UsageError);
    EXPECT_THROW(top_mass_areas(kValues, kGrid, 100.5), UsageError);
    EXPECT_THROW(top_mass_areas(std::span(kValues).first(10), kGrid, 50.0), UsageError);
    std::vector<float> with_nan = kValues;
    with_nan[3] = std::nanf("");
    EXPECT_THROW(top_mass_areas(with_nan, kGrid, 50.0), DataError);
    EXPECT_TRUE(top_mass_areas(std::vector<float>(35, 0.0f), kGrid, 50.0).empty());
}

}  // namespace
}  // namespace trygg::hotspot
