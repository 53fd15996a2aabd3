#pragma once
// Least-cost paths on the walking graph between two positions that lie part-way along edges
// (where a snapped point falls), with any non-negative cost per edge: length for the shortest
// route, the safety-weighted cost (edge_cost.hpp) for the safe one.
//
// Bidirectional Dijkstra: one search grows from the start, one from the end, and the best
// meeting found so far (mu) is final once the two queue heads together cost at least mu
// (Pohl 1971; the stopping rule as in Goldberg & Harrelson 2005, section 3). A position
// mid-edge enters its search through both ends of its edge at the partial costs; a start and
// an end on the same edge also compete with the direct piece between them.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "trygg/network/snapping.hpp"  // EdgePosition
#include "trygg/network/walk_graph.hpp"

namespace trygg::network {

// The part of an edge a path walks, in walking order: from offset `from_m` to offset `to_m`
// (from_m > to_m when the edge is walked against its direction).
struct PathPiece {
    EdgeId edge = 0;
    double from_m = 0.0;
    double to_m = 0.0;
    friend bool operator==(const PathPiece&, const PathPiece&) = default;
};

struct Path {
    bool found = false;   // false: the two positions are not connected
    double cost = 0.0;    // sum over pieces of edge cost * piece length / edge length
    double length_m = 0.0;
    std::vector<PathPiece> pieces;  // empty pieces (at a node) left out
};

// Searches one graph with one cost array, many times. The per-node labels are allocated once
// and reset only where a query touched them, so a query costs what it explores, not the size
// of the graph. Not for concurrent use (one object per thread).
class ShortestPathSearch {
public:
    // `edge_costs` has one finite value >= 0 per edge (the cost of walking the whole edge) and
    // must outlive the object. Throws UsageError for a wrong size or a negative or non-finite cost.
    ShortestPathSearch(const WalkGraph& graph, std::span<const double> edge_costs);

    // The least-cost path from `from` to `to`. Offsets are clamped to [0, edge length]. Throws
    // UsageError when a position names an edge that does not exist.
    Path find(EdgePosition from, EdgePosition to);

    // Nodes taken from the queues by the last find() (both directions): a measure of its work.
    std::size_t last_settled() const noexcept { return settled_; }

private:
    struct Labels {
        std::vector<double> cost;       // infinity when not reached
        std::vector<EdgeId> via_edge;   // the edge the label came through
        std::vector<std::uint8_t> start_end;  // set when reached straight from the position mid-edge
        std::vector<bool> settled;
    };
    const WalkGraph& graph_;
    std::span<const double> costs_;
    Labels forward_, backward_;
    std::vector<NodeId> touched_;
    std::size_t settled_ = 0;
};

// One-off convenience: ShortestPathSearch(graph, edge_costs).find(from, to).
Path shortest_path(const WalkGraph& graph, std::span<const double> edge_costs, EdgePosition from, EdgePosition to);

// The line a path walks (the pieces' geometry joined, in walking order); empty when not found.
// A path that does not move (start == end) gives two equal points.
model::LineString path_geometry(const WalkGraph& graph, const Path& path);

}  // namespace trygg::network
