#include "trygg/hotspot/density_contour.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

#include "trygg/error.hpp"

namespace trygg::hotspot {
namespace {

// Connected components of the selected cells, numbered in row-major order of their first cell.
struct Components {
    std::vector<int> label;                 // per cell; -1 = not selected
    std::vector<std::vector<std::size_t>> cells;  // per component, row-major order
};

Components label_components(const std::vector<std::uint8_t>& selected, int columns, int rows,
                            bool diagonal) {
    Components result;
    result.label.assign(selected.size(), -1);
    std::vector<std::size_t> stack;
    const auto cols = static_cast<std::size_t>(columns);
    for (std::size_t start = 0; start < selected.size(); ++start) {
        if (!selected[start] || result.label[start] >= 0) continue;
        const int id = static_cast<int>(result.cells.size());
        result.label[start] = id;
        stack.assign(1, start);
        while (!stack.empty()) {
            const std::size_t cell = stack.back();
            stack.pop_back();
            const long long r = static_cast<long long>(cell / cols);
            const long long c = static_cast<long long>(cell % cols);
            for (long long dr = -1; dr <= 1; ++dr) {
                for (long long dc = -1; dc <= 1; ++dc) {
                    if ((dr == 0 && dc == 0) || (!diagonal && dr != 0 && dc != 0)) continue;
                    const long long nr = r + dr, nc = c + dc;
                    if (nr < 0 || nc < 0 || nr >= rows || nc >= columns) continue;
                    const auto n = static_cast<std::size_t>(nr) * cols + static_cast<std::size_t>(nc);
                    if (selected[n] && result.label[n] < 0) {
                        result.label[n] = id;
                        stack.push_back(n);
                    }
                }
            }
        }
        result.cells.emplace_back();
    }
    for (std::size_t cell = 0; cell < selected.size(); ++cell)
        if (result.label[cell] >= 0) result.cells[static_cast<std::size_t>(result.label[cell])].push_back(cell);
    return result;
}

// Boundary directions in map orientation (y up), counter-clockwise order.
enum Direction : int { east = 0, north = 1, west = 2, south = 3 };
int turn_right(int d) { return (d + 3) % 4; }

// Rings of one 4-connected component. Every cell side facing a non-selected cell is a directed
// edge with the cell on its left, so outer rings run counter-clockwise and holes clockwise.
// Lattice vertex (i, j) is the corner at x = origin_x + i*cell, y = origin_y - j*cell.
// Where two cells of the component touch only at a corner (a "saddle": two edges leave the
// vertex), the ring turns right, which keeps the same outside cell on its right: each ring then
// separates the component from exactly one connected outside region, so it never passes a vertex
// twice, and outer ring and holes meet at most in single corners.
// `outgoing` (one byte per lattice vertex, all zero) holds the component's directed edges while
// it is traced; every edge is consumed, so it is all zero again afterwards.
model::Polygon trace_component(const std::vector<std::size_t>& cells,
                               const std::vector<std::uint8_t>& selected, const GridSpec& grid,
                               std::vector<std::uint8_t>& outgoing) {
    const long long cols = grid.columns;
    const long long vertex_stride = cols + 1;
    const auto is_selected = [&](long long r, long long c) {
        return r >= 0 && c >= 0 && r < grid.rows && c < cols &&
               selected[static_cast<std::size_t>(r * cols + c)] != 0;
    };
    const auto vertex = [&](long long i, long long j) { return j * vertex_stride + i; };

    const auto at = [&](long long v) -> std::uint8_t& { return outgoing[static_cast<std::size_t>(v)]; };
    struct Start {
        long long v;
        int d;
    };
    std::vector<Start> starts;  // candidate ring starts in cell order (top side first)
    const auto add = [&](long long v, int d) {
        at(v) |= static_cast<std::uint8_t>(1u << d);
        starts.push_back({v, d});
    };
    for (const std::size_t cell : cells) {
        const auto r = static_cast<long long>(cell) / cols;
        const auto c = static_cast<long long>(cell) % cols;
        if (!is_selected(r - 1, c)) add(vertex(c + 1, r), west);       // top side
        if (!is_selected(r, c + 1)) add(vertex(c + 1, r + 1), north);  // right side
        if (!is_selected(r + 1, c)) add(vertex(c, r + 1), east);       // bottom side
        if (!is_selected(r, c - 1)) add(vertex(c, r), south);          // left side
    }

    const auto to_point = [&](long long v) {
        const long long i = v % vertex_stride;
        const long long j = v / vertex_stride;
        return model::Point{grid.origin_x + static_cast<double>(i) * grid.cell,
                            grid.origin_y - static_cast<double>(j) * grid.cell};
    };
    constexpr std::array<long long, 4> kDi{1, 0, -1, 0};
    constexpr std::array<long long, 4> kDj{0, -1, 0, 1};

    model::Polygon polygon;
    bool have_outer = false;
    for (const Start& start : starts) {
        if ((at(start.v) & (1u << start.d)) == 0) continue;  // already part of a ring
        // Walk the ring, keeping only the vertices where the direction changes.
        model::Ring ring;
        long long v = start.v;
        int d = start.d;
        int previous = -1;
        double twice_area = 0.0;
        do {
            auto& bits = at(v);
            if (bits == 0) throw std::logic_error("top_mass_areas: broken cell boundary");
            int next = std::countr_zero(static_cast<unsigned>(bits));
            if (std::popcount(static_cast<unsigned>(bits)) > 1 && previous >= 0) next = turn_right(previous);
            if (v == start.v && previous < 0) next = d;
            if ((bits & (1u << next)) == 0) throw std::logic_error("top_mass_areas: broken cell boundary");
            bits = static_cast<std::uint8_t>(bits & ~(1u << next));
            if (next != previous) ring.push_back(to_point(v));
            const long long nv = v + kDi[static_cast<std::size_t>(next)] +
                                 kDj[static_cast<std::size_t>(next)] * vertex_stride;
            const model::Point a = to_point(v), b = to_point(nv);
            twice_area += a.x * b.y - b.x * a.y;
            previous = next;
            v = nv;
        } while (v != start.v);
        // The start vertex is a corner only if the ring turns there.
        if (previous == start.d) ring.erase(ring.begin());
        ring.push_back(ring.front());
        if (twice_area > 0.0) {
            if (have_outer) throw std::logic_error("top_mass_areas: two outer rings in one component");
            polygon.outer = std::move(ring);
            have_outer = true;
        } else {
            polygon.holes.push_back(std::move(ring));
        }
    }
    if (!have_outer) throw std::logic_error("top_mass_areas: component without outer ring");
    return polygon;
}

}  // namespace

std::vector<HotspotArea> top_mass_areas(std::span<const float> values, const GridSpec& grid,
                                        double percent) {
    if (grid.columns < 0 || grid.rows < 0 ||
        values.size() != static_cast<std::size_t>(grid.columns) * static_cast<std::size_t>(grid.rows))
        throw UsageError("top mass areas: " + std::to_string(values.size()) + " values for a grid of " +
                         std::to_string(grid.columns) + " x " + std::to_string(grid.rows) + " cells");
    if (!(percent > 0.0 && percent <= 100.0))
        throw UsageError("top mass areas: percent must be in (0, 100]");

    if (values.size() > std::numeric_limits<std::uint32_t>::max())
        throw UsageError("top mass areas: grid too large");
    // Sort keys: for positive floats the IEEE bit pattern orders like the value, so
    // (~bits << 32 | index) ascending is value descending, then index ascending, and sorting
    // plain integers avoids an indirect comparison.
    std::vector<std::uint64_t> order;
    double total = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i]))
            throw DataError("top mass areas: cell " + std::to_string(i) + " is not a finite number");
        if (values[i] > 0.0f) {
            total += values[i];
            const auto bits = std::bit_cast<std::uint32_t>(values[i]);
            order.push_back((static_cast<std::uint64_t>(~bits) << 32) | i);
        }
    }
    if (order.empty()) return {};
    std::sort(order.begin(), order.end());
    const auto cell_of = [](std::uint64_t key) { return static_cast<std::size_t>(key & 0xffffffffu); };
    const double target = total * percent / 100.0;
    std::vector<std::uint8_t> selected(values.size(), 0);
    double cumulative = 0.0;
    std::size_t k = 0;
    while (k < order.size() && cumulative < target) {
        cumulative += values[cell_of(order[k])];
        selected[cell_of(order[k])] = 1;
        ++k;
    }
    const float last = values[cell_of(order[k - 1])];
    for (; k < order.size() && values[cell_of(order[k])] == last; ++k) selected[cell_of(order[k])] = 1;

    const Components groups = label_components(selected, grid.columns, grid.rows, /*diagonal=*/true);
    const Components parts = label_components(selected, grid.columns, grid.rows, /*diagonal=*/false);

    std::vector<HotspotArea> areas(groups.cells.size());
    for (std::size_t g = 0; g < groups.cells.size(); ++g) {
        HotspotArea& area = areas[g];
        for (const std::size_t cell : groups.cells[g]) {
            area.mass += values[cell];
            area.peak = std::max(area.peak, static_cast<double>(values[cell]));
        }
        area.cells = static_cast<int>(groups.cells[g].size());
        area.share = area.mass / total;
    }
    // Parts are numbered by their first cell, so each group receives its polygons in that order.
    std::vector<std::uint8_t> outgoing((static_cast<std::size_t>(grid.columns) + 1) *
                                       (static_cast<std::size_t>(grid.rows) + 1), 0);
    for (const auto& part_cells : parts.cells) {
        const auto group = static_cast<std::size_t>(groups.label[part_cells.front()]);
        areas[group].area.push_back(trace_component(part_cells, selected, grid, outgoing));
    }

    std::vector<std::size_t> by_mass(areas.size());
    std::iota(by_mass.begin(), by_mass.end(), std::size_t{0});
    std::stable_sort(by_mass.begin(), by_mass.end(),
                     [&](std::size_t a, std::size_t b) { return areas[a].mass > areas[b].mass; });
    std::vector<HotspotArea> sorted;
    sorted.reserve(areas.size());
    for (const std::size_t g : by_mass) sorted.push_back(std::move(areas[g]));
    return sorted;
}

}  // namespace trygg::hotspot
