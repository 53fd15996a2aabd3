#pragma once
// One whole "what is near each stop" job on layers already read: build the walking network,
// snap the stops and activities, run the bounded searches and (optionally) build each stop's
// walking area. `trygg nearby` and the Python trygg.nearby both run exactly this, so they give
// the same answers; they differ only in how they read inputs and present results.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "trygg/model/geometry.hpp"
#include "trygg/model/layer.hpp"
#include "trygg/network/components.hpp"
#include "trygg/network/nearby.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::network {

struct NearbyJobOptions {
    double limit_m = 780.0;            // walking limit (10 minutes at 1.3 m/s)
    double max_snap_m = 100.0;         // farther from every walkway: not on the network
    bool node_intersections = false;   // see WalkGraphOptions
    bool all_highways = false;         // keep every line whatever its highway value
    double tiny_component_m = 500.0;   // flag stops on a cut-off piece shorter than this
    unsigned threads = 0;              // 0: the number of cores; results do not depend on it
    double area_buffer_m = 0.0;        // > 0: also each stop's walking area, this wide each side
    // Fractions done, called from the calling thread only.
    std::function<void(double)> search_progress, area_progress;
};

struct NearbyJob {
    WalkGraphBuild build;
    Components components;
    std::vector<Access> stop_access;       // per stop: its snap, or empty when not on the network
    std::vector<Access> activity_access;   // per activity: its snaps (several for an area)
    std::vector<std::optional<std::uint32_t>> stop_component;  // network component of each snapped stop
    std::vector<std::size_t> stops_not_on_network;  // stop indices, ascending
    std::size_t activities_not_on_network = 0;
    std::size_t stops_on_tiny_component = 0;
    std::vector<StopNearby> results;       // per stop; `area` filled when areas were asked for
    // Per stop when area_buffer_m > 0 (else empty): the reached network and the walk from the
    // stop to it, buffered; an empty polygon for a stop that is not on the network.
    std::vector<model::MultiPolygon> areas;
    // Per stop beside `areas`: the network length the area covers (metres along the reached
    // edges) and the polygon's area (m²); 0 for a stop without an area.
    std::vector<double> area_network_m, area_m2;
};

// Throws DataError (naming the layer and feature) when the walkways hold no usable line or a
// stop is not a point. Stops and activities must be in the walkways' working CRS. Activities
// that are areas (MultiPolygon) are reached where the walkways meet them (distance 0 from inside).
// `while_areas`, when given, is called once on the calling thread with the job so far (all but
// `areas`, `area_network_m` and `area_m2`, still empty) while the walking areas are built on
// other threads: the CLI writes the stops, links and lists meanwhile. With one thread it is
// called before the areas are built, without areas after the searches.
NearbyJob run_nearby(std::span<const model::Layer* const> walkways, const model::Layer& stops,
                     const model::Layer& activities, const NearbyJobOptions& options,
                     const std::function<void(const NearbyJob&)>& while_areas = {});

// The walking areas of the given stops' results (see NearbyJob::areas), built in parallel; the
// result does not depend on the number of threads.
std::vector<model::MultiPolygon> walking_areas(const WalkGraph& graph, std::span<const model::Point> stop_points,
                                               std::span<const Access> stop_access,
                                               std::span<const StopNearby> results, double buffer_m,
                                               unsigned threads,
                                               const std::function<void(double)>& progress = {});

}  // namespace trygg::network
