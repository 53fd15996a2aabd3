#pragma once
// The walking network as a graph: nodes with coordinates, undirected edges that keep their
// geometry, length, lighting and the walkway feature they come from, and a compressed (CSR)
// adjacency so searches touch only the edges at a node. Built once per job from walkway
// layers and shared read-only by every search (nearby, walking areas, routes).
//
// Noding: ways are split where they share a vertex (OSM ways share nodes at junctions; any
// line layer whose lines meet at common vertices is noded the same way). With
// `node_intersections`, lines are also split where they cross or touch without a common vertex
// (digitised data, where a path crossing a street has no vertex at the crossing); the crossing
// points are found with a uniform grid over the segments, so the cost grows with the number of
// segments, not its square.

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "trygg/model/geometry.hpp"
#include "trygg/model/layer.hpp"

namespace trygg::network {

using NodeId = std::uint32_t;
using EdgeId = std::uint32_t;

// Whether a walkway is lit at night, from OSM `lit` (yes/24/7/automatic: lit; no/disused:
// unlit; anything else or missing: unknown) or from the user's --lit-field (also true/false,
// 1/0, ja/nej).
enum class LitState : std::uint8_t { unknown, lit, unlit };

LitState parse_lit(std::string_view value);
std::string_view to_string(LitState state);  // "unknown", "lit", "unlit"

// One undirected edge: a piece of one walkway between two nodes.
struct WalkEdge {
    NodeId from = 0;
    NodeId to = 0;
    model::LineString geometry;   // from the `from` node to the `to` node; >= 2 points
    double length_m = 0.0;        // length of `geometry`
    LitState lit = LitState::unknown;
    std::uint32_t layer = 0;      // which of the input layers (position in the builder's list)
    std::size_t feature = 0;      // index into that layer's `features`
};

// One entry of a node's adjacency: the edge and the node at its other end.
struct Incidence {
    EdgeId edge = 0;
    NodeId other = 0;
};

class WalkGraph {
public:
    WalkGraph() = default;
    // Builds the adjacency. Throws std::invalid_argument when an edge names a node that does
    // not exist or has fewer than two points.
    WalkGraph(std::vector<model::Point> nodes, std::vector<WalkEdge> edges);

    std::size_t node_count() const noexcept { return nodes_.size(); }
    std::size_t edge_count() const noexcept { return edges_.size(); }
    const model::Point& node(NodeId id) const { return nodes_[id]; }
    const WalkEdge& edge(EdgeId id) const { return edges_[id]; }
    std::span<const model::Point> nodes() const noexcept { return nodes_; }
    std::span<const WalkEdge> edges() const noexcept { return edges_; }

    // The edges at a node, in ascending edge order (a loop edge appears twice).
    std::span<const Incidence> incident(NodeId id) const {
        return {adjacency_.data() + offsets_[id], adjacency_.data() + offsets_[id + 1]};
    }

    double total_length_m() const noexcept;

private:
    std::vector<model::Point> nodes_;
    std::vector<WalkEdge> edges_;
    std::vector<std::size_t> offsets_;   // node_count() + 1 entries
    std::vector<Incidence> adjacency_;
};

struct WalkGraphOptions {
    // Also split lines where they cross or touch without sharing a vertex.
    bool node_intersections = false;
    // Keep only walkable highway values (walkable_highway.hpp) in layers that have a highway
    // value; features without one are always kept (a plain path layer).
    bool walkable_only = true;
};

struct WalkGraphBuild {
    WalkGraph graph;
    std::size_t features_used = 0;
    // Features left out, per reason: "not_walkable" (highway value or foot=no), "no_line"
    // (not a line geometry), "degenerate" (no two distinct points).
    std::map<std::string, std::size_t> left_out;
    std::size_t intersections_added = 0;  // crossing points added by node_intersections
};

// Builds the graph from every accepted line feature of `layers` (in the working CRS). Lit
// state comes from each feature's mapped `lit` value. Deterministic: the same input gives
// the same node and edge numbering.
WalkGraphBuild build_walk_graph(std::span<const model::Layer* const> layers, const WalkGraphOptions& options = {});

// Length of a line in metres.
double line_length(const model::LineString& line);

}  // namespace trygg::network
