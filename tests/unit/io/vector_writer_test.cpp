#include "trygg/io/vector_writer.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "support/scratch.hpp"
#include "trygg/error.hpp"

using namespace trygg;
using namespace trygg::io;
using model::FieldDef;
using model::FieldType;
namespace fs = std::filesystem;

namespace {

using trygg::test::write_options;

class VectorWriterTest : public ::testing::Test {
protected:
    void SetUp() override {
        GDALAllRegister();
        dir_ = trygg::test::make_scratch_dir("vw");
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::vector<std::string> directory_listing() const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir_)) {
            names.push_back(entry.path().filename().string());
        }
        return names;
    }

    fs::path dir_;
};

GDALDatasetUniquePtr open_vector(const std::string& file, bool csv_point_columns = false) {
    const char* csv_options[] = {"X_POSSIBLE_NAMES=X", "Y_POSSIBLE_NAMES=Y",
                                 "AUTODETECT_TYPE=YES", nullptr};
    const char* csv_wkt_options[] = {"AUTODETECT_TYPE=YES", nullptr};
    const bool csv = fs::path(file).extension() == ".csv";
    GDALDatasetUniquePtr dataset(GDALDataset::Open(
        file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
        csv ? (csv_point_columns ? csv_options : csv_wkt_options) : nullptr));
    EXPECT_TRUE(dataset) << file;
    return dataset;
}

std::unique_ptr<OGRGeometry> from_wkt(const char* wkt) {
    OGRGeometry* geometry = nullptr;
    EXPECT_EQ(OGRGeometryFactory::createFromWkt(wkt, nullptr, &geometry), OGRERR_NONE) << wkt;
    return std::unique_ptr<OGRGeometry>(geometry);
}

const std::vector<FieldDef> fields{{"id", FieldType::integer},
                                   {"score", FieldType::real},
                                   {"category", FieldType::string},
                                   {"opened", FieldType::date_time}};

// Hand-made features and their geometry as WKT, written independently of the writer.
struct Expected {
    model::Geometry geometry;
    model::AttributeRow row;
    const char* wkt;  // nullptr: no geometry
};

std::vector<Expected> point_features() {
    return {
        {model::Point{569399.5, 6609178.25},
         {std::int64_t{1}, 2.5, std::string("graffiti"), std::string("2024-03-01T12:30:00")},
         "POINT (569399.5 6609178.25)"},
        {model::Point{569500.0, 6609000.0},
         {std::int64_t{-7000000000}, std::monostate{}, std::string("lampa trasig, öst"),
          std::monostate{}},
         "POINT (569500 6609000)"},
        {model::Point{569000.125, 6608999.75},
         {std::monostate{}, -0.125, std::monostate{}, std::string("2023-12-31T23:59:59")},
         "POINT (569000.125 6608999.75)"},
    };
}

std::vector<Expected> line_features() {
    return {
        {model::MultiLineString{{{0.0, 0.0}, {10.0, 0.0}, {10.0, 5.5}}},
         {std::int64_t{1}, 1.0, std::string("a"), std::monostate{}},
         "MULTILINESTRING ((0 0,10 0,10 5.5))"},
        {model::MultiLineString{{{1.0, 1.0}, {2.0, 2.0}}, {{3.0, 3.0}, {4.0, 3.0}}},
         {std::int64_t{2}, std::monostate{}, std::string("b"), std::monostate{}},
         "MULTILINESTRING ((1 1,2 2),(3 3,4 3))"},
    };
}

std::vector<Expected> polygon_features() {
    model::Polygon with_hole{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}},
                             {{{2, 2}, {2, 4}, {4, 4}, {4, 2}, {2, 2}}}};
    model::Polygon square{{{20, 0}, {21, 0}, {21, 1}, {20, 1}, {20, 0}}, {}};
    return {
        {model::MultiPolygon{with_hole},
         {std::int64_t{10}, 0.5, std::monostate{}, std::monostate{}},
         "MULTIPOLYGON (((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2)))"},
        {model::MultiPolygon{with_hole, square},
         {std::int64_t{11}, 1e-3, std::string("two parts"), std::monostate{}},
         "MULTIPOLYGON (((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2)),"
         "((20 0,21 0,21 1,20 1,20 0)))"},
    };
}

void write_layer(const std::string& file, const std::string& layer, LayerGeometry type,
                 const std::vector<Expected>& features, WriteOptions options = write_options(false, {}, "EPSG:3006")) {
    VectorWriter writer(file, options);
    writer.add_layer(layer, type, fields);
    for (const Expected& feature : features) writer.write(feature.geometry, feature.row);
    EXPECT_EQ(writer.features_written(), static_cast<std::int64_t>(features.size()));
    writer.commit();
}

void expect_value(const OGRFeature& feature, const char* name, const model::Value& expected,
                  bool csv, FieldType type) {
    const int i = feature.GetFieldIndex(name);
    ASSERT_GE(i, 0) << name;
    if (std::holds_alternative<std::monostate>(expected)) {
        // CSV cannot tell NULL from an empty string.
        const bool null_or_empty = !feature.IsFieldSetAndNotNull(i) ||
                                   (csv && std::string(feature.GetFieldAsString(i)).empty());
        EXPECT_TRUE(null_or_empty) << name << " = " << feature.GetFieldAsString(i);
    } else if (const auto* integer = std::get_if<std::int64_t>(&expected)) {
        EXPECT_EQ(feature.GetFieldAsInteger64(i), *integer) << name;
    } else if (const auto* real = std::get_if<double>(&expected)) {
        EXPECT_DOUBLE_EQ(feature.GetFieldAsDouble(i), *real) << name;
    } else if (const auto* text = std::get_if<std::string>(&expected)) {
        // CSV keeps the ISO text (checked on the raw file); GDAL's type detection reads it
        // back as a date/time like the other formats.
        if (type == FieldType::date_time) {
            int year = 0, month = 0, day = 0, hour = 0, minute = 0, tz = 0;
            float second = 0;
            ASSERT_TRUE(feature.GetFieldAsDateTime(i, &year, &month, &day, &hour, &minute,
                                                   &second, &tz));
            char iso[32];
            std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                          hour, minute, static_cast<int>(second));
            EXPECT_EQ(std::string(iso), *text) << name;
        } else {
            EXPECT_EQ(std::string(feature.GetFieldAsString(i)), *text) << name;
        }
    }
}

// FlatGeobuf stores features in the order of its packed Hilbert R-tree: with
// `match_by_geometry` features are matched by their (unique) geometry instead of by position.
void expect_layer(OGRLayer* layer, const std::vector<Expected>& features, bool csv,
                  bool match_by_geometry = false) {
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->GetFeatureCount(), static_cast<GIntBig>(features.size()));
    std::vector<OGRFeatureUniquePtr> read;
    layer->ResetReading();
    while (OGRFeatureUniquePtr feature{layer->GetNextFeature()}) read.push_back(std::move(feature));
    ASSERT_EQ(read.size(), features.size());
    for (std::size_t n = 0; n < features.size(); ++n) {
        const Expected& expected = features[n];
        OGRFeature* feature = read[n].get();
        if (match_by_geometry) {
            const auto reference = from_wkt(expected.wkt);
            feature = nullptr;
            for (const auto& candidate : read) {
                const OGRGeometry* geometry = candidate->GetGeometryRef();
                if (geometry != nullptr && geometry->Equals(reference.get())) {
                    feature = candidate.get();
                }
            }
        }
        ASSERT_NE(feature, nullptr);
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (expected.wkt == nullptr) {
            EXPECT_TRUE(geometry == nullptr || geometry->IsEmpty());
        } else {
            ASSERT_NE(geometry, nullptr);
            const auto reference = from_wkt(expected.wkt);
            EXPECT_TRUE(geometry->Equals(reference.get()))
                << geometry->exportToWkt() << " vs " << expected.wkt;
        }
        for (std::size_t f = 0; f < fields.size(); ++f) {
            expect_value(*feature, fields[f].name.c_str(), expected.row[f], csv, fields[f].type);
        }
    }
}

void expect_sweref(OGRLayer* layer) {
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    ASSERT_NE(srs, nullptr);
    OGRSpatialReference sweref;
    sweref.importFromEPSG(3006);
    // Layers read back use GIS axis order, EPSG's definition northing first: compare the CRS.
    const char* const ignore_axis_mapping[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
    EXPECT_TRUE(srs->IsSame(&sweref, ignore_axis_mapping));
    const char* code = srs->GetAuthorityCode(nullptr);
    ASSERT_NE(code, nullptr);
    EXPECT_STREQ(code, "3006");
}

}  // namespace

TEST(VectorFormatFor, ByExtension) {
    EXPECT_EQ(vector_format_for("a/b.gpkg"), VectorFormat::gpkg);
    EXPECT_EQ(vector_format_for("b.GPKG"), VectorFormat::gpkg);
    EXPECT_EQ(vector_format_for("b.geojson"), VectorFormat::geojson);
    EXPECT_EQ(vector_format_for("b.json"), VectorFormat::geojson);
    EXPECT_EQ(vector_format_for("b.fgb"), VectorFormat::flatgeobuf);
    EXPECT_EQ(vector_format_for("b.csv"), VectorFormat::csv);
    try {
        vector_format_for("b.shp");
        FAIL() << "no exception";
    } catch (const UsageError& error) {
        const std::string message = error.what();
        for (const char* extension : {".gpkg", ".geojson", ".fgb", ".csv"}) {
            EXPECT_NE(message.find(extension), std::string::npos) << message;
        }
    }
    EXPECT_THROW(vector_format_for("noextension"), UsageError);
}

TEST_F(VectorWriterTest, EveryFormatRoundTripsPointsLinesAndPolygons) {
    for (const char* extension : {".gpkg", ".geojson", ".fgb", ".csv"}) {
        SCOPED_TRACE(extension);
        const bool csv = std::string(extension) == ".csv";
        const std::string points = path(std::string("points") + extension);
        const std::string lines = path(std::string("lines") + extension);
        const std::string polygons = path(std::string("polygons") + extension);
        write_layer(points, "points", LayerGeometry::point, point_features());
        write_layer(lines, "lines", LayerGeometry::line, line_features());
        write_layer(polygons, "polygons", LayerGeometry::polygon, polygon_features());

        auto p = open_vector(points, true);
        auto l = open_vector(lines);
        auto a = open_vector(polygons);
        ASSERT_TRUE(p && l && a);
        const bool fgb = std::string(extension) == ".fgb";
        expect_layer(p->GetLayer(0), point_features(), csv, fgb);
        expect_layer(l->GetLayer(0), line_features(), csv, fgb);
        expect_layer(a->GetLayer(0), polygon_features(), csv, fgb);
        if (csv) {
            EXPECT_EQ(p->GetLayer(0)->GetSpatialRef(), nullptr);  // CSV holds no CRS
            std::ifstream in(points);
            const std::string text{std::istreambuf_iterator<char>(in),
                                   std::istreambuf_iterator<char>()};
            EXPECT_EQ(text.rfind("X,Y,id,score,category,opened\n", 0), 0u) << text;
            EXPECT_NE(text.find("2024-03-01T12:30:00"), std::string::npos) << text;
        } else {
            expect_sweref(p->GetLayer(0));
            expect_sweref(l->GetLayer(0));
            expect_sweref(a->GetLayer(0));
            EXPECT_STREQ(p->GetLayer(0)->GetName(), "points");
        }
    }
    // Nothing but the outputs is left in the directory.
    EXPECT_EQ(directory_listing().size(), 12u);
}

TEST_F(VectorWriterTest, FeaturesWithoutGeometry) {
    const std::vector<Expected> features{
        {model::Point{1.0, 2.0}, {std::int64_t{1}, 1.0, std::string("x"), std::monostate{}},
         "POINT (1 2)"},
        {std::monostate{}, {std::int64_t{2}, 2.0, std::string("rejected"), std::monostate{}},
         nullptr},
    };
    for (const char* extension : {".gpkg", ".geojson", ".csv"}) {
        SCOPED_TRACE(extension);
        const std::string file = path(std::string("rejects") + extension);
        write_layer(file, "rejects", LayerGeometry::point, features);
        auto dataset = open_vector(file, true);
        ASSERT_TRUE(dataset);
        expect_layer(dataset->GetLayer(0), features, std::string(extension) == ".csv");
    }
    // GDAL's FlatGeobuf driver drops such features: refuse instead of losing them.
    {
        VectorWriter writer(path("rejects.fgb"), {});
        writer.add_layer("rejects", LayerGeometry::point, fields);
        writer.write(model::Point{1.0, 2.0}, features[0].row);
        EXPECT_THROW(writer.write(std::monostate{}, features[1].row), DataError);
    }
    {
        VectorWriter writer(path("table.fgb"), {});
        EXPECT_THROW(writer.add_layer("table", LayerGeometry::none, fields), UsageError);
    }
    EXPECT_FALSE(fs::exists(path("rejects.fgb")));

    // A table without geometry in a GeoPackage.
    {
        VectorWriter writer(path("table.gpkg"), {});
        writer.add_layer("table", LayerGeometry::none, fields);
        writer.write(std::monostate{}, features[1].row);
        writer.commit();
    }
    auto dataset = open_vector(path("table.gpkg"));
    ASSERT_TRUE(dataset);
    EXPECT_EQ(dataset->GetLayer(0)->GetGeomType(), wkbNone);
    expect_layer(dataset->GetLayer(0), {features[1]}, false);
}

TEST_F(VectorWriterTest, TwoLayersInOneGeoPackage) {
    {
        VectorWriter writer(path("both.gpkg"), write_options(false, {}, "EPSG:3006"));
        writer.add_layer("points", LayerGeometry::point, fields);
        for (const Expected& f : point_features()) writer.write(f.geometry, f.row);
        writer.add_layer("polygons", LayerGeometry::polygon, fields);
        EXPECT_EQ(writer.features_written(), 0);
        for (const Expected& f : polygon_features()) writer.write(f.geometry, f.row);
        writer.commit();
    }
    auto dataset = open_vector(path("both.gpkg"));
    ASSERT_TRUE(dataset);
    ASSERT_EQ(dataset->GetLayerCount(), 2);
    expect_layer(dataset->GetLayerByName("points"), point_features(), false);
    expect_layer(dataset->GetLayerByName("polygons"), polygon_features(), false);
    expect_sweref(dataset->GetLayerByName("polygons"));
}

TEST_F(VectorWriterTest, SingleLayerFormatsRefuseASecondLayer) {
    for (const char* extension : {".geojson", ".fgb", ".csv"}) {
        SCOPED_TRACE(extension);
        VectorWriter writer(path(std::string("one") + extension), {});
        writer.add_layer("first", LayerGeometry::point, fields);
        EXPECT_THROW(writer.add_layer("second", LayerGeometry::point, fields), UsageError);
    }
    EXPECT_TRUE(directory_listing().empty());
}

TEST_F(VectorWriterTest, ExistingOutputAndInputs) {
    write_layer(path("out.gpkg"), "old", LayerGeometry::point, point_features());
    const auto before = fs::file_size(path("out.gpkg"));
    const auto mtime = fs::last_write_time(path("out.gpkg"));
    try {
        VectorWriter writer(path("out.gpkg"), {});
        FAIL() << "no exception";
    } catch (const UsageError& error) {
        EXPECT_NE(std::string(error.what()).find("exists; use --overwrite"), std::string::npos);
    }
    EXPECT_EQ(fs::file_size(path("out.gpkg")), before);
    EXPECT_EQ(fs::last_write_time(path("out.gpkg")), mtime);

    // With overwrite the old file is replaced as a whole.
    write_layer(path("out.gpkg"), "new", LayerGeometry::line, line_features(),
                write_options(true, {}, "EPSG:3006"));
    {
        auto dataset = open_vector(path("out.gpkg"));
        ASSERT_TRUE(dataset);
        EXPECT_EQ(dataset->GetLayerCount(), 1);
        EXPECT_EQ(dataset->GetLayerByName("old"), nullptr);
        expect_layer(dataset->GetLayerByName("new"), line_features(), false);
    }

    // An input, even with overwrite.
    const WriteOptions options = write_options(true, {path("out.gpkg")});
    EXPECT_THROW(VectorWriter(path("./out.gpkg"), options), UsageError);
    EXPECT_EQ(directory_listing(), std::vector<std::string>{"out.gpkg"});
}

TEST_F(VectorWriterTest, NoCommitNoFile) {
    for (const char* extension : {".gpkg", ".geojson", ".fgb", ".csv"}) {
        SCOPED_TRACE(extension);
        VectorWriter writer(path(std::string("unfinished") + extension), {});
        writer.add_layer("points", LayerGeometry::point, fields);
        for (const Expected& f : point_features()) writer.write(f.geometry, f.row);
        // The temporary file exists meanwhile (FlatGeobuf keeps its features elsewhere
        // until it writes the sorted file on close).
        if (std::string(extension) != ".fgb") {
            EXPECT_FALSE(directory_listing().empty());
        }
    }
    EXPECT_TRUE(directory_listing().empty());

    // A failure in the middle of writing: the exception unwinds, nothing is left.
    try {
        VectorWriter writer(path("failing.gpkg"), {});
        writer.add_layer("points", LayerGeometry::point, fields);
        writer.write(model::Point{1, 2}, point_features()[0].row);
        writer.write(model::Point{NAN, 2}, point_features()[0].row);
        FAIL() << "no exception";
    } catch (const DataError& error) {
        EXPECT_EQ(error.location().source, path("failing.gpkg"));
        EXPECT_EQ(error.location().layer, "points");
        EXPECT_EQ(error.location().feature, 2);
    }
    EXPECT_TRUE(directory_listing().empty());
}

TEST_F(VectorWriterTest, MisuseIsReported) {
    VectorWriter writer(path("misuse.gpkg"), {});
    EXPECT_THROW(writer.write(model::Point{1, 2}, {}), UsageError);  // no layer yet
    writer.add_layer("points", LayerGeometry::point, fields);
    EXPECT_THROW(writer.write(model::Point{1, 2}, {std::int64_t{1}}), UsageError);  // short row
    EXPECT_THROW(writer.write(model::MultiLineString{{{0, 0}, {1, 1}}}, point_features()[0].row),
                 UsageError);
    model::AttributeRow bad_date = point_features()[0].row;
    bad_date[3] = std::string("last tuesday");
    try {
        writer.write(model::Point{1, 2}, bad_date);
        FAIL() << "no exception";
    } catch (const DataError& error) {
        EXPECT_EQ(error.location().field, "opened");
    }
    EXPECT_THROW(VectorWriter(path("x.gpkg"), write_options(false, {}, "EPSG:99999")), UsageError);
    EXPECT_THROW(VectorWriter(path("x.shp"), {}), UsageError);
    EXPECT_THROW(VectorWriter(path("missing/x.gpkg"), {}), UsageError);
}

TEST_F(VectorWriterTest, HundredThousandPointsInOneTransaction) {
    constexpr int n = 100000;
    const auto start = std::chrono::steady_clock::now();
    {
        VectorWriter writer(path("many.gpkg"), write_options(false, {}, "EPSG:3006"));
        writer.add_layer("points", LayerGeometry::point, {{"i", FieldType::integer}});
        for (int i = 0; i < n; ++i) {
            writer.write(model::Point{500000.0 + i % 1000, 6600000.0 + i / 1000},
                         {std::int64_t{i}});
        }
        writer.commit();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // One transaction per feature would take minutes; generous bound for slow machines.
    EXPECT_LT(seconds, 30.0);
    auto dataset = open_vector(path("many.gpkg"));
    ASSERT_TRUE(dataset);
    OGRLayer* layer = dataset->GetLayer(0);
    EXPECT_EQ(layer->GetFeatureCount(), n);
    OGRFeatureUniquePtr last(layer->GetFeature(n));  // GeoPackage FIDs start at 1
    ASSERT_TRUE(last);
    EXPECT_EQ(last->GetFieldAsInteger64(0), n - 1);
}
