#include "trygg/network/nearby.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <tuple>

namespace trygg::network {

namespace {

// Where an activity meets an edge: (activity, offset along the edge, straight leg).
struct EdgeTarget {
    std::size_t activity;
    double offset_m;
    double leg_m;
};

// The activities' access points grouped by edge (compressed rows), so a search finds them
// through the edges it reaches.
struct TargetsByEdge {
    std::vector<std::size_t> offsets;
    std::vector<EdgeTarget> targets;

    TargetsByEdge(std::size_t edge_count, std::span<const Access> activities) : offsets(edge_count + 1, 0) {
        for (const Access& a : activities)
            for (const Snap& s : a) ++offsets[s.position.edge + 1];
        for (std::size_t i = 1; i < offsets.size(); ++i) offsets[i] += offsets[i - 1];
        targets.resize(offsets.back());
        std::vector<std::size_t> cursor(offsets.begin(), offsets.end() - 1);
        for (std::size_t i = 0; i < activities.size(); ++i)
            for (const Snap& s : activities[i]) targets[cursor[s.position.edge]++] = {i, s.position.offset_m, s.distance_m};
    }
    std::span<const EdgeTarget> on(EdgeId e) const {
        return {targets.data() + offsets[e], targets.data() + offsets[e + 1]};
    }
};

// One worker's state: the search and a per-activity best, reset through the touched list.
struct Worker {
    BoundedSearch search;
    std::vector<double> best;      // per activity, total distance
    std::vector<double> network;   // per activity, the network part of the best
    std::vector<std::size_t> touched;
    std::vector<unsigned char> edge_seen;
    std::vector<EdgeId> edges_touched;

    Worker(const WalkGraph& graph, std::size_t activities)
        : search(graph), best(activities, BoundedSearch::unreached), network(activities, 0.0),
          edge_seen(graph.edge_count(), 0) {}

    StopNearby run(const WalkGraph& graph, const TargetsByEdge& targets, const Access& stop, double limit,
                   bool keep_area) {
        StopNearby out;
        if (stop.empty()) return out;
        std::vector<SearchSource> sources;
        double stop_leg = BoundedSearch::unreached;  // the walk to the network, not part of network_m
        for (const Snap& s : stop) {
            sources.push_back({s.position, s.distance_m});
            stop_leg = std::min(stop_leg, s.distance_m);
        }
        search.run(sources, limit);

        auto visit_edge = [&](EdgeId e) {
            if (edge_seen[e]) return;
            edge_seen[e] = 1;
            edges_touched.push_back(e);
            for (const EdgeTarget& t : targets.on(e)) {
                const double d = search.distance_to({e, t.offset_m});
                if (d == BoundedSearch::unreached) continue;
                const double total = d + t.leg_m;
                if (total > limit || total >= best[t.activity]) continue;
                if (best[t.activity] == BoundedSearch::unreached) touched.push_back(t.activity);
                best[t.activity] = total;
                network[t.activity] = d - stop_leg;
            }
        };
        for (const SearchSource& s : sources) visit_edge(s.position.edge);
        for (NodeId u : search.reached())
            for (const Incidence& inc : graph.incident(u)) visit_edge(inc.edge);

        for (std::size_t a : touched) {
            out.reached.push_back({a, best[a], network[a]});
            best[a] = BoundedSearch::unreached;
        }
        touched.clear();
        for (EdgeId e : edges_touched) edge_seen[e] = 0;
        edges_touched.clear();
        std::sort(out.reached.begin(), out.reached.end(), [](const Reach& x, const Reach& y) {
            return std::tie(x.distance_m, x.activity) < std::tie(y.distance_m, y.activity);
        });
        if (keep_area) out.area = search.reached_pieces();
        return out;
    }
};

}  // namespace

std::vector<StopNearby> find_nearby(const WalkGraph& graph, std::span<const Access> stops,
                                    std::span<const Access> activities, const NearbyOptions& options,
                                    bool keep_area) {
    const TargetsByEdge targets(graph.edge_count(), activities);
    std::vector<StopNearby> results(stops.size());
    const unsigned threads = std::max(1u, std::min<unsigned>(options.threads, static_cast<unsigned>(stops.size() / 16 + 1)));
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    // Each thread takes the next stop; the calling thread works too and reports progress.
    auto work = [&](bool report) {
        Worker worker(graph, activities.size());
        for (std::size_t i; (i = next.fetch_add(1)) < stops.size();) {
            results[i] = worker.run(graph, targets, stops[i], options.limit_m, keep_area);
            const std::size_t finished = done.fetch_add(1) + 1;
            if (report && options.progress)
                options.progress(static_cast<double>(finished) / static_cast<double>(stops.size()));
        }
    };
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, false);
    work(true);
    pool.clear();  // joins
    return results;
}

std::map<std::string, CategorySummary> summarise_categories(const StopNearby& stop,
                                                            std::span<const std::string> categories) {
    std::map<std::string, CategorySummary> out;
    for (std::size_t i = 0; i < stop.reached.size(); ++i) {
        const std::string& category = categories[stop.reached[i].activity];
        auto [it, inserted] = out.try_emplace(category);
        if (inserted) it->second.nearest = i;  // reached is sorted, so the first is the nearest
        ++it->second.count;
    }
    return out;
}

}  // namespace trygg::network
