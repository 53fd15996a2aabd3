#include "trygg/network/nearby_job.hpp"

#include <gtest/gtest.h>

#include <random>
#include <thread>

#include "network/network_fixtures.hpp"
#include "support/layers.hpp"
#include "trygg/error.hpp"

using trygg::model::Feature;
using trygg::model::Layer;
using trygg::model::MultiPolygon;
using trygg::model::Point;
using trygg::network::NearbyJobOptions;
using trygg::network::run_nearby;

namespace {

// Points as a layer (the walkway fixtures have no working CRS; neither do these).
Layer points_layer(trygg::model::Kind kind, const std::vector<Point>& points) {
    return trygg::test::layer_of(kind, std::vector<trygg::model::Geometry>(points.begin(), points.end()), "");
}

bool same(const MultiPolygon& a, const MultiPolygon& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].outer != b[i].outer || a[i].holes != b[i].holes) return false;
    return true;
}

MultiPolygon square(double x0, double y0, double x1, double y1) {
    return {{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}

// 150 random walkways over 800 x 800 m (noded where they cross), 40 stops and `activities`
// activities at random, with a 300 m limit and 20 m walking areas.
struct RandomScene {
    Layer walkways, stops, activities;
    NearbyJobOptions options;
};

RandomScene random_scene(unsigned seed, int activities) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 800);
    std::vector<trygg::test::LineSpec> lines;
    for (int i = 0; i < 150; ++i) lines.push_back({{{u(rng), u(rng)}, {u(rng), u(rng)}}, "", ""});
    RandomScene scene;
    scene.walkways = trygg::test::walkway_layer(lines);
    std::vector<Point> stop_points, activity_points;
    for (int i = 0; i < 40; ++i) stop_points.push_back({u(rng), u(rng)});
    for (int i = 0; i < activities; ++i) activity_points.push_back({u(rng), u(rng)});
    scene.stops = points_layer(trygg::model::Kind::stops, stop_points);
    scene.activities = points_layer(trygg::model::Kind::activities, activity_points);
    scene.options.node_intersections = true;
    scene.options.limit_m = 300;
    scene.options.area_buffer_m = 20;
    return scene;
}

}  // namespace

TEST(NearbyJob, AStopInsideAParkIsThere) {
    // A street along y = 0 and a path north from (200,0) through a park, the square
    // x 150..250, y 50..150. The walkways enter the park at (200,50).
    const Layer walkways =
        trygg::test::walkway_layer({{{{0, 0}, {200, 0}, {400, 0}}, "", ""}, {{{200, 0}, {200, 300}}, "", ""}});
    const Layer stops = points_layer(trygg::model::Kind::stops, {
        {205, 100},  // in the park, 5 m from the path: already there, 0 m
        {195, 40},   // outside, 5 m from the path at (200,40): 5 + 10 to the park's edge = 15 m
        {260, 100},  // outside, but its walkway point (200,100) is inside: just the 60 m walk to it
    });
    Layer activities = points_layer(trygg::model::Kind::activities, {{0, 5}});
    Feature park;
    park.fid = 2;
    park.id = "park";
    park.geometry = square(150, 50, 250, 150);
    activities.features.push_back(park);
    const Layer* ways[] = {&walkways};
    NearbyJobOptions options;
    options.limit_m = 500;
    const auto job = run_nearby(ways, stops, activities, options);
    ASSERT_EQ(job.results.size(), 3u);
    auto distance_to_park = [&](std::size_t stop) {
        for (const auto& r : job.results[stop].reached)
            if (r.activity == 1) return r.distance_m;
        return -1.0;
    };
    EXPECT_DOUBLE_EQ(distance_to_park(0), 0.0);
    EXPECT_NEAR(distance_to_park(1), 15.0, 1e-9);
    EXPECT_NEAR(distance_to_park(2), 60.0, 1e-9);
    // Nearest first: the park before the point activity for the stop inside it.
    EXPECT_EQ(job.results[0].reached.front().activity, 1u);
    EXPECT_DOUBLE_EQ(job.results[0].reached.front().network_m, 0.0);
    // The point activity at (0,5): 5 m to the path + 100 m to the street + 200 m + 5 m.
    EXPECT_NEAR(job.results[0].reached.back().distance_m, 310.0, 1e-9);
    // A park beyond the limit is still beyond it: nothing is added at 0 m from outside.
    options.limit_m = 10;
    const auto near_only = run_nearby(ways, stops, activities, options);
    EXPECT_EQ(near_only.results[0].reached.size(), 1u);
    EXPECT_TRUE(near_only.results[1].reached.empty());
    EXPECT_TRUE(near_only.results[2].reached.empty());
}

TEST(NearbyJob, ResultsAndAreasDoNotDependOnThreads) {
    RandomScene scene = random_scene(3, 200);
    const Layer &stops = scene.stops, &activities = scene.activities;
    const Layer* ways[] = {&scene.walkways};
    NearbyJobOptions& options = scene.options;
    options.threads = 1;
    const auto one = run_nearby(ways, stops, activities, options);
    options.threads = 3;
    const auto three = run_nearby(ways, stops, activities, options);
    ASSERT_EQ(one.areas.size(), stops.features.size());
    std::size_t links = 0, areas = 0;
    for (std::size_t i = 0; i < stops.features.size(); ++i) {
        ASSERT_EQ(one.results[i].reached.size(), three.results[i].reached.size());
        for (std::size_t k = 0; k < one.results[i].reached.size(); ++k) {
            EXPECT_EQ(one.results[i].reached[k].activity, three.results[i].reached[k].activity);
            EXPECT_EQ(one.results[i].reached[k].distance_m, three.results[i].reached[k].distance_m);
        }
        EXPECT_TRUE(same(one.areas[i], three.areas[i])) << "stop " << i;
        EXPECT_EQ(one.areas[i].empty(), one.stop_access[i].empty());
        links += one.results[i].reached.size();
        areas += !one.areas[i].empty();
    }
    EXPECT_GT(links, 50u);
    EXPECT_GT(areas, 20u);
    EXPECT_EQ(one.stops_not_on_network.size(), stops.features.size() - areas);
}

TEST(NearbyJob, TheCallerWorksWhileTheAreasAreBuilt) {
    // run_nearby's while_areas: called once, on the calling thread, with the searches done and
    // the areas not yet in the job; the areas that come back equal those of a plain run, with
    // one thread (the call, then the areas) and with three (the call while they are built).
    RandomScene scene = random_scene(4, 100);
    const Layer &stops = scene.stops, &activities = scene.activities;
    const Layer* ways[] = {&scene.walkways};
    NearbyJobOptions& options = scene.options;
    const auto plain = run_nearby(ways, stops, activities, options);
    for (const unsigned threads : {1u, 3u}) {
        options.threads = threads;
        int calls = 0;
        std::size_t links_seen = 0;
        const auto caller = std::this_thread::get_id();
        const auto job = run_nearby(ways, stops, activities, options, [&](const trygg::network::NearbyJob& so_far) {
            ++calls;
            EXPECT_EQ(std::this_thread::get_id(), caller);
            EXPECT_TRUE(so_far.areas.empty());
            for (const auto& r : so_far.results) links_seen += r.reached.size();
        });
        EXPECT_EQ(calls, 1) << threads << " threads";
        std::size_t links = 0, areas = 0;
        ASSERT_EQ(job.areas.size(), plain.areas.size());
        for (std::size_t i = 0; i < job.areas.size(); ++i) {
            EXPECT_TRUE(same(job.areas[i], plain.areas[i])) << "stop " << i << ", " << threads << " threads";
            EXPECT_EQ(job.area_m2[i], plain.area_m2[i]);
            links += job.results[i].reached.size();
            areas += !job.areas[i].empty();
        }
        EXPECT_EQ(links_seen, links);
        EXPECT_GT(areas, 20u);
    }
}

TEST(NearbyJob, NoWalkableLineIsADataError) {
    const Layer walkways = trygg::test::walkway_layer({{{{0, 0}, {100, 0}}, "motorway", ""}});
    const Layer stops = points_layer(trygg::model::Kind::stops, {{0, 0}});
    const Layer* ways[] = {&walkways};
    EXPECT_THROW(run_nearby(ways, stops, stops, NearbyJobOptions{}), trygg::DataError);
}
