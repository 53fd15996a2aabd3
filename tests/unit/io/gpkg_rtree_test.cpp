// The GeoPackage spatial index VectorWriter packs in bulk (io/detail/gpkg_rtree.hpp), checked
// against SQLite's own r-tree integrity check, against brute-force window queries, against
// GDAL's reading of the index, and after later edits through GDAL (the triggers).

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "support/scratch.hpp"
#include "trygg/io/vector_writer.hpp"

using namespace trygg;
using namespace trygg::io;
using model::FieldType;
namespace fs = std::filesystem;

namespace {

// Read-only SQL on a finished file, with plain sqlite3 (no GDAL in between).
class Sql {
public:
    explicit Sql(const std::string& path) {
        EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    }
    ~Sql() { sqlite3_close(db_); }
    Sql(const Sql&) = delete;
    Sql& operator=(const Sql&) = delete;

    std::vector<std::vector<std::string>> rows(const std::string& sql) const {
        std::vector<std::vector<std::string>> out;
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
            ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
            return out;
        }
        while (sqlite3_step(statement) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int c = 0; c < sqlite3_column_count(statement); ++c) {
                const auto* text = sqlite3_column_text(statement, c);
                row.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "NULL");
            }
            out.push_back(std::move(row));
        }
        sqlite3_finalize(statement);
        return out;
    }
    std::string value(const std::string& sql) const {
        const auto r = rows(sql);
        return r.empty() || r[0].empty() ? "<no row>" : r[0][0];
    }

private:
    sqlite3* db_ = nullptr;
};

struct Box {
    double min_x, min_y, max_x, max_y;
};

class GpkgRtreeTest : public ::testing::Test {
protected:
    void SetUp() override {
        GDALAllRegister();
        dir_ = trygg::test::make_scratch_dir("rtree");
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    fs::path dir_;
};

// Points spread over 10 km with clusters and exact duplicates, every 97th without geometry.
std::vector<model::Geometry> mixed_points(std::size_t n, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 10000.0);
    std::normal_distribution<double> g(0.0, 30.0);
    std::vector<model::Geometry> out;
    model::Point centre{u(rng), u(rng)};
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 97 == 13) {
            out.emplace_back(std::monostate{});
            continue;
        }
        if (i % 500 == 0) centre = {u(rng), u(rng)};
        if (i % 11 == 5 && i > 0 && std::holds_alternative<model::Point>(out.back())) {
            out.push_back(out.back());  // a duplicate
            continue;
        }
        model::Point p = i % 3 == 0 ? model::Point{u(rng), u(rng)} : model::Point{centre.x + g(rng), centre.y + g(rng)};
        out.emplace_back(model::Point{560000.0 + p.x, 6600000.0 + p.y});
    }
    return out;
}

void write_points(const std::string& file, const std::vector<model::Geometry>& geometries) {
    VectorWriter writer(file, trygg::test::write_options(false, {}, "EPSG:3006"));
    writer.add_layer("points", LayerGeometry::point, {{"i", FieldType::integer}});
    for (std::size_t i = 0; i < geometries.size(); ++i) writer.write(geometries[i], {static_cast<std::int64_t>(i)});
    writer.commit();
}

// FIDs of the features whose point lies in the window, by brute force (FID = input index + 1).
std::vector<std::int64_t> brute_window(const std::vector<model::Geometry>& geometries, const Box& w) {
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < geometries.size(); ++i) {
        const auto* p = std::get_if<model::Point>(&geometries[i]);
        if (p != nullptr && p->x >= w.min_x && p->x <= w.max_x && p->y >= w.min_y && p->y <= w.max_y) {
            out.push_back(static_cast<std::int64_t>(i) + 1);
        }
    }
    return out;
}

TEST_F(GpkgRtreeTest, PackedIndexPassesSqliteCheckAndAnswersWindowsExactly) {
    const auto geometries = mixed_points(30000, 7);
    write_points(path("p.gpkg"), geometries);
    const Sql sql(path("p.gpkg"));

    // SQLite's own checker: node sizes, parent/rowid tables, child boxes inside parent cells.
    EXPECT_EQ(sql.value("SELECT rtreecheck('rtree_points_geom')"), "ok");
    const auto with_geometry = static_cast<std::size_t>(
        std::count_if(geometries.begin(), geometries.end(),
                      [](const model::Geometry& g) { return std::holds_alternative<model::Point>(g); }));
    EXPECT_EQ(sql.value("SELECT count(*) FROM rtree_points_geom"), std::to_string(with_geometry));
    // 30000 points at 51 per node need three levels below the root.
    EXPECT_GE(std::stoi(sql.value("SELECT count(*) FROM rtree_points_geom_node")), 30000 / 51);

    // Every stored box is the tightest float box around its point.
    std::size_t checked = 0;
    for (const auto& row : sql.rows("SELECT id, minx, maxx, miny, maxy FROM rtree_points_geom")) {
        const auto i = static_cast<std::size_t>(std::stoll(row[0]) - 1);
        ASSERT_LT(i, geometries.size());
        const auto* p = std::get_if<model::Point>(&geometries[i]);
        ASSERT_NE(p, nullptr) << "feature " << row[0] << " has no geometry but is indexed";
        const auto min_x = std::stof(row[1]);
        const auto max_x = std::stof(row[2]);
        const auto min_y = std::stof(row[3]);
        const auto max_y = std::stof(row[4]);
        EXPECT_LE(static_cast<double>(min_x), p->x);
        EXPECT_GE(static_cast<double>(max_x), p->x);
        EXPECT_LE(static_cast<double>(min_y), p->y);
        EXPECT_GE(static_cast<double>(max_y), p->y);
        EXPECT_GT(static_cast<double>(std::nextafter(min_x, std::numeric_limits<float>::infinity())), p->x);
        EXPECT_LT(static_cast<double>(std::nextafter(max_x, -std::numeric_limits<float>::infinity())), p->x);
        ++checked;
    }
    EXPECT_EQ(checked, with_geometry);

    // Window queries through the r-tree (SQLite walks our nodes) against brute force. The
    // windows are in whole metres, so float rounding of the boxes cannot move a point across.
    std::mt19937_64 rng(11);
    std::uniform_int_distribution<int> corner(0, 9000);
    std::uniform_int_distribution<int> side(1, 1500);
    for (int k = 0; k < 40; ++k) {
        const double x = 560000.0 + corner(rng);
        const double y = 6600000.0 + corner(rng);
        const Box w{x, y, x + side(rng), y + side(rng)};
        std::vector<std::int64_t> expected;
        for (const auto fid : brute_window(geometries, w)) expected.push_back(fid);
        std::vector<std::int64_t> got;
        for (const auto& row : sql.rows("SELECT id FROM rtree_points_geom WHERE minx >= " + std::to_string(w.min_x) +
                                        " AND maxx <= " + std::to_string(w.max_x) + " AND miny >= " +
                                        std::to_string(w.min_y) + " AND maxy <= " + std::to_string(w.max_y))) {
            got.push_back(std::stoll(row[0]));
        }
        std::sort(got.begin(), got.end());
        EXPECT_EQ(got, expected) << "window " << k;
    }
}

TEST_F(GpkgRtreeTest, GdalUsesTheIndexAndItsTriggersKeepItCurrent) {
    const auto geometries = mixed_points(5000, 3);
    write_points(path("p.gpkg"), geometries);
    {
        const Sql sql(path("p.gpkg"));
        EXPECT_EQ(sql.value("SELECT extension_name || ' ' || scope FROM gpkg_extensions WHERE table_name = 'points' "
                            "AND column_name = 'geom'"),
                  "gpkg_rtree_index write-only");
        EXPECT_EQ(sql.value("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                            "'rtree_points_geom_%'"),
                  "6");
    }
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(path("p.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    ASSERT_TRUE(dataset);
    OGRLayer* layer = dataset->GetLayerByName("points");
    ASSERT_NE(layer, nullptr);
    EXPECT_TRUE(layer->TestCapability(OLCFastSpatialFilter)) << "GDAL does not see the spatial index";
    const Box w{562000.0, 6602000.0, 566000.0, 6605000.0};
    layer->SetSpatialFilterRect(w.min_x, w.min_y, w.max_x, w.max_y);
    std::vector<std::int64_t> got;
    for (const auto& feature : *layer) got.push_back(feature->GetFID());
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, brute_window(geometries, w));
    layer->SetSpatialFilter(nullptr);

    // An edit through GDAL goes through the triggers into our tree.
    OGRFeature added(layer->GetLayerDefn());
    added.SetGeometryDirectly(new OGRPoint(564000.5, 6603000.5));
    ASSERT_EQ(layer->CreateFeature(&added), OGRERR_NONE);
    ASSERT_EQ(layer->DeleteFeature(1 + 1), OGRERR_NONE);
    dataset.reset();
    const Sql sql(path("p.gpkg"));
    EXPECT_EQ(sql.value("SELECT rtreecheck('rtree_points_geom')"), "ok");
    EXPECT_EQ(sql.value("SELECT count(*) FROM rtree_points_geom WHERE id = " + std::to_string(added.GetFID())), "1");
    EXPECT_EQ(sql.value("SELECT count(*) FROM rtree_points_geom WHERE id = 2"), "0");
}

TEST_F(GpkgRtreeTest, SmallEmptyAndMixedLayers) {
    VectorWriter writer(path("m.gpkg"), trygg::test::write_options(false, {}, "EPSG:3006"));
    writer.add_layer("empty", LayerGeometry::polygon, {});
    writer.add_layer("few", LayerGeometry::line, {});
    for (int i = 0; i < 10; ++i) {
        const double x = 10.0 * i;
        writer.write(model::MultiLineString{{{x, 0.0}, {x + 3.0, 4.0}, {x - 1.0, 2.5}}}, {});
    }
    writer.write(model::MultiLineString{}, {});  // empty: not indexed
    writer.add_layer("rings", LayerGeometry::polygon, {});
    model::Polygon square;
    square.outer = {{0.0, 0.0}, {5.0, 0.0}, {5.0, 7.0}, {0.0, 7.0}, {0.0, 0.0}};
    writer.write(model::MultiPolygon{square}, {});
    writer.add_layer("table", LayerGeometry::none, {{"i", FieldType::integer}});
    writer.write(std::monostate{}, {std::int64_t{1}});
    writer.commit();

    const Sql sql(path("m.gpkg"));
    for (const std::string name : {"empty", "few", "rings"}) {
        EXPECT_EQ(sql.value("SELECT rtreecheck('rtree_" + name + "_geom')"), "ok") << name;
    }
    EXPECT_EQ(sql.value("SELECT count(*) FROM rtree_empty_geom"), "0");
    EXPECT_EQ(sql.value("SELECT count(*) FROM rtree_few_geom"), "10");
    // Ten lines fit in the root, which is then a leaf (depth 0); boxes span every vertex.
    EXPECT_EQ(sql.value("SELECT hex(substr(data, 1, 4)) FROM rtree_few_geom_node WHERE nodeno = 1"), "0000000A");
    EXPECT_EQ(sql.value("SELECT minx || ' ' || maxx || ' ' || miny || ' ' || maxy FROM rtree_few_geom WHERE id = 3"),
              "19.0 23.0 0.0 4.0");
    EXPECT_EQ(sql.value("SELECT minx || ' ' || maxx || ' ' || miny || ' ' || maxy FROM rtree_rings_geom"),
              "0.0 5.0 0.0 7.0");
    EXPECT_EQ(sql.value("SELECT count(*) FROM sqlite_master WHERE name LIKE 'rtree_table%'"), "0");
    EXPECT_EQ(sql.value("SELECT count(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'"), "3");
}

TEST_F(GpkgRtreeTest, SameInputSameBytes) {
    const auto geometries = mixed_points(20000, 5);
    write_points(path("a.gpkg"), geometries);
    write_points(path("b.gpkg"), geometries);
    std::ifstream a(path("a.gpkg"), std::ios::binary);
    std::ifstream b(path("b.gpkg"), std::ios::binary);
    const std::string bytes_a((std::istreambuf_iterator<char>(a)), std::istreambuf_iterator<char>());
    const std::string bytes_b((std::istreambuf_iterator<char>(b)), std::istreambuf_iterator<char>());
    EXPECT_FALSE(bytes_a.empty());
    EXPECT_TRUE(bytes_a == bytes_b);
}

}  // namespace
