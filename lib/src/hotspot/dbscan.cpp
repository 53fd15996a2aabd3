#include "trygg/hotspot/dbscan.hpp"

#include "detail/disjoint_sets.hpp"
#include "trygg/error.hpp"
#include "trygg/index/point_grid.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>

namespace trygg::hotspot {
namespace {

using index::max_squared_distance;
using index::min_squared_distance;
using index::squared_distance;

// Cells are made a hair smaller than eps/sqrt(2) so that the diagonal of a cell stays below eps
// after rounding; whether a cell really has all its points within eps of each other is still
// checked on its points (see Layout::compact), so this only makes the fast path the usual one.
constexpr double kCellShrink = 1.0 - 1e-9;
// The reach of eps in cells of side eps/sqrt(2) is 2 (ceil(sqrt(2))), so neighbours of a point
// are within this many cells in each direction.
constexpr std::int64_t kReach = 2;

std::string number(double value) {
    std::ostringstream out;
    out.precision(17);
    out << value;
    return out.str();
}

void validate(std::span<const model::Point> points, const DbscanParams& params) {
    if (!std::isfinite(params.eps) || params.eps <= 0.0) {
        throw UsageError("DBSCAN eps must be a positive finite distance in metres, got " + number(params.eps));
    }
    if (!std::isfinite(params.min_points) || params.min_points <= 0.0) {
        throw UsageError("DBSCAN min_points must be a positive finite number, got " + number(params.min_points));
    }
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!std::isfinite(points[i].x) || !std::isfinite(points[i].y)) {
            throw UsageError("DBSCAN point " + std::to_string(i) + " has a non-finite coordinate");
        }
    }
    if (points.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
        throw UsageError("DBSCAN takes at most 2^31-1 points, got " + std::to_string(points.size()));
    }
    if (!params.weights.empty()) {
        if (params.weights.size() != points.size()) {
            throw UsageError("DBSCAN weights: " + std::to_string(params.weights.size()) + " weights for " +
                             std::to_string(points.size()) + " points");
        }
        for (std::size_t i = 0; i < params.weights.size(); ++i) {
            const double w = params.weights[i];
            if (!std::isfinite(w) || w < 0.0) {
                throw UsageError("DBSCAN weights: weight of point " + std::to_string(i) +
                                 " must be finite and >= 0, got " + number(w));
            }
        }
    }
    if (params.time_window) {
        if (*params.time_window < 0) {
            throw UsageError("DBSCAN time window must be >= 0 seconds, got " + std::to_string(*params.time_window));
        }
        if (params.times.empty() && !points.empty()) {
            throw UsageError("DBSCAN time window given without times for the points");
        }
    }
    if (!params.times.empty() && params.times.size() != points.size()) {
        throw UsageError("DBSCAN times: " + std::to_string(params.times.size()) + " times for " +
                         std::to_string(points.size()) + " points");
    }
}

// |a - b| <= window without overflow, for any two int64 values (the difference of two int64
// fits in uint64 when taken from the smaller one).
bool within_window(std::int64_t a, std::int64_t b, std::int64_t window) noexcept {
    if (a > b) std::swap(a, b);
    return static_cast<std::uint64_t>(b) - static_cast<std::uint64_t>(a) <= static_cast<std::uint64_t>(window);
}

std::int64_t saturating_add(std::int64_t a, std::int64_t b) noexcept {
    constexpr std::int64_t high = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t low = std::numeric_limits<std::int64_t>::min();
    if (b > 0 && a > high - b) return high;
    if (b < 0 && a < low - b) return low;
    return a + b;
}

// Reports the fraction done about every 1%; the test per step is one comparison.
class Progress {
public:
    Progress(const std::function<void(double)>& callback, std::size_t total)
        : callback_(callback), total_(std::max<std::size_t>(total, 1)) {
        if (callback_) callback_(0.0);
        step_ = std::max<std::size_t>(total_ / 100, 1);
        next_ = step_;
    }
    void advance(std::size_t units = 1) {
        done_ += units;
        if (done_ >= next_) report();
    }
    void finish() {
        if (callback_) callback_(1.0);
    }

private:
    void report() {
        next_ = (done_ / step_ + 1) * step_;
        if (callback_) callback_(std::min(1.0, static_cast<double>(done_) / static_cast<double>(total_)));
    }
    const std::function<void(double)>& callback_;
    std::size_t total_;
    std::size_t step_ = 1;
    std::size_t next_ = 1;
    std::size_t done_ = 0;
};

// The points in grid order ("slots"): cell by cell in (column, row) order. Positions in these
// arrays are what the algorithm works on. Inside a cell the points stay in the grid's order
// (ascending input index) when that order cannot change any result: without weights every
// count is a whole number, summed exactly in any order, and every other choice the algorithm
// makes (nearest core, numbering) breaks ties by the points themselves. With weights (sums of
// doubles) or times (the time window needs each cell sorted by time), each cell is re-sorted
// by (time, x, y, weight), so the order is fully determined by the points, never by their
// input order.
class Layout {
public:
    Layout(std::span<const model::Point> points, const DbscanParams& params, bool timed, double eps2)
        : grid_(make_grid(points, params.eps)) {
        const std::size_t n = points.size();
        const std::size_t cells = grid_.cell_count();
        const bool weighted = !params.weights.empty();
        cell_begin_.resize(cells + 1);
        for (std::size_t cell = 0; cell < cells; ++cell) cell_begin_[cell] = static_cast<std::uint32_t>(grid_.cell_begin(cell));
        cell_begin_[cells] = static_cast<std::uint32_t>(n);

        if (!timed && !weighted) {
            position_ = grid_.points();
            input_ = grid_.indices();
        } else {
            auto weight_of = [&params, weighted](std::size_t i) { return weighted ? params.weights[i] : 1.0; };
            auto time_of = [&params, timed](std::size_t i) { return timed ? params.times[i] : std::int64_t{0}; };
            own_position_.reserve(n);
            own_input_.reserve(n);
            if (timed) time_.reserve(n);
            if (weighted) {
                weight_.reserve(n);
                cumulative_weight_.reserve(n);
            }
            std::vector<std::size_t> members;
            for (std::size_t cell = 0; cell < cells; ++cell) {
                const auto indices = grid_.cell_indices(cell);
                members.assign(indices.begin(), indices.end());
                std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
                    return std::make_tuple(time_of(a), points[a].x, points[a].y, weight_of(a)) <
                           std::make_tuple(time_of(b), points[b].x, points[b].y, weight_of(b));
                });
                double running = 0.0;
                for (const std::size_t i : members) {
                    own_position_.push_back(points[i]);
                    own_input_.push_back(i);
                    if (timed) time_.push_back(params.times[i]);
                    if (weighted) {
                        weight_.push_back(params.weights[i]);
                        running += params.weights[i];
                        cumulative_weight_.push_back(running);
                    }
                }
            }
            position_ = own_position_;
            input_ = own_input_;
        }

        // Same operations as squared_distance on the two farthest coordinates, so by monotonic
        // rounding no pair of the cell can compute a larger distance.
        compact_.resize(cells);
        for (std::size_t cell = 0; cell < cells; ++cell) {
            const model::Box& box = grid_.cell_extent(cell);
            const double dx = box.max_x - box.min_x;
            const double dy = box.max_y - box.min_y;
            compact_[cell] = dx * dx + dy * dy <= eps2 ? 1 : 0;
        }

        // Candidate cells: the 5x5 block around each cell (every cell is paired with itself, so
        // each gets a group, own cell first), kept when the two bounding boxes come within eps.
        neighbour_begin_.assign(cells + 1, 0);
        neighbours_.reserve(cells * 9);
        std::size_t current = cells;
        grid_.for_each_cell_pair(kReach, [&](std::size_t cell, std::size_t other) {
            if (cell != current) {
                current = cell;
                neighbour_begin_[cell] = neighbours_.size();
                neighbours_.push_back(static_cast<std::uint32_t>(cell));
            }
            if (other != cell && min_squared_distance(grid_.cell_extent(cell), grid_.cell_extent(other)) <= eps2) {
                neighbours_.push_back(static_cast<std::uint32_t>(other));
            }
        });
        neighbour_begin_[cells] = neighbours_.size();
    }
    Layout(const Layout&) = delete;
    Layout& operator=(const Layout&) = delete;

    std::size_t cell_count() const { return compact_.size(); }
    std::size_t begin(std::size_t cell) const { return cell_begin_[cell]; }
    std::size_t end(std::size_t cell) const { return cell_begin_[cell + 1]; }
    const model::Box& box(std::size_t cell) const { return grid_.cell_extent(cell); }
    bool compact(std::size_t cell) const { return compact_[cell] != 0; }
    std::span<const std::uint32_t> neighbours_of(std::size_t cell) const {
        return std::span<const std::uint32_t>(neighbours_).subspan(neighbour_begin_[cell],
                                                                   neighbour_begin_[cell + 1] - neighbour_begin_[cell]);
    }

    std::span<const model::Point> position() const { return position_; }
    std::size_t input(std::size_t slot) const { return input_[slot]; }
    std::span<const std::int64_t> times() const { return time_; }  // empty without a time window
    std::int64_t time(std::size_t slot) const { return time_.empty() ? 0 : time_[slot]; }
    double weight(std::size_t slot) const { return weight_.empty() ? 1.0 : weight_[slot]; }
    // Sum of weights over slots [lo, hi) of one cell.
    double weight_sum(std::size_t cell, std::size_t lo, std::size_t hi) const {
        if (cumulative_weight_.empty()) return static_cast<double>(hi - lo);
        const double before = lo > begin(cell) ? cumulative_weight_[lo - 1] : 0.0;
        return cumulative_weight_[hi - 1] - before;
    }

private:
    static index::PointGrid make_grid(std::span<const model::Point> points, double eps) {
        try {
            return index::PointGrid(points, eps / std::sqrt(2.0) * kCellShrink);
        } catch (const UsageError& error) {
            throw UsageError("DBSCAN eps " + number(eps) + " cannot be used with these points: " + error.message());
        }
    }

    index::PointGrid grid_;
    std::span<const model::Point> position_;  // the grid's or own_position_
    std::span<const std::size_t> input_;      // input index of each slot: the grid's or own_input_
    std::vector<model::Point> own_position_;  // only when cells are re-sorted
    std::vector<std::size_t> own_input_;
    std::vector<std::int64_t> time_;              // only with a time window
    std::vector<double> weight_;                  // only with weights
    std::vector<double> cumulative_weight_;       // per cell, inclusive prefix sums of weight
    std::vector<std::uint32_t> cell_begin_;       // slots of cell c: [cell_begin_[c], cell_begin_[c + 1])
    std::vector<std::uint8_t> compact_;           // 1 when every two points of the cell are within eps
    std::vector<std::size_t> neighbour_begin_;    // cells whose points may be within eps of cell c:
    std::vector<std::uint32_t> neighbours_;       // [neighbour_begin_[c], neighbour_begin_[c + 1]), c first
};

}  // namespace

DbscanResult dbscan(std::span<const model::Point> points, const DbscanParams& params) {
    validate(points, params);
    const std::size_t n = points.size();
    DbscanResult result;
    result.labels.assign(n, -1);
    result.roles.assign(n, PointRole::noise);
    Progress progress(params.progress, 3 * n);
    if (n == 0) {
        progress.finish();
        return result;
    }

    const bool timed = params.time_window.has_value();
    const std::int64_t window = timed ? *params.time_window : 0;
    const double eps2 = params.eps * params.eps;
    const double min_points = params.min_points;
    const Layout layout(points, params, timed, eps2);
    const std::size_t cells = layout.cell_count();
    const std::span<const model::Point> position = layout.position();

    // The positions in [first, last) of `sorted` (times in increasing order) within the window of t.
    auto time_range = [&](std::span<const std::int64_t> sorted, std::size_t first, std::size_t last,
                          std::int64_t t) -> std::pair<std::size_t, std::size_t> {
        if (!timed) return {first, last};
        const auto begin = sorted.begin() + static_cast<std::ptrdiff_t>(first);
        const auto end = sorted.begin() + static_cast<std::ptrdiff_t>(last);
        const auto lo = std::lower_bound(begin, end, saturating_add(t, -window));
        const auto hi = std::upper_bound(lo, end, saturating_add(t, window));
        return {static_cast<std::size_t>(lo - sorted.begin()), static_cast<std::size_t>(hi - sorted.begin())};
    };

    // 1. Core points: count the weight of each point's neighbourhood, cell by cell, taking a
    //    cell whole when it lies entirely within eps and stopping once min_points is reached.
    //    Without a time window, every point of a compact cell is a neighbour of all the cell's
    //    points, so a compact cell that weighs min_points is all core at once (Gan & Tao).
    std::vector<std::uint8_t> is_core(n, 0);
    for (std::size_t cell = 0; cell < cells; ++cell) {
        const std::size_t first = layout.begin(cell);
        const std::size_t last = layout.end(cell);
        if (!timed && layout.compact(cell) && layout.weight_sum(cell, first, last) >= min_points) {
            std::fill(is_core.begin() + static_cast<std::ptrdiff_t>(first),
                      is_core.begin() + static_cast<std::ptrdiff_t>(last), std::uint8_t{1});
            progress.advance(last - first);
            continue;
        }
        const auto around = layout.neighbours_of(cell);
        for (std::size_t slot = first; slot < last; ++slot) {
            progress.advance();
            const model::Point p = position[slot];
            double count = 0.0;
            for (const std::uint32_t other : around) {
                const model::Box& box = layout.box(other);
                if (min_squared_distance(box, p) > eps2) continue;
                const auto [lo, hi] = time_range(layout.times(), layout.begin(other), layout.end(other), layout.time(slot));
                if (lo == hi) continue;
                if (max_squared_distance(box, p) <= eps2) {
                    count += layout.weight_sum(other, lo, hi);
                } else {
                    for (std::size_t q = lo; q < hi && count < min_points; ++q) {
                        if (squared_distance(p, position[q]) <= eps2) count += layout.weight(q);
                    }
                }
                if (count >= min_points) break;
            }
            is_core[slot] = count >= min_points ? 1 : 0;
        }
    }

    // The core points of each cell ("cores", numbered 0..core_count-1 in slot order) and their
    // times, in the cell's (time-sorted) order.
    std::vector<std::uint32_t> core_begin;
    std::vector<std::uint32_t> core_slot;
    std::vector<std::int64_t> core_time;  // only with a time window
    core_begin.reserve(cells + 1);
    for (std::size_t cell = 0; cell < cells; ++cell) {
        core_begin.push_back(static_cast<std::uint32_t>(core_slot.size()));
        for (std::size_t slot = layout.begin(cell); slot < layout.end(cell); ++slot) {
            if (is_core[slot]) {
                core_slot.push_back(static_cast<std::uint32_t>(slot));
                if (timed) core_time.push_back(layout.time(slot));
            }
        }
    }
    core_begin.push_back(static_cast<std::uint32_t>(core_slot.size()));
    const std::size_t core_count = core_slot.size();

    // 2. Connect cores (a union-find over core numbers). Inside a compact cell every two cores
    //    are neighbours in space, so they are neighbours exactly when their times are within the
    //    window: along the time order that makes runs with consecutive gaps <= window, each run
    //    one component, and two runs never neighbours. Without a time window a compact cell's
    //    cores are one run. In other cells every core is its own run.
    trygg::detail::DisjointSets sets(core_count);
    std::vector<std::uint32_t> run_end(core_count);  // end (core number) of the run holding each core
    for (std::size_t cell = 0; cell < cells; ++cell) {
        const std::size_t first = core_begin[cell];
        const std::size_t last = core_begin[cell + 1];
        if (!layout.compact(cell)) {
            for (std::size_t c = first; c < last; ++c) run_end[c] = static_cast<std::uint32_t>(c + 1);
            continue;
        }
        std::size_t run_start = first;
        for (std::size_t c = first; c < last; ++c) {
            if (timed && c > first && !within_window(core_time[c - 1], core_time[c], window)) {
                for (std::size_t r = run_start; r < c; ++r) run_end[r] = static_cast<std::uint32_t>(c);
                run_start = c;
            }
            if (c > run_start) sets.unite(c - 1, c);
        }
        for (std::size_t r = run_start; r < last; ++r) run_end[r] = static_cast<std::uint32_t>(last);
    }
    // Between cells (each unordered pair once) and inside non-compact cells. When both cells are
    // compact and there is no time window, each cell's cores are one set: the pair is skipped
    // if the sets are already joined, else joined at the first core-core pair within eps.
    // Otherwise, for each core p and each run of the other cell within p's time window: skip
    // the run if already joined to p, join it at once if the whole cell lies within eps of p,
    // else look for the first core of the run within eps.
    for (std::size_t cell = 0; cell < cells; ++cell) {
        const std::size_t first = core_begin[cell];
        const std::size_t last = core_begin[cell + 1];
        if (first == last) continue;
        const bool cell_is_one_set = !timed && layout.compact(cell);
        for (const std::uint32_t other : layout.neighbours_of(cell)) {
            if (other < cell || (other == cell && layout.compact(cell))) continue;
            const std::size_t other_first = core_begin[other];
            const std::size_t other_last = core_begin[other + 1];
            if (other_first == other_last) continue;
            const model::Box& box = layout.box(other);
            if (cell_is_one_set && layout.compact(other)) {
                if (sets.find(first) == sets.find(other_first)) continue;
                for (std::size_t c = first; c < last; ++c) {
                    const model::Point p = position[core_slot[c]];
                    if (min_squared_distance(box, p) > eps2) continue;
                    std::size_t partner = other_last;
                    if (max_squared_distance(box, p) <= eps2) {
                        partner = other_first;
                    } else {
                        for (std::size_t k = other_first; k < other_last; ++k) {
                            if (squared_distance(p, position[core_slot[k]]) <= eps2) {
                                partner = k;
                                break;
                            }
                        }
                    }
                    if (partner != other_last) {
                        sets.unite(c, partner);
                        break;
                    }
                }
                continue;
            }
            for (std::size_t c = first; c < last; ++c) {
                const std::size_t p_slot = core_slot[c];
                const model::Point p = position[p_slot];
                if (min_squared_distance(box, p) > eps2) continue;
                const auto [lo, hi] = time_range(core_time, other_first, other_last, layout.time(p_slot));
                const bool whole = max_squared_distance(box, p) <= eps2;
                for (std::size_t k = lo; k < hi; k = run_end[k]) {
                    if (sets.find(c) == sets.find(k)) continue;
                    if (whole) {
                        sets.unite(c, k);
                        continue;
                    }
                    const std::size_t stop = std::min<std::size_t>(run_end[k], hi);
                    for (std::size_t j = k; j < stop; ++j) {
                        if (squared_distance(p, position[core_slot[j]]) <= eps2) {
                            sets.unite(c, j);
                            break;
                        }
                    }
                }
            }
        }
        progress.advance(last - first);
    }
    progress.advance(n - core_count);

    // 3. Clusters in grid order (provisional ids), then border points: the nearest core
    //    neighbour, ties to the core with the smallest (x, y, time).
    std::vector<std::int32_t> cluster_of(n, -1);  // per slot
    {
        std::vector<std::int32_t> cluster_of_root(core_count, -1);
        std::int32_t clusters = 0;
        for (std::size_t c = 0; c < core_count; ++c) {
            std::int32_t& id = cluster_of_root[sets.find(c)];
            if (id < 0) id = clusters++;
            cluster_of[core_slot[c]] = id;
        }
        result.cluster_count = clusters;
    }
    const auto clusters = static_cast<std::size_t>(result.cluster_count);
    auto core_key = [&](std::size_t slot) { return std::make_tuple(position[slot].x, position[slot].y, layout.time(slot)); };

    // The nearest core only matters when a point has core neighbours in two or more clusters,
    // which is rare. So a first pass only collects the clusters of the core neighbours, and it
    // is cheap: when all cores of a cell are in one cluster (known per cell), a cell wholly
    // within eps answers at once and a cell cut by the circle needs one core within eps.
    constexpr std::int32_t kNoCore = -1;
    constexpr std::int32_t kManyClusters = -2;
    std::vector<std::int32_t> cell_cluster(cells, kNoCore);
    for (std::size_t cell = 0; cell < cells; ++cell) {
        for (std::size_t c = core_begin[cell]; c < core_begin[cell + 1]; ++c) {
            const std::int32_t id = cluster_of[core_slot[c]];
            std::int32_t& mine = cell_cluster[cell];
            mine = mine == kNoCore || mine == id ? id : kManyClusters;
        }
    }
    auto nearest_core = [&](std::size_t slot, std::span<const std::uint32_t> around) {
        const model::Point p = position[slot];
        double best_distance = std::numeric_limits<double>::infinity();
        std::size_t best = n;
        for (const std::uint32_t other : around) {
            if (cell_cluster[other] == kNoCore || min_squared_distance(layout.box(other), p) > eps2) continue;
            const auto [lo, hi] = time_range(core_time, core_begin[other], core_begin[other + 1], layout.time(slot));
            for (std::size_t k = lo; k < hi; ++k) {
                const std::size_t q = core_slot[k];
                const double d2 = squared_distance(p, position[q]);
                if (d2 > eps2 || d2 > best_distance) continue;
                if (best == n || d2 < best_distance || core_key(q) < core_key(best)) {
                    best_distance = d2;
                    best = q;
                }
            }
        }
        return best;
    };
    for (std::size_t cell = 0; cell < cells; ++cell) {
        const std::size_t first = layout.begin(cell);
        const std::size_t last = layout.end(cell);
        progress.advance(last - first);
        if (core_begin[cell + 1] - core_begin[cell] == last - first) continue;  // all core
        const auto around = layout.neighbours_of(cell);
        for (std::size_t slot = first; slot < last; ++slot) {
            if (is_core[slot]) continue;
            const model::Point p = position[slot];
            std::int32_t found = kNoCore;  // the one cluster seen so far, or kManyClusters
            auto see = [&found](std::int32_t id) { found = found == kNoCore || found == id ? id : kManyClusters; };
            for (const std::uint32_t other : around) {
                const std::int32_t single = cell_cluster[other];
                if (single == kNoCore || min_squared_distance(layout.box(other), p) > eps2) continue;
                const auto [lo, hi] = time_range(core_time, core_begin[other], core_begin[other + 1], layout.time(slot));
                if (lo == hi) continue;
                if (single >= 0 && max_squared_distance(layout.box(other), p) <= eps2) {
                    see(single);
                } else {
                    for (std::size_t k = lo; k < hi; ++k) {
                        if (squared_distance(p, position[core_slot[k]]) <= eps2) {
                            see(cluster_of[core_slot[k]]);
                            if (single >= 0 || found == kManyClusters) break;
                        }
                    }
                }
                if (found == kManyClusters) break;
            }
            if (found >= 0) {
                cluster_of[slot] = found;
            } else if (found == kManyClusters) {
                cluster_of[slot] = cluster_of[nearest_core(slot, around)];
            }
        }
    }

    // 4. Number clusters by decreasing size, ties by the smallest core point (x, y, time).
    std::vector<std::size_t> size(clusters, 0);
    std::vector<std::size_t> smallest_core(clusters, n);
    for (std::size_t slot = 0; slot < n; ++slot) {
        if (cluster_of[slot] < 0) continue;
        const auto id = static_cast<std::size_t>(cluster_of[slot]);
        ++size[id];
        if (is_core[slot] && (smallest_core[id] == n || core_key(slot) < core_key(smallest_core[id]))) {
            smallest_core[id] = slot;
        }
    }
    std::vector<std::size_t> order(clusters);
    for (std::size_t id = 0; id < order.size(); ++id) order[id] = id;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (size[a] != size[b]) return size[a] > size[b];
        return core_key(smallest_core[a]) < core_key(smallest_core[b]);
    });
    std::vector<std::int32_t> number_of(order.size());
    for (std::size_t rank = 0; rank < order.size(); ++rank) number_of[order[rank]] = static_cast<std::int32_t>(rank);

    for (std::size_t slot = 0; slot < n; ++slot) {
        const std::size_t i = layout.input(slot);
        if (cluster_of[slot] >= 0) result.labels[i] = number_of[static_cast<std::size_t>(cluster_of[slot])];
        result.roles[i] = is_core[slot] ? PointRole::core : (cluster_of[slot] >= 0 ? PointRole::border : PointRole::noise);
    }
    progress.finish();
    return result;
}

}  // namespace trygg::hotspot
