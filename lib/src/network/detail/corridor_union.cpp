#include "network/detail/corridor_union.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

namespace trygg::network::detail {

namespace {

// Floor and ceiling of non-negative grid coordinates (every corridor lies two cells inside the
// grid): a truncation, cheaper than std::floor / std::ceil without SSE4.1.
int floor_of(double x) { return static_cast<int>(x); }
int ceil_of(double x) {
    const int i = static_cast<int>(x);
    return i + (i < x ? 1 : 0);
}

// Grid units: the node (i, j) is at (i, j); world = origin + spacing * grid.
struct GridPoint {
    double x, y;
};

// A corridor in grid units, ready to be cut by lines y = const (swap x and y for columns).
struct Corridor {
    GridPoint a, b;
    GridPoint upper, lower;   // the start of the long sides of the rectangle between the discs
    double side_low_y = 0.0, side_high_y = -1.0;  // the y range of each long side (empty: none)
    double dx_per_dy = 0.0;   // the long sides' slope, x per y
    int first_line = 0, last_line = -1;  // the lines y = j it spans

    Corridor(GridPoint a_, GridPoint b_, double r) : a(a_), b(b_) {
        first_line = ceil_of(std::min(a.y, b.y) - r);
        last_line = floor_of(std::max(a.y, b.y) + r);
        const double dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
        // A side parallel to the lines meets them in its ends, which lie on the discs: no side.
        if (!(len > 0.0) || dy == 0.0) return;
        const double nx = -dy / len * r, ny = dx / len * r;
        upper = {a.x + nx, a.y + ny};
        lower = {a.x - nx, a.y - ny};
        side_low_y = std::min(0.0, dy);
        side_high_y = std::max(0.0, dy);
        dx_per_dy = dx / dy;
    }
};

// Where the line y crosses the corridor: the corridor is the convex hull of the discs at its two
// ends, i.e. the two discs and the rectangle between them, whose short sides are diameters of the
// discs; so the span is the hull of the discs' spans and the crossings of the two long sides.
// All four parts are computed every time, a part the line misses giving an empty span.
[[gnu::always_inline]] inline bool span_at(const Corridor& c, double r2, double y, double& from, double& to) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    auto disc = [&](const GridPoint& p, double& lo, double& hi) {
        const double dy = y - p.y, h2 = r2 - dy * dy;
        const double h = std::sqrt(std::max(h2, 0.0));
        lo = h2 >= 0.0 ? p.x - h : inf;
        hi = h2 >= 0.0 ? p.x + h : -inf;
    };
    auto side = [&](const GridPoint& p, double& lo, double& hi) {
        const double along = y - p.y;  // y offset from the side's start
        const double x = p.x + along * c.dx_per_dy;
        const bool on = along >= c.side_low_y && along <= c.side_high_y;
        lo = on ? x : inf;
        hi = on ? x : -inf;
    };
    double lo[4], hi[4];
    disc(c.a, lo[0], hi[0]);
    disc(c.b, lo[1], hi[1]);
    side(c.upper, lo[2], hi[2]);
    side(c.lower, lo[3], hi[3]);
    from = std::min(std::min(lo[0], lo[1]), std::min(lo[2], lo[3]));
    to = std::max(std::max(hi[0], hi[1]), std::max(hi[2], hi[3]));
    return from <= to;
}

// The spans of the corridors on the grid line being swept: per node, +1 where a span starts
// covering nodes and -1 after its last node (the prefix sum counts the corridors covering each
// node), and where the union enters and leaves between two nodes, as a fraction of that cell
// edge (the smallest start before the first node it covers, the largest end after the last).
class LineSpans {
public:
    // All zero when unmarked (cleared with memset): enter is kept as 2 - fraction and leave as
    // 1 + fraction, both the larger the better, so 0 means none.
    struct Node {
        std::int32_t delta;
        float enter_code, leave_code;
        double enter() const { return 2.0 - enter_code; }
        double leave() const { return leave_code - 1.0; }
    };

    void prepare(int nodes) {
        if (nodes_.size() < static_cast<std::size_t>(nodes) + 1) nodes_.resize(static_cast<std::size_t>(nodes) + 1, Node{0, 0.0f, 0.0f});
    }

    // The union covers [from, to] (grid units along the line) on this line.
    void add(double from, double to) {
        const int i0 = ceil_of(from);
        const int i1 = floor_of(to);
        if (i0 > i1) return;  // between two nodes: the tip of a corridor, below the grid's resolution
        Node& start = nodes_[static_cast<std::size_t>(i0)];
        ++start.delta;
        start.enter_code = std::max(start.enter_code, static_cast<float>(2.0 - (from - (i0 - 1))));
        Node& end = nodes_[static_cast<std::size_t>(i1)];
        end.leave_code = std::max(end.leave_code, static_cast<float>(1.0 + (to - i1)));
        --nodes_[static_cast<std::size_t>(i1) + 1].delta;
        first_ = std::min(first_, i0);
        last_ = std::max(last_, i1 + 1);
    }

    // Nodes [first, last] hold every span's marks (the union covers none past last - 1).
    int first() const { return first_; }
    int last() const { return last_; }

    // Writes the line's node states (1 inside, 0 outside) to states[first .. last], whose
    // states[first - 1] must be 0; calls on_change(i, fraction) where the state changes between
    // nodes i - 1 and i, with the fraction of that edge where the boundary crosses it. Clears the
    // marks, ready for the next line. Three tight passes: the prefix sums, a scan for changes
    // eight nodes at a time (the boundary is rare along a line), a memset.
    template <typename OnChange>
    void take(std::uint8_t* states, const OnChange& on_change) {
        if (last_ < first_) return;
        int covering = 0;
        for (int i = first_; i <= last_; ++i) {
            covering += nodes_[static_cast<std::size_t>(i)].delta;
            states[i] = covering > 0 ? 1 : 0;
        }
        for (int i = first_; i <= last_; ++i) {
            if (i + 8 <= last_ + 1) {
                std::uint64_t here, before;
                std::memcpy(&here, states + i, 8);
                std::memcpy(&before, states + i - 1, 8);
                if (here == before) {
                    i += 7;
                    continue;
                }
            }
            if (states[i] == states[i - 1]) continue;
            on_change(i, states[i] ? nodes_[static_cast<std::size_t>(i)].enter()
                                   : nodes_[static_cast<std::size_t>(i) - 1].leave());
        }
        std::memset(static_cast<void*>(nodes_.data() + first_), 0, sizeof(Node) * static_cast<std::size_t>(last_ - first_ + 1));
        first_ = std::numeric_limits<int>::max();
        last_ = -1;
    }

private:
    std::vector<Node> nodes_;
    int first_ = std::numeric_limits<int>::max(), last_ = -1;
};

// Sweeps the lines y = j (0 <= j < lines) over the corridors, in order, each line with only the
// corridors that span it, so every mark lands in the one line's buffer, which stays in cache.
// Calls on_line(j, spans) for each line that some corridor spans.
template <typename OnLine>
void sweep(std::span<const Corridor> corridors, double r, int lines, LineSpans& spans, std::vector<Corridor>& sorted,
           std::vector<Corridor>& active, const OnLine& on_line) {
    // The corridors by their first line (a counting sort), copied so the sweep reads them in order.
    std::vector<std::uint32_t> starting(static_cast<std::size_t>(lines) + 1, 0);
    for (const Corridor& c : corridors) ++starting[static_cast<std::size_t>(c.first_line) + 1];
    for (std::size_t j = 1; j < starting.size(); ++j) starting[j] += starting[j - 1];
    sorted.resize(corridors.size(), corridors.front());
    for (const Corridor& c : corridors) sorted[starting[static_cast<std::size_t>(c.first_line)]++] = c;
    const double r2 = r * r;
    active.clear();
    std::size_t next = 0;
    double from = 0.0, to = 0.0;
    for (int j = 0; j < lines; ++j) {
        while (next < sorted.size() && sorted[next].first_line == j) active.push_back(sorted[next++]);
        if (active.empty()) continue;
        // The active corridors are kept together (a removed one is replaced by the last), which
        // changes their order but not the line's marks: counts, minima and maxima.
        for (std::size_t k = 0; k < active.size();) {
            const Corridor& c = active[k];
            if (span_at(c, r2, j, from, to)) spans.add(from, to);
            if (c.last_line <= j) {
                active[k] = active.back();
                active.pop_back();
            } else {
                ++k;
            }
        }
        on_line(j, spans);  // takes (and clears) the line's marks
    }
}

// One crossing of the boundary with a cell edge: horizontal edges (i, j)-(i + 1, j) have even
// ids, vertical ones (i, j)-(i, j + 1) odd.
struct Link {
    std::uint64_t from, to;
};

double signed_area(const std::vector<GridPoint>& ring) {
    double twice = 0.0;
    for (std::size_t k = 0, n = ring.size(); k < n; ++k) {
        const GridPoint& p = ring[k];
        const GridPoint& q = ring[(k + 1) % n];
        twice += p.x * q.y - q.x * p.y;
    }
    return twice / 2.0;
}

// Even-odd test of a point against a ring (open: the last point is not repeated).
bool inside_ring(const GridPoint& p, const std::vector<GridPoint>& ring) {
    bool in = false;
    for (std::size_t k = 0, n = ring.size(), l = n - 1; k < n; l = k++) {
        const GridPoint& a = ring[k];
        const GridPoint& b = ring[l];
        if ((a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y)) in = !in;
    }
    return in;
}

// Drops the vertices that lie (to `tolerance` grid units) on the chord of their neighbours: a
// straight corridor side crosses many grid lines and needs only its two ends.
void drop_collinear(std::vector<GridPoint>& ring, double tolerance) {
    if (ring.size() < 4) return;
    std::vector<GridPoint> kept;
    kept.reserve(ring.size());
    for (const GridPoint& p : ring) {
        while (kept.size() >= 2) {
            const GridPoint& a = kept[kept.size() - 2];
            const GridPoint& b = kept.back();
            const double cx = p.x - a.x, cy = p.y - a.y, len = std::sqrt(cx * cx + cy * cy);
            const double off = std::abs((b.x - a.x) * cy - (b.y - a.y) * cx);
            const bool between = (b.x - a.x) * cx + (b.y - a.y) * cy > 0.0 && (p.x - b.x) * cx + (p.y - b.y) * cy > 0.0;
            if (len > 0.0 && between && off <= tolerance * len) kept.pop_back();
            else break;
        }
        kept.push_back(p);
    }
    if (kept.size() >= 3) ring = std::move(kept);
}

struct Workspace {
    LineSpans spans;
    std::vector<Corridor> corridors, sorted, active;
    std::vector<std::uint8_t> inside;   // per node (row-major), from the rows
    std::vector<int> row_first, row_last;  // per row: the nodes that may be inside, [first, last)
    // Per horizontal cell edge (i, j)-(i + 1, j), at j * width + i, where the boundary crosses it
    // as a fraction of the edge; read only where the rows' states change, where it was written.
    std::vector<float> horizontal;
    // The corridors (x and y swapped, for vertical lines) by bucket of bucket_size x bucket_size
    // cells: the corridors whose box (widened by the radius) meets bucket b are
    // bucket_corridors[bucket_start[b] .. bucket_start[b + 1]).
    std::vector<Corridor> swapped;
    std::vector<std::uint32_t> bucket_start, bucket_corridors;
    std::vector<std::pair<double, double>> near_spans;  // one vertical edge's spans
    std::vector<Link> links;
    // Per crossing edge id (2 * node + vertical), the link leaving it; written for each link
    // made, read only for the crossings of this trace, so never reset.
    std::vector<std::uint32_t> link_from;
};

model::Box bounds_of(std::span<const Segment> segments) {
    model::Box box{segments[0].a.x, segments[0].a.y, segments[0].a.x, segments[0].a.y};
    for (const Segment& s : segments)
        for (const model::Point& p : {s.a, s.b}) {
            box.min_x = std::min(box.min_x, p.x), box.max_x = std::max(box.max_x, p.x);
            box.min_y = std::min(box.min_y, p.y), box.max_y = std::max(box.max_y, p.y);
        }
    return box;
}

// The grid spacing for segments within `box`: the one asked for (or radius / 6), grown when the
// box would need more than max_nodes nodes. The grid has (w / s + 6) (h / s + 6) nodes;
// s >= sqrt(w h / (0.9 max_nodes)) keeps that under max_nodes for any extent the margin matters for.
double grid_spacing(const model::Box& box, double radius, const CorridorGrid& grid) {
    const double spacing = grid.spacing_m > 0.0 ? grid.spacing_m : radius / 6.0;
    const double w = box.max_x - box.min_x + 2 * radius, h = box.max_y - box.min_y + 2 * radius;
    return std::max(spacing, std::sqrt(w * h / (0.9 * grid.max_nodes)));
}

}  // namespace

model::MultiPolygon trace_corridor_union(std::span<const Segment> segments, double radius, const CorridorGrid& grid) {
    if (segments.empty() || !(radius > 0.0)) return {};
    const model::Box box = bounds_of(segments);
    const double spacing = grid_spacing(box, radius, grid);

    // The grid: aligned to multiples of the spacing (the same lines for every call, so areas that
    // share a boundary trace it alike), two empty nodes beyond the corridors on every side.
    const double min_x = box.min_x, min_y = box.min_y, max_x = box.max_x, max_y = box.max_y;
    const GridPoint origin{(std::floor((min_x - radius) / spacing) - 2) * spacing,
                           (std::floor((min_y - radius) / spacing) - 2) * spacing};
    const int width = static_cast<int>(std::ceil((max_x + radius - origin.x) / spacing)) + 3;
    const int height = static_cast<int>(std::ceil((max_y + radius - origin.y) / spacing)) + 3;
    const double r = radius / spacing;

    thread_local Workspace ws;
    const auto node_count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    if (ws.inside.size() < node_count) {
        ws.inside.resize(node_count, 0);
        ws.horizontal.resize(node_count, 0.0f);
        ws.link_from.resize(2 * node_count, 0);
    }
    auto node = [width](int i, int j) { return static_cast<std::size_t>(j) * static_cast<std::size_t>(width) + static_cast<std::size_t>(i); };
    ws.spans.prepare(std::max(width, height));
    ws.row_first.assign(static_cast<std::size_t>(height), std::numeric_limits<int>::max());
    ws.row_last.assign(static_cast<std::size_t>(height), -1);

    // Rows: which nodes are inside, and where the boundary crosses the horizontal edges.
    ws.corridors.clear();
    for (const Segment& s : segments)
        ws.corridors.emplace_back(GridPoint{(s.a.x - origin.x) / spacing, (s.a.y - origin.y) / spacing},
                                  GridPoint{(s.b.x - origin.x) / spacing, (s.b.y - origin.y) / spacing}, r);
    sweep(ws.corridors, r, height, ws.spans, ws.sorted, ws.active, [&](int j, LineSpans& spans) {
        ws.row_first[static_cast<std::size_t>(j)] = spans.first();
        ws.row_last[static_cast<std::size_t>(j)] = spans.last();
        float* crossing = ws.horizontal.data() + node(0, j);
        spans.take(ws.inside.data() + node(0, j), [crossing](int i, double fraction) { crossing[i - 1] = static_cast<float>(fraction); });
    });
    // Vertical edges: only the few the boundary crosses matter, so the corridors are bucketed and
    // each such edge asks its bucket (a sweep of the columns like the rows' made the whole trace
    // a quarter slower).
    constexpr int bucket_size = 8;
    const int buckets_x = width / bucket_size + 1, buckets_y = height / bucket_size + 1;
    ws.swapped.clear();
    for (const Segment& s : segments)
        ws.swapped.emplace_back(GridPoint{(s.a.y - origin.y) / spacing, (s.a.x - origin.x) / spacing},
                                GridPoint{(s.b.y - origin.y) / spacing, (s.b.x - origin.x) / spacing}, r);
    auto for_buckets_of = [&](const Segment& s, const auto& each) {
        const int x0 = floor_of((std::min(s.a.x, s.b.x) - origin.x) / spacing - r) / bucket_size;
        const int x1 = floor_of((std::max(s.a.x, s.b.x) - origin.x) / spacing + r) / bucket_size;
        const int y0 = floor_of((std::min(s.a.y, s.b.y) - origin.y) / spacing - r) / bucket_size;
        const int y1 = floor_of((std::max(s.a.y, s.b.y) - origin.y) / spacing + r) / bucket_size;
        for (int by = y0; by <= y1; ++by)
            for (int bx = x0; bx <= x1; ++bx) each(static_cast<std::size_t>(by) * static_cast<std::size_t>(buckets_x) + static_cast<std::size_t>(bx));
    };
    ws.bucket_start.assign(static_cast<std::size_t>(buckets_x) * static_cast<std::size_t>(buckets_y) + 1, 0);
    for (const Segment& s : segments) for_buckets_of(s, [&](std::size_t b) { ++ws.bucket_start[b + 1]; });
    for (std::size_t b = 1; b < ws.bucket_start.size(); ++b) ws.bucket_start[b] += ws.bucket_start[b - 1];
    ws.bucket_corridors.resize(ws.bucket_start.back());
    {
        std::vector<std::uint32_t> fill(ws.bucket_start.begin(), ws.bucket_start.end() - 1);
        for (std::uint32_t k = 0; k < segments.size(); ++k)
            for_buckets_of(segments[k], [&](std::size_t b) { ws.bucket_corridors[fill[b]++] = k; });
    }
    // Where the boundary crosses the vertical edge (i, j)-(i, j + 1), one end inside: from the
    // inside end, follow the union of the corridors' spans on the line x = i to its end.
    auto vertical_crossing = [&](int i, int j, bool lower_inside) {
        const std::size_t b = static_cast<std::size_t>(j / bucket_size) * static_cast<std::size_t>(buckets_x) +
                              static_cast<std::size_t>(i / bucket_size);
        const std::size_t b_up = static_cast<std::size_t>((j + 1) / bucket_size) * static_cast<std::size_t>(buckets_x) +
                                 static_cast<std::size_t>(i / bucket_size);
        auto& near = ws.near_spans;
        near.clear();
        const double r2 = r * r;
        for (const std::size_t bucket : {b, b_up}) {
            for (std::uint32_t k = ws.bucket_start[bucket]; k < ws.bucket_start[bucket + 1]; ++k) {
                double lo = 0.0, hi = 0.0;
                if (span_at(ws.swapped[ws.bucket_corridors[k]], r2, i, lo, hi) && hi >= j && lo <= j + 1)
                    near.push_back({lo, hi});
            }
            if (b_up == b) break;
        }
        // Grow the covered stretch from the inside end until no span extends it (a few rounds).
        double end = lower_inside ? j : j + 1.0;
        for (bool grew = true; grew;) {
            grew = false;
            for (const auto& [lo, hi] : near) {
                if (lower_inside && lo <= end && hi > end) end = hi, grew = true;
                if (!lower_inside && hi >= end && lo < end) end = lo, grew = true;
            }
        }
        return end - j;
    };

    // Marching squares. Going round a cell counter-clockwise (edge k from corner k to k + 1:
    // bottom, right, top, left), the boundary leaves the union on an edge whose first corner is
    // inside; with the union on its left it runs to the next edge (counter-clockwise) where it
    // enters again. In a saddle cell (opposite corners inside) that joins the two inside
    // corners, a choice below the grid's resolution that keeps the rings simple.
    auto edge_id = [width](int i, int j, bool vertical) {
        return 2 * (static_cast<std::uint64_t>(j) * static_cast<std::uint64_t>(width) + static_cast<std::uint64_t>(i)) +
               (vertical ? 1 : 0);
    };
    ws.links.clear();
    for (int j = 0; j + 1 < height; ++j) {
        const int from = std::max(0, std::min(ws.row_first[static_cast<std::size_t>(j)], ws.row_first[static_cast<std::size_t>(j) + 1]) - 1);
        const int to = std::min(width - 1, std::max(ws.row_last[static_cast<std::size_t>(j)], ws.row_last[static_cast<std::size_t>(j) + 1]));
        const std::uint8_t* below = ws.inside.data() + node(0, j);
        const std::uint8_t* above = ws.inside.data() + node(0, j + 1);
        for (int i = from; i < to; ++i) {
            // Most cells lie wholly inside or outside: skip eight at a time (nodes i .. i + 8).
            if (i + 9 <= width) {
                std::uint64_t b0, b1, a0, a1;
                std::memcpy(&b0, below + i, 8);
                std::memcpy(&b1, below + i + 1, 8);
                std::memcpy(&a0, above + i, 8);
                std::memcpy(&a1, above + i + 1, 8);
                constexpr std::uint64_t all = 0x0101010101010101ULL;
                if ((b0 == all && b1 == all && a0 == all && a1 == all) || (b0 | b1 | a0 | a1) == 0) {
                    i += 7;
                    continue;
                }
            }
            const bool corner[4] = {below[i] != 0, below[i + 1] != 0, above[i + 1] != 0, above[i] != 0};
            const int count = corner[0] + corner[1] + corner[2] + corner[3];
            if (count == 0 || count == 4) continue;
            const std::uint64_t edge[4] = {edge_id(i, j, false), edge_id(i + 1, j, true), edge_id(i, j + 1, false),
                                           edge_id(i, j, true)};
            for (int k = 0; k < 4; ++k) {
                if (!corner[k] || corner[(k + 1) % 4]) continue;  // not an exit
                for (int m = 1; m < 4; ++m) {
                    const int e = (k + m) % 4;
                    if (!corner[e] && corner[(e + 1) % 4]) {
                        ws.link_from[edge[k]] = static_cast<std::uint32_t>(ws.links.size());
                        ws.links.push_back({edge[k], edge[e]});
                        break;
                    }
                }
            }
        }
    }

    // The crossing point on an edge, in grid units, kept a micro-cell off the nodes so that no
    // two vertices of the trace coincide. Where float rounding made a node right on the boundary
    // look inside to the rows and outside to the columns (or the other way), the vertical
    // crossing falls outside its edge and clamps to its end.
    auto crossing = [&](std::uint64_t id) {
        const auto at = static_cast<std::size_t>(id / 2);
        const int i = static_cast<int>(at % static_cast<std::size_t>(width));
        const int j = static_cast<int>(at / static_cast<std::size_t>(width));
        const double f = id % 2 == 0 ? ws.horizontal[at] : vertical_crossing(i, j, ws.inside[at] != 0);
        const double t = std::clamp(f, 1e-6, 1.0 - 1e-6);
        return id % 2 == 0 ? GridPoint{i + t, static_cast<double>(j)} : GridPoint{static_cast<double>(i), j + t};
    };

    // Chain the links into rings: every crossing is left by exactly one link.
    std::vector<bool> used(ws.links.size(), false);
    std::vector<std::vector<GridPoint>> outers, holes;
    const double collinear_tolerance = 1e-4 / spacing;  // 0.1 mm
    for (std::size_t start = 0; start < ws.links.size(); ++start) {
        if (used[start]) continue;
        std::vector<GridPoint> ring;
        for (std::size_t k = start; !used[k]; k = ws.link_from[ws.links[k].to]) {
            used[k] = true;
            ring.push_back(crossing(ws.links[k].from));
        }
        drop_collinear(ring, collinear_tolerance);
        if (ring.size() < 3) continue;
        (signed_area(ring) > 0.0 ? outers : holes).push_back(std::move(ring));
    }
    for (int j = 0; j < height; ++j)
        if (ws.row_last[static_cast<std::size_t>(j)] >= 0)
            std::fill(ws.inside.begin() + static_cast<std::ptrdiff_t>(node(ws.row_first[static_cast<std::size_t>(j)], j)),
                      ws.inside.begin() + static_cast<std::ptrdiff_t>(node(ws.row_last[static_cast<std::size_t>(j)], j)) + 1, 0);

    // Each hole belongs to the smallest outer ring around it (an island inside a hole is an
    // outer ring of its own).
    std::vector<double> outer_area(outers.size());
    for (std::size_t o = 0; o < outers.size(); ++o) outer_area[o] = signed_area(outers[o]);
    std::vector<std::vector<std::size_t>> holes_of(outers.size());
    for (std::size_t h = 0; h < holes.size(); ++h) {
        std::size_t owner = 0;
        if (outers.size() > 1) {
            double best = std::numeric_limits<double>::infinity();
            for (std::size_t o = 0; o < outers.size(); ++o)
                if (outer_area[o] < best && inside_ring(holes[h].front(), outers[o])) best = outer_area[o], owner = o;
        }
        if (!outers.empty()) holes_of[owner].push_back(h);
    }

    auto to_world = [&](const std::vector<GridPoint>& ring) {
        model::Ring out;
        out.reserve(ring.size() + 1);
        for (const GridPoint& p : ring) out.push_back({origin.x + p.x * spacing, origin.y + p.y * spacing});
        out.push_back(out.front());
        return out;
    };
    model::MultiPolygon result(outers.size());
    for (std::size_t o = 0; o < outers.size(); ++o) {
        result[o].outer = to_world(outers[o]);
        for (const std::size_t h : holes_of[o]) result[o].holes.push_back(to_world(holes[h]));
    }
    return result;
}

}  // namespace trygg::network::detail
