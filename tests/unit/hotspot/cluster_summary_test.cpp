#include "trygg/hotspot/cluster_summary.hpp"

#include "trygg/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <numeric>
#include <cmath>
#include <numbers>
#include <random>
#include <string>
#include <vector>

using trygg::DataError;
using trygg::UsageError;
using trygg::hotspot::ClusterSummary;
using trygg::hotspot::ClusterSummaryParams;
using trygg::hotspot::dbscan;
using trygg::hotspot::DbscanParams;
using trygg::hotspot::DbscanResult;
using trygg::hotspot::describe_categories;
using trygg::hotspot::HullShape;
using trygg::hotspot::PointRole;
using trygg::hotspot::summarise_clusters;
using trygg::model::MultiPolygon;
using trygg::model::Point;
using trygg::model::TimePoint;

namespace {

DbscanResult cluster(const std::vector<Point>& points, double eps, double min_points) {
    DbscanParams p;
    p.eps = eps;
    p.min_points = min_points;
    return dbscan(points, p);
}

std::vector<ClusterSummary> summarise(const std::vector<Point>& points, const DbscanResult& r,
                                      const ClusterSummaryParams& params = {}) {
    return summarise_clusters(points, r, {}, {}, {}, params);
}

ClusterSummaryParams hull_params(HullShape shape, double margin, double ratio = 0.3) {
    ClusterSummaryParams p;
    p.hull = shape;
    p.margin = margin;
    p.concave_ratio = ratio;
    return p;
}

// Crossing-number test on every ring (holes flip it); points on the boundary are not handled,
// so the tests use margins that keep the points strictly inside.
bool inside(const MultiPolygon& mp, Point p) {
    auto crosses = [&](const std::vector<Point>& ring) {
        bool in = false;
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const Point a = ring[i], b = ring[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
        }
        return in;
    };
    for (const auto& poly : mp) {
        bool in = crosses(poly.outer);
        for (const auto& hole : poly.holes)
            if (crosses(hole)) in = false;
        if (in) return true;
    }
    return false;
}

// Shoelace area, independent of GEOS's.
double shoelace(const MultiPolygon& mp) {
    auto ring_area = [](const std::vector<Point>& r) {
        double a = 0.0;
        // Offsets from the first vertex: no cancellation with large projected coordinates.
        const Point o = r.front();
        for (std::size_t i = 0; i + 1 < r.size(); ++i)
            a += (r[i].x - o.x) * (r[i + 1].y - o.y) - (r[i + 1].x - o.x) * (r[i].y - o.y);
        return std::abs(a) / 2.0;
    };
    double total = 0.0;
    for (const auto& poly : mp) {
        total += ring_area(poly.outer);
        for (const auto& hole : poly.holes) total -= ring_area(hole);
    }
    return total;
}

// Two tight groups far apart and one lone point: cluster 1 (7 points) at the origin, cluster 2
// (5 points) at (100, 100), noise at (50, 0).
std::vector<Point> two_groups() {
    return {{0, 0},   {1, 0},   {0, 1},   {1, 1},   {0.5, 0.5}, {2, 0},     {2, 1},
            {100, 100}, {101, 100}, {100, 101}, {101, 101}, {100.5, 100.5}, {50, 0}};
}

}  // namespace

TEST(ClusterSummary, CountsCategoriesWeightsTimesCentroid) {
    const auto pts = two_groups();
    const DbscanResult r = cluster(pts, 1.5, 3);
    ASSERT_EQ(r.cluster_count, 2);
    ASSERT_EQ(r.labels[12], -1);
    std::vector<std::string> cats{"graffiti", "graffiti", "vandalism", "graffiti", "", "lighting", "graffiti",
                                  "vandalism", "vandalism", "graffiti", "vandalism", "vandalism", "graffiti"};
    std::vector<double> weights{1, 2, 3, 1, 1, 1, 1, 2, 2, 2, 2, 2, 100};
    using namespace std::chrono;
    std::vector<std::optional<TimePoint>> times(pts.size());
    times[0] = TimePoint{seconds{1000}};
    times[3] = TimePoint{seconds{500}};
    times[6] = TimePoint{seconds{2000}};
    const auto s = summarise_clusters(pts, r, cats, weights, times, hull_params(HullShape::convex, 5));
    ASSERT_EQ(s.size(), 2U);

    EXPECT_EQ(s[0].id, 1);
    EXPECT_EQ(s[0].reports, 7U);
    EXPECT_EQ(s[0].core + s[0].border, 7U);
    // (2, 0) and (2, 1) join through (1, 0) and (1, 1), 1 m away.
    const std::map<std::string, std::size_t> expected0{
        {"graffiti", 4}, {"vandalism", 1}, {"lighting", 1}, {trygg::hotspot::no_category, 1}};
    EXPECT_EQ(s[0].categories, expected0);
    EXPECT_DOUBLE_EQ(s[0].total_weight, 10.0);
    ASSERT_TRUE(s[0].first_time && s[0].last_time);
    EXPECT_EQ(s[0].first_time->time_since_epoch().count(), 500);
    EXPECT_EQ(s[0].last_time->time_since_epoch().count(), 2000);
    EXPECT_NEAR(s[0].centroid.x, (0 + 1 + 0 + 1 + 0.5 + 2 + 2) / 7.0, 1e-12);
    EXPECT_NEAR(s[0].centroid.y, (0 + 0 + 1 + 1 + 0.5 + 0 + 1) / 7.0, 1e-12);

    EXPECT_EQ(s[1].id, 2);
    EXPECT_EQ(s[1].reports, 5U);
    EXPECT_EQ(s[1].categories, (std::map<std::string, std::size_t>{{"graffiti", 1}, {"vandalism", 4}}));
    EXPECT_DOUBLE_EQ(s[1].total_weight, 10.0);
    EXPECT_FALSE(s[1].first_time.has_value());
    EXPECT_FALSE(s[1].last_time.has_value());
    EXPECT_NEAR(s[1].centroid.x, 100.5, 1e-12);
    EXPECT_NEAR(s[1].centroid.y, 100.5, 1e-12);
    EXPECT_NEAR(s[1].density_per_ha, 5.0 / (s[1].area_m2 / 10000.0), 1e-9);

    EXPECT_EQ(describe_categories(s[0].categories), "graffiti 4, lighting 1, uncategorised 1, vandalism 1");
    EXPECT_EQ(describe_categories(s[1].categories), "vandalism 4, graffiti 1");
}

TEST(ClusterSummary, WithoutWeightsTheWeightIsTheCount) {
    const auto pts = two_groups();
    const auto s = summarise(pts, cluster(pts, 1.5, 3));
    ASSERT_EQ(s.size(), 2U);
    EXPECT_DOUBLE_EQ(s[0].total_weight, 7.0);
    EXPECT_DOUBLE_EQ(s[1].total_weight, 5.0);
    EXPECT_EQ(s[0].categories, (std::map<std::string, std::size_t>{{"uncategorised", 7}}));
}

TEST(ClusterSummary, HullContainsEveryMember) {
    std::mt19937_64 rng(7);
    std::normal_distribution<double> d(0.0, 15.0);
    std::vector<Point> pts;
    for (int blob = 0; blob < 4; ++blob)
        for (int i = 0; i < 150; ++i) pts.push_back({6.5e5 + blob * 400.0 + d(rng), 6.6e6 + d(rng)});
    const DbscanResult r = cluster(pts, 8.0, 5);
    ASSERT_GE(r.cluster_count, 4);
    for (HullShape shape : {HullShape::convex, HullShape::concave}) {
        const auto s = summarise(pts, r, hull_params(shape, 0.5));
        ASSERT_EQ(s.size(), static_cast<std::size_t>(r.cluster_count));
        for (std::size_t i = 0; i < pts.size(); ++i) {
            if (r.labels[i] < 0) continue;
            const auto& c = s[static_cast<std::size_t>(r.labels[i])];
            EXPECT_TRUE(inside(c.hull, pts[i])) << "point " << i << " outside the hull of cluster " << c.id;
        }
        for (const auto& c : s) {
            EXPECT_GT(c.area_m2, 0.0);
            EXPECT_NEAR(c.area_m2, shoelace(c.hull), 1e-6 * c.area_m2);
        }
    }
}

TEST(ClusterSummary, AreaOfASquareClusterAndTheMargin) {
    // Corners and centre of a 10 m square: all within eps of the centre.
    const std::vector<Point> pts{{0, 0}, {10, 0}, {0, 10}, {10, 10}, {5, 5}};
    const DbscanResult r = cluster(pts, 7.1, 5);
    ASSERT_EQ(r.cluster_count, 1);
    const auto exact = summarise(pts, r, hull_params(HullShape::convex, 0.0));
    EXPECT_NEAR(exact[0].area_m2, 100.0, 1e-9);
    EXPECT_NEAR(exact[0].density_per_ha, 5.0 / 0.01, 1e-9);
    // Margin m: the square, four 10 x m strips and four quarter circles drawn with 8 segments
    // each (a 32-gon inscribed in a circle of radius m).
    const double m = 5.0;
    const auto grown = summarise(pts, r, hull_params(HullShape::convex, m));
    const double polygon_circle = 16.0 * std::sin(std::numbers::pi / 16.0) * m * m;
    EXPECT_NEAR(grown[0].area_m2, 100.0 + 4 * 10 * m + polygon_circle, 1e-6);
    EXPECT_LT(grown[0].area_m2, 100.0 + 4 * 10 * m + std::numbers::pi * m * m);
    EXPECT_NEAR(grown[0].density_per_ha, 5.0 / (grown[0].area_m2 / 1e4), 1e-9);
}

TEST(ClusterSummary, DegenerateClustersStillGetAPolygon) {
    // Collinear points and a pile of equal points.
    std::vector<Point> pts{{0, 0}, {1, 0}, {2, 0}, {3, 0}, {50, 50}, {50, 50}, {50, 50}};
    const DbscanResult r = cluster(pts, 1.0, 3);
    ASSERT_EQ(r.cluster_count, 2);
    const auto s = summarise(pts, r, hull_params(HullShape::convex, 0.0));
    // Line of 3 m grown by 1 m: 3 x 2 plus a 32-gon of radius 1; a point grown by 1 m: the 32-gon.
    const double gon = 16.0 * std::sin(std::numbers::pi / 16.0);
    EXPECT_NEAR(s[0].area_m2, 6.0 + gon, 1e-6);
    EXPECT_NEAR(s[1].area_m2, gon, 1e-6);
    EXPECT_EQ(s[1].reports, 3U);
    // A larger margin wins over the 1 m minimum.
    const auto wide = summarise(pts, r, hull_params(HullShape::convex, 2.0));
    EXPECT_NEAR(wide[1].area_m2, 4.0 * gon, 1e-6);
    for (HullShape shape : {HullShape::convex, HullShape::concave}) {
        const auto t = summarise(pts, r, hull_params(shape, 0.0));
        for (const auto& c : t) EXPECT_FALSE(c.hull.empty());
    }
}

TEST(ClusterSummary, ConcaveHullOfAnLIsSmallerThanTheConvexOne) {
    // An L of points 1 m apart: a 40 x 4 bar along x and a 4 x 40 bar along y.
    std::vector<Point> pts;
    for (int x = 0; x <= 40; ++x)
        for (int y = 0; y <= 4; ++y) pts.push_back({double(x), double(y)});
    for (int x = 0; x <= 4; ++x)
        for (int y = 5; y <= 40; ++y) pts.push_back({double(x), double(y)});
    const DbscanResult r = cluster(pts, 1.5, 3);
    ASSERT_EQ(r.cluster_count, 1);
    const auto convex = summarise(pts, r, hull_params(HullShape::convex, 0.0));
    const auto concave = summarise(pts, r, hull_params(HullShape::concave, 0.0, 0.1));
    // Convex hull: the square 40 x 40 less the triangle beyond the line (40, 4)-(4, 40).
    EXPECT_NEAR(convex[0].area_m2, 1600.0 - 36.0 * 36.0 / 2.0, 1e-6);
    // The L itself: 40 x 4 + 4 x 36 = 304 m2; a tight concave hull is close to it.
    EXPECT_LT(concave[0].area_m2, 0.5 * convex[0].area_m2);
    EXPECT_GE(concave[0].area_m2, 304.0 - 1e-6);
    // Ratio 1 is the convex hull.
    const auto ratio1 = summarise(pts, r, hull_params(HullShape::concave, 0.0, 1.0));
    EXPECT_NEAR(ratio1[0].area_m2, convex[0].area_m2, 1e-6);
}

TEST(ClusterSummary, DeterministicAndIndependentOfInputOrder) {
    std::mt19937_64 rng(11);
    std::normal_distribution<double> d(0.0, 10.0);
    std::vector<Point> pts;
    for (int blob = 0; blob < 3; ++blob)
        for (int i = 0; i < 80; ++i) pts.push_back({blob * 200.0 + d(rng), d(rng)});
    std::vector<std::string> cats(pts.size());
    for (std::size_t i = 0; i < pts.size(); ++i) cats[i] = i % 3 == 0 ? "graffiti" : "vandalism";
    std::vector<std::size_t> perm(pts.size());
    std::iota(perm.begin(), perm.end(), 0);
    std::shuffle(perm.begin(), perm.end(), rng);
    std::vector<Point> pts2;
    std::vector<std::string> cats2;
    for (std::size_t i : perm) {
        pts2.push_back(pts[i]);
        cats2.push_back(cats[i]);
    }
    for (HullShape shape : {HullShape::convex, HullShape::concave}) {
        const auto params = hull_params(shape, 5.0);
        const auto a = summarise_clusters(pts, cluster(pts, 6.0, 4), cats, {}, {}, params);
        const auto b = summarise_clusters(pts, cluster(pts, 6.0, 4), cats, {}, {}, params);
        const auto c = summarise_clusters(pts2, cluster(pts2, 6.0, 4), cats2, {}, {}, params);
        ASSERT_EQ(a.size(), c.size());
        ASSERT_FALSE(a.empty());
        for (std::size_t k = 0; k < a.size(); ++k) {
            for (const auto* other : {&b[k], &c[k]}) {
                EXPECT_EQ(a[k].reports, other->reports);
                EXPECT_EQ(a[k].categories, other->categories);
                EXPECT_EQ(a[k].centroid, other->centroid);
                EXPECT_EQ(a[k].area_m2, other->area_m2);
                ASSERT_EQ(a[k].hull.size(), other->hull.size());
                for (std::size_t p = 0; p < a[k].hull.size(); ++p)
                    EXPECT_EQ(a[k].hull[p].outer, other->hull[p].outer);
            }
        }
    }
}

TEST(ClusterSummary, NoClustersNoSummaries) {
    const std::vector<Point> pts{{0, 0}, {100, 100}};
    EXPECT_TRUE(summarise(pts, cluster(pts, 1.0, 2)).empty());
    EXPECT_TRUE(summarise({}, DbscanResult{}).empty());
}

TEST(ClusterSummary, RejectsBadArguments) {
    const auto pts = two_groups();
    const DbscanResult r = cluster(pts, 1.5, 3);
    const std::vector<std::string> few_cats{"a"};
    const std::vector<double> few_weights{1.0};
    const std::vector<std::optional<TimePoint>> few_times(2);
    EXPECT_THROW(summarise_clusters(pts, r, few_cats, {}, {}, {}), UsageError);
    EXPECT_THROW(summarise_clusters(pts, r, {}, few_weights, {}, {}), UsageError);
    EXPECT_THROW(summarise_clusters(pts, r, {}, {}, few_times, {}), UsageError);
    EXPECT_THROW(summarise(pts, r, hull_params(HullShape::convex, -1.0)), UsageError);
    EXPECT_THROW(summarise(pts, r, hull_params(HullShape::convex, NAN)), UsageError);
    EXPECT_THROW(summarise(pts, r, hull_params(HullShape::concave, 1.0, 1.5)), UsageError);
    std::vector<Point> fewer(pts.begin(), pts.end() - 1);
    EXPECT_THROW(summarise(fewer, r), UsageError);
    DbscanResult bad = r;
    bad.labels[0] = 5;
    EXPECT_THROW(summarise(pts, bad), UsageError);
}
