#pragma once
// Writing grids (kernel density, Gi* z-scores, coverage) as GeoTIFF, and reading the grid of
// an existing raster for --like RASTER.

#include <span>
#include <string>

#include "trygg/io/atomic_output.hpp"

namespace trygg::io {

// A north-up grid of square cells. (origin_x, origin_y) is the top-left corner of the
// top-left cell; rows run southwards, so cell (column c, row r) covers
// x in [origin_x + c*cell, origin_x + (c+1)*cell], y in [origin_y - (r+1)*cell, origin_y - r*cell].
struct RasterGrid {
    double origin_x = 0.0;
    double origin_y = 0.0;
    double cell = 0.0;
    int columns = 0;
    int rows = 0;
};

// Writes a single-band Float32 GeoTIFF: geotransform from `grid`, `nodata` as the band's
// nodata value, `crs` (any definition GDAL accepts; options.crs is used when `crs` is empty)
// as its CRS, DEFLATE compression with the floating-point predictor (3), and 256 x 256 tiles
// once the raster is larger than one tile. `values` are row-major, top row first, and must
// hold columns * rows values. The file appears under `path` only when complete (AtomicOutput
// rules: options.overwrite, options.inputs). UsageError for an invalid grid or value count, an
// unknown CRS or a refused path; DataError when GDAL fails to write.
void write_geotiff(const std::string& path, const RasterGrid& grid, std::span<const float> values,
                   float nodata, const std::string& crs, const WriteOptions& options);

// The grid of an existing raster, exactly, for writing a new raster cell-aligned with it.
// DataError when the file cannot be opened as a raster or its grid is rotated or has
// non-square cells (a RasterGrid cannot represent those).
RasterGrid read_grid_like(const std::string& raster_path);

// The raster's CRS as a definition trygg and PROJ accept: "AUTHORITY:CODE" when the CRS has
// one, else WKT2. Empty when the raster has no CRS. DataError when the file cannot be opened.
std::string raster_crs(const std::string& raster_path);

}  // namespace trygg::io
