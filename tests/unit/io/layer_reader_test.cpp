#include "trygg/io/layer_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "trygg/error.hpp"
#include "trygg/io/working_crs.hpp"

using namespace trygg;
using namespace trygg::io;
using model::Kind;
using model::RejectReason;

namespace {

std::string fixture(const std::string& name) { return std::string(TRYGG_TEST_DATA) + "/" + name; }

// reason of each rejected feature, by its id
std::map<std::string, RejectReason> reasons_by_id(const model::Layer& layer) {
    std::map<std::string, RejectReason> out;
    for (const auto& r : layer.rejects.rejections()) out[r.id] = r.reason;
    return out;
}

const model::Feature& by_id(const model::Layer& layer, const std::string& id) {
    auto it = std::find_if(layer.features.begin(), layer.features.end(),
                           [&](const model::Feature& f) { return f.id == id; });
    if (it == layer.features.end()) throw std::runtime_error("no feature " + id);
    return *it;
}

std::int64_t epoch(const model::Feature& f) { return f.time->time_since_epoch().count(); }

}  // namespace

TEST(LayerReader, SwedishFieldNamesAreMappedAndCategoriesNormalised) {
    auto layer = read_layer_as(fixture("reports_sv.geojson"), Kind::reports, {});
    EXPECT_EQ(layer.feature_count, 6);
    ASSERT_EQ(layer.features.size(), 6u);
    EXPECT_EQ(layer.category_field, "kategori");
    EXPECT_EQ(layer.time_field, "datum");
    EXPECT_EQ(layer.weight_field, "vikt");
    EXPECT_EQ(layer.source_crs, "EPSG:3006");
    EXPECT_EQ(by_id(layer, "1").category, "graffiti");
    EXPECT_EQ(by_id(layer, "1").raw_category, "Klotter");
    EXPECT_EQ(by_id(layer, "2").category, "lighting");
    EXPECT_EQ(by_id(layer, "3").category, "unsafe");
    EXPECT_EQ(by_id(layer, "4").category, "vandalism");
    EXPECT_EQ(by_id(layer, "5").category, "nedskräpning");  // unknown: kept as written
    EXPECT_DOUBLE_EQ(by_id(layer, "3").weight, 3.0);
    // 2025-04-11T18:00:00+02:00 is 16:00 UTC; 2025-04-11 is day 20189 since 1970-01-01.
    EXPECT_EQ(epoch(by_id(layer, "3")), 20189LL * 86400 + 16 * 3600);
    EXPECT_EQ(epoch(by_id(layer, "2")), 20149LL * 86400);  // 2025-03-02, date only
    const auto& p = std::get<model::Point>(by_id(layer, "2").geometry);
    EXPECT_DOUBLE_EQ(p.x, 569420.5);
    EXPECT_DOUBLE_EQ(p.y, 6609150.0);
    // Every original attribute is kept, in the source's order.
    ASSERT_EQ(layer.fields.size(), 5u);
    EXPECT_EQ(layer.fields[4].name, "beskrivning");
    EXPECT_EQ(std::get<std::string>(by_id(layer, "4").attributes[4]), "Krossad ruta");
}

TEST(LayerReader, EveryValidationRuleRejectsWithItsReason) {
    auto layer = read_layer_as(fixture("reports_bad.geojson"), Kind::reports, {});
    EXPECT_EQ(layer.feature_count, 7);
    const auto reasons = reasons_by_id(layer);
    EXPECT_EQ(reasons.at("2"), RejectReason::no_geometry);
    EXPECT_EQ(reasons.at("3"), RejectReason::bad_time);
    EXPECT_EQ(reasons.at("4"), RejectReason::wrong_geometry_type);
    EXPECT_EQ(reasons.at("5"), RejectReason::bad_number);  // negative weight
    EXPECT_EQ(reasons.at("6"), RejectReason::bad_number);  // "heavy"
    EXPECT_EQ(reasons.size(), 5u);
    ASSERT_EQ(layer.features.size(), 2u);
    EXPECT_FALSE(by_id(layer, "7").time.has_value());  // empty time: kept, without a time
    // Rejections carry the original attributes and a detail naming the problem.
    for (const auto& r : layer.rejects.rejections()) {
        EXPECT_FALSE(r.detail.empty());
        EXPECT_EQ(r.attributes.size(), layer.fields.size());
        if (r.id == "3") {
            EXPECT_NE(r.detail.find("2025-13-45"), std::string::npos) << r.detail;
        }
    }
    // The wrong-type feature keeps its geometry for the rejects file.
    for (const auto& r : layer.rejects.rejections()) {
        if (r.id == "4") {
            EXPECT_TRUE(std::holds_alternative<std::monostate>(r.geometry));
        }
    }
}

// Rejections found while reading (coordinates, numbers) and those found after it (text times,
// parsed once the column's day/month order is known) come out in row order, and the kept
// features keep theirs.
TEST(LayerReader, RejectsAndFeaturesStayInRowOrder) {
    const auto ids = [](const auto& items) {
        std::vector<std::string> out;
        for (const auto& item : items) out.push_back(item.id);
        return out;
    };
    auto csv = read_layer_as(fixture("reports_us.csv"), Kind::reports, {});
    EXPECT_EQ(ids(csv.rejects.rejections()), (std::vector<std::string>{"103", "105", "107"}));
    EXPECT_EQ(ids(csv.features), (std::vector<std::string>{"101", "102", "104", "106"}));
    auto geojson = read_layer_as(fixture("reports_bad.geojson"), Kind::reports, {});
    EXPECT_EQ(ids(geojson.rejects.rejections()), (std::vector<std::string>{"2", "3", "4", "5", "6"}));
    EXPECT_EQ(ids(geojson.features), (std::vector<std::string>{"1", "7"}));
}

TEST(LayerReader, UsCsvWithLatitudeLongitudeAndUsDates) {
    auto layer = read_layer_as(fixture("reports_us.csv"), Kind::reports, {});
    EXPECT_EQ(layer.feature_count, 7);
    EXPECT_EQ(layer.category_field, "TYPE");
    EXPECT_EQ(layer.time_field, "OPEN_DT");
    const auto reasons = reasons_by_id(layer);
    EXPECT_EQ(reasons.at("103"), RejectReason::no_geometry);
    EXPECT_EQ(reasons.at("105"), RejectReason::bad_time);
    EXPECT_EQ(reasons.at("107"), RejectReason::bad_number);  // "north" is not a latitude
    ASSERT_EQ(layer.features.size(), 4u);
    // 01/13/2015 settles the column as month-first; 11:55:58 PM is 23:55:58.
    EXPECT_EQ(epoch(by_id(layer, "102")), 16448LL * 86400 + 23 * 3600 + 55 * 60 + 58);  // 2015-01-13
    EXPECT_EQ(epoch(by_id(layer, "101")), 16436LL * 86400 + 10 * 3600 + 37 * 60 + 47);  // 2015-01-01
    EXPECT_EQ(by_id(layer, "101").category, "graffiti");
    EXPECT_EQ(by_id(layer, "104").category, "lighting");

    std::vector<model::Layer*> layers{&layer};
    EXPECT_EQ(prepare_layers(layers, ""), "EPSG:32619");  // Boston: UTM zone 19N
    EXPECT_EQ(layer.source_crs, "EPSG:4326");
    // Without a CRS, lon/lat is assumed because most rows fit; latitude 95 is then out of range.
    EXPECT_EQ(reasons_by_id(layer).at("106"), RejectReason::out_of_range);
    ASSERT_EQ(layer.features.size(), 3u);
    const auto& p = std::get<model::Point>(by_id(layer, "101").geometry);
    EXPECT_GT(p.x, 300000.0);  // metres now, not degrees
    EXPECT_GT(p.y, 4600000.0);
}

TEST(LayerReader, ProjectedCsvWithoutCrsNeedsSrcCrs) {
    auto layer = read_layer_as(fixture("reports_xy_nocrs.csv"), Kind::reports, {});
    std::vector<model::Layer*> layers{&layer};
    try {
        prepare_layers(layers, "");
        FAIL() << "expected a DataError";
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("--src-crs"), std::string::npos) << e.what();
    }
    ReadOptions options;
    options.src_crs = "EPSG:3006";
    auto assigned = read_layer_as(fixture("reports_xy_nocrs.csv"), Kind::reports, options);
    std::vector<model::Layer*> assigned_layers{&assigned};
    EXPECT_EQ(prepare_layers(assigned_layers, ""), "EPSG:3006");
    EXPECT_DOUBLE_EQ(std::get<model::Point>(assigned.features[0].geometry).x, 569400.0);
}

TEST(LayerReader, AmbiguousDatesNeedTimeFormat) {
    auto layer = read_layer_as(fixture("reports_ambiguous.csv"), Kind::reports, {});
    EXPECT_EQ(layer.rejects.counts().at("bad_time"), 2u);
    ReadOptions eu;
    eu.time_format = parse_time_format_option("eu");
    auto fixed = read_layer_as(fixture("reports_ambiguous.csv"), Kind::reports, eu);
    ASSERT_EQ(fixed.features.size(), 2u);
    EXPECT_EQ(epoch(fixed.features[0]), 20181LL * 86400);  // 03/04/2025 day-first: 2025-04-03
}

TEST(LayerReader, FieldOptionNamingMissingFieldIsUsageError) {
    ReadOptions options;
    options.fields.fields[FieldRole::category] = "kind_of_thing";
    EXPECT_THROW(read_layer_as(fixture("reports_sv.geojson"), Kind::reports, options), UsageError);
}

TEST(LayerReader, MissingFileIsDataErrorNamingIt) {
    try {
        read_layer_as(fixture("no_such_file.gpkg"), Kind::reports, {});
        FAIL();
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("no_such_file.gpkg"), std::string::npos);
    }
}

TEST(LayerReader, GuessesKindsFromGeometryAndNames) {
    EXPECT_EQ(choose_layers(fixture("walkways.geojson"), {}, true).front().kind, Kind::walkways);
    EXPECT_EQ(choose_layers(fixture("districts.geojson"), {}, true).front().kind, Kind::areas);
    EXPECT_EQ(choose_layers(fixture("reports_sv.geojson"), {}, true).front().kind, Kind::reports);
    EXPECT_TRUE(choose_layers(fixture("reports_sv.geojson"), {}, true).front().kind_guessed);
}

TEST(LayerReader, WalkwaysKeepHighwayAndLitAndRejectOnePointLines) {
    auto layer = read_layer_as(fixture("walkways.geojson"), Kind::walkways, {});
    EXPECT_EQ(layer.feature_count, 4);
    ASSERT_EQ(layer.features.size(), 3u);
    EXPECT_EQ(by_id(layer, "2").lit, "no");
    EXPECT_EQ(by_id(layer, "3").highway, "residential");
    EXPECT_EQ(std::get<model::MultiLineString>(by_id(layer, "3").geometry).size(), 2u);
    EXPECT_EQ(reasons_by_id(layer).at("4"), RejectReason::invalid_geometry);
}
