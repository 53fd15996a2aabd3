#pragma once
// Aggregation of point events into the units a hotspot statistic runs on: cells of a regular
// grid, or given areas (districts, blocks). Gi* on raw incident points is meaningless (every
// point has value 1); it runs on counts per unit.

#include "trygg/model/geometry.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace trygg::hotspot {

// A regular grid of square cells. Cell (column c, row r) spans
// [origin_x + c*cell, origin_x + (c+1)*cell) x [origin_y + r*cell, origin_y + (r+1)*cell);
// row 0 is the southern row. counts and centres are row-major from the south-west corner:
// index = r * columns + c.
struct CountGrid {
    double origin_x = 0.0, origin_y = 0.0, cell = 0.0;
    int columns = 0, rows = 0;
    std::vector<double> counts;          // sum of weights of the points in each cell
    std::vector<model::Point> centres;   // cell centres, for Gi* and output geometry
    std::size_t outside = 0;             // points outside the extent, not counted anywhere
};

// Counts (or sums the weights of) the points in the cells of a grid covering `extent`.
// The grid starts at the extent's south-west corner and has ceil(width / cell) columns and
// ceil(height / cell) rows (at least 1 each), so it may reach up to one cell beyond the
// extent's east and north edges. Every cell is returned, the empty ones too: cold spots are
// made of low counts, and leaving empty cells out would make them impossible.
// A point on an inner cell edge belongs to the cell east/north of it; a point on the extent's
// east or north edge belongs to the last column/row. Points outside the extent are not counted
// and are reported in `outside`.
// weights: empty for a count (weight 1 each) or one weight per point.
// Throws UsageError for cell <= 0 or not finite, an empty/inverted extent, a weights size
// mismatch or a grid of more than 50 million cells; DataError for a non-finite weight.
CountGrid count_points_in_grid(std::span<const model::Point> points, std::span<const double> weights,
                               const model::Box& extent, double cell);

// Number of points in each area (same order as `areas`), through index::AreaIndex: a point on
// an area's boundary is in it, and a point on the boundary shared by several areas is counted
// once, in the first of them in input order. Points in no area are not counted.
std::vector<double> count_points_in_areas(std::span<const model::Point> points,
                                          const std::vector<model::MultiPolygon>& areas);

// Area-weighted centroid (boost::geometry::centroid) of a multipolygon, holes subtracted.
// Throws DataError for an empty multipolygon or one without area.
model::Point centroid(const model::MultiPolygon& area);

}  // namespace trygg::hotspot
