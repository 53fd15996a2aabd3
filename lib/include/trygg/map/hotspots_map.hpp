#pragma once
// The hotspots map: a density heatmap (the GeoTIFF of `trygg heatmap`) as coloured cells,
// DBSCAN clusters (the `clusters` layer of `trygg hotspots`) with their counts per category in
// popups, and optionally the individual reports (off when the map opens).
//
// For publication (publish = true) the map shows nothing that pinpoints a report: the density
// surface and the report points are marked LayerRole::individual (publish_filter.hpp removes
// them), reports are counted instead on a fixed grid of `publish_cell` metres anchored at
// multiples of the cell size (so no cell corner comes from the data), and cluster outlines are
// grown by `publish_margin` metres so that no vertex is a report's position.

#include <vector>

#include "trygg/map/map_document.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::map {

// A north-up grid in the document's CRS; values row-major, top row first (GeoTIFF order).
struct DensityGrid {
    double origin_x = 0.0, origin_y = 0.0;  // top-left corner
    double cell = 0.0;
    int columns = 0, rows = 0;
    std::vector<float> values;
    std::optional<float> nodata;
};

struct HotspotsMapInput {
    const model::Layer* clusters = nullptr;  // polygons with reports, n_<category>, first_time...
    const model::Layer* reports = nullptr;   // points (the `reports` layer of trygg hotspots)
    const DensityGrid* density = nullptr;
    bool publish = false;
    double publish_cell = 100.0;   // metres, > 0
    double publish_margin = 20.0;  // metres, > 0
    double min_count = 3.0;        // with publish: squares with fewer reports will be left out
                                   // (publish_filter.hpp), so the legend starts at the
                                   // smallest count shown
};

// Adds the layers (density, cells, clusters, reports, in drawing order) to `doc`.
// UsageError for publish_cell or publish_margin <= 0 and a density grid whose size does not
// match its values.
void add_hotspots(MapDocument& doc, const HotspotsMapInput& input);

// The reports per cell of a grid of `cell` metres anchored at multiples of `cell`, as square
// polygons with report_count set (cells without reports are not listed), ordered by row from
// the south, then by column.
std::vector<MapFeature> count_cells(const std::vector<model::Point>& points, double cell, Language lang);

}  // namespace trygg::map
