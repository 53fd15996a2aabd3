#include "trygg/network/shortest_path.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <string>
#include <utility>

#include "trygg/coverage/line_intervals.hpp"
#include "trygg/error.hpp"

namespace trygg::network {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// How a label was set: through an edge from a neighbour, or straight from the position
// mid-edge, leaving the edge at its `from` end (offset 0) or its `to` end (offset length).
enum StartEnd : std::uint8_t { not_start = 0, start_at_from = 1, start_at_to = 2 };

// Ties are broken by node id, so equal-cost queries always expand (and answer) the same way.
using QueueEntry = std::pair<double, NodeId>;
using Queue = std::priority_queue<QueueEntry, std::vector<QueueEntry>, std::greater<>>;

double clamp_offset(const WalkEdge& e, double offset) {
    if (!(offset > 0.0)) return 0.0;  // also NaN
    return std::min(offset, e.length_m);
}

// Cost of walking `part_m` metres of an edge: the edge's cost pro rata.
double partial_cost(double edge_cost, const WalkEdge& e, double part_m) {
    if (!(e.length_m > 0.0)) return 0.0;
    return edge_cost * (part_m / e.length_m);
}

}  // namespace

ShortestPathSearch::ShortestPathSearch(const WalkGraph& graph, std::span<const double> edge_costs)
    : graph_(graph), costs_(edge_costs) {
    if (edge_costs.size() != graph.edge_count())
        throw UsageError("shortest path: " + std::to_string(edge_costs.size()) + " edge costs for " +
                         std::to_string(graph.edge_count()) + " edges");
    for (std::size_t i = 0; i < edge_costs.size(); ++i)
        if (!(edge_costs[i] >= 0.0) || !std::isfinite(edge_costs[i]))
            throw UsageError("shortest path: the cost of edge " + std::to_string(i) + " is not a finite number >= 0");
    for (Labels* labels : {&forward_, &backward_}) {
        labels->cost.assign(graph.node_count(), kInfinity);
        labels->via_edge.assign(graph.node_count(), 0);
        labels->start_end.assign(graph.node_count(), not_start);
        labels->settled.assign(graph.node_count(), false);
    }
}

Path ShortestPathSearch::find(EdgePosition from, EdgePosition to) {
    for (const EdgePosition& p : {from, to})
        if (p.edge >= graph_.edge_count())
            throw UsageError("shortest path: edge " + std::to_string(p.edge) + " does not exist (the graph has " +
                             std::to_string(graph_.edge_count()) + " edges)");
    for (NodeId v : touched_) {
        for (Labels* labels : {&forward_, &backward_}) {
            labels->cost[v] = kInfinity;
            labels->start_end[v] = not_start;
            labels->settled[v] = false;
        }
    }
    touched_.clear();
    settled_ = 0;

    const WalkEdge& start_edge = graph_.edge(from.edge);
    const WalkEdge& end_edge = graph_.edge(to.edge);
    const double a = clamp_offset(start_edge, from.offset_m);
    const double b = clamp_offset(end_edge, to.offset_m);
    const double start_cost = costs_[from.edge];
    const double end_cost = costs_[to.edge];

    // The best connection so far: the direct piece when both ends lie on one edge, else none.
    double best = kInfinity;
    bool best_is_direct = false;
    NodeId meeting = 0;
    if (from.edge == to.edge) {
        best = partial_cost(start_cost, start_edge, std::abs(b - a));
        best_is_direct = true;
    }

    Queue forward_queue, backward_queue;
    auto label = [&](Labels& mine, const Labels& other, Queue& queue, NodeId v, double cost, EdgeId via,
                     StartEnd start) {
        if (!(cost < mine.cost[v])) return;
        if (mine.cost[v] == kInfinity && other.cost[v] == kInfinity) touched_.push_back(v);
        mine.cost[v] = cost;
        mine.via_edge[v] = via;
        mine.start_end[v] = start;
        queue.push({cost, v});
        if (other.cost[v] < kInfinity && cost + other.cost[v] < best) {
            best = cost + other.cost[v];
            best_is_direct = false;
            meeting = v;
        }
    };
    label(forward_, backward_, forward_queue, start_edge.from, partial_cost(start_cost, start_edge, a), from.edge,
          start_at_from);
    label(forward_, backward_, forward_queue, start_edge.to,
          partial_cost(start_cost, start_edge, start_edge.length_m - a), from.edge, start_at_to);
    label(backward_, forward_, backward_queue, end_edge.from, partial_cost(end_cost, end_edge, b), to.edge,
          start_at_from);
    label(backward_, forward_, backward_queue, end_edge.to, partial_cost(end_cost, end_edge, end_edge.length_m - b),
          to.edge, start_at_to);

    // The cost at the head of a queue, after dropping entries already settled or superseded.
    auto head = [](Queue& queue, const Labels& labels) {
        while (!queue.empty()) {
            const auto [cost, v] = queue.top();
            if (!labels.settled[v] && cost == labels.cost[v]) return cost;
            queue.pop();
        }
        return kInfinity;
    };
    for (;;) {
        const double forward_head = head(forward_queue, forward_);
        const double backward_head = head(backward_queue, backward_);
        // Any path not yet seen leaves both searched regions, so it costs at least the two heads.
        if (forward_head + backward_head >= best) break;
        const bool go_forward = forward_head <= backward_head;
        Labels& mine = go_forward ? forward_ : backward_;
        const Labels& other = go_forward ? backward_ : forward_;
        Queue& queue = go_forward ? forward_queue : backward_queue;
        const NodeId u = queue.top().second;
        queue.pop();
        mine.settled[u] = true;
        ++settled_;
        const double at = mine.cost[u];
        for (const Incidence& inc : graph_.incident(u))
            label(mine, other, queue, inc.other, at + costs_[inc.edge], inc.edge, not_start);
    }

    Path path;
    if (best == kInfinity) return path;
    path.found = true;
    path.cost = best;
    if (best_is_direct) {
        path.pieces.push_back({from.edge, a, b});
    } else {
        // Start side: follow the forward labels back from the meeting node to the start.
        std::vector<PathPiece> head_pieces;
        NodeId v = meeting;
        while (forward_.start_end[v] == not_start) {
            const EdgeId e = forward_.via_edge[v];
            const WalkEdge& edge = graph_.edge(e);
            const NodeId u = edge.from == v ? edge.to : edge.from;
            head_pieces.push_back(u == edge.from ? PathPiece{e, 0.0, edge.length_m} : PathPiece{e, edge.length_m, 0.0});
            v = u;
        }
        head_pieces.push_back({from.edge, a, forward_.start_end[v] == start_at_from ? 0.0 : start_edge.length_m});
        path.pieces.assign(head_pieces.rbegin(), head_pieces.rend());
        // End side: follow the backward labels from the meeting node to the end.
        v = meeting;
        while (backward_.start_end[v] == not_start) {
            const EdgeId e = backward_.via_edge[v];
            const WalkEdge& edge = graph_.edge(e);
            const NodeId w = edge.from == v ? edge.to : edge.from;
            path.pieces.push_back(v == edge.from ? PathPiece{e, 0.0, edge.length_m} : PathPiece{e, edge.length_m, 0.0});
            v = w;
        }
        path.pieces.push_back({to.edge, backward_.start_end[v] == start_at_from ? 0.0 : end_edge.length_m, b});
        // Pieces of zero length (a position exactly at a node) say nothing; keep one if that is all.
        const PathPiece first = path.pieces.front();
        std::erase_if(path.pieces, [](const PathPiece& p) { return p.from_m == p.to_m; });
        if (path.pieces.empty()) path.pieces.push_back(first);
    }
    for (const PathPiece& p : path.pieces) path.length_m += std::abs(p.to_m - p.from_m);
    return path;
}

Path shortest_path(const WalkGraph& graph, std::span<const double> edge_costs, EdgePosition from, EdgePosition to) {
    ShortestPathSearch search(graph, edge_costs);
    return search.find(from, to);
}

model::LineString path_geometry(const WalkGraph& graph, const Path& path) {
    model::LineString line;
    if (!path.found) return line;
    for (const PathPiece& p : path.pieces) {
        const model::LineString& edge = graph.edge(p.edge).geometry;
        const double lo = std::min(p.from_m, p.to_m), hi = std::max(p.from_m, p.to_m);
        model::LineString piece = coverage::cut(edge, lo, hi);
        // Exact node coordinates at the ends of an edge, so consecutive pieces join exactly.
        if (lo <= 0.0) piece.front() = edge.front();
        if (hi >= graph.edge(p.edge).length_m) piece.back() = edge.back();
        if (p.from_m > p.to_m) std::reverse(piece.begin(), piece.end());
        for (const model::Point& q : piece)
            if (line.empty() || !(line.back() == q)) line.push_back(q);
    }
    if (line.size() == 1) line.push_back(line.front());
    return line;
}

}  // namespace trygg::network
