#include "trygg/network/components.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace trygg::network {

Components connected_components(const WalkGraph& graph) {
    constexpr auto unset = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> label(graph.node_count(), unset);
    std::vector<ComponentInfo> found;
    std::vector<NodeId> queue;
    for (NodeId start = 0; start < graph.node_count(); ++start) {
        if (label[start] != unset) continue;
        const auto id = static_cast<std::uint32_t>(found.size());
        found.emplace_back();
        label[start] = id;
        queue.assign(1, start);
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const NodeId u = queue[head];
            ++found[id].nodes;
            for (const Incidence& inc : graph.incident(u)) {
                if (label[inc.other] == unset) {
                    label[inc.other] = id;
                    queue.push_back(inc.other);
                }
            }
        }
    }
    for (const WalkEdge& e : graph.edges()) {
        ++found[label[e.from]].edges;
        found[label[e.from]].length_m += e.length_m;
    }
    // Renumber: longest first; found is already in order of lowest node id, so a stable sort
    // keeps that order among equal lengths.
    std::vector<std::uint32_t> order(found.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return found[a].length_m > found[b].length_m; });
    std::vector<std::uint32_t> new_id(found.size());
    Components out;
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        new_id[order[i]] = i;
        out.info.push_back(found[order[i]]);
    }
    out.of_node.resize(label.size());
    for (std::size_t n = 0; n < label.size(); ++n) out.of_node[n] = new_id[label[n]];
    return out;
}

}  // namespace trygg::network
