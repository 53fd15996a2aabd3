#include "trygg/network/route_job.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "network/network_fixtures.hpp"
#include "trygg/error.hpp"

using trygg::model::Feature;
using trygg::model::Kind;
using trygg::model::Layer;
using trygg::model::Point;
namespace network = trygg::network;

namespace {

// Two ways from (0, 0) to (100, 0): the straight street, unlit (100 m), and a lit detour over
// (50, 30) (2 x 58.31 = 116.6 m). With w_dark = 2 the street costs 300 and the detour 116.6:
// the safe route is the detour, the shortest is the street.
Layer two_ways() {
    return trygg::test::walkway_layer({{{{0, 0}, {100, 0}}, "footway", "no"},
                                       {{{0, 0}, {50, 30}, {100, 0}}, "footway", "yes"}});
}

}  // namespace

TEST(RouteJob, ShortestAndSafeByHand) {
    const Layer walkways = two_ways();
    network::RouteLayers layers;
    layers.walkways = &walkways;
    network::RouteJob job(layers, {});
    EXPECT_EQ(job.graph().edge_count(), 2u);
    EXPECT_FALSE(job.lights().has_value());
    EXPECT_EQ(job.route_options().weights.unseen, 0.0);  // no cameras: nothing is seen
    const auto from = job.snap_end("from", {0, -1}, {0, -1}, 100.0);
    const auto to = job.snap_end("to", {100, -1}, {100, -1}, 100.0);
    const auto routes = job.plan(from, to);
    EXPECT_NEAR(routes.shortest.length_m, 100.0, 1e-9);
    EXPECT_EQ(routes.shortest.lit_share, 0.0);
    const double detour = 2.0 * std::hypot(50.0, 30.0);
    EXPECT_NEAR(routes.safe.length_m, detour, 1e-9);
    EXPECT_NEAR(routes.safe.lit_share, 1.0, 1e-12);
    EXPECT_NEAR(routes.safe.detour_pct, 100.0 * (detour / 100.0 - 1.0), 1e-9);
}

TEST(RouteJob, EndsTooFarAndDisconnectedPartsAreDataErrors) {
    Layer walkways = two_ways();
    walkways.features.push_back(trygg::test::walkway_layer({{{{500, 500}, {600, 500}}, "footway", ""}}).features[0]);
    walkways.features.back().fid = 3;
    network::RouteLayers layers;
    layers.walkways = &walkways;
    network::RouteJob job(layers, {});
    try {
        (void)job.snap_end("--from 0,300", {0, 300}, {0, 300}, 100.0);
        FAIL() << "expected a DataError";
    } catch (const trygg::DataError& e) {
        EXPECT_EQ(e.message(), "--from 0,300: the nearest walkway is 275 m away, more than --max-snap 100 m");
    }
    EXPECT_THROW((void)job.snap_end("--from", {1, 2}, {HUGE_VAL, HUGE_VAL}, 100.0), trygg::UsageError);
    const auto a = job.snap_end("a", {0, 0}, {0, 0}, 10.0);
    const auto b = job.snap_end("b", {550, 500}, {550, 500}, 10.0);
    try {
        (void)job.plan(a, b, "pair 7: ");
        FAIL() << "expected a DataError";
    } catch (const trygg::DataError& e) {
        EXPECT_EQ(e.message().rfind("pair 7: the start and the end lie on different parts", 0), 0u) << e.message();
        EXPECT_NE(e.message().find("(0.2 km and 0.1 km of walkways"), std::string::npos) << e.message();
    }
}

TEST(RouteJob, BadWeightsAreUsageErrors) {
    const Layer walkways = two_ways();
    network::RouteLayers layers;
    layers.walkways = &walkways;
    network::RouteJobOptions options;
    options.weights.dark = -1.0;
    EXPECT_THROW(network::RouteJob(layers, options), trygg::UsageError);
}
