#pragma once
// Connected components of the walking network. A stop or activity snapped onto a small piece
// that is cut off from the rest (a path in a courtyard, a data gap) can reach almost nothing;
// the components let the tools report such places instead of silently listing nothing.

#include <cstdint>
#include <vector>

#include "trygg/network/walk_graph.hpp"

namespace trygg::network {

struct ComponentInfo {
    std::size_t nodes = 0;
    std::size_t edges = 0;
    double length_m = 0.0;  // total edge length
};

struct Components {
    // Component of each node. Components are numbered by total length, longest first (ties:
    // the one holding the lowest node id first), so component 0 is the main network.
    std::vector<std::uint32_t> of_node;
    std::vector<ComponentInfo> info;

    std::uint32_t of_edge(const WalkGraph& graph, EdgeId edge) const { return of_node[graph.edge(edge).from]; }
    // True for a component other than the main one whose total length is below min_length_m.
    bool tiny(std::uint32_t component, double min_length_m) const {
        return component != 0 && info[component].length_m < min_length_m;
    }
};

// O(nodes + edges) breadth-first labelling.
Components connected_components(const WalkGraph& graph);

}  // namespace trygg::network
