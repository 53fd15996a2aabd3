#include "trygg/io/raster_writer.hpp"

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <array>
#include <cmath>
#include <mutex>
#include <utility>

#include "io/detail/gdal_errors.hpp"
#include "trygg/error.hpp"
#include "trygg/io/gdal_setup.hpp"

namespace trygg::io {

namespace {

using detail::gdal_message;
using detail::QuietGdal;


constexpr int tile_size = 256;

GDALDatasetUniquePtr open_raster(const std::string& path) {
    ensure_gdal();
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!dataset) {
        throw DataError("cannot open as a raster: " + gdal_message("unknown error"),
                        ErrorLocation{path, {}, {}, {}});
    }
    return dataset;
}

}  // namespace

void write_geotiff(const std::string& path, const RasterGrid& grid, std::span<const float> values,
                   float nodata, const std::string& crs, const WriteOptions& options) {
    const ErrorLocation where{path, {}, {}, {}};
    if (grid.columns <= 0 || grid.rows <= 0) {
        throw UsageError("raster of " + std::to_string(grid.columns) + " x " +
                             std::to_string(grid.rows) + " cells",
                         where);
    }
    if (!(grid.cell > 0.0) || !std::isfinite(grid.cell) || !std::isfinite(grid.origin_x) ||
        !std::isfinite(grid.origin_y)) {
        throw UsageError("raster grid needs a finite origin and a positive cell size", where);
    }
    const std::size_t cell_count =
        static_cast<std::size_t>(grid.columns) * static_cast<std::size_t>(grid.rows);
    if (values.size() != cell_count) {
        throw UsageError(std::to_string(values.size()) + " values for a grid of " +
                             std::to_string(cell_count) + " cells",
                         where);
    }

    ensure_gdal();
    QuietGdal quiet;

    const std::string& definition = crs.empty() ? options.crs : crs;
    OGRSpatialReference srs;
    if (!definition.empty()) {
        if (srs.SetFromUserInput(definition.c_str()) != OGRERR_NONE) {
            throw UsageError("unknown CRS '" + definition + "'", where);
        }
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }

    AtomicOutput output(path, options);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (driver == nullptr) throw DataError("GDAL has no GTiff driver", where);

    CPLStringList creation_options;
    creation_options.SetNameValue("COMPRESS", "DEFLATE");
    // Predictor 3 (floating point) stores byte-planed differences of neighbouring floats,
    // which DEFLATE compresses far better than the raw IEEE values of a smooth surface.
    creation_options.SetNameValue("PREDICTOR", "3");
    if (grid.columns > tile_size || grid.rows > tile_size) {
        creation_options.SetNameValue("TILED", "YES");
        creation_options.SetNameValue("BLOCKXSIZE", std::to_string(tile_size).c_str());
        creation_options.SetNameValue("BLOCKYSIZE", std::to_string(tile_size).c_str());
    }
    // Beyond 4 GiB a classic TIFF overflows; GDAL decides from the uncompressed size.
    creation_options.SetNameValue("BIGTIFF", "IF_SAFER");

    {
        GDALDatasetUniquePtr dataset(driver->Create(output.temp_path().c_str(), grid.columns,
                                                    grid.rows, 1, GDT_Float32,
                                                    creation_options.List()));
        if (!dataset) {
            throw DataError("cannot create the file: " + gdal_message("unknown error"), where);
        }
        std::array<double, 6> geotransform{grid.origin_x, grid.cell, 0.0,
                                           grid.origin_y, 0.0,       -grid.cell};
        if (dataset->SetGeoTransform(geotransform.data()) != CE_None) {
            throw DataError("cannot set the geotransform: " + gdal_message("unknown error"),
                            where);
        }
        if (!definition.empty() && dataset->SetSpatialRef(&srs) != CE_None) {
            throw DataError("cannot set the CRS: " + gdal_message("unknown error"), where);
        }
        GDALRasterBand* band = dataset->GetRasterBand(1);
        if (band->SetNoDataValue(static_cast<double>(nodata)) != CE_None) {
            throw DataError("cannot set the nodata value: " + gdal_message("unknown error"),
                            where);
        }
        // GDAL's RasterIO takes a non-const buffer even for writing; it does not modify it.
        if (band->RasterIO(GF_Write, 0, 0, grid.columns, grid.rows,
                           const_cast<float*>(values.data()), grid.columns, grid.rows,
                           GDT_Float32, 0, 0, nullptr) != CE_None) {
            throw DataError("cannot write the cells: " + gdal_message("unknown error"), where);
        }
        // Compression and the final directory are written on close; GDAL 3.6 reports a
        // failure there only through the error state.
        CPLErrorReset();
    }
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
        throw DataError("cannot finish the file: " + gdal_message("unknown error"), where);
    }
    output.commit();
}

RasterGrid read_grid_like(const std::string& raster_path) {
    QuietGdal quiet;
    GDALDatasetUniquePtr dataset = open_raster(raster_path);
    const ErrorLocation where{raster_path, {}, {}, {}};
    std::array<double, 6> gt{};
    if (dataset->GetGeoTransform(gt.data()) != CE_None) {
        throw DataError("raster has no geotransform", where);
    }
    // A RasterGrid is north-up with square cells; refuse anything it would misrepresent.
    const double width = gt[1];
    const double height = -gt[5];
    if (gt[2] != 0.0 || gt[4] != 0.0) throw DataError("raster grid is rotated", where);
    if (!(width > 0.0) || !(height > 0.0)) {
        throw DataError("raster grid is not north-up (negative cell size)", where);
    }
    if (std::abs(width - height) > 1e-9 * width) {
        throw DataError("raster cells are not square (" + std::to_string(width) + " x " +
                            std::to_string(height) + ")",
                        where);
    }
    return RasterGrid{gt[0], gt[3], width, dataset->GetRasterXSize(), dataset->GetRasterYSize()};
}

std::string raster_crs(const std::string& raster_path) {
    QuietGdal quiet;
    GDALDatasetUniquePtr dataset = open_raster(raster_path);
    const OGRSpatialReference* srs = dataset->GetSpatialRef();
    if (srs == nullptr || srs->IsEmpty()) return {};
    const char* authority = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    if (authority != nullptr && code != nullptr) return std::string(authority) + ":" + code;
    const char* const wkt_options[] = {"FORMAT=WKT2_2019", nullptr};
    char* wkt = nullptr;
    if (srs->exportToWkt(&wkt, wkt_options) != OGRERR_NONE || wkt == nullptr) {
        CPLFree(wkt);
        throw DataError("cannot export the raster's CRS: " + gdal_message("unknown error"),
                        ErrorLocation{raster_path, {}, {}, {}});
    }
    std::string result(wkt);
    CPLFree(wkt);
    return result;
}

}  // namespace trygg::io
