#pragma once
// A uniform grid over a fixed set of points, for fixed-radius neighbour queries ("every point
// within r of here") and for algorithms that work cell by cell (grid DBSCAN, kernel density).
//
// Only non-empty cells are stored: the points are grouped by cell once and each cell is a
// contiguous range of that order (a counting sort, O(n + columns * rows), when the grid has at
// most a few cells per point, else a sort, O(n log n)); an open-addressing hash table finds a cell from its
// (column, row) in O(1) expected, and for_each_cell_pair walks all pairs of nearby cells in one
// sweep without hashing at all. Each cell also keeps the bounding box of its points, which lets
// a query drop a cell or take it whole with one comparison.
//
// Distances are compared as squared_distance(a, b) <= r * r with the formula below. Every
// helper here is written so that its answer agrees exactly with that formula, including points
// at exactly distance r: the box bounds never claim "all inside" or "all outside" when a
// point-by-point test would disagree (IEEE rounding is monotonic, and the bounds are computed
// from the same coordinates with the same operations).

#include "trygg/model/geometry.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace trygg::index {

// The one distance formula used by the grid and by its users; keeping it in one place is what
// makes "distance <= r" give the same answer everywhere.
inline double squared_distance(model::Point a, model::Point b) noexcept {
    const double dx = a.x - b.x;
    const double dy = a.y - b.y;
    return dx * dx + dy * dy;
}

// A lower bound of squared_distance(p, q) over every point q inside the box (0 when p is
// inside), never larger than the value the formula gives for any such q.
inline double min_squared_distance(const model::Box& box, model::Point p) noexcept {
    const double dx = p.x < box.min_x ? box.min_x - p.x : (p.x > box.max_x ? p.x - box.max_x : 0.0);
    const double dy = p.y < box.min_y ? box.min_y - p.y : (p.y > box.max_y ? p.y - box.max_y : 0.0);
    return dx * dx + dy * dy;
}

// An upper bound of squared_distance(p, q) over every point q inside the box, never smaller
// than the value the formula gives for any such q.
inline double max_squared_distance(const model::Box& box, model::Point p) noexcept {
    const double dx = std::max(p.x - box.min_x, box.max_x - p.x);
    const double dy = std::max(p.y - box.min_y, box.max_y - p.y);
    return dx * dx + dy * dy;
}

// A lower bound of squared_distance(p, q) over p in a and q in b.
inline double min_squared_distance(const model::Box& a, const model::Box& b) noexcept {
    const double dx = a.max_x < b.min_x ? b.min_x - a.max_x : (b.max_x < a.min_x ? a.min_x - b.max_x : 0.0);
    const double dy = a.max_y < b.min_y ? b.min_y - a.max_y : (b.max_y < a.min_y ? a.min_y - b.max_y : 0.0);
    return dx * dx + dy * dy;
}

// Column and row of a cell: column = floor((x - origin.x) / cell_size), likewise for rows.
struct GridCell {
    std::int64_t column = 0;
    std::int64_t row = 0;
    friend bool operator==(const GridCell&, const GridCell&) = default;
};

class PointGrid {
public:
    // Builds the grid; the origin is the lower-left corner of the points' bounding box, so the
    // grid (and the cell order) does not depend on the order of the points.
    // Throws trygg::UsageError when cell_size is not a positive finite number, when a point has
    // a non-finite coordinate, or when cell_size is so small against the extent or the magnitude
    // of the coordinates that cell numbers would overflow or rounding would exceed a cell.
    PointGrid(std::span<const model::Point> points, double cell_size);

    double cell_size() const noexcept { return cell_size_; }
    model::Point origin() const noexcept { return origin_; }
    std::size_t point_count() const noexcept { return points_.size(); }

    // Non-empty cells, numbered 0..cell_count()-1 in (column, row) order.
    std::size_t cell_count() const noexcept { return cells_.size(); }
    GridCell cell(std::size_t cell_id) const { return cells_[cell_id].cell; }
    // The points of a cell (coordinates) and their indices in the input, in the same order
    // (ascending input index).
    std::span<const model::Point> cell_points(std::size_t cell_id) const;
    std::span<const std::size_t> cell_indices(std::size_t cell_id) const;
    // All points grouped by cell (cell 0 first; inside a cell by input index), their input
    // indices, and where each cell's points start and end in these two arrays.
    std::span<const model::Point> points() const noexcept { return points_; }
    std::span<const std::size_t> indices() const noexcept { return order_; }
    std::size_t cell_begin(std::size_t cell_id) const { return cells_[cell_id].begin; }
    std::size_t cell_end(std::size_t cell_id) const { return cells_[cell_id].end; }
    // Bounding box of the points in the cell (not of the cell square).
    const model::Box& cell_extent(std::size_t cell_id) const { return cells_[cell_id].extent; }

    // The cell a location falls in; it may be empty or outside the points' extent.
    GridCell cell_of(model::Point p) const noexcept;
    // The id of a non-empty cell, or nothing when no point falls in it.
    std::optional<std::size_t> find(GridCell cell) const;

    // Calls visit(input_index) for every point q with squared_distance(q, centre) <= radius^2,
    // cell by cell (so in no particular global order).
    template <typename Visit>
    void for_each_within(model::Point centre, double radius, Visit&& visit) const;

    // Calls visit(cell_id, other_id) for every ordered pair of non-empty cells at most `reach`
    // columns and at most `reach` rows apart, a cell paired with itself included; grouped by
    // cell_id in increasing order. One merge-like sweep over the sorted cells with 2*reach+1
    // cursors: O(cell_count * (2*reach+1)) plus the pairs visited, no hashing.
    template <typename Visit>
    void for_each_cell_pair(std::int64_t reach, Visit&& visit) const;

private:
    struct CellEntry {
        GridCell cell;
        std::size_t begin = 0;  // range in points_ / order_
        std::size_t end = 0;
        model::Box extent;
    };
    static std::uint64_t key_of(GridCell cell) noexcept;
    static bool before(const GridCell& a, const GridCell& b) noexcept {
        return a.column != b.column ? a.column < b.column : a.row < b.row;
    }

    template <typename Visit>
    void visit_cell(std::size_t cell_id, model::Point centre, double radius2, Visit& visit) const;

    double cell_size_ = 1.0;
    model::Point origin_;
    std::int64_t columns_ = 0;  // number of columns / rows spanned by the points
    std::int64_t rows_ = 0;
    std::vector<model::Point> points_;  // grouped by cell
    std::vector<std::size_t> order_;    // input index of points_[k]
    std::vector<CellEntry> cells_;
    // Open addressing with linear probing, capacity a power of two >= 2 * cell_count. Keys
    // never have the top bit set (columns < 2^31), so all ones marks an empty slot.
    struct Slot {
        std::uint64_t key = ~std::uint64_t{0};
        std::uint32_t cell_id = 0;
    };
    static constexpr std::uint64_t kEmptyKey = ~std::uint64_t{0};
    std::vector<Slot> slots_;
    std::uint64_t slot_mask_ = 0;
};

template <typename Visit>
void PointGrid::visit_cell(std::size_t cell_id, model::Point centre, double radius2, Visit& visit) const {
    const CellEntry& entry = cells_[cell_id];
    if (min_squared_distance(entry.extent, centre) > radius2) return;
    const bool whole = max_squared_distance(entry.extent, centre) <= radius2;
    for (std::size_t k = entry.begin; k < entry.end; ++k) {
        if (whole || squared_distance(points_[k], centre) <= radius2) visit(order_[k]);
    }
}

template <typename Visit>
void PointGrid::for_each_within(model::Point centre, double radius, Visit&& visit) const {
    if (cells_.empty() || !(radius >= 0.0)) return;
    const double radius2 = radius * radius;
    // One extra cell on each side: a point exactly at the radius may sit one rounding step
    // across a cell boundary from where centre +- radius lands.
    GridCell low = cell_of({centre.x - radius, centre.y - radius});
    GridCell high = cell_of({centre.x + radius, centre.y + radius});
    low.column = std::max<std::int64_t>(low.column - 1, 0);
    low.row = std::max<std::int64_t>(low.row - 1, 0);
    high.column = std::min<std::int64_t>(high.column + 1, columns_ - 1);
    high.row = std::min<std::int64_t>(high.row + 1, rows_ - 1);
    if (low.column > high.column || low.row > high.row) return;
    const double block = (static_cast<double>(high.column - low.column) + 1.0) *
                         (static_cast<double>(high.row - low.row) + 1.0);
    if (block >= static_cast<double>(cells_.size())) {
        // A large radius: walking the stored cells is cheaper than probing empty ones.
        for (std::size_t id = 0; id < cells_.size(); ++id) visit_cell(id, centre, radius2, visit);
        return;
    }
    for (std::int64_t column = low.column; column <= high.column; ++column) {
        for (std::int64_t row = low.row; row <= high.row; ++row) {
            if (auto id = find({column, row})) visit_cell(*id, centre, radius2, visit);
        }
    }
}

template <typename Visit>
void PointGrid::for_each_cell_pair(std::int64_t reach, Visit&& visit) const {
    if (reach < 0) return;
    // cursor[k] walks column (column + k - reach); as cells come in (column, row) order, the
    // first cell of each window, (column + d, row - reach), only moves forward.
    std::vector<std::size_t> cursor(static_cast<std::size_t>(2 * reach + 1), 0);
    for (std::size_t id = 0; id < cells_.size(); ++id) {
        const GridCell at = cells_[id].cell;
        for (std::int64_t d = -reach; d <= reach; ++d) {
            std::size_t& k = cursor[static_cast<std::size_t>(d + reach)];
            const GridCell first{at.column + d, at.row - reach};
            while (k < cells_.size() && before(cells_[k].cell, first)) ++k;
            for (std::size_t j = k; j < cells_.size() && cells_[j].cell.column == first.column &&
                                    cells_[j].cell.row <= at.row + reach;
                 ++j) {
                visit(id, j);
            }
        }
    }
}

}  // namespace trygg::index
