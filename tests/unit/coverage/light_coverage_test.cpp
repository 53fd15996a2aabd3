#include "trygg/coverage/light_coverage.hpp"

#include <geos_c.h>
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <memory>
#include <numbers>
#include <random>
#include <sstream>

#include "trygg/error.hpp"

namespace trygg::coverage {
namespace {

double polygon_area(const model::MultiPolygon& mp) {
    const auto ring_area = [](const model::Ring& r) {
        double twice = 0.0;
        for (std::size_t i = 0; i + 1 < r.size(); ++i) twice += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
        return std::abs(twice) / 2.0;
    };
    double a = 0.0;
    for (const auto& p : mp) {
        a += ring_area(p.outer);
        for (const auto& h : p.holes) a -= ring_area(h);
    }
    return a;
}

TEST(LightCoverage, DiscCutsAStraightWalkwayInAChord) {
    // A disc of radius 20 at distance 12 from the line: chord 2*sqrt(400-144) = 32 m, centred
    // on the foot of the perpendicular (offset 50).
    const std::vector<LightSource> lights{{{50.0, 12.0}, std::nullopt, ""}};
    const LightCoverage lc(lights, LightOptions{});
    const auto lit = lc.lit_intervals({{0, 0}, {100, 0}});
    ASSERT_EQ(lit.size(), 1u);
    EXPECT_NEAR(lit[0].from_m, 34.0, 1e-9);
    EXPECT_NEAR(lit[0].to_m, 66.0, 1e-9);
    EXPECT_TRUE(lc.is_lit({50, 31.9}));
    EXPECT_FALSE(lc.is_lit({50, 32.1}));
}

TEST(LightCoverage, BrokenLightsDoNotLightAndAreCounted) {
    const std::vector<LightSource> lights{{{0, 0}, std::nullopt, "Broken"},
                                          {{100, 0}, std::nullopt, " trasig "},
                                          {{200, 0}, std::nullopt, "ok"}};
    const LightCoverage lc(lights, LightOptions{});
    EXPECT_EQ(lc.counts().total, 3u);
    EXPECT_EQ(lc.counts().out, 2u);
    EXPECT_EQ(lc.counts().used, 1u);
    EXPECT_FALSE(lc.is_lit({0, 0}));
    EXPECT_TRUE(lc.is_lit({200, 0}));
    EXPECT_NEAR(total_length(lc.lit_intervals({{-50, 0}, {250, 0}})), 40.0, 1e-9);
}

TEST(LightCoverage, RadiusFromHeight) {
    LightOptions o;
    o.radius_per_height = 2.5;
    const std::vector<LightSource> lights{{{0, 0}, 8.0, ""}, {{1000, 0}, std::nullopt, ""}};
    const LightCoverage lc(lights, o);
    EXPECT_EQ(lc.counts().default_radius, 1u);
    // 2.5 * 8 = 20 m, and the default 20 m for the light without height: 40 m of line each.
    EXPECT_NEAR(total_length(lc.lit_intervals({{-100, 0}, {1100, 0}})), 80.0, 1e-9);
    EXPECT_DOUBLE_EQ(lc.working_radii()[0], 20.0);
}

TEST(LightCoverage, IntervalsOnABentLineMatchSampling) {
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(0.0, 200.0);
    std::vector<LightSource> lights;
    for (int i = 0; i < 30; ++i) lights.push_back({{u(rng), u(rng)}, std::nullopt, ""});
    const LightCoverage lc(lights, LightOptions{});
    model::LineString line;
    for (int i = 0; i < 12; ++i) line.push_back({u(rng), u(rng)});
    const auto lit = lc.lit_intervals(line);
    // Brute force: the point at each 1 cm offset, tested against every disc.
    const double length = line_length(line);
    double sampled = 0.0;
    const double step = 0.01;
    for (double s = step / 2; s < length; s += step) {
        const auto p = point_at(line, s);
        bool in = false;
        for (const auto& l : lights) in = in || std::hypot(p.x - l.position.x, p.y - l.position.y) <= 20.0;
        if (in) sampled += step;
    }
    EXPECT_NEAR(total_length(lit), sampled, 0.002 * length);
}

TEST(LightCoverage, IlluminanceByHand) {
    LightOptions o;
    o.model = LightModel::lux;
    o.intensity_cd = 1200.0;
    const std::vector<LightSource> lights{{{0, 0}, 6.0, ""}, {{30, 0}, std::nullopt, ""}};
    const LightCoverage lc(lights, o);
    EXPECT_EQ(lc.counts().default_height, 1u);
    // Right below the lamp: I / h^2 = 1200 / 36, plus the other lamp 30 m away:
    // 1200 * 6 / (36 + 900)^1.5.
    EXPECT_NEAR(lc.illuminance({0, 0}), 1200.0 / 36.0 + 7200.0 / std::pow(936.0, 1.5), 1e-9);
    // 8 m away horizontally from the first (h = 6): distance 10, cos(gamma) = 0.6,
    // E = 1200 * 0.216 / 36 = 7.2 lx; the second lamp is 22 m away.
    EXPECT_NEAR(lc.illuminance({8, 0}), 7.2 + 7200.0 / std::pow(36.0 + 484.0, 1.5), 1e-9);
    // Beyond the 60 m cut-off nothing counts.
    EXPECT_EQ(lc.illuminance({0, 91}), 0.0);
}

TEST(LightCoverage, LuxThresholdCrossingsFoundToACentimetre) {
    LightOptions o;
    o.model = LightModel::lux;
    o.intensity_cd = 1000.0;
    o.min_lux = 1.0;
    const std::vector<LightSource> lights{{{0, 0}, 6.0, ""}};
    const LightCoverage lc(lights, o);
    // E(d) = I h / (h^2 + d^2)^1.5 = 1  <=>  d^2 = (I h)^(2/3) - h^2.
    const double reach = std::sqrt(std::pow(6000.0, 2.0 / 3.0) - 36.0);
    const double y = 5.0;
    const double half = std::sqrt(reach * reach - y * y);
    const auto lit = lc.lit_intervals({{-100, y}, {100, y}});
    ASSERT_EQ(lit.size(), 1u);
    EXPECT_NEAR(lit[0].from_m, 100.0 - half, 0.01);
    EXPECT_NEAR(lit[0].to_m, 100.0 + half, 0.01);
    // The P-class preset: P4 minimum 1 lx.
    ASSERT_TRUE(p_class("p4"));
    EXPECT_DOUBLE_EQ(p_class("p4")->minimum_lux, 1.0);
    EXPECT_DOUBLE_EQ(p_class("P1")->average_lux, 15.0);
    EXPECT_FALSE(p_class("P7"));
    // The lit area: cells of 1 m whose centre is within `reach`: about pi * reach^2.
    const double area = polygon_area(lc.lit_area());
    EXPECT_NEAR(area, std::numbers::pi * reach * reach, 2.0 * std::numbers::pi * reach * 1.0);
}

TEST(LightCoverage, DiscAreaIsTheUnionOfPolygonDiscs) {
    const std::vector<LightSource> lights{{{0, 0}, std::nullopt, ""}, {{1000, 0}, std::nullopt, ""}};
    const LightCoverage lc(lights, LightOptions{});
    // Two disjoint regular 64-gons inscribed in circles of radius 20: 2 * 32 r^2 sin(2 pi / 64).
    const double expected = 2.0 * 32.0 * 400.0 * std::sin(2.0 * std::numbers::pi / 64.0);
    EXPECT_NEAR(polygon_area(lc.lit_area()), expected, 1e-6);
    // Two overlapping discs 20 m apart: union area below the sum.
    const std::vector<LightSource> pair{{{0, 0}, std::nullopt, ""}, {{20, 0}, std::nullopt, ""}};
    const double lens = 2 * 400.0 * std::acos(0.5) - 10.0 * std::sqrt(1600.0 - 400.0);
    EXPECT_NEAR(polygon_area(LightCoverage(pair, LightOptions{}).lit_area()), 2 * std::numbers::pi * 400.0 - lens, 10.0);
}

// The old method, as a reference: one GEOS union of every working light's disc polygon.
class OneUnionReference {
public:
    OneUnionReference() : ctx_(GEOS_init_r()) {}
    ~OneUnionReference() { GEOS_finish_r(ctx_); }
    OneUnionReference(const OneUnionReference&) = delete;
    OneUnionReference& operator=(const OneUnionReference&) = delete;

    using Ptr = std::unique_ptr<GEOSGeometry, std::function<void(GEOSGeometry*)>>;
    Ptr own(GEOSGeometry* g) const {
        EXPECT_NE(g, nullptr);
        return Ptr(g, [h = ctx_](GEOSGeometry* x) { GEOSGeom_destroy_r(h, x); });
    }
    Ptr one_union(const LightCoverage& lc, int quadrant_segments) const {
        std::vector<GEOSGeometry*> discs;
        for (std::size_t i = 0; i < lc.working_positions().size(); ++i) {
            const auto p = lc.working_positions()[i];
            const auto centre = own(GEOSGeom_createPointFromXY_r(ctx_, p.x, p.y));
            discs.push_back(GEOSBuffer_r(ctx_, centre.get(), lc.working_radii()[i], quadrant_segments));
        }
        const auto all = own(GEOSGeom_createCollection_r(ctx_, GEOS_MULTIPOLYGON, discs.data(),
                                                         static_cast<unsigned>(discs.size())));
        return own(GEOSUnaryUnion_r(ctx_, all.get()));
    }
    Ptr from_model(const model::MultiPolygon& mp) const {
        std::ostringstream wkt;
        wkt.precision(17);
        const auto ring = [&](const model::Ring& r) {
            wkt << "(";
            for (std::size_t i = 0; i < r.size(); ++i) wkt << (i ? ", " : "") << r[i].x << " " << r[i].y;
            wkt << ")";
        };
        wkt << "MULTIPOLYGON (";
        for (std::size_t k = 0; k < mp.size(); ++k) {
            wkt << (k ? ", (" : "(");
            ring(mp[k].outer);
            for (const auto& h : mp[k].holes) wkt << ", ", ring(h);
            wkt << ")";
        }
        wkt << ")";
        GEOSWKTReader* reader = GEOSWKTReader_create_r(ctx_);
        auto g = own(GEOSWKTReader_read_r(ctx_, reader, wkt.str().c_str()));
        GEOSWKTReader_destroy_r(ctx_, reader);
        return g;
    }
    double area(const GEOSGeometry* g) const {
        double a = -1.0;
        GEOSArea_r(ctx_, g, &a);
        return a;
    }
    int parts(const GEOSGeometry* g) const { return GEOSGetNumGeometries_r(ctx_, g); }
    GEOSContextHandle_t get() const { return ctx_; }

private:
    GEOSContextHandle_t ctx_;
};

TEST(LightCoverage, DiscAreaByOverlapGroupsEqualsOneUnionOfAllDiscs) {
    // lit_area() unites each group of overlapping discs alone; on random towns (scattered
    // lights, dense clusters, chains along a street, radii from heights) the result must be the
    // same area as one union of all discs: same polygons, no area in one and not the other.
    const OneUnionReference ref;
    for (unsigned seed = 1; seed <= 4; ++seed) {
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> u(0.0, 1500.0), h(4.0, 12.0), near(-25.0, 25.0);
        std::vector<LightSource> lights;
        for (int i = 0; i < 300; ++i) lights.push_back({{u(rng), u(rng)}, h(rng), ""});
        for (int c = 0; c < 5; ++c) {  // clusters
            const model::Point centre{u(rng), u(rng)};
            for (int i = 0; i < 40; ++i) lights.push_back({{centre.x + near(rng), centre.y + near(rng)}, h(rng), ""});
        }
        for (int i = 0; i < 60; ++i) lights.push_back({{25.0 * i, 700.0 + near(rng) / 5}, h(rng), ""});  // a street
        lights.push_back({{300.0, 300.0}, std::nullopt, "broken"});
        LightOptions o;
        if (seed % 2 == 0) o.radius_per_height = 2.5;
        const LightCoverage lc(lights, o);
        const model::MultiPolygon grouped = lc.lit_area();
        const auto expected = ref.one_union(lc, o.quadrant_segments);
        const auto got = ref.from_model(grouped);
        ASSERT_NE(got.get(), nullptr);
        EXPECT_EQ(static_cast<int>(grouped.size()), ref.parts(expected.get())) << "seed " << seed;
        const double area = ref.area(expected.get());
        EXPECT_NEAR(polygon_area(grouped), area, 1e-9 * area) << "seed " << seed;
        const auto only_one = ref.own(GEOSSymDifference_r(ref.get(), got.get(), expected.get()));
        EXPECT_LT(ref.area(only_one.get()), 1e-9 * area) << "seed " << seed;
        // Groups united on several threads: the same polygons, vertex for vertex, in the same order.
        for (const unsigned threads : {2u, 5u}) {
            const model::MultiPolygon parallel = lc.lit_area(threads);
            ASSERT_EQ(parallel.size(), grouped.size()) << "seed " << seed << ", " << threads << " threads";
            for (std::size_t i = 0; i < grouped.size(); ++i) {
                EXPECT_EQ(parallel[i].outer, grouped[i].outer) << "seed " << seed << ", polygon " << i;
                EXPECT_EQ(parallel[i].holes, grouped[i].holes) << "seed " << seed << ", polygon " << i;
            }
        }
    }
}

TEST(LightCoverage, BadOptionsAndHeights) {
    LightOptions o;
    o.radius_m = 0.0;
    EXPECT_THROW(LightCoverage({}, o), UsageError);
    const std::vector<LightSource> bad{{{0, 0}, -3.0, ""}};
    EXPECT_THROW(LightCoverage(bad, LightOptions{}), DataError);
}

}  // namespace
}  // namespace trygg::coverage
