#include "trygg/network/route.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "trygg/error.hpp"

namespace trygg::network {

namespace {

// The stretches of `on_edge` (offsets along an edge) that a piece walks, as offsets along the
// route, given that the piece starts `route_at` metres along the route.
void add_piece_stretches(const PathPiece& piece, const coverage::LineIntervals& on_edge, double route_at,
                         coverage::LineIntervals& out) {
    const double lo = std::min(piece.from_m, piece.to_m), hi = std::max(piece.from_m, piece.to_m);
    const bool forward = piece.from_m <= piece.to_m;
    for (const coverage::LineInterval& i : coverage::intersection(on_edge, {{lo, hi}})) {
        if (forward) out.push_back({route_at + (i.from_m - lo), route_at + (i.to_m - lo)});
        else out.push_back({route_at + (hi - i.to_m), route_at + (hi - i.from_m)});
    }
}

}  // namespace

RoutePlanner::RoutePlanner(const WalkGraph& graph, std::span<const EdgeConditions> conditions,
                           const RouteOptions& options)
    : graph_(graph),
      conditions_(conditions),
      options_(options),
      length_costs_(length_costs(graph)),
      safe_costs_(safe_costs(graph, conditions, options.weights)),
      shortest_search_(graph, length_costs_),
      safe_search_(graph, safe_costs_) {
    if (!(options.min_dark_m >= 0.0) || !std::isfinite(options.min_dark_m))
        throw UsageError("route: the minimum dark stretch length must be a finite number >= 0");
}

RoutePair RoutePlanner::plan(EdgePosition from, EdgePosition to) {
    const Path shortest = shortest_search_.find(from, to);
    if (!shortest.found)
        throw DataError("the two points lie on different parts of the walking network (not connected)");
    RoutePair pair;
    pair.shortest = describe(shortest);
    pair.safe = describe(safe_search_.find(from, to));
    if (pair.shortest.length_m > 0.0)
        pair.safe.detour_pct = 100.0 * (pair.safe.length_m / pair.shortest.length_m - 1.0);
    return pair;
}

RouteResult RoutePlanner::describe(const Path& path) const {
    RouteResult r;
    r.path = path;
    if (!path.found) return r;
    r.line = path_geometry(graph_, path);
    coverage::LineIntervals lit, seen;
    double route_at = 0.0, exposure_m = 0.0;
    for (const PathPiece& piece : path.pieces) {
        const EdgeConditions& c = conditions_[piece.edge];
        add_piece_stretches(piece, c.lit, route_at, lit);
        add_piece_stretches(piece, c.seen, route_at, seen);
        const double walked = std::abs(piece.to_m - piece.from_m);
        exposure_m += walked * std::clamp(c.exposure, 0.0, 1.0);
        route_at += walked;
    }
    r.length_m = route_at;
    lit = coverage::normalise(std::move(lit));
    seen = coverage::normalise(std::move(seen));
    if (r.length_m > 0.0) {
        r.lit_share = std::clamp(coverage::total_length(lit) / r.length_m, 0.0, 1.0);
        r.seen_share = std::clamp(coverage::total_length(seen) / r.length_m, 0.0, 1.0);
        r.exposure = exposure_m / r.length_m;
    }
    for (const coverage::LineInterval& d : coverage::complement(lit, r.length_m)) {
        r.dark_m += d.to_m - d.from_m;
        if (d.to_m - d.from_m < options_.min_dark_m) continue;
        r.dark.push_back({d.from_m, d.to_m, coverage::cut(r.line, d.from_m, d.to_m)});
    }
    return r;
}

}  // namespace trygg::network
