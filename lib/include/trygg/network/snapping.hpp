#pragma once
// Putting points and areas on the walking network. A point snaps to the nearest point of the
// nearest walkway (its projection onto a segment, usually mid-edge), not to the nearest node:
// a bus stop halfway along a 300 m street is reached from both ends at its true position.
// The snapped position splits its edge only virtually (edge + offset), so one graph serves
// every search.
//
// An area (a park, a sports ground) is reached where the network meets it: every point where a
// walkway crosses its boundary and every node inside it; an area no walkway touches is reached
// at the walkway point nearest to it, like a point.
//
// An R-tree over the bounding boxes of the graph's segments narrows the candidates; exact
// point-segment distances decide, ties broken by the lowest edge and segment, so the answer
// never depends on the tree's internal order.

#include <memory>
#include <optional>
#include <vector>

#include "trygg/model/geometry.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::network {

// A place on an edge: `offset_m` metres along its geometry from the edge's `from` node.
struct EdgePosition {
    EdgeId edge = 0;
    double offset_m = 0.0;
};

struct Snap {
    EdgePosition position;
    model::Point on_network;  // the point on the walkway
    double distance_m = 0.0;  // straight line from the input to on_network (0 on an area's edge)
};

class EdgeSnapper {
public:
    // Indexes the graph's segments; the graph must outlive the snapper.
    explicit EdgeSnapper(const WalkGraph& graph);
    ~EdgeSnapper();
    EdgeSnapper(EdgeSnapper&&) noexcept;
    EdgeSnapper& operator=(EdgeSnapper&&) noexcept;
    EdgeSnapper(const EdgeSnapper&) = delete;
    EdgeSnapper& operator=(const EdgeSnapper&) = delete;

    // The nearest walkway point within max_distance_m (inclusive), or nullopt.
    std::optional<Snap> snap(const model::Point& point, double max_distance_m) const;

    // Where the network reaches an area (see above): the boundary crossings and inner nodes,
    // each with distance 0, or the nearest walkway point within max_distance_m; empty when no
    // walkway comes that close.
    std::vector<Snap> snap_area(const model::MultiPolygon& area, double max_distance_m) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The point at `offset_m` along an edge's geometry (clamped to the edge).
model::Point point_on_edge(const WalkEdge& edge, double offset_m);

// The part of an edge's geometry between two offsets (from <= to, clamped to the edge).
model::LineString edge_piece(const WalkEdge& edge, double from_m, double to_m);

}  // namespace trygg::network
