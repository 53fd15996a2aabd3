#pragma once
// Reading the cells of a single-band raster (a heatmap GeoTIFF written by `trygg heatmap`)
// for drawing it on a map. The grid and CRS come from raster_writer.hpp's read_grid_like and
// raster_crs.

#include <optional>
#include <string>
#include <vector>

#include "trygg/io/raster_writer.hpp"

namespace trygg::io {

struct RasterCells {
    RasterGrid grid;
    std::vector<float> values;   // row-major, top row first; columns * rows values
    std::optional<float> nodata;
    std::string crs;             // as raster_crs(); empty when the raster has none
};

// Band 1 of the raster as Float32. DataError (naming the file) when it cannot be opened, is
// rotated or has non-square cells, or has more than `max_cells` cells.
RasterCells read_raster_cells(const std::string& path, double max_cells = 50e6);

}  // namespace trygg::io
