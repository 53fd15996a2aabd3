#include "trygg/coverage/placement_sites.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "trygg/coverage/building_obstacles.hpp"
#include "trygg/coverage/light_coverage.hpp"
#include "trygg/coverage/placement.hpp"
#include "trygg/error.hpp"

using trygg::coverage::BuildingObstacles;
using trygg::coverage::camera_site_sets;
using trygg::coverage::CoverageSets;
using trygg::coverage::light_site_sets;
using trygg::coverage::LightCoverage;
using trygg::coverage::LightModel;
using trygg::coverage::LightOptions;
using trygg::coverage::LightSource;
using trygg::coverage::place_sites;
using trygg::coverage::PlacementOptions;
using trygg::coverage::PlacementProblem;
using trygg::model::MultiPolygon;
using trygg::model::Point;

namespace {

std::vector<std::uint32_t> as_vector(std::span<const std::uint32_t> s) { return {s.begin(), s.end()}; }

// Midpoints of 5 m pieces of the walkway y = 0, x 0..100: 2.5, 7.5, ..., 97.5 (20 items).
std::vector<Point> walkway_midpoints() {
    std::vector<Point> out;
    for (int i = 0; i < 20; ++i) out.push_back({2.5 + 5.0 * i, 0.0});
    return out;
}

// Items with midpoint x in [from, to].
std::vector<std::uint32_t> items_between(double from, double to) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < 20; ++i)
        if (2.5 + 5.0 * i >= from && 2.5 + 5.0 * i <= to) out.push_back(i);
    return out;
}

std::size_t best_single_site(const CoverageSets& sets, const std::vector<double>& weights) {
    PlacementProblem p;
    p.sets = &sets;
    p.weights = weights;
    PlacementOptions options;
    options.count = 1;
    const auto r = place_sites(p, options);
    EXPECT_EQ(r.sites.size(), 1u);
    return r.sites.at(0).candidate;
}

}  // namespace

// Two candidate domes 10 m north of the walkway, range 30 m: A at x = 50 sees midpoints with
// |x - 50| <= sqrt(30^2 - 10^2) = 28.28, i.e. 22.5..77.5 (12 pieces, 60 m); B at x = 20 sees
// 2.5..47.5 (10 pieces, 50 m). A is the better single site. A building x 52..70, y 3..6 lies
// between A and the walkway east of it: the ray from A (50,10) to (x,0) is at x' = 50 + 0.7 (x - 50)
// when it reaches the building's bottom y = 3, so it enters the building for x > 50 + 2/0.7 =
// 52.86 (and the range ends before the ray could pass east of x' = 70). A keeps 22.5..52.5 (7
// pieces, 35 m); B's rays reach y = 3 at x' <= 20 + 0.7 * 27.5 = 39.25, west of the building, so
// B keeps its 10 pieces and becomes the better site.
TEST(PlacementSites, BuildingHidesAStretchAndChangesTheChosenCamera) {
    const std::vector<Point> demand = walkway_midpoints();
    const std::vector<Point> candidates{{50.0, 10.0}, {20.0, 10.0}};
    const std::vector<double> weights(demand.size(), 5.0);

    const CoverageSets open = camera_site_sets(demand, candidates, 30.0, nullptr);
    EXPECT_EQ(as_vector(open.covered_by(0)), items_between(22.5, 77.5));
    EXPECT_EQ(as_vector(open.covered_by(1)), items_between(2.5, 47.5));
    EXPECT_EQ(best_single_site(open, weights), 0u);

    const MultiPolygon building{{{{52.0, 3.0}, {70.0, 3.0}, {70.0, 6.0}, {52.0, 6.0}, {52.0, 3.0}}, {}}};
    const BuildingObstacles obstacles({building});
    const CoverageSets hidden = camera_site_sets(demand, candidates, 30.0, &obstacles);
    EXPECT_EQ(as_vector(hidden.covered_by(0)), items_between(22.5, 52.5));
    EXPECT_EQ(as_vector(hidden.covered_by(1)), items_between(2.5, 47.5));
    EXPECT_EQ(best_single_site(hidden, weights), 1u);
}

TEST(PlacementSites, CameraRangeMustBePositive) {
    const std::vector<Point> one{{0.0, 0.0}};
    EXPECT_THROW(camera_site_sets(one, one, 0.0, nullptr), trygg::UsageError);
}

// Disc model: a new light covers the demand within the radius, nothing else.
TEST(PlacementSites, DiscLightsCoverTheirRadius) {
    const std::vector<Point> demand{{10.0, 0.0}, {20.0, 0.0}, {20.5, 0.0}};
    const std::vector<Point> candidates{{0.0, 0.0}};
    const std::vector<LightSource> none;
    const LightCoverage existing(none, LightOptions{});
    const CoverageSets sets = light_site_sets(demand, candidates, existing, 20.0);
    EXPECT_EQ(as_vector(sets.covered_by(0)), (std::vector<std::uint32_t>{0, 1}));
}

// Lux model, I = 1000 cd, h = 6 m, 1 lx: one light alone reaches 1 lx out to d with
// (36 + d^2)^(3/2) = 6000, d = sqrt(6000^(2/3) - 36) = 17.15 m: E(17.0) = 1.024 lx, E(17.3) =
// 0.977 lx, E(20) = 0.659 lx. An existing light at (40, 0) adds 0.447 lx at x = 17 (23 m),
// 0.464 lx at 17.3 and 0.659 lx at 20 (20 m): none of the three is lit by it alone, but together
// with the new light all three reach 1 lx (1.47, 1.44, 1.32).
TEST(PlacementSites, LuxLightsCountTheIlluminanceAlreadyThere) {
    const std::vector<Point> demand{{17.0, 0.0}, {17.3, 0.0}, {20.0, 0.0}};
    const std::vector<Point> candidates{{0.0, 0.0}};
    LightOptions options;
    options.model = LightModel::lux;
    options.intensity_cd = 1000.0;
    options.default_height_m = 6.0;
    options.min_lux = 1.0;
    const std::vector<LightSource> none;
    const LightCoverage dark(none, options);
    EXPECT_EQ(as_vector(light_site_sets(demand, candidates, dark, 1.0).covered_by(0)), (std::vector<std::uint32_t>{0}));

    const std::vector<LightSource> one{{{40.0, 0.0}, 6.0, ""}};
    const LightCoverage existing(one, options);
    for (const Point& p : demand) EXPECT_FALSE(existing.is_lit(p)) << p.x;
    EXPECT_EQ(as_vector(light_site_sets(demand, candidates, existing, 1.0).covered_by(0)),
              (std::vector<std::uint32_t>{0, 1, 2}));
}
