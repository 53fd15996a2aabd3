#include "trygg/network/walking_area.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

#include "geometry/detail/geos_convert.hpp"
#include "trygg/network/snapping.hpp"

namespace trygg::network {

namespace {

namespace gd = geometry::detail;

// One end of a reached piece that lies on a graph node (a piece cut short by the limit has an
// end in the middle of its edge, which joins nothing).
struct NodeEnd {
    std::size_t piece;
    bool at_start;      // the start of the piece's geometry (else its end)
    double dx, dy;      // unit direction leaving the node along the piece
};

// Pairs the piece ends at one node so trails run as straight as possible through it: repeatedly
// the two ends whose directions are most nearly opposite. Any pairing gives the same buffer
// (round joins make the buffer of a trail the union of its segments' buffers); straight pairs
// keep the trails' offset curves simple, which is what makes GEOS fast.
// Greedy pairing is cubic in the node's degree; past `greedy_limit` ends (never at a street
// junction) the ends are paired in order, which gives the same buffer.
void pair_at_node(const std::vector<NodeEnd>& ends, std::vector<std::array<std::ptrdiff_t, 2>>& next) {
    constexpr std::size_t greedy_limit = 24;
    auto join = [&next](const NodeEnd& x, const NodeEnd& y) {
        next[x.piece][x.at_start ? 0 : 1] = static_cast<std::ptrdiff_t>(2 * y.piece + (y.at_start ? 0 : 1));
        next[y.piece][y.at_start ? 0 : 1] = static_cast<std::ptrdiff_t>(2 * x.piece + (x.at_start ? 0 : 1));
    };
    if (ends.size() > greedy_limit) {
        for (std::size_t i = 0; i + 1 < ends.size(); i += 2) join(ends[i], ends[i + 1]);
        return;
    }
    std::vector<bool> used(ends.size(), false);
    for (std::size_t round = 0; round + 1 < ends.size(); round += 2) {
        double best = std::numeric_limits<double>::infinity();
        std::size_t a = 0, b = 0;
        for (std::size_t i = 0; i < ends.size(); ++i) {
            if (used[i]) continue;
            for (std::size_t j = i + 1; j < ends.size(); ++j) {
                if (used[j]) continue;
                const double dot = ends[i].dx * ends[j].dx + ends[i].dy * ends[j].dy;
                if (dot < best) {
                    best = dot;
                    a = i;
                    b = j;
                }
            }
        }
        used[a] = used[b] = true;
        join(ends[a], ends[b]);
    }
}

}  // namespace

model::MultiLineString reached_trails(const WalkGraph& graph, std::span<const EdgePiece> pieces) {
    // The pieces' geometries; a piece of zero length is a point the neighbouring pieces cover.
    std::vector<model::LineString> lines;
    std::vector<std::array<NodeId, 2>> node_of;   // node at each end, or none
    constexpr NodeId none = std::numeric_limits<NodeId>::max();
    for (const EdgePiece& p : pieces) {
        const WalkEdge& e = graph.edge(p.edge);
        model::LineString line = edge_piece(e, p.from_m, p.to_m);
        if (line.size() < 2 || (line.size() == 2 && line.front() == line.back())) continue;
        // The piece touches a node when it starts at the edge's start or ends at its end (the
        // search reports whole edges as [0, length]).
        const double tolerance = 1e-9 * std::max(1.0, e.length_m);
        node_of.push_back({p.from_m <= tolerance ? e.from : none, p.to_m >= e.length_m - tolerance ? e.to : none});
        lines.push_back(std::move(line));
    }

    // Ends per node, paired at each node.
    std::vector<std::pair<NodeId, NodeEnd>> ends;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& l = lines[i];
        for (int side = 0; side < 2; ++side) {
            const NodeId n = node_of[i][static_cast<std::size_t>(side)];
            if (n == none) continue;
            const model::Point& at = side == 0 ? l[0] : l[l.size() - 1];
            const model::Point& toward = side == 0 ? l[1] : l[l.size() - 2];
            double dx = toward.x - at.x, dy = toward.y - at.y;
            const double len = std::hypot(dx, dy);
            if (len > 0) dx /= len, dy /= len;
            ends.push_back({n, NodeEnd{i, side == 0, dx, dy}});
        }
    }
    std::stable_sort(ends.begin(), ends.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    // next[piece][end]: 2 * other piece + other end, or -1 (a trail ends there).
    std::vector<std::array<std::ptrdiff_t, 2>> next(lines.size(), {-1, -1});
    std::vector<NodeEnd> at_node;
    for (std::size_t i = 0; i < ends.size();) {
        std::size_t j = i;
        at_node.clear();
        for (; j < ends.size() && ends[j].first == ends[i].first; ++j) at_node.push_back(ends[j].second);
        pair_at_node(at_node, next);
        i = j;
    }

    // Walk the trails: first from every free end, then the closed loops that remain.
    model::MultiLineString trails;
    std::vector<bool> done(lines.size(), false);
    auto walk = [&](std::size_t piece, int entry_side) {
        model::LineString trail;
        for (;;) {
            done[piece] = true;
            const auto& l = lines[piece];
            if (entry_side == 0) trail.insert(trail.end(), l.begin() + (trail.empty() ? 0 : 1), l.end());
            else trail.insert(trail.end(), l.rbegin() + (trail.empty() ? 0 : 1), l.rend());
            const std::ptrdiff_t to = next[piece][static_cast<std::size_t>(1 - entry_side)];
            if (to < 0) break;
            const auto other = static_cast<std::size_t>(to) / 2;
            if (done[other]) break;
            piece = other;
            entry_side = static_cast<int>(static_cast<std::size_t>(to) % 2);
        }
        trails.push_back(std::move(trail));
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (done[i]) continue;
        if (next[i][0] < 0) walk(i, 0);
        else if (next[i][1] < 0) walk(i, 1);
    }
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!done[i]) walk(i, 0);
    return trails;
}

model::MultiPolygon walking_area(const WalkGraph& graph, std::span<const EdgePiece> pieces,
                                 const WalkingAreaOptions& options, const model::MultiLineString& extra) {
    if (!(options.buffer_m > 0.0)) return {};
    model::MultiLineString lines = reached_trails(graph, pieces);
    for (const auto& line : extra)
        if (line.size() >= 2) lines.push_back(line);
    if (lines.empty()) return {};
    const gd::GeosContext ctx;
    struct ParamsDeleter {
        GEOSContextHandle_t handle;
        void operator()(GEOSBufferParams* p) const noexcept { GEOSBufferParams_destroy_r(handle, p); }
    };
    const std::unique_ptr<GEOSBufferParams, ParamsDeleter> params(GEOSBufferParams_create_r(ctx.get()),
                                                                  ParamsDeleter{ctx.get()});
    if (!params || !GEOSBufferParams_setEndCapStyle_r(ctx.get(), params.get(), GEOSBUF_CAP_ROUND) ||
        !GEOSBufferParams_setJoinStyle_r(ctx.get(), params.get(), GEOSBUF_JOIN_ROUND) ||
        !GEOSBufferParams_setQuadrantSegments_r(ctx.get(), params.get(), options.quadrant_segments))
        ctx.fail("set the walking area's buffer parameters");
    // Each trail buffered on its own, then one cascaded union (OverlayNG). A single buffer of the
    // whole collection is the same point set but nodes every offset curve against every other in
    // GEOS's older buffer graph; on real OSM data (overlapping or nearly coincident ways) that
    // often fails at full precision and is redone with snap rounding, 10-20x slower
    // (bench/README.md, "nearby at scale").
    std::vector<gd::GeomPtr> corridors;
    corridors.reserve(lines.size());
    for (const auto& line : lines) {
        const gd::GeomPtr geos_line = gd::to_geos(ctx, line);
        corridors.push_back(gd::own(ctx, GEOSBufferWithParams_r(ctx.get(), geos_line.get(), params.get(), options.buffer_m),
                                    "buffer a walking area trail"));
    }
    const gd::GeomPtr all = gd::collect(ctx, GEOS_GEOMETRYCOLLECTION, std::move(corridors));
    const gd::GeomPtr buffered = gd::own(ctx, GEOSUnaryUnion_r(ctx.get(), all.get()), "unite the walking area's corridors");
    return gd::to_multipolygon(ctx, buffered.get());
}

}  // namespace trygg::network
