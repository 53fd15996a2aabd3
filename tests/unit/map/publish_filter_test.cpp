#include "trygg/map/publish_filter.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "trygg/error.hpp"
#include "trygg/io/crs.hpp"
#include "trygg/map/hotspots_map.hpp"
#include "trygg/map/html_writer.hpp"
#include "trygg/model/geometry_visit.hpp"

namespace trygg::map {
namespace {

MapFeature point_feature(double x, double y) {
    MapFeature f;
    f.geometry = model::Point{x, y};
    return f;
}

MapFeature counted_square(double x, double y, double count) {
    MapFeature f;
    f.geometry = model::MultiPolygon{model::Polygon{{{x, y}, {x + 10, y}, {x + 10, y + 10}, {x, y + 10}, {x, y}}, {}}};
    f.report_count = count;
    return f;
}

TEST(PublishFilter, RemovesIndividualLayersSmallAggregatesAndFreeText) {
    MapDocument doc;
    doc.lang = Language::en;
    MapLayer points;
    points.id = "reports";
    points.role = LayerRole::individual;
    points.features = {point_feature(1, 2), point_feature(3, 4)};
    MapLayer clusters;
    clusters.id = "clusters";
    clusters.role = LayerRole::aggregate;
    clusters.features = {counted_square(0, 0, 1), counted_square(20, 0, 2), counted_square(40, 0, 3),
                         counted_square(60, 0, 7)};
    clusters.features.push_back(counted_square(80, 0, 9));
    clusters.features.back().report_count.reset();  // unknown count: not published
    clusters.features[3].popup = {{"Reports", "7", false}, {"comment", "the man at number 12", true}};
    MapLayer cells;
    cells.id = "cells";
    cells.role = LayerRole::aggregate;
    cells.features = {counted_square(0, 100, 2), counted_square(10, 100, 4)};
    MapLayer stops;
    stops.id = "stops";
    stops.features = {point_feature(5, 5)};
    stops.features[0].popup = {{"note", "free text here", true}};
    doc.layers = {points, clusters, cells, stops};

    PublishOptions options;
    options.min_count = 3;
    const PublishResult r = apply_publish_rules(doc, options);

    EXPECT_EQ(r.layers_removed, 1u);
    EXPECT_EQ(r.individual_features, 2u);
    EXPECT_EQ(r.clusters_left_out, 3u);  // 1, 2 and the unknown
    EXPECT_EQ(r.cells_left_out, 1u);
    EXPECT_EQ(r.free_text_values, 2u);
    ASSERT_EQ(doc.layers.size(), 3u);
    EXPECT_EQ(doc.layers[0].id, "clusters");
    ASSERT_EQ(doc.layers[0].features.size(), 2u);
    EXPECT_EQ(*doc.layers[0].features[0].report_count, 3);
    EXPECT_EQ(*doc.layers[0].features[1].report_count, 7);
    ASSERT_EQ(doc.layers[0].features[1].popup.size(), 1u);
    EXPECT_EQ(doc.layers[0].features[1].popup[0].value, "7");
    EXPECT_TRUE(doc.layers[2].features[0].popup.empty());
    ASSERT_EQ(doc.notes.size(), 1u);
    EXPECT_NE(doc.notes[0].find("fewer than 3 reports"), std::string::npos) << doc.notes[0];
    EXPECT_NE(doc.notes[0].find("3 clusters"), std::string::npos) << doc.notes[0];
    EXPECT_NE(doc.notes[0].find("1 squares"), std::string::npos) << doc.notes[0];
    EXPECT_NE(doc.notes[0].find("2 individual points"), std::string::npos) << doc.notes[0];
}

TEST(PublishFilter, NoteInSwedish) {
    MapDocument doc;
    doc.lang = Language::sv;
    PublishOptions options;
    options.min_count = 5;
    apply_publish_rules(doc, options);
    ASSERT_EQ(doc.notes.size(), 1u);
    EXPECT_NE(doc.notes[0].find("färre än 5 anmälningar"), std::string::npos) << doc.notes[0];
}

TEST(PublishFilter, MinCountBelowTwoIsRefused) {
    MapDocument doc;
    PublishOptions options;
    options.min_count = 1;
    EXPECT_THROW(apply_publish_rules(doc, options), UsageError);
    options.min_count = std::nan("");
    EXPECT_THROW(apply_publish_rules(doc, options), UsageError);
}

// A clusters layer whose outlines pass exactly through report positions (a convex hull with
// no margin), and reports with a free-text description: the published hotspots map must
// contain neither a report's position nor the description, anywhere.
class PublishedHotspots : public ::testing::Test {
protected:
    void SetUp() override {
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> jitter(-30.0, 30.0);
        reports.kind = model::Kind::reports;
        reports.fields = {{"category", model::FieldType::string}, {"description", model::FieldType::string}};
        reports.category_field = "category";
        const std::vector<model::Point> centres{{569537, 6608943}, {569921, 6609361}, {570447, 6608529}};
        for (std::size_t c = 0; c < centres.size(); ++c) {
            const std::size_t n = c == 2 ? 2 : 6 + 3 * c;  // the last cluster has 2 reports: below 3
            std::vector<model::Point> members;
            for (std::size_t i = 0; i < n; ++i) {
                model::Feature f;
                const model::Point p{centres[c].x + jitter(rng), centres[c].y + jitter(rng)};
                f.geometry = p;
                f.category = "graffiti";
                f.attributes = {model::Value{std::string("graffiti")},
                                model::Value{"secret note " + std::to_string(reports.features.size())}};
                reports.features.push_back(f);
                members.push_back(p);
            }
            // The cluster outline: the members' bounding polygon through four of them.
            model::Ring ring{members[0], members[1], members.back(), members[0]};
            model::Feature cluster;
            cluster.geometry = model::MultiPolygon{model::Polygon{ring, {}}};
            cluster.attributes = {model::Value{std::int64_t(c + 1)}, model::Value{std::int64_t(n)},
                                  model::Value{std::int64_t(n)}};
            clusters.features.push_back(cluster);
        }
        clusters.kind = model::Kind::areas;
        clusters.fields = {{"cluster_id", model::FieldType::integer},
                           {"reports", model::FieldType::integer},
                           {"n_graffiti", model::FieldType::integer}};
        doc.lang = Language::en;
        doc.crs = "EPSG:3006";
        HotspotsMapInput in;
        in.clusters = &clusters;
        in.reports = &reports;
        in.publish = true;
        add_hotspots(doc, in);
        PublishOptions options;
        options.min_count = 3;
        result = apply_publish_rules(doc, options);
    }
    model::Layer reports, clusters;
    MapDocument doc;
    PublishResult result;
};

TEST_F(PublishedHotspots, NoVertexIsAReportPosition) {
    std::size_t vertices = 0;
    for (const auto& layer : doc.layers)
        for (const auto& f : layer.features)
            model::for_each_point(f.geometry, [&](const model::Point& v) {
                ++vertices;
                for (const auto& r : reports.features) {
                    const auto& p = std::get<model::Point>(r.geometry);
                    ASSERT_GT(std::hypot(v.x - p.x, v.y - p.y), 1.0) << layer.id << " has a vertex at a report";
                }
            });
    EXPECT_GT(vertices, 0u);
    EXPECT_EQ(result.individual_features, reports.features.size());
}

TEST_F(PublishedHotspots, EveryShownAggregateHasEnoughReports) {
    std::size_t aggregates = 0;
    for (const auto& layer : doc.layers) {
        EXPECT_NE(layer.role, LayerRole::individual) << layer.id;
        if (layer.role != LayerRole::aggregate) continue;
        for (const auto& f : layer.features) {
            ++aggregates;
            ASSERT_TRUE(f.report_count.has_value());
            EXPECT_GE(*f.report_count, 3.0);
        }
    }
    EXPECT_GT(aggregates, 0u);
    EXPECT_EQ(result.clusters_left_out, 1u);  // the cluster of 2
}

TEST_F(PublishedHotspots, PageHoldsNoReportCoordinateAndNoFreeText) {
    const std::string page = render_html(doc, HtmlOptions{});
    EXPECT_EQ(page.find("secret note"), std::string::npos);
    // Each report's lon/lat as the page would write it (5 and 6 decimals).
    const io::CoordinateTransform to_lonlat("EPSG:3006", "EPSG:4326");
    for (const auto& r : reports.features) {
        const model::Point q = to_lonlat.transform(std::get<model::Point>(r.geometry));
        for (int decimals : {5, 6}) {
            char buf[96];
            const double s = std::pow(10.0, decimals);
            std::snprintf(buf, sizeof buf, "%.*f", decimals, std::round(q.x * s) / s);
            const std::string lon = buf;
            std::snprintf(buf, sizeof buf, "%.*f", decimals, std::round(q.y * s) / s);
            const std::string lat = buf;
            EXPECT_EQ(page.find(lon + "," + lat), std::string::npos) << lon << "," << lat;
        }
    }
}

// Squares under --min-count are left out, so the legend of the squares starts at the smallest
// count the published map shows, and every shown square has the colour of the class its
// count falls in.
TEST(PublishedCells, LegendStartsAtTheSmallestShownCount) {
    model::Layer reports;
    reports.kind = model::Kind::reports;
    const std::vector<std::size_t> per_square{1, 2, 5, 8};  // in four 100 m squares
    for (std::size_t sq = 0; sq < per_square.size(); ++sq)
        for (std::size_t i = 0; i < per_square[sq]; ++i) {
            model::Feature f;
            f.geometry = model::Point{1000.0 * static_cast<double>(sq) + 10.0 + static_cast<double>(i), 50.0};
            reports.features.push_back(f);
        }
    MapDocument doc;
    doc.lang = Language::en;
    HotspotsMapInput in;
    in.reports = &reports;
    in.publish = true;
    in.min_count = 3;
    add_hotspots(doc, in);
    PublishOptions options;
    options.min_count = 3;
    apply_publish_rules(doc, options);
    const MapLayer* cells = nullptr;
    for (const auto& l : doc.layers)
        if (l.id == "cells") cells = &l;
    ASSERT_TRUE(cells);
    ASSERT_EQ(cells->features.size(), 2u);  // the squares of 5 and 8 reports
    ASSERT_FALSE(cells->legend.empty());
    // "5–6 reports": the first class starts at 5, the smallest count shown.
    EXPECT_EQ(cells->legend.front().text.rfind("5", 0), 0u) << cells->legend.front().text;
    for (const auto& square : cells->features) {
        const auto n = static_cast<int>(*square.report_count);
        bool found = false;
        for (const auto& e : cells->legend) {
            int lo = 0, hi = 0;
            if (std::sscanf(e.text.c_str(), "%d–%d", &lo, &hi) < 2) hi = lo;
            EXPECT_GE(lo, 5) << e.text;
            if (n >= lo && n <= hi) {
                found = true;
                EXPECT_EQ(e.style.fill, square.style->fill) << e.text;
            }
        }
        EXPECT_TRUE(found) << n;
    }
}

TEST(CountCells, CountsMatchABruteForceCount) {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(-250.0, 730.0);
    std::vector<model::Point> points(500);
    for (auto& p : points) p = {u(rng), u(rng)};
    points.push_back({100.0, 200.0});  // exactly on a cell corner: belongs to the cell north-east of it
    const auto cells = count_cells(points, 100.0, Language::en);
    double total = 0;
    for (const auto& c : cells) {
        const auto& ring = std::get<model::MultiPolygon>(c.geometry).front().outer;
        const double x0 = ring[0].x, y0 = ring[0].y;
        EXPECT_EQ(std::fmod(x0, 100.0), 0.0);  // anchored at multiples of the cell
        EXPECT_EQ(std::fmod(y0, 100.0), 0.0);
        std::size_t inside = 0;
        for (const auto& p : points) inside += (p.x >= x0 && p.x < x0 + 100 && p.y >= y0 && p.y < y0 + 100) ? 1u : 0u;
        EXPECT_EQ(*c.report_count, static_cast<double>(inside));
        EXPECT_GT(inside, 0u);
        total += *c.report_count;
    }
    EXPECT_EQ(total, static_cast<double>(points.size()));
}

}  // namespace
}  // namespace trygg::map
