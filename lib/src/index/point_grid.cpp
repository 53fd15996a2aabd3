#include "trygg/index/point_grid.hpp"

#include "trygg/error.hpp"

#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <utility>

namespace trygg::index {
namespace {

// Cell numbers are packed into one 64-bit key, 32 bits each, so a grid may span at most this
// many columns and rows.
constexpr std::int64_t kMaxCellsPerAxis = (std::int64_t{1} << 31) - 1;
// A cell must be larger than this fraction of the largest coordinate magnitude; below it the
// rounding of (x - origin) / cell_size is no longer negligible against one cell.
constexpr double kMinRelativeCellSize = 0x1p-40;
// Grids with at most this many cells per point (plus a constant for small inputs) are grouped
// by a counting sort over all cells, empty ones included; sparser grids by sorting cell keys.
constexpr double kDenseCellsPerPoint = 4.0;
constexpr double kDenseCellsAlways = 65536.0;

std::int64_t floor_to_cell(double value) noexcept {
    // Clamped so that locations far outside the grid still give a well-defined cell.
    constexpr double limit = 0x1p62;
    const double cell = std::floor(value);
    if (!(cell > -limit)) return -(std::int64_t{1} << 62);
    if (!(cell < limit)) return std::int64_t{1} << 62;
    return static_cast<std::int64_t>(cell);
}

// splitmix64 finaliser: keys of neighbouring cells differ in few bits, which a hash table with
// a power-of-two size must spread.
std::uint64_t mix(std::uint64_t key) noexcept {
    key ^= key >> 30;
    key *= 0xbf58476d1ce4e5b9ULL;
    key ^= key >> 27;
    key *= 0x94d049bb133111ebULL;
    key ^= key >> 31;
    return key;
}

std::string number(double value) {
    std::ostringstream out;
    out.precision(17);
    out << value;
    return out.str();
}

}  // namespace


std::uint64_t PointGrid::key_of(GridCell cell) noexcept {
    return (static_cast<std::uint64_t>(cell.column) << 32) | static_cast<std::uint64_t>(cell.row);
}

PointGrid::PointGrid(std::span<const model::Point> points, double cell_size) : cell_size_(cell_size) {
    if (!std::isfinite(cell_size) || cell_size <= 0.0) {
        throw UsageError("grid cell size must be a positive finite number, got " + number(cell_size));
    }
    if (points.empty()) return;

    model::Box bounds{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                      -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    double magnitude = 0.0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const model::Point p = points[i];
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            throw UsageError("point " + std::to_string(i) + " has a non-finite coordinate");
        }
        bounds.min_x = std::min(bounds.min_x, p.x);
        bounds.min_y = std::min(bounds.min_y, p.y);
        bounds.max_x = std::max(bounds.max_x, p.x);
        bounds.max_y = std::max(bounds.max_y, p.y);
        magnitude = std::max({magnitude, std::abs(p.x), std::abs(p.y)});
    }
    if (cell_size < magnitude * kMinRelativeCellSize) {
        throw UsageError("grid cell size " + number(cell_size) +
                         " is too small for coordinates of magnitude " + number(magnitude) +
                         " (use coordinates in metres relative to a nearby origin)");
    }
    origin_ = {bounds.min_x, bounds.min_y};
    const double span_columns = std::floor((bounds.max_x - bounds.min_x) / cell_size) + 1.0;
    const double span_rows = std::floor((bounds.max_y - bounds.min_y) / cell_size) + 1.0;
    if (span_columns > static_cast<double>(kMaxCellsPerAxis) || span_rows > static_cast<double>(kMaxCellsPerAxis)) {
        throw UsageError("grid cell size " + number(cell_size) + " is too small for the extent of the points (" +
                         number(bounds.max_x - bounds.min_x) + " x " + number(bounds.max_y - bounds.min_y) + ")");
    }
    columns_ = static_cast<std::int64_t>(span_columns);
    rows_ = static_cast<std::int64_t>(span_rows);

    const std::size_t n = points.size();
    auto clamped_cell = [this](model::Point p) {
        GridCell cell = cell_of(p);
        // Rounding can put the largest coordinate one step past the last column.
        cell.column = std::clamp<std::int64_t>(cell.column, 0, columns_ - 1);
        cell.row = std::clamp<std::int64_t>(cell.row, 0, rows_ - 1);
        return cell;
    };
    order_.resize(n);
    points_.resize(n);
    // Either way the result is the same: cells in (column, row) order, inside a cell the input
    // order.
    const double dense_cells = span_columns * span_rows;
    if (dense_cells <= kDenseCellsPerPoint * static_cast<double>(n) + kDenseCellsAlways &&
        dense_cells < static_cast<double>(std::numeric_limits<std::uint32_t>::max()) &&
        n < std::numeric_limits<std::uint32_t>::max()) {
        // Counting sort over the dense cell numbers column * rows + row: two passes over the
        // points and one over the cells, no comparisons.
        const auto dense = static_cast<std::size_t>(dense_cells);
        std::vector<std::uint32_t> dense_id(n);
        std::vector<std::uint32_t> next(dense + 1, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const GridCell cell = clamped_cell(points[i]);
            const auto id = static_cast<std::uint32_t>(cell.column * rows_ + cell.row);
            dense_id[i] = id;
            ++next[id + 1];
        }
        std::size_t distinct = 0;
        for (std::size_t id = 0; id < dense; ++id) {
            distinct += next[id + 1] != 0;
            next[id + 1] += next[id];
        }
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t k = next[dense_id[i]]++;
            order_[k] = i;
            points_[k] = points[i];
        }
        // next[id] is now where cell id ends.
        cells_.reserve(distinct);
        std::size_t begin = 0;
        for (std::size_t id = 0; id < dense; ++id) {
            const std::size_t end = next[id];
            if (end == begin) continue;
            CellEntry entry;
            entry.cell = {static_cast<std::int64_t>(id) / rows_, static_cast<std::int64_t>(id) % rows_};
            entry.begin = begin;
            entry.end = end;
            cells_.push_back(entry);
            begin = end;
        }
    } else {
        // (key, input index) pairs sorted together: keys in (column, row) order, and inside a
        // cell the input order.
        std::vector<std::pair<std::uint64_t, std::size_t>> keyed(n);
        for (std::size_t i = 0; i < n; ++i) keyed[i] = {key_of(clamped_cell(points[i])), i};
        std::sort(keyed.begin(), keyed.end());
        for (std::size_t k = 0; k < n; ++k) {
            order_[k] = keyed[k].second;
            points_[k] = points[order_[k]];
            const std::uint64_t key = keyed[k].first;
            if (k == 0 || key != keyed[k - 1].first) {
                CellEntry entry;
                entry.cell = {static_cast<std::int64_t>(key >> 32), static_cast<std::int64_t>(key & 0xffffffffULL)};
                entry.begin = k;
                cells_.push_back(entry);
            }
            cells_.back().end = k + 1;
        }
    }
    for (CellEntry& entry : cells_) {
        model::Box box{points_[entry.begin].x, points_[entry.begin].y, points_[entry.begin].x, points_[entry.begin].y};
        for (std::size_t k = entry.begin + 1; k < entry.end; ++k) {
            box.min_x = std::min(box.min_x, points_[k].x);
            box.min_y = std::min(box.min_y, points_[k].y);
            box.max_x = std::max(box.max_x, points_[k].x);
            box.max_y = std::max(box.max_y, points_[k].y);
        }
        entry.extent = box;
    }
    if (cells_.size() > std::numeric_limits<std::uint32_t>::max()) {
        throw UsageError("grid has too many non-empty cells (" + std::to_string(cells_.size()) + ")");
    }
    std::size_t capacity = 16;
    while (capacity < 2 * cells_.size()) capacity *= 2;
    slots_.assign(capacity, Slot{});
    slot_mask_ = capacity - 1;
    for (std::size_t id = 0; id < cells_.size(); ++id) {
        const std::uint64_t key = key_of(cells_[id].cell);
        std::uint64_t slot = mix(key) & slot_mask_;
        while (slots_[slot].key != kEmptyKey) slot = (slot + 1) & slot_mask_;
        slots_[slot] = {key, static_cast<std::uint32_t>(id)};
    }
}

std::span<const model::Point> PointGrid::cell_points(std::size_t cell_id) const {
    const CellEntry& entry = cells_[cell_id];
    return std::span<const model::Point>(points_).subspan(entry.begin, entry.end - entry.begin);
}

std::span<const std::size_t> PointGrid::cell_indices(std::size_t cell_id) const {
    const CellEntry& entry = cells_[cell_id];
    return std::span<const std::size_t>(order_).subspan(entry.begin, entry.end - entry.begin);
}

GridCell PointGrid::cell_of(model::Point p) const noexcept {
    return {floor_to_cell((p.x - origin_.x) / cell_size_), floor_to_cell((p.y - origin_.y) / cell_size_)};
}

std::optional<std::size_t> PointGrid::find(GridCell cell) const {
    if (cell.column < 0 || cell.row < 0 || cell.column >= columns_ || cell.row >= rows_) return std::nullopt;
    const std::uint64_t key = key_of(cell);
    for (std::uint64_t slot = mix(key) & slot_mask_;; slot = (slot + 1) & slot_mask_) {
        if (slots_[slot].key == key) return slots_[slot].cell_id;
        if (slots_[slot].key == kEmptyKey) return std::nullopt;
    }
}

}  // namespace trygg::index
