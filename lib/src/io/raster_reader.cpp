#include "trygg/io/raster_reader.hpp"

#include <gdal_priv.h>

#include "io/detail/gdal_errors.hpp"
#include "trygg/error.hpp"
#include "trygg/io/gdal_setup.hpp"

namespace trygg::io {

RasterCells read_raster_cells(const std::string& path, double max_cells) {
    RasterCells out;
    out.grid = read_grid_like(path);
    out.crs = raster_crs(path);
    const ErrorLocation where{path, {}, {}, {}};
    const double cells = static_cast<double>(out.grid.columns) * out.grid.rows;
    if (cells > max_cells)
        throw DataError("raster has " + std::to_string(static_cast<long long>(cells)) + " cells; at most " +
                            std::to_string(static_cast<long long>(max_cells)) + " can be drawn",
                        where);
    detail::QuietGdal quiet;
    ensure_gdal();
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!dataset) throw DataError("cannot open as a raster: " + detail::gdal_message("unknown error"), where);
    if (dataset->GetRasterCount() < 1) throw DataError("raster has no band", where);
    GDALRasterBand* band = dataset->GetRasterBand(1);
    int has_nodata = 0;
    const double nodata = band->GetNoDataValue(&has_nodata);
    if (has_nodata) out.nodata = static_cast<float>(nodata);
    out.values.resize(static_cast<std::size_t>(out.grid.columns) * static_cast<std::size_t>(out.grid.rows));
    if (band->RasterIO(GF_Read, 0, 0, out.grid.columns, out.grid.rows, out.values.data(), out.grid.columns,
                       out.grid.rows, GDT_Float32, 0, 0, nullptr) != CE_None)
        throw DataError("cannot read the cells: " + detail::gdal_message("unknown error"), where);
    return out;
}

}  // namespace trygg::io
