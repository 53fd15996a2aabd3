// Round trips through trygg's own writer and reader for every format, plus Shapefile (written
// with plain OGR, since trygg reads but does not write it) and the --rejects file.

#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <filesystem>

#include "support/scratch.hpp"
#include "trygg/io/gdal_setup.hpp"
#include "trygg/io/layer_reader.hpp"
#include "trygg/io/rejects_writer.hpp"
#include "trygg/io/vector_writer.hpp"
#include "trygg/io/working_crs.hpp"

using namespace trygg;
using namespace trygg::io;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = trygg::test::make_scratch_dir("rt");
    ~TempDir() { fs::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

const std::vector<model::FieldDef> report_fields{
    {"id", model::FieldType::integer}, {"kategori", model::FieldType::string},
    {"datum", model::FieldType::string}, {"vikt", model::FieldType::real}};

struct Row {
    double x, y;
    std::int64_t id;
    std::string category, date;
    double weight;
};
const std::vector<Row> rows{{569400.25, 6609180.5, 1, "klotter", "2025-03-01T21:15:00", 2.5},
                            {569420.0, 6609150.0, 2, "skadegörelse", "2025-03-02", 1.0},
                            {569500.75, 6609300.0, 3, "otrygg plats", "2025-04-11T18:00:00Z", 3.0}};

void write_reports(const std::string& path) {
    WriteOptions options;
    options.crs = "EPSG:3006";
    VectorWriter writer(path, options);
    writer.add_layer("reports", LayerGeometry::point, report_fields);
    for (const auto& r : rows)
        writer.write(model::Point{r.x, r.y}, {r.id, r.category, r.date, r.weight});
    writer.commit();
}

void expect_reports(const model::Layer& layer) {
    ASSERT_EQ(layer.features.size(), rows.size());
    EXPECT_TRUE(layer.rejects.empty());
    for (const auto& r : rows) {
        auto it = std::find_if(layer.features.begin(), layer.features.end(),
                               [&](const model::Feature& f) { return f.id == std::to_string(r.id); });
        ASSERT_NE(it, layer.features.end()) << r.id;
        const auto& p = std::get<model::Point>(it->geometry);
        EXPECT_NEAR(p.x, r.x, 1e-6);
        EXPECT_NEAR(p.y, r.y, 1e-6);
        EXPECT_EQ(it->raw_category, r.category);
        EXPECT_DOUBLE_EQ(it->weight, r.weight);
        EXPECT_TRUE(it->time.has_value());
    }
    EXPECT_EQ(layer.category_field, "kategori");
    EXPECT_EQ(layer.time_field, "datum");
}

}  // namespace

TEST(ReadWriteRoundTrip, GeoPackageGeoJsonFlatGeobuf) {
    TempDir dir;
    for (const std::string name : {"r.gpkg", "r.geojson", "r.fgb"}) {
        SCOPED_TRACE(name);
        write_reports(dir.file(name));
        auto layer = read_layer_as(dir.file(name), model::Kind::reports, {});
        expect_reports(layer);
        std::vector<model::Layer*> layers{&layer};
        EXPECT_EQ(prepare_layers(layers, ""), "EPSG:3006");
        EXPECT_EQ(layer.source_crs, "EPSG:3006");
    }
}

TEST(ReadWriteRoundTrip, CsvKeepsCoordinatesAndNeedsItsCrs) {
    TempDir dir;
    write_reports(dir.file("r.csv"));
    ReadOptions options;
    options.src_crs = "EPSG:3006";  // CSV cannot carry its CRS
    auto layer = read_layer_as(dir.file("r.csv"), model::Kind::reports, options);
    expect_reports(layer);
}

TEST(ReadWriteRoundTrip, LinesAndPolygonsThroughGeoPackage) {
    TempDir dir;
    WriteOptions options;
    options.crs = "EPSG:3006";
    VectorWriter writer(dir.file("town.gpkg"), options);
    const std::vector<model::FieldDef> fields{{"name", model::FieldType::string}, {"lit", model::FieldType::string}};
    writer.add_layer("walkways", LayerGeometry::line, fields);
    const model::MultiLineString path{{{0, 0}, {10, 0}, {10, 5}}, {{20, 0}, {30, 0}}};
    writer.write(path, {std::string("Parkstigen"), std::string("no")});
    writer.add_layer("districts", LayerGeometry::polygon, {{"name", model::FieldType::string}});
    const model::MultiPolygon area{model::Polygon{{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}},
                                                  {{{10, 10}, {20, 10}, {20, 20}, {10, 20}, {10, 10}}}}};
    writer.write(area, {std::string("Centrum")});
    writer.commit();

    ReadOptions walk;
    walk.layer = "walkways";
    auto walkways = read_layer_as(dir.file("town.gpkg"), model::Kind::walkways, walk);
    ASSERT_EQ(walkways.features.size(), 1u);
    EXPECT_EQ(std::get<model::MultiLineString>(walkways.features[0].geometry), path);
    EXPECT_EQ(walkways.features[0].lit, "no");
    ReadOptions districts;
    districts.layer = "districts";
    auto areas = read_layer_as(dir.file("town.gpkg"), model::Kind::areas, districts);
    ASSERT_EQ(areas.features.size(), 1u);
    const auto& polygon = std::get<model::MultiPolygon>(areas.features[0].geometry).at(0);
    EXPECT_EQ(polygon.outer.size(), 5u);
    ASSERT_EQ(polygon.holes.size(), 1u);
    EXPECT_EQ(areas.features[0].name, "Centrum");
}

TEST(ReadWriteRoundTrip, ShapefileWrittenWithOgr) {
    TempDir dir;
    ensure_gdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    ASSERT_NE(driver, nullptr);
    const std::string path = dir.file("kameror.shp");
    {
        GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(ds);
        OGRSpatialReference srs;
        srs.importFromEPSG(3006);
        OGRLayer* layer = ds->CreateLayer("kameror", &srs, wkbPoint, nullptr);
        OGRFieldDefn heading("riktning", OFTReal);
        ASSERT_EQ(layer->CreateField(&heading), OGRERR_NONE);
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("riktning", 135.0);
        OGRPoint p(569400, 6609180);
        feature.SetGeometry(&p);
        ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    }
    const auto choices = choose_layers(path, {}, true);
    ASSERT_EQ(choices.size(), 1u);
    EXPECT_EQ(choices[0].kind, model::Kind::cameras);  // "kameror" in the name
    auto layer = read_layer(path, choices[0], {});
    ASSERT_EQ(layer.features.size(), 1u);
    ASSERT_TRUE(layer.features[0].heading.has_value());
    EXPECT_DOUBLE_EQ(*layer.features[0].heading, 135.0);
    std::vector<model::Layer*> layers{&layer};
    EXPECT_EQ(prepare_layers(layers, ""), "EPSG:3006");
}

TEST(ReadWriteRoundTrip, RejectsFileListsEveryRejectionWithItsReason) {
    TempDir dir;
    auto layer = read_layer_as(std::string(TRYGG_TEST_DATA) + "/reports_bad.geojson", model::Kind::reports, {});
    std::vector<model::Layer*> layers{&layer};
    prepare_layers(layers, "");
    WriteOptions options;
    options.crs = layer.working_crs;
    write_rejects(dir.file("rejects.gpkg"), {&layer}, options);

    GDALDatasetUniquePtr ds(GDALDataset::Open(dir.file("rejects.gpkg").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    OGRLayer* rejects = ds->GetLayerByName("rejects");
    ASSERT_NE(rejects, nullptr);
    std::map<std::string, std::string> reason_by_id;
    for (auto& f : *rejects) {
        reason_by_id[f->GetFieldAsString("id")] = f->GetFieldAsString("reason");
        EXPECT_NE(std::string(f->GetFieldAsString("attributes")).find("\"category\""), std::string::npos);
        EXPECT_FALSE(std::string(f->GetFieldAsString("detail")).empty());
    }
    const std::map<std::string, std::string> expected{{"2", "no_geometry"},
                                                       {"3", "bad_time"},
                                                       {"4", "wrong_geometry_type"},
                                                       {"5", "bad_number"},
                                                       {"6", "bad_number"}};
    EXPECT_EQ(reason_by_id, expected);
}
