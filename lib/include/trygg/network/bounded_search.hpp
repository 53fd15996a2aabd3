#pragma once
// Dijkstra's algorithm bounded by a distance limit, starting from positions in the middle of
// edges (snapped stops, route ends), on a graph shared by every search. The search keeps a
// workspace sized to the graph but resets only what it touched, so a search costs
// O(r log r) for the r nodes within the limit, never O(graph): a thousand stops with a
// 10-minute walk each visit their own neighbourhoods, not the whole town a thousand times.
//
// Distances are exact network distances: a node is settled with its shortest distance when
// that is <= the limit; a position mid-edge is reached through either end of its edge, or
// directly along the edge when a source lies on the same edge.

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "trygg/network/snapping.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::network {

// Where a search starts: a position on an edge, and the cost already spent getting there (the
// walk from a stop to the walkway, say).
struct SearchSource {
    EdgePosition position;
    double start_m = 0.0;
};

// The reached part of one edge, [from_m, to_m] along it from its `from` node.
struct EdgePiece {
    EdgeId edge = 0;
    double from_m = 0.0;
    double to_m = 0.0;
};

// Which ways an edge may be walked. Walkways are two-way; one-way edges exist only for
// comparisons with directed graphs (pgRouting's sample network) and for callers that need them.
enum class EdgeDirection : std::uint8_t { none = 0, forward = 1, backward = 2, both = 3 };

class BoundedSearch {
public:
    static constexpr double unreached = std::numeric_limits<double>::infinity();

    // The graph must outlive the search. One BoundedSearch per thread.
    explicit BoundedSearch(const WalkGraph& graph);

    // Runs from the sources (several: the cheapest wins) up to limit_m, replacing the previous
    // run's results. `directions` (one per edge, or empty for all two-way) restricts the way
    // edges are walked: `forward` is from the edge's `from` node to its `to` node.
    void run(std::span<const SearchSource> sources, double limit_m, std::span<const EdgeDirection> directions = {});

    double limit_m() const noexcept { return limit_; }
    // Nodes settled within the limit, in the order they were settled (ascending distance).
    std::span<const NodeId> reached() const noexcept { return reached_; }
    // Shortest distance to a node, or `unreached` when it is beyond the limit.
    double distance(NodeId node) const;
    // Shortest distance to a position on an edge (either end, or along a source's own edge), or
    // `unreached` when beyond the limit. Like reached_pieces(), it takes the edge as two-way.
    double distance_to(const EdgePosition& position) const;
    // The reached parts of every edge, merged per edge and sorted by edge: what a walker can
    // cover within the limit, partial edges included.
    std::vector<EdgePiece> reached_pieces() const;

private:
    const WalkGraph* graph_;
    std::vector<double> distance_;      // tentative, per node; `unreached` when untouched
    std::vector<unsigned char> settled_;
    std::vector<NodeId> touched_;
    std::vector<NodeId> reached_;
    std::vector<SearchSource> sources_;
    double limit_ = 0.0;
};

}  // namespace trygg::network
