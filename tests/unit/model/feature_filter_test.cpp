#include "trygg/model/feature_filter.hpp"

#include <gtest/gtest.h>

using namespace trygg::model;

namespace {

Feature report(double x, double y, const std::string& category, std::optional<std::int64_t> day) {
    Feature f;
    f.geometry = Point{x, y};
    f.category = category;
    if (day) f.time = TimePoint{std::chrono::seconds{*day * 86400}};
    return f;
}

Layer sample() {
    Layer layer;
    layer.features = {report(1, 1, "graffiti", 10), report(5, 5, "graffiti", 20), report(1, 2, "vandalism", 15),
                      report(50, 50, "graffiti", 12), report(2, 2, "graffiti", std::nullopt)};
    return layer;
}

MultiPolygon square(double x0, double y0, double x1, double y1) {
    return {Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}

}  // namespace

TEST(FeatureFilter, NoFilterKeepsEverything) {
    Layer layer = sample();
    const auto report = filter_features(layer, {});
    EXPECT_EQ(report.kept, 5u);
    EXPECT_EQ(report.total_left_out(), 0u);
}

TEST(FeatureFilter, CategoriesTimeWindowAndAreasAreCountedPerReason) {
    Layer layer = sample();
    FeatureFilter filter;
    filter.categories = {"graffiti"};
    filter.from = TimePoint{std::chrono::seconds{11 * 86400}};
    filter.to = TimePoint{std::chrono::seconds{20 * 86400}};  // exclusive: day 20 is after
    filter.within = {square(0, 0, 10, 10)};
    const auto report = filter_features(layer, filter);
    EXPECT_EQ(report.left_out.at("category"), 1u);  // vandalism
    EXPECT_EQ(report.left_out.at("before"), 1u);    // day 10
    EXPECT_EQ(report.left_out.at("after"), 1u);     // day 20
    EXPECT_EQ(report.left_out.at("no_time"), 1u);
    EXPECT_EQ(report.left_out.at("outside"), 1u);   // (50, 50), day 12
    EXPECT_EQ(report.kept, 0u);
    EXPECT_EQ(report.describe("reports"),
              "kept 0 of 5 reports (left out: after 1, before 1, category 1, no_time 1, outside 1)");
}

TEST(FeatureFilter, BoundaryCountsAsInside) {
    Layer layer;
    layer.features = {report(10, 5, "graffiti", 1)};
    FeatureFilter filter;
    filter.within = {square(0, 0, 10, 10)};
    EXPECT_EQ(filter_features(layer, filter).kept, 1u);
}
