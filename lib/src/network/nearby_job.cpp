#include "trygg/network/nearby_job.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <tuple>

#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/index/rtree.hpp>

#include "detail/parallel_for.hpp"
#include "trygg/error.hpp"
#include "trygg/index/boost_geometry.hpp"
#include "trygg/network/snapping.hpp"
#include "trygg/network/walking_area.hpp"

namespace trygg::network {

namespace {

// A stop inside an activity's area (a bus stop in a park) is there already: distance 0, however
// far the walkways take to its edge. A stop whose walkway point is inside the area reaches it
// with the walk to the walkway. The search alone would send the walker to where a walkway
// crosses the area's boundary. Candidates come from an R-tree over the areas' boxes, then an
// exact covered_by test (boundary counts as inside).
void reach_areas_holding_stops(const model::Layer& stops, const model::Layer& activities,
                               std::span<const model::Point> stop_points, std::span<const Access> stop_access,
                               double limit, std::vector<StopNearby>& results) {
    namespace bg = boost::geometry;
    namespace bgi = boost::geometry::index;
    using Entry = std::pair<index::BoostBox, std::size_t>;
    std::vector<Entry> boxes;
    std::vector<index::BoostMultiPolygon> shapes(activities.features.size());
    for (std::size_t a = 0; a < activities.features.size(); ++a) {
        const auto* mp = std::get_if<model::MultiPolygon>(&activities.features[a].geometry);
        if (!mp || mp->empty()) continue;
        shapes[a] = index::to_boost(*mp);
        boxes.emplace_back(bg::return_envelope<index::BoostBox>(shapes[a]), a);
    }
    if (boxes.empty()) return;
    const bgi::rtree<Entry, bgi::quadratic<16>> tree(boxes.begin(), boxes.end());
    std::vector<Entry> candidates;
    for (std::size_t i = 0; i < stops.features.size(); ++i) {
        if (stop_access[i].empty()) continue;  // not on the network: reaches nothing
        const model::Point& stop = stop_points[i];
        const Snap& snap = stop_access[i].front();
        candidates.clear();
        tree.query(bgi::intersects(index::BoostBox(stop, stop)), std::back_inserter(candidates));
        tree.query(bgi::intersects(index::BoostBox(snap.on_network, snap.on_network)), std::back_inserter(candidates));
        std::sort(candidates.begin(), candidates.end(),
                  [](const Entry& x, const Entry& y) { return x.second < y.second; });
        bool changed = false;
        for (std::size_t k = 0; k < candidates.size(); ++k) {
            const std::size_t a = candidates[k].second;
            if (k > 0 && candidates[k - 1].second == a) continue;
            double distance = -1.0;
            if (bg::covered_by(stop, shapes[a])) distance = 0.0;
            else if (bg::covered_by(snap.on_network, shapes[a])) distance = snap.distance_m;
            if (distance < 0.0 || distance > limit) continue;
            auto& reached = results[i].reached;
            const auto it = std::find_if(reached.begin(), reached.end(), [a](const Reach& r) { return r.activity == a; });
            if (it == reached.end()) reached.push_back({a, distance, 0.0});
            else if (it->distance_m > distance) *it = {a, distance, 0.0};
            else continue;
            changed = true;
        }
        if (changed)
            std::sort(results[i].reached.begin(), results[i].reached.end(), [](const Reach& x, const Reach& y) {
                return std::tie(x.distance_m, x.activity) < std::tie(y.distance_m, y.activity);
            });
    }
}

}  // namespace

std::vector<model::MultiPolygon> walking_areas(const WalkGraph& graph, std::span<const model::Point> stop_points,
                                               std::span<const Access> stop_access,
                                               std::span<const StopNearby> results, double buffer_m,
                                               unsigned threads,
                                               const std::function<void(double)>& progress) {
    std::vector<model::MultiPolygon> areas(results.size());
    if (!(buffer_m > 0.0)) return areas;
    WalkingAreaOptions options;
    options.buffer_m = buffer_m;
    // Each thread takes the next stop (walking_area keeps its working buffers per thread, so
    // threads share nothing); the calling thread works too and is the one that reports progress.
    const std::thread::id caller = std::this_thread::get_id();
    std::atomic<std::size_t> done{0};
    detail::parallel_for(
        results.size(), threads, [caller] { return std::this_thread::get_id() == caller; },
        [&](bool report, std::size_t i) {
            if (!stop_access[i].empty()) {
                // The walk from the stop to its walkway is part of the area too.
                const model::MultiLineString leg{{stop_points[i], stop_access[i].front().on_network}};
                areas[i] = walking_area(graph, results[i].area, options, leg);
            }
            const std::size_t finished = done.fetch_add(1) + 1;
            if (report && progress) progress(static_cast<double>(finished) / static_cast<double>(results.size()));
        });
    return areas;
}

NearbyJob run_nearby(std::span<const model::Layer* const> walkways, const model::Layer& stops,
                     const model::Layer& activities, const NearbyJobOptions& options,
                     const std::function<void(const NearbyJob&)>& while_areas) {
    NearbyJob job;
    WalkGraphOptions graph_options;
    graph_options.node_intersections = options.node_intersections;
    graph_options.walkable_only = !options.all_highways;
    job.build = build_walk_graph(walkways, graph_options);
    const WalkGraph& graph = job.build.graph;
    if (graph.edge_count() == 0) {
        const model::Layer* first = walkways.empty() ? nullptr : walkways.front();
        throw DataError("no walkable lines in the walking network",
                        {first ? first->source : std::string(), first ? first->name : std::string(), {}, {}});
    }
    job.components = connected_components(graph);

    // Snapping: a stop at its nearest walkway point, an activity area where the walkways meet it.
    const EdgeSnapper snapper(graph);
    job.stop_access.resize(stops.features.size());
    job.stop_component.resize(stops.features.size());
    job.activity_access.resize(activities.features.size());
    std::vector<model::Point> stop_points(stops.features.size());
    for (std::size_t i = 0; i < stops.features.size(); ++i) {
        const model::Feature& f = stops.features[i];
        const auto* p = std::get_if<model::Point>(&f.geometry);
        if (!p) throw DataError("a stop is not a point", {stops.source, stops.name, f.fid, {}});
        stop_points[i] = *p;
        if (auto s = snapper.snap(*p, options.max_snap_m)) {
            job.stop_access[i].push_back(*s);
            job.stop_component[i] = job.components.of_edge(graph, s->position.edge);
            if (job.components.tiny(*job.stop_component[i], options.tiny_component_m)) ++job.stops_on_tiny_component;
        } else {
            job.stops_not_on_network.push_back(i);
        }
    }
    for (std::size_t i = 0; i < activities.features.size(); ++i) {
        const model::Feature& f = activities.features[i];
        if (const auto* p = std::get_if<model::Point>(&f.geometry)) {
            if (auto s = snapper.snap(*p, options.max_snap_m)) job.activity_access[i].push_back(*s);
        } else if (const auto* mp = std::get_if<model::MultiPolygon>(&f.geometry)) {
            job.activity_access[i] = snapper.snap_area(*mp, options.max_snap_m);
        }
        if (job.activity_access[i].empty()) ++job.activities_not_on_network;
    }

    // The searches, then the areas.
    const bool areas = options.area_buffer_m > 0.0;
    NearbyOptions search;
    search.limit_m = options.limit_m;
    search.threads = detail::thread_count(options.threads, stops.features.size());
    search.progress = options.search_progress;
    job.results = find_nearby(graph, job.stop_access, job.activity_access, search, areas);
    reach_areas_holding_stops(stops, activities, stop_points, job.stop_access, options.limit_m, job.results);
    if (!areas) {
        if (while_areas) while_areas(job);
        return job;
    }
    // The areas and their figures: the reached network's length, the polygon's m².
    struct Built {
        std::vector<model::MultiPolygon> areas;
        std::vector<double> network_m, m2;
    };
    auto build_areas = [&](const std::function<void(double)>& progress) {
        Built b{walking_areas(graph, stop_points, job.stop_access, job.results, options.area_buffer_m, options.threads,
                              progress),
                {},
                {}};
        b.network_m.assign(b.areas.size(), 0.0);
        b.m2.assign(b.areas.size(), 0.0);
        for (std::size_t i = 0; i < b.areas.size(); ++i) {
            if (b.areas[i].empty()) continue;
            for (const auto& piece : job.results[i].area) b.network_m[i] += piece.to_m - piece.from_m;
            b.m2[i] = boost::geometry::area(index::to_boost(b.areas[i]));
        }
        return b;
    };
    Built built;
    if (while_areas && detail::thread_count(options.threads, stops.features.size()) > 1) {
        // The areas on other threads (they only read the graph, the snaps and the searches'
        // pieces) while the caller uses the rest; the progress is passed on from here once the
        // caller is done, so it is only ever reported from this thread.
        std::exception_ptr error;
        std::atomic<double> fraction{0.0};
        std::mutex mutex;
        std::condition_variable done;
        bool finished = false;
        std::jthread builder([&] {
            try {
                built = build_areas([&fraction](double f) { fraction = f; });
            } catch (...) {
                error = std::current_exception();
            }
            {
                const std::lock_guard lock(mutex);
                finished = true;
            }
            done.notify_all();
        });
        while_areas(job);
        {
            std::unique_lock lock(mutex);
            while (!done.wait_for(lock, std::chrono::milliseconds(100), [&finished] { return finished; }))
                if (options.area_progress) options.area_progress(fraction);
        }
        builder.join();
        if (error) std::rethrow_exception(error);
    } else {
        if (while_areas) while_areas(job);
        built = build_areas(options.area_progress);
    }
    job.areas = std::move(built.areas);
    job.area_network_m = std::move(built.network_m);
    job.area_m2 = std::move(built.m2);
    return job;
}

}  // namespace trygg::network
