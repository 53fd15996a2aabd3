#include "trygg/io/raster_writer.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "support/scratch.hpp"
#include "trygg/error.hpp"
#include "trygg/io/crs.hpp"

using namespace trygg;
using namespace trygg::io;
namespace fs = std::filesystem;

namespace {

using trygg::test::write_options;

class RasterWriterTest : public ::testing::Test {
protected:
    void SetUp() override {
        GDALAllRegister();
        dir_ = trygg::test::make_scratch_dir("rw");
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::size_t file_count() const {
        return static_cast<std::size_t>(
            std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
    }

    fs::path dir_;
};

GDALDatasetUniquePtr open_raster(const std::string& file) {
    GDALDatasetUniquePtr dataset(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    EXPECT_TRUE(dataset) << file;
    return dataset;
}

// A 5 x 3 grid of 25 m cells whose value tells its position: 10*row + column, and nodata in
// the middle.
constexpr float nodata = -9999.0f;
const RasterGrid small_grid{569000.0, 6610000.0, 25.0, 5, 3};
std::vector<float> small_values() {
    std::vector<float> values;
    for (int row = 0; row < 3; ++row) {
        for (int column = 0; column < 5; ++column) {
            values.push_back(static_cast<float>(10 * row + column) + 0.5f);
        }
    }
    values[7] = nodata;
    return values;
}

}  // namespace

TEST_F(RasterWriterTest, GeoTiffReadsBackWithGdal) {
    const std::vector<float> values = small_values();
    write_geotiff(path("density.tif"), small_grid, values, nodata, "EPSG:3006", {});
    EXPECT_EQ(file_count(), 1u);

    auto dataset = open_raster(path("density.tif"));
    ASSERT_TRUE(dataset);
    EXPECT_STREQ(dataset->GetDriver()->GetDescription(), "GTiff");
    EXPECT_EQ(dataset->GetRasterXSize(), 5);
    EXPECT_EQ(dataset->GetRasterYSize(), 3);
    ASSERT_EQ(dataset->GetRasterCount(), 1);

    std::array<double, 6> gt{};
    ASSERT_EQ(dataset->GetGeoTransform(gt.data()), CE_None);
    EXPECT_EQ(gt, (std::array<double, 6>{569000.0, 25.0, 0.0, 6610000.0, 0.0, -25.0}));

    const OGRSpatialReference* srs = dataset->GetSpatialRef();
    ASSERT_NE(srs, nullptr);
    OGRSpatialReference sweref;
    sweref.importFromEPSG(3006);
    const char* const ignore_axis_mapping[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
    EXPECT_TRUE(srs->IsSame(&sweref, ignore_axis_mapping));

    GDALRasterBand* band = dataset->GetRasterBand(1);
    EXPECT_EQ(band->GetRasterDataType(), GDT_Float32);
    int has_nodata = 0;
    EXPECT_EQ(band->GetNoDataValue(&has_nodata), static_cast<double>(nodata));
    EXPECT_TRUE(has_nodata);

    std::vector<float> read(values.size());
    ASSERT_EQ(band->RasterIO(GF_Read, 0, 0, 5, 3, read.data(), 5, 3, GDT_Float32, 0, 0, nullptr),
              CE_None);
    EXPECT_EQ(read, values);
    // Top row first: the pixel at column 3, row 2 is 23.5.
    EXPECT_EQ(read[2 * 5 + 3], 23.5f);

    const char* compression = dataset->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE");
    ASSERT_NE(compression, nullptr);
    EXPECT_STREQ(compression, "DEFLATE");
    const char* predictor = dataset->GetMetadataItem("PREDICTOR", "IMAGE_STRUCTURE");
    ASSERT_NE(predictor, nullptr);
    EXPECT_STREQ(predictor, "3");
}

TEST_F(RasterWriterTest, LargeRastersAreTiled) {
    const RasterGrid grid{0.0, 1000.0, 1.0, 600, 300};
    std::vector<float> values(600 * 300);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<float>(i % 977);
    write_geotiff(path("big.tif"), grid, values, -1.0f, "EPSG:32619", {});
    auto dataset = open_raster(path("big.tif"));
    ASSERT_TRUE(dataset);
    int block_x = 0, block_y = 0;
    dataset->GetRasterBand(1)->GetBlockSize(&block_x, &block_y);
    EXPECT_EQ(block_x, 256);
    EXPECT_EQ(block_y, 256);
    std::vector<float> read(values.size());
    ASSERT_EQ(dataset->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, 600, 300, read.data(), 600, 300,
                                                  GDT_Float32, 0, 0, nullptr),
              CE_None);
    EXPECT_EQ(read, values);
}

TEST_F(RasterWriterTest, ReadGridLikeRoundTrip) {
    write_geotiff(path("a.tif"), small_grid, small_values(), nodata, "EPSG:3006", {});
    const RasterGrid grid = read_grid_like(path("a.tif"));
    EXPECT_EQ(grid.origin_x, small_grid.origin_x);
    EXPECT_EQ(grid.origin_y, small_grid.origin_y);
    EXPECT_EQ(grid.cell, small_grid.cell);
    EXPECT_EQ(grid.columns, small_grid.columns);
    EXPECT_EQ(grid.rows, small_grid.rows);
    EXPECT_EQ(raster_crs(path("a.tif")), "EPSG:3006");

    // Written like another raster: the same grid and CRS again.
    write_geotiff(path("b.tif"), grid, small_values(), nodata, raster_crs(path("a.tif")), {});
    const RasterGrid again = read_grid_like(path("b.tif"));
    EXPECT_EQ(again.origin_x, grid.origin_x);
    EXPECT_EQ(again.cell, grid.cell);
    EXPECT_EQ(again.rows, grid.rows);

    // A CRS without a code comes back as WKT that PROJ accepts.
    const std::string custom = "+proj=tmerc +lat_0=0 +lon_0=16.123 +k=1 +x_0=12345 +y_0=0 "
                               "+ellps=GRS80 +units=m +no_defs +type=crs";
    write_geotiff(path("c.tif"), grid, small_values(), nodata, custom, {});
    const std::string wkt = raster_crs(path("c.tif"));
    EXPECT_NE(wkt.find("16.123"), std::string::npos) << wkt;
    const CoordinateTransform a(wkt, "EPSG:4326");
    const CoordinateTransform b(custom, "EPSG:4326");
    const model::Point pa = a.transform(model::Point{12345.0, 6600000.0});
    const model::Point pb = b.transform(model::Point{12345.0, 6600000.0});
    EXPECT_NEAR(pa.x, pb.x, 1e-9);
    EXPECT_NEAR(pa.y, pb.y, 1e-9);
    EXPECT_NEAR(pa.x, 16.123, 1e-9);  // on the central meridian

    // Options.crs is used when no CRS is given explicitly; no CRS at all gives "".
    write_geotiff(path("d.tif"), grid, small_values(), nodata, "", write_options(false, {}, "EPSG:32633"));
    EXPECT_EQ(raster_crs(path("d.tif")), "EPSG:32633");
    write_geotiff(path("e.tif"), grid, small_values(), nodata, "", {});
    EXPECT_EQ(raster_crs(path("e.tif")), "");
}

TEST_F(RasterWriterTest, UnreadableOrUnrepresentableRasters) {
    EXPECT_THROW(read_grid_like(path("missing.tif")), DataError);
    EXPECT_THROW(raster_crs(path("missing.tif")), DataError);
    std::ofstream(path("text.tif")) << "not a tiff";
    EXPECT_THROW(read_grid_like(path("text.tif")), DataError);

    // A rotated grid, written with GDAL directly.
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
        GDALDatasetUniquePtr dataset(
            driver->Create(path("rotated.tif").c_str(), 4, 4, 1, GDT_Float32, nullptr));
        ASSERT_TRUE(dataset);
        std::array<double, 6> gt{0.0, 10.0, 1.0, 100.0, 1.0, -10.0};
        dataset->SetGeoTransform(gt.data());
    }
    EXPECT_THROW(read_grid_like(path("rotated.tif")), DataError);
}

TEST_F(RasterWriterTest, RefusedWrites) {
    const std::vector<float> values = small_values();
    // Wrong number of values, empty grid, bad cell size, unknown CRS.
    EXPECT_THROW(write_geotiff(path("x.tif"), small_grid, std::span(values).first(14), nodata,
                               "EPSG:3006", {}),
                 UsageError);
    EXPECT_THROW(write_geotiff(path("x.tif"), RasterGrid{0, 0, 1, 0, 3}, {}, nodata, "", {}),
                 UsageError);
    EXPECT_THROW(write_geotiff(path("x.tif"), RasterGrid{0, 0, -1, 5, 3}, values, nodata, "", {}),
                 UsageError);
    EXPECT_THROW(write_geotiff(path("x.tif"), small_grid, values, nodata, "EPSG:99999", {}),
                 UsageError);
    EXPECT_EQ(file_count(), 0u);

    // Existing output without overwrite; with overwrite; an input never.
    std::ofstream(path("old.tif")) << "old";
    EXPECT_THROW(write_geotiff(path("old.tif"), small_grid, values, nodata, "EPSG:3006", {}),
                 UsageError);
    EXPECT_EQ(fs::file_size(path("old.tif")), 3u);
    write_geotiff(path("old.tif"), small_grid, values, nodata, "EPSG:3006", write_options(true));
    EXPECT_EQ(read_grid_like(path("old.tif")).columns, 5);
    EXPECT_THROW(write_geotiff(path("old.tif"), small_grid, values, nodata, "EPSG:3006",
                               write_options(true, {path("old.tif")})),
                 UsageError);
    EXPECT_EQ(file_count(), 1u);
}

TEST_F(RasterWriterTest, EveryCompressionKeepsTheValuesAndIsRepeatable) {
    // 600 x 300 cells: 3 x 2 tiles of 256, the right and bottom ones partial. The second write
    // compresses on three threads, where tiles may finish out of order: the bytes must not change.
    const RasterGrid grid{0.0, 1000.0, 1.0, 600, 300};
    std::vector<float> values(600 * 300);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = static_cast<float>(i % 977) * 0.37f - 11.0f;
    const std::pair<const char*, const char*> cases[] = {
        {"deflate", "DEFLATE"}, {"zstd", "ZSTD"}, {"lzw", "LZW"}, {"none", nullptr}};
    for (const auto& [name, gdal_name] : cases) {
        SCOPED_TRACE(name);
        const auto compression = raster_compression_from_string(name);
        ASSERT_TRUE(compression.has_value());
        const std::string first = path(std::string(name) + "1.tif");
        const std::string second = path(std::string(name) + "2.tif");
        write_geotiff(first, grid, values, -1.0f, "EPSG:32619", {}, *compression);
        write_geotiff(second, grid, values, -1.0f, "EPSG:32619", {}, *compression, 3);
        {
            auto dataset = open_raster(first);
            ASSERT_TRUE(dataset);
            const char* found = dataset->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE");
            if (gdal_name == nullptr) {
                EXPECT_EQ(found, nullptr);
            } else {
                ASSERT_NE(found, nullptr);
                EXPECT_STREQ(found, gdal_name);
            }
            std::vector<float> read(values.size());
            ASSERT_EQ(dataset->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, 600, 300, read.data(), 600,
                                                          300, GDT_Float32, 0, 0, nullptr),
                      CE_None);
            EXPECT_EQ(read, values);
        }
        std::ifstream a(first, std::ios::binary), b(second, std::ios::binary);
        const std::string bytes_a{std::istreambuf_iterator<char>(a), {}};
        const std::string bytes_b{std::istreambuf_iterator<char>(b), {}};
        EXPECT_FALSE(bytes_a.empty());
        EXPECT_TRUE(bytes_a == bytes_b) << "one thread and three threads wrote different bytes";
    }
    EXPECT_FALSE(raster_compression_from_string("DEFLATE").has_value());
    EXPECT_FALSE(raster_compression_from_string("jpeg").has_value());
}
