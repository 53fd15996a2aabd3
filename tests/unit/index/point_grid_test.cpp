#include "trygg/index/point_grid.hpp"

#include "trygg/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <utility>
#include <vector>

using trygg::UsageError;
using trygg::index::GridCell;
using trygg::index::PointGrid;
using trygg::model::Point;

namespace {

std::vector<std::size_t> brute_within(const std::vector<Point>& points, Point centre, double radius) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double dx = points[i].x - centre.x;
        const double dy = points[i].y - centre.y;
        if (dx * dx + dy * dy <= radius * radius) out.push_back(i);
    }
    return out;
}

std::vector<std::size_t> grid_within(const PointGrid& grid, Point centre, double radius) {
    std::vector<std::size_t> out;
    grid.for_each_within(centre, radius, [&out](std::size_t i) { out.push_back(i); });
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST(PointGrid, CellsPartitionThePoints) {
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<double> u(-50.0, 250.0);
    std::vector<Point> points(2000);
    for (auto& p : points) p = {u(rng), u(rng)};
    const double size = 7.5;
    const PointGrid grid(points, size);
    EXPECT_EQ(grid.point_count(), points.size());

    std::vector<int> seen(points.size(), 0);
    for (std::size_t c = 0; c < grid.cell_count(); ++c) {
        const auto indices = grid.cell_indices(c);
        const auto coords = grid.cell_points(c);
        ASSERT_EQ(indices.size(), coords.size());
        ASSERT_FALSE(indices.empty());
        EXPECT_TRUE(std::is_sorted(indices.begin(), indices.end()));
        const GridCell cell = grid.cell(c);
        EXPECT_EQ(grid.find(cell), c);
        if (c > 0) {
            const GridCell before = grid.cell(c - 1);
            EXPECT_TRUE(before.column < cell.column || (before.column == cell.column && before.row < cell.row));
        }
        const auto& box = grid.cell_extent(c);
        for (std::size_t k = 0; k < indices.size(); ++k) {
            const Point p = points[indices[k]];
            ++seen[indices[k]];
            EXPECT_EQ(coords[k], p);
            EXPECT_EQ(grid.cell_of(p), cell);
            // The cell square, from the definition column = floor((x - min_x) / size).
            EXPECT_EQ(cell.column, static_cast<std::int64_t>(std::floor((p.x - grid.origin().x) / size)));
            EXPECT_TRUE(p.x >= box.min_x && p.x <= box.max_x && p.y >= box.min_y && p.y <= box.max_y);
        }
    }
    EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](int s) { return s == 1; }));
    // Empty or outside cells are not found.
    EXPECT_FALSE(grid.find({-1, 0}).has_value());
    EXPECT_FALSE(grid.find({0, 1000000}).has_value());
}

TEST(PointGrid, RadiusQueryMatchesBruteForce) {
    std::mt19937_64 rng(2);
    std::uniform_real_distribution<double> u(0.0, 100.0);
    std::vector<Point> points(1500);
    for (auto& p : points) p = {u(rng), u(rng)};
    for (const double cell : {0.5, 3.0, 10.0, 60.0}) {
        const PointGrid grid(points, cell);
        for (int q = 0; q < 200; ++q) {
            const Point centre{u(rng) * 1.2 - 10.0, u(rng) * 1.2 - 10.0};
            const double radius = std::uniform_real_distribution<double>(0.0, 30.0)(rng);
            ASSERT_EQ(grid_within(grid, centre, radius), brute_within(points, centre, radius))
                << "cell " << cell << " radius " << radius;
        }
    }
}

TEST(PointGrid, RadiusQueryIncludesExactlyRadius) {
    // Integer lattice with UTM-like offsets: distances like 5 (3-4-5) are exact.
    std::vector<Point> points;
    for (int x = 0; x <= 20; ++x) {
        for (int y = 0; y <= 20; ++y) points.push_back({500000.0 + x, 6500000.0 + y});
    }
    for (const double cell : {1.0, 2.5, 3.5355, 7.0}) {
        const PointGrid grid(points, cell);
        for (const double radius : {0.0, 1.0, 2.0, 5.0, 10.0}) {
            const Point centre{500010.0, 6500010.0};
            const auto found = grid_within(grid, centre, radius);
            ASSERT_EQ(found, brute_within(points, centre, radius)) << cell << " " << radius;
            if (radius == 5.0) {
                EXPECT_EQ(found.size(), 81u);  // lattice points with x^2+y^2 <= 25
            }
        }
    }
}

TEST(PointGrid, CellPairsMatchBruteForce) {
    std::mt19937_64 rng(4);
    std::uniform_real_distribution<double> u(0.0, 60.0);
    std::vector<Point> points(400);
    for (auto& p : points) p = {u(rng), u(rng)};
    const PointGrid grid(points, 2.0);
    for (const std::int64_t reach : {0, 1, 2, 3}) {
        std::vector<std::pair<std::size_t, std::size_t>> swept;
        grid.for_each_cell_pair(reach, [&swept](std::size_t a, std::size_t b) { swept.emplace_back(a, b); });
        // Grouped by the first cell in increasing order.
        EXPECT_TRUE(std::is_sorted(swept.begin(), swept.end(),
                                   [](const auto& x, const auto& y) { return x.first < y.first; }));
        std::sort(swept.begin(), swept.end());
        std::vector<std::pair<std::size_t, std::size_t>> expected;
        for (std::size_t a = 0; a < grid.cell_count(); ++a) {
            for (std::size_t b = 0; b < grid.cell_count(); ++b) {
                const GridCell ca = grid.cell(a);
                const GridCell cb = grid.cell(b);
                if (std::abs(ca.column - cb.column) <= reach && std::abs(ca.row - cb.row) <= reach) {
                    expected.emplace_back(a, b);
                }
            }
        }
        EXPECT_EQ(swept, expected) << "reach " << reach;
    }
}

TEST(PointGrid, OrderOfPointsDoesNotChangeTheGrid) {
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> u(0.0, 40.0);
    std::vector<Point> points(300);
    for (auto& p : points) p = {u(rng), u(rng)};
    std::vector<Point> reversed(points.rbegin(), points.rend());
    const PointGrid a(points, 2.0);
    const PointGrid b(reversed, 2.0);
    ASSERT_EQ(a.cell_count(), b.cell_count());
    for (std::size_t c = 0; c < a.cell_count(); ++c) {
        EXPECT_EQ(a.cell(c), b.cell(c));
        EXPECT_EQ(a.cell_points(c).size(), b.cell_points(c).size());
    }
}

TEST(PointGrid, EmptyAndInvalid) {
    const PointGrid empty(std::vector<Point>{}, 1.0);
    EXPECT_EQ(empty.cell_count(), 0u);
    std::size_t calls = 0;
    empty.for_each_within({0, 0}, 10.0, [&calls](std::size_t) { ++calls; });
    EXPECT_EQ(calls, 0u);

    const std::vector<Point> points{{0, 0}, {1, 1}};
    EXPECT_THROW(PointGrid(points, 0.0), UsageError);
    EXPECT_THROW(PointGrid(points, -1.0), UsageError);
    EXPECT_THROW(PointGrid(points, std::numeric_limits<double>::quiet_NaN()), UsageError);
    EXPECT_THROW(PointGrid(points, std::numeric_limits<double>::infinity()), UsageError);
    const std::vector<Point> bad{{0, 0}, {std::numeric_limits<double>::infinity(), 1}};
    EXPECT_THROW(PointGrid(bad, 1.0), UsageError);
    // Too many cells for the extent.
    const std::vector<Point> wide{{0, 0}, {1e9, 0}};
    EXPECT_THROW(PointGrid(wide, 1e-3), UsageError);
}

// Grids with few cells per point are grouped by a counting sort, sparse ones by sorting keys;
// both must give the same cells, in the same order, with the same points in the same order.
TEST(PointGrid, DenseAndSparseGroupingAgree) {
    std::mt19937_64 rng(4);
    std::uniform_real_distribution<double> u(0.0, 100.0);
    std::vector<Point> points(5000);
    for (auto& p : points) p = {u(rng), u(rng)};
    points[17] = points[3];  // duplicates share a cell
    const PointGrid dense(points, 1.0);  // 100 x 100 cells for 5000 points: counting sort
    // One far point at the top right keeps the origin but makes the grid very sparse
    // (10^10 cells): sorted keys. Its cell comes last in (column, row) order.
    std::vector<Point> spread = points;
    spread.push_back({1e7, 1e7});
    const PointGrid sparse(spread, 1.0);
    ASSERT_EQ(sparse.cell_count(), dense.cell_count() + 1);
    EXPECT_EQ(dense.origin(), sparse.origin());
    for (std::size_t c = 0; c < dense.cell_count(); ++c) {
        ASSERT_EQ(dense.cell(c), sparse.cell(c));
        EXPECT_EQ(dense.cell_begin(c), sparse.cell_begin(c));
        EXPECT_EQ(dense.cell_end(c), sparse.cell_end(c));
        const auto a = dense.cell_indices(c);
        const auto b = sparse.cell_indices(c);
        EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end()));
        EXPECT_EQ(dense.cell_extent(c).min_x, sparse.cell_extent(c).min_x);
        EXPECT_EQ(dense.cell_extent(c).max_y, sparse.cell_extent(c).max_y);
    }
    EXPECT_EQ(sparse.indices().back(), points.size());
    // points() and indices() are the cells' ranges laid end to end.
    for (std::size_t k = 0; k < dense.points().size(); ++k) EXPECT_EQ(dense.points()[k], points[dense.indices()[k]]);
}
