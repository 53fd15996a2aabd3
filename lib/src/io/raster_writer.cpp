#include "trygg/io/raster_writer.hpp"

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <mutex>
#include <utility>
#include <vector>

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

std::optional<RasterCompression> raster_compression_from_string(std::string_view name) {
    if (name == "deflate") return RasterCompression::deflate;
    if (name == "zstd") return RasterCompression::zstd;
    if (name == "lzw") return RasterCompression::lzw;
    if (name == "none") return RasterCompression::none;
    return std::nullopt;
}

void write_geotiff(const std::string& path, const RasterGrid& grid, std::span<const float> values,
                   float nodata, const std::string& crs, const WriteOptions& options,
                   RasterCompression compression, unsigned threads) {
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
    // Level 1 of DEFLATE and ZSTD: the float mantissas' low bits are noise to a compressor, so
    // higher levels spend 1.7x (DEFLATE 6) to 2.4x (ZSTD 9) the time for 3-5 % smaller files.
    switch (compression) {
        case RasterCompression::deflate:
            creation_options.SetNameValue("COMPRESS", "DEFLATE");
            creation_options.SetNameValue("ZLEVEL", "1");
            break;
        case RasterCompression::zstd:
            creation_options.SetNameValue("COMPRESS", "ZSTD");
            creation_options.SetNameValue("ZSTD_LEVEL", "1");
            break;
        case RasterCompression::lzw: creation_options.SetNameValue("COMPRESS", "LZW"); break;
        case RasterCompression::none: break;
    }
    // Predictor 3 (floating point) stores byte-planed differences of neighbouring floats,
    // which compress far better than the raw IEEE values of a smooth surface.
    if (compression != RasterCompression::none) creation_options.SetNameValue("PREDICTOR", "3");
    // GDAL compresses whole tiles on a thread pool and still writes them in order, so the file
    // is byte-identical for any count; compression is most of the writing time.
    if (compression != RasterCompression::none && threads != 1)
        creation_options.SetNameValue("NUM_THREADS", threads == 0 ? "ALL_CPUS" : std::to_string(threads).c_str());
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
        // Block by block through one reused block buffer, straight to the encoder: RasterIO of
        // the whole grid would first copy it into GDAL's block cache (another 16 MB for a
        // 2000 x 2000 grid, every page of it faulted in) and compress on close. Cells of edge
        // blocks beyond the grid are padding no reader sees; they get `nodata`.
        int block_columns = 0, block_rows = 0;
        band->GetBlockSize(&block_columns, &block_rows);
        std::vector<float> block(static_cast<std::size_t>(block_columns) *
                                 static_cast<std::size_t>(block_rows));
        const int blocks_across = (grid.columns + block_columns - 1) / block_columns;
        const int blocks_down = (grid.rows + block_rows - 1) / block_rows;
        for (int by = 0; by < blocks_down; ++by) {
            for (int bx = 0; bx < blocks_across; ++bx) {
                const int x0 = bx * block_columns, y0 = by * block_rows;
                const int width = std::min(block_columns, grid.columns - x0);
                const int height = std::min(block_rows, grid.rows - y0);
                if (width < block_columns || height < block_rows)
                    std::fill(block.begin(), block.end(), nodata);
                for (int r = 0; r < height; ++r) {
                    const auto from = values.begin() +
                                      static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y0 + r) *
                                                                      static_cast<std::size_t>(grid.columns) +
                                                                  static_cast<std::size_t>(x0));
                    std::copy(from, from + width,
                              block.begin() + static_cast<std::ptrdiff_t>(r) * block_columns);
                }
                if (band->WriteBlock(bx, by, block.data()) != CE_None) {
                    throw DataError("cannot write the cells: " + gdal_message("unknown error"),
                                    where);
                }
            }
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
