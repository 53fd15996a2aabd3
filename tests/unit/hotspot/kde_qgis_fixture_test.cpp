// Our kernel density against rasters made by QGIS 3.22.16's qgis:heatmapkerneldensityestimation
// (tests/data/qgis_heatmap/README.md has the commands).

#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "trygg/hotspot/kernel_density.hpp"

namespace trygg::hotspot {
namespace {

const std::string kDir = std::string(TRYGG_TEST_DATA) + "/qgis_heatmap/";

struct FixturePoints {
    std::vector<model::Point> points;
    std::vector<double> weights;
    std::vector<double> radii;
    model::Box extent{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                      std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
};

FixturePoints read_points() {
    GDALAllRegister();
    FixturePoints out;
    GDALDatasetH ds = GDALOpenEx((kDir + "points.geojson").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    if (ds == nullptr) return out;
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int w_field = OGR_FD_GetFieldIndex(defn, "w");
    const int r_field = OGR_FD_GetFieldIndex(defn, "r");
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        const model::Point p{OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)};
        out.points.push_back(p);
        out.weights.push_back(OGR_F_GetFieldAsDouble(f, w_field));
        out.radii.push_back(OGR_F_GetFieldAsDouble(f, r_field));
        out.extent.min_x = std::min(out.extent.min_x, p.x);
        out.extent.min_y = std::min(out.extent.min_y, p.y);
        out.extent.max_x = std::max(out.extent.max_x, p.x);
        out.extent.max_y = std::max(out.extent.max_y, p.y);
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return out;
}

struct Raster {
    GridSpec grid;
    std::vector<float> values;  // QGIS's no-data (-9999, cells no point reached) read as 0
};

Raster read_raster(const std::string& name) {
    Raster out;
    GDALDatasetH ds = GDALOpen((kDir + name).c_str(), GA_ReadOnly);
    if (ds == nullptr) return out;
    std::array<double, 6> gt{};
    GDALGetGeoTransform(ds, gt.data());
    EXPECT_EQ(gt[1], -gt[5]);  // square cells, north up
    EXPECT_EQ(gt[2], 0.0);
    EXPECT_EQ(gt[4], 0.0);
    out.grid = GridSpec{.origin_x = gt[0], .origin_y = gt[3], .cell = gt[1],
                        .columns = GDALGetRasterXSize(ds), .rows = GDALGetRasterYSize(ds)};
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    int has_nodata = 0;
    const double nodata = GDALGetRasterNoDataValue(band, &has_nodata);
    out.values.resize(static_cast<std::size_t>(out.grid.columns) * static_cast<std::size_t>(out.grid.rows));
    const CPLErr err = GDALRasterIO(band, GF_Read, 0, 0, out.grid.columns, out.grid.rows, out.values.data(),
                                    out.grid.columns, out.grid.rows, GDT_Float32, 0, 0);
    EXPECT_EQ(err, CE_None);
    if (has_nodata)
        for (float& v : out.values)
            if (v == static_cast<float>(nodata)) v = 0.0f;
    GDALClose(ds);
    return out;
}

struct Case {
    const char* file;
    Kernel kernel;
    double decay;
    bool radius_field;
};

constexpr double kRadius = 300.0;
constexpr double kPixel = 25.0;

class QgisHeatmap : public ::testing::TestWithParam<Case> {};

TEST_P(QgisHeatmap, QgisModeEqualsQgisOnEveryCell) {
    const Case c = GetParam();
    const FixturePoints in = read_points();
    ASSERT_EQ(in.points.size(), 30u);
    const Raster qgis = read_raster(c.file);
    ASSERT_FALSE(qgis.values.empty()) << c.file;

    // QGIS pads by the largest radius when radii come from a field.
    const double pad = c.radius_field ? *std::max_element(in.radii.begin(), in.radii.end()) : kRadius;
    // Our default grid is QGIS's grid.
    const GridSpec ours_grid = grid_around(in.extent, pad, kPixel);
    EXPECT_EQ(ours_grid.origin_x, qgis.grid.origin_x);
    EXPECT_EQ(ours_grid.origin_y, qgis.grid.origin_y);
    EXPECT_EQ(ours_grid.cell, qgis.grid.cell);
    EXPECT_EQ(ours_grid.columns, qgis.grid.columns);
    EXPECT_EQ(ours_grid.rows, qgis.grid.rows);

    KdeParams params;
    params.radius = kRadius;
    params.kernel = c.kernel;
    params.decay = c.decay;
    params.weights = in.weights;
    if (c.radius_field) params.radii = in.radii;
    params.qgis_quirks = qgis_quirks_for(in.extent, pad);
    const auto ours = kernel_density(in.points, qgis.grid, params);
    ASSERT_EQ(ours.size(), qgis.values.size());
    int nonzero = 0;
    for (std::size_t k = 0; k < ours.size(); ++k) {
        const double a = ours[k], b = qgis.values[k];
        // 1e-4 relative; the 1e-7 floor only matters for values QGIS summed in float32 that
        // are themselves ~1e-7 (kernel tails).
        ASSERT_NEAR(a, b, 1e-4 * std::max(std::abs(a), std::abs(b)) + 1e-7)
            << c.file << " cell row " << k / static_cast<std::size_t>(qgis.grid.columns) << " col "
            << k % static_cast<std::size_t>(qgis.grid.columns);
        if (b != 0.0) ++nonzero;
    }
    EXPECT_GT(nonzero, 1000);

    // Without the QGIS mode our surface is the exact one, which differs from QGIS's vertically
    // shifted kernels (if a future QGIS fixes qgskde.cpp, regenerated rasters trip this).
    params.qgis_quirks.reset();
    const auto exact = kernel_density(in.points, qgis.grid, params);
    double largest_difference = 0.0;
    for (std::size_t k = 0; k < exact.size(); ++k)
        largest_difference = std::max(largest_difference, std::abs(static_cast<double>(exact[k]) - qgis.values[k]));
    EXPECT_GT(largest_difference, 1e-2);
}

INSTANTIATE_TEST_SUITE_P(
    Kernels, QgisHeatmap,
    ::testing::Values(Case{"quartic.tif", Kernel::quartic, 0.0, false},
                      Case{"triangular_decay05.tif", Kernel::triangular, 0.5, false},
                      Case{"uniform.tif", Kernel::uniform, 0.0, false},
                      Case{"triweight.tif", Kernel::triweight, 0.0, false},
                      Case{"epanechnikov.tif", Kernel::epanechnikov, 0.0, false},
                      Case{"quartic_radius_field.tif", Kernel::quartic, 0.0, true}),
    [](const ::testing::TestParamInfo<Case>& param_info) {
        std::string name = param_info.param.file;
        name = name.substr(0, name.find('.'));
        return name;
    });

}  // namespace
}  // namespace trygg::hotspot
