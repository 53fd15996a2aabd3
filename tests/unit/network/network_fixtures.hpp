#pragma once
// Helpers for the network tests: walkway layers from plain coordinates, and a brute-force
// shortest-distance reference (Bellman-Ford style relaxation to a fixed point), independent of
// the Dijkstra under test.

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "trygg/model/layer.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::test {

struct LineSpec {
    model::LineString points;
    std::string highway;
    std::string lit;
};

inline model::Layer walkway_layer(const std::vector<LineSpec>& lines) {
    model::Layer layer;
    layer.kind = model::Kind::walkways;
    layer.source = "test";
    layer.name = "walkways";
    for (std::size_t i = 0; i < lines.size(); ++i) {
        model::Feature f;
        f.fid = static_cast<std::int64_t>(i + 1);
        f.id = std::to_string(i + 1);
        f.geometry = model::MultiLineString{lines[i].points};
        f.highway = lines[i].highway;
        f.lit = lines[i].lit;
        layer.features.push_back(std::move(f));
    }
    return layer;
}

inline network::WalkGraph graph_of(const std::vector<model::LineString>& lines, bool node_intersections = false) {
    std::vector<LineSpec> specs;
    for (const auto& l : lines) specs.push_back({l, "", ""});
    const model::Layer layer = walkway_layer(specs);
    const model::Layer* layers[] = {&layer};
    network::WalkGraphOptions options;
    options.node_intersections = node_intersections;
    return network::build_walk_graph(layers, options).graph;
}

// All-node shortest distances from `start` by repeated relaxation of every edge until nothing
// changes: O(V * E), fine for test graphs, and no priority queue in common with the code under test.
inline std::vector<double> reference_distances(const network::WalkGraph& graph, network::NodeId start) {
    std::vector<double> d(graph.node_count(), std::numeric_limits<double>::infinity());
    d[start] = 0.0;
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& e : graph.edges()) {
            if (d[e.from] + e.length_m < d[e.to]) {
                d[e.to] = d[e.from] + e.length_m;
                changed = true;
            }
            if (d[e.to] + e.length_m < d[e.from]) {
                d[e.from] = d[e.to] + e.length_m;
                changed = true;
            }
        }
    }
    return d;
}

}  // namespace trygg::test
