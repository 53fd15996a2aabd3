#pragma once
// Writing grids (kernel density, Gi* z-scores, coverage) as GeoTIFF, and reading the grid of
// an existing raster for --like RASTER.

#include <optional>
#include <span>
#include <string>
#include <string_view>

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

// Lossless GeoTIFF compressions (all with the floating-point predictor, 3). DEFLATE (level 1)
// is read by every GeoTIFF reader; ZSTD (level 1) is a third faster to write at the same size
// but needs GDAL >= 2.3 / libtiff >= 4.0.10 to read; LZW is larger; none is 16 MB per 4 Mcells.
// Measurements: docs/cli/heatmap.md.
enum class RasterCompression { deflate, zstd, lzw, none };

// "deflate", "zstd", "lzw", "none" (as the CLI spells them); nullopt for anything else.
std::optional<RasterCompression> raster_compression_from_string(std::string_view name);

// Writes a single-band Float32 GeoTIFF: geotransform from `grid`, `nodata` as the band's
// nodata value, `crs` (any definition GDAL accepts; options.crs is used when `crs` is empty)
// as its CRS, `compression` (see above), and 256 x 256 tiles once the raster is larger than
// one tile. `values` are row-major, top row first, and must hold columns * rows values. The
// file appears under `path` only when complete (AtomicOutput rules: options.overwrite,
// options.inputs); the same values give the same bytes, for any `threads`. UsageError for an
// invalid grid or value count, an unknown CRS or a refused path; DataError when GDAL fails to
// write. `threads` compress tiles at the same time (GDAL's NUM_THREADS; 0 = all cores).
void write_geotiff(const std::string& path, const RasterGrid& grid, std::span<const float> values,
                   float nodata, const std::string& crs, const WriteOptions& options,
                   RasterCompression compression = RasterCompression::deflate, unsigned threads = 1);

// The grid of an existing raster, exactly, for writing a new raster cell-aligned with it.
// DataError when the file cannot be opened as a raster or its grid is rotated or has
// non-square cells (a RasterGrid cannot represent those).
RasterGrid read_grid_like(const std::string& raster_path);

// The raster's CRS as a definition trygg and PROJ accept: "AUTHORITY:CODE" when the CRS has
// one, else WKT2. Empty when the raster has no CRS. DataError when the file cannot be opened.
std::string raster_crs(const std::string& raster_path);

}  // namespace trygg::io
