#pragma once
// Two routes between the same two places: the shortest, and the safe one that minimises the
// safety-weighted cost (edge_cost.hpp), with the figures a safety walk compares — length,
// detour against the shortest, lit and seen shares, hotspot exposure — and the dark stretches
// of each route as lines.

#include <span>
#include <vector>

#include "trygg/coverage/line_intervals.hpp"
#include "trygg/network/edge_cost.hpp"
#include "trygg/network/shortest_path.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::network {

struct RouteOptions {
    SafetyWeights weights;
    // Dark stretches shorter than this are left out of RouteResult::dark (they still count in
    // lit_share): slivers between two lit discs are not worth a line on a map.
    double min_dark_m = 1.0;
};

// An unlit stretch of a route: `from_m`..`to_m` metres along the route line, and the line.
struct DarkStretch {
    double from_m = 0.0;
    double to_m = 0.0;
    model::LineString line;
};

struct RouteResult {
    Path path;
    model::LineString line;   // path_geometry(path)
    double length_m = 0.0;
    double detour_pct = 0.0;  // 100 * (length / shortest length - 1); 0 for the shortest itself
    double lit_share = 0.0;   // lit length / length (0..1)
    double seen_share = 0.0;  // seen length / length
    double exposure = 0.0;    // length-weighted mean of the edges' exposure (0..1)
    double dark_m = 0.0;      // unlit length (all of it, short stretches included)
    std::vector<DarkStretch> dark;
};

struct RoutePair {
    RouteResult shortest;
    RouteResult safe;
};

// Plans route pairs on one graph with conditions computed once (edge_conditions()). Holds one
// search per cost array; not for concurrent use.
class RoutePlanner {
public:
    // `conditions` has one entry per edge and must outlive the planner, as must `graph`.
    // Throws UsageError for a size mismatch or bad weights.
    RoutePlanner(const WalkGraph& graph, std::span<const EdgeConditions> conditions, const RouteOptions& options);

    // Both routes from `from` to `to`. Throws DataError when the two positions are not
    // connected by the network (different connected components).
    RoutePair plan(EdgePosition from, EdgePosition to);

    // The figures and dark stretches of a path found on this planner's graph.
    RouteResult describe(const Path& path) const;

    const std::vector<double>& safe_edge_costs() const noexcept { return safe_costs_; }

private:
    const WalkGraph& graph_;
    std::span<const EdgeConditions> conditions_;
    RouteOptions options_;
    std::vector<double> length_costs_;
    std::vector<double> safe_costs_;
    ShortestPathSearch shortest_search_;
    ShortestPathSearch safe_search_;
};

}  // namespace trygg::network
