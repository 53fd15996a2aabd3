#include "trygg/coverage/coverage_job.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "trygg/coverage/layer_inputs.hpp"
#include "trygg/coverage/light_settings.hpp"
#include "support/layers.hpp"
#include "trygg/error.hpp"

using trygg::model::Feature;
using trygg::model::Kind;
using trygg::model::Layer;
using trygg::model::LineString;
using trygg::model::Point;
namespace coverage = trygg::coverage;

namespace {

using trygg::test::layer_of;

// A straight 100 m walkway from (0, 0) to (100, 0); one light at (50, 0) with the default
// 20 m disc lights [30, 70]; the dark stretches [0, 30] and [70, 100] are both >= the 25 m of
// a gap; the report at (10, 5) is within 25 m of the first only.
struct Street {
    Layer walkways = layer_of(Kind::walkways, {trygg::model::MultiLineString{LineString{{0, 0}, {100, 0}}}});
    Layer lights = layer_of(Kind::lights, {Point{50, 0}});
    Layer reports = layer_of(Kind::reports, {Point{10, 5}});
};

}  // namespace

TEST(CoverageJob, LitPiecesAndGapsOfOneStreetByHand) {
    const Street s;
    coverage::CoverageLayers layers;
    layers.walkways = &s.walkways;
    layers.lights = &s.lights;
    layers.reports = &s.reports;
    const auto r = coverage::run_coverage(layers, {});
    ASSERT_EQ(r.pieces.size(), 3u);
    EXPECT_NEAR(r.pieces[0].to_m, 30.0, 1e-9);
    EXPECT_NEAR(r.pieces[1].to_m, 70.0, 1e-9);
    EXPECT_FALSE(r.pieces[0].lit);
    EXPECT_TRUE(r.pieces[1].lit);
    EXPECT_NEAR(r.total.length_m, 100.0, 1e-9);
    EXPECT_NEAR(r.total.lit_m, 40.0, 1e-9);
    EXPECT_EQ(r.total.seen_m, 0.0);
    ASSERT_EQ(r.per_walkway.size(), 1u);
    EXPECT_NEAR(r.per_walkway[0].lit_share(), 0.4, 1e-12);
    ASSERT_EQ(r.gaps.size(), 2u);
    EXPECT_EQ(r.gaps[0].reports, 1u);  // the gap near the report ranks first
    EXPECT_NEAR(r.gaps[0].length_m, 30.0, 1e-9);
    EXPECT_EQ(r.gaps[1].reports, 0u);
    EXPECT_EQ(r.lit_area.size(), 1u);
    EXPECT_TRUE(r.seen_area.empty());
    EXPECT_FALSE(r.cameras.has_value());
}

TEST(CoverageJob, WalkwayResultsAreReadyWhileTheLitAreaIsMade) {
    // Two streets 100 m apart, each with lights 30 m apart along it: two groups of overlapping
    // discs, united on the job's threads while the callback sees the pieces and gaps.
    std::vector<trygg::model::Geometry> lines, points;
    for (const double y : {0.0, 100.0}) {
        lines.push_back(trygg::model::MultiLineString{LineString{{0, y}, {300, y}}});
        for (double x = 0.0; x <= 120.0; x += 30.0) points.push_back(Point{x, y});
    }
    const Layer walkways = layer_of(Kind::walkways, lines);
    const Layer lights = layer_of(Kind::lights, points);
    coverage::CoverageLayers layers;
    layers.walkways = &walkways;
    layers.lights = &lights;
    for (const unsigned threads : {1u, 2u, 4u}) {
        coverage::CoverageJobOptions options;
        options.threads = threads;
        std::size_t pieces_seen = 0, gaps_seen = 0;
        bool area_seen = true;
        const auto r = coverage::run_coverage(layers, options, {}, [&](const coverage::CoverageJobResult& ready) {
            pieces_seen = ready.pieces.size();
            gaps_seen = ready.gaps.size();
            area_seen = !ready.lit_area.empty();
        });
        // Each street: lit [0, 140] (discs at 0..120, radius 20), dark [140, 300].
        EXPECT_EQ(pieces_seen, 4u) << threads << " threads";
        EXPECT_EQ(gaps_seen, 2u) << threads << " threads";
        EXPECT_FALSE(area_seen) << threads << " threads";
        ASSERT_EQ(r.pieces.size(), 4u);
        EXPECT_NEAR(r.total.lit_m, 280.0, 1e-9);
        ASSERT_EQ(r.lit_area.size(), 2u) << threads << " threads";  // one polygon per street
        ASSERT_EQ(r.lit_area_m2.size(), 2u);
        EXPECT_NEAR(r.lit_area_m2[0], r.lit_area_m2[1], 1e-6);
        EXPECT_LT(r.lit_area[0].outer.front().y, 50.0);  // group order: the first light's group first
        EXPECT_GT(r.lit_area[1].outer.front().y, 50.0);
    }
}

TEST(CoverageJob, BadLayersAndOptionsNameTheProblem) {
    const Street s;
    coverage::CoverageLayers layers;
    layers.walkways = &s.lights;  // points, not lines
    layers.lights = &s.lights;
    try {
        (void)coverage::run_coverage(layers, {});
        FAIL() << "expected a DataError";
    } catch (const trygg::DataError& e) {
        EXPECT_EQ(e.message(), "a walkway is not a line");
        EXPECT_EQ(e.location().source, "test.geojson");
        EXPECT_EQ(e.location().feature, 1);
    }
    layers.walkways = &s.walkways;
    layers.buildings = &s.walkways;
    EXPECT_THROW((void)coverage::run_coverage(layers, {}), trygg::UsageError);  // buildings need cameras
    layers.buildings = nullptr;
    coverage::CoverageJobOptions options;
    options.gaps.min_length_m = -1.0;
    EXPECT_THROW((void)coverage::run_coverage(layers, options), trygg::UsageError);
}

TEST(LightSettings, ClassesAndModelsAsTheCliChecksThem) {
    coverage::LightSettings settings;
    settings.model = "lux";
    settings.p_class = "p2";
    EXPECT_EQ(coverage::resolve_light_settings(settings).min_lux, 2.0);  // EN 13201-2 P2 minimum
    settings.min_lux = 1.0;
    EXPECT_THROW((void)coverage::resolve_light_settings(settings), trygg::UsageError);  // both
    settings = {};
    settings.min_lux = 1.0;  // disc model
    EXPECT_THROW((void)coverage::resolve_light_settings(settings), trygg::UsageError);
    settings = {};
    settings.options.radius_m = 0.0;
    try {
        (void)coverage::resolve_light_settings(settings);
        FAIL() << "expected a UsageError";
    } catch (const trygg::UsageError& e) {
        EXPECT_EQ(e.message(), "--light-radius must be a number > 0 (metres)");
    }
    settings = {};
    settings.radius_per_height = 2.5;
    const auto figures = coverage::light_figures(settings, coverage::resolve_light_settings(settings));
    ASSERT_EQ(figures.size(), 2u);
    EXPECT_EQ(figures[0].first, "light_radius_m");
    EXPECT_EQ(figures[1].second, 2.5);
}
