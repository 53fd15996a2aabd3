#include "trygg/network/bounded_search.hpp"

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

namespace trygg::network {

BoundedSearch::BoundedSearch(const WalkGraph& graph)
    : graph_(&graph), distance_(graph.node_count(), unreached), settled_(graph.node_count(), 0) {}

namespace {

bool allows(std::span<const EdgeDirection> directions, EdgeId edge, EdgeDirection way) {
    if (directions.empty()) return true;
    return (static_cast<unsigned>(directions[edge]) & static_cast<unsigned>(way)) != 0;
}

}  // namespace

void BoundedSearch::run(std::span<const SearchSource> sources, double limit_m, std::span<const EdgeDirection> directions) {
    for (NodeId n : touched_) {
        distance_[n] = unreached;
        settled_[n] = 0;
    }
    touched_.clear();
    reached_.clear();
    sources_.assign(sources.begin(), sources.end());
    limit_ = limit_m;

    // (distance, node), smallest first; ties by node id, so the settle order is deterministic.
    using Item = std::pair<double, NodeId>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    auto relax = [&](NodeId n, double d) {
        if (d > limit_ || d >= distance_[n]) return;
        if (distance_[n] == unreached) touched_.push_back(n);
        distance_[n] = d;
        queue.emplace(d, n);
    };
    for (const SearchSource& s : sources_) {
        const WalkEdge& e = graph_->edge(s.position.edge);
        const double offset = std::clamp(s.position.offset_m, 0.0, e.length_m);
        if (allows(directions, s.position.edge, EdgeDirection::backward)) relax(e.from, s.start_m + offset);
        if (allows(directions, s.position.edge, EdgeDirection::forward)) relax(e.to, s.start_m + (e.length_m - offset));
    }
    while (!queue.empty()) {
        const auto [d, u] = queue.top();
        queue.pop();
        if (settled_[u] || d > distance_[u]) continue;
        settled_[u] = 1;
        reached_.push_back(u);
        for (const Incidence& inc : graph_->incident(u)) {
            const WalkEdge& e = graph_->edge(inc.edge);
            // Leaving u along the edge: forward when u is its `from` node (a loop: either way).
            const bool ok = (e.from == u && allows(directions, inc.edge, EdgeDirection::forward)) ||
                            (e.to == u && allows(directions, inc.edge, EdgeDirection::backward));
            if (ok) relax(inc.other, d + e.length_m);
        }
    }
}

double BoundedSearch::distance(NodeId node) const { return settled_[node] ? distance_[node] : unreached; }

double BoundedSearch::distance_to(const EdgePosition& position) const {
    const WalkEdge& e = graph_->edge(position.edge);
    const double offset = std::clamp(position.offset_m, 0.0, e.length_m);
    double best = std::min(distance(e.from) + offset, distance(e.to) + (e.length_m - offset));
    for (const SearchSource& s : sources_)
        if (s.position.edge == position.edge)
            best = std::min(best, s.start_m + std::abs(std::clamp(s.position.offset_m, 0.0, e.length_m) - offset));
    return best <= limit_ ? best : unreached;
}

std::vector<EdgePiece> BoundedSearch::reached_pieces() const {
    std::vector<EdgePiece> pieces;
    for (NodeId u : reached_) {
        const double left = limit_ - distance_[u];
        for (const Incidence& inc : graph_->incident(u)) {
            const WalkEdge& e = graph_->edge(inc.edge);
            const double run = std::min(left, e.length_m);
            if (e.from == u) pieces.push_back({inc.edge, 0.0, run});
            if (e.to == u) pieces.push_back({inc.edge, e.length_m - run, e.length_m});
        }
    }
    for (const SearchSource& s : sources_) {
        const WalkEdge& e = graph_->edge(s.position.edge);
        const double left = limit_ - s.start_m;
        if (left < 0.0) continue;
        const double offset = std::clamp(s.position.offset_m, 0.0, e.length_m);
        pieces.push_back({s.position.edge, std::max(0.0, offset - left), std::min(e.length_m, offset + left)});
    }
    std::sort(pieces.begin(), pieces.end(), [](const EdgePiece& a, const EdgePiece& b) {
        return a.edge < b.edge || (a.edge == b.edge && (a.from_m < b.from_m || (a.from_m == b.from_m && a.to_m < b.to_m)));
    });
    std::vector<EdgePiece> merged;
    for (const EdgePiece& p : pieces) {
        if (!merged.empty() && merged.back().edge == p.edge && p.from_m <= merged.back().to_m)
            merged.back().to_m = std::max(merged.back().to_m, p.to_m);
        else
            merged.push_back(p);
    }
    return merged;
}

}  // namespace trygg::network
