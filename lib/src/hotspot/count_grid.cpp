#include "trygg/hotspot/count_grid.hpp"

#include "trygg/error.hpp"
#include "trygg/index/area_index.hpp"
#include "trygg/index/boost_geometry.hpp"

#include <boost/geometry.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace trygg::hotspot {

namespace bg = boost::geometry;

namespace {

constexpr double max_cells = 50e6;

// Number of cells along one side. The tiny relative slack keeps a width that is an exact
// multiple of the cell size (up to rounding in the division) from getting an extra empty cell.
int cells_along(double length, double cell) {
    const double exact = length / cell;
    return std::max(1, static_cast<int>(std::ceil(exact * (1.0 - 1e-12))));
}

int cell_of(double coordinate, double origin, double cell, int count) {
    const int index = static_cast<int>(std::floor((coordinate - origin) / cell));
    return std::clamp(index, 0, count - 1);
}

}  // namespace

CountGrid count_points_in_grid(std::span<const model::Point> points, std::span<const double> weights,
                               const model::Box& extent, double cell) {
    if (!(std::isfinite(cell) && cell > 0.0)) throw UsageError("grid: the cell size must be a positive number of metres");
    const double width = extent.max_x - extent.min_x;
    const double height = extent.max_y - extent.min_y;
    if (!(std::isfinite(width) && std::isfinite(height) && width >= 0.0 && height >= 0.0)) {
        throw UsageError("grid: the extent is empty or inverted");
    }
    if (!weights.empty() && weights.size() != points.size()) {
        throw UsageError("grid: " + std::to_string(weights.size()) + " weights for " +
                         std::to_string(points.size()) + " points");
    }
    if ((width / cell + 1.0) * (height / cell + 1.0) > max_cells) {
        throw UsageError("grid: a cell size of " + std::to_string(cell) + " m gives more than 50 million cells; "
                         "use a larger cell");
    }

    CountGrid grid;
    grid.origin_x = extent.min_x;
    grid.origin_y = extent.min_y;
    grid.cell = cell;
    grid.columns = cells_along(width, cell);
    grid.rows = cells_along(height, cell);
    const std::size_t cells = static_cast<std::size_t>(grid.columns) * static_cast<std::size_t>(grid.rows);
    grid.counts.assign(cells, 0.0);
    grid.centres.reserve(cells);
    for (int r = 0; r < grid.rows; ++r) {
        for (int c = 0; c < grid.columns; ++c) {
            grid.centres.push_back({grid.origin_x + (c + 0.5) * cell, grid.origin_y + (r + 0.5) * cell});
        }
    }

    for (std::size_t i = 0; i < points.size(); ++i) {
        const double weight = weights.empty() ? 1.0 : weights[i];
        if (!std::isfinite(weight)) throw DataError("grid: weight of point " + std::to_string(i) + " is not finite");
        const model::Point& p = points[i];
        // Written so that NaN coordinates also land in `outside`.
        const bool inside = p.x >= extent.min_x && p.x <= extent.max_x && p.y >= extent.min_y && p.y <= extent.max_y;
        if (!inside) {
            ++grid.outside;
            continue;
        }
        const int c = cell_of(p.x, grid.origin_x, cell, grid.columns);
        const int r = cell_of(p.y, grid.origin_y, cell, grid.rows);
        grid.counts[static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.columns) + static_cast<std::size_t>(c)] +=
            weight;
    }
    return grid;
}

std::vector<double> count_points_in_areas(std::span<const model::Point> points,
                                          const std::vector<model::MultiPolygon>& areas) {
    const index::AreaIndex area_index(areas);
    std::vector<double> counts(areas.size(), 0.0);
    for (const model::Point& p : points) {
        if (auto area = area_index.first_covering(p)) counts[*area] += 1.0;
    }
    return counts;
}

model::Point centroid(const model::MultiPolygon& area) {
    const index::BoostMultiPolygon converted = index::to_boost(area);
    if (bg::is_empty(converted) || !(std::abs(bg::area(converted)) > 0.0)) {
        throw DataError("centroid of an area without area (empty or degenerate polygon)");
    }
    model::Point result;
    try {
        bg::centroid(converted, result);
    } catch (const bg::centroid_exception&) {
        throw DataError("centroid of an area without area (empty or degenerate polygon)");
    }
    return result;
}

}  // namespace trygg::hotspot
