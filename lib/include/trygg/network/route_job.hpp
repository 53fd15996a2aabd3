#pragma once
// The whole `trygg route` setup on layers already read: the walking graph, the night-time
// conditions of every edge (lit from street lights or the lit attribute, seen by cameras behind
// buildings, hotspot exposure from reports), the planner and the snapper; then any number of
// route pairs. The CLI and the Python module both plan through a RouteJob, so they cannot
// drift apart.

#include <optional>
#include <string>
#include <vector>

#include "trygg/coverage/camera_coverage.hpp"
#include "trygg/coverage/light_coverage.hpp"
#include "trygg/model/layer.hpp"
#include "trygg/network/components.hpp"
#include "trygg/network/edge_cost.hpp"
#include "trygg/network/route.hpp"
#include "trygg/network/snapping.hpp"
#include "trygg/network/walk_graph.hpp"

namespace trygg::network {

// The layers of one job, all in one working CRS. Walkways are required; the others may be null.
struct RouteLayers {
    const model::Layer* walkways = nullptr;
    const model::Layer* lights = nullptr;     // lit stretches; without them the lit attribute decides
    const model::Layer* cameras = nullptr;    // seen stretches; without them nothing is seen
    const model::Layer* buildings = nullptr;  // hide what cameras would see (needs cameras)
    const model::Layer* reports = nullptr;    // hotspot exposure
};

struct RouteJobOptions {
    coverage::LightOptions light;
    SafetyWeights weights;
    ExposureOptions exposure;
    double min_dark_m = 1.0;
    bool node_intersections = false;
    bool all_highways = false;  // route on motorways and foot=no ways too
};

class RouteJob {
public:
    // Builds everything once. UsageError for bad weights, light or exposure options, buildings
    // without cameras; DataError for a feature of the wrong geometry or no walkable line.
    RouteJob(const RouteLayers& layers, const RouteJobOptions& options);
    RouteJob(const RouteJob&) = delete;
    RouteJob& operator=(const RouteJob&) = delete;

    const WalkGraphBuild& build() const noexcept { return build_; }
    const WalkGraph& graph() const noexcept { return build_.graph; }
    const Components& components() const noexcept { return components_; }
    const std::optional<coverage::LightCoverage>& lights() const noexcept { return lights_; }
    const std::optional<coverage::CameraCoverage>& cameras() const noexcept { return cameras_; }
    // The weights used: as given, except w_unseen = 0 without cameras (nothing is seen, so the
    // term would only scale every length).
    const RouteOptions& route_options() const noexcept { return route_options_; }
    const std::string& working_crs() const noexcept { return working_crs_; }

    // The nearest walkway point within max_distance_m, or nullopt.
    std::optional<Snap> snap(const model::Point& p, double max_distance_m) const;

    // The snap of a route end: `p` is `given` transformed to the working CRS, `label` names it in
    // messages (e.g. "--from 16.2,59.6"). UsageError when p is not finite (the transform failed),
    // DataError saying how far the nearest walkway is when none is within max_snap_m.
    Snap snap_end(const std::string& label, const model::Point& given, const model::Point& p, double max_snap_m) const;

    // The shortest and the safe route between two snapped points. DataError when they lie on
    // different parts of the network; `where` prefixes that message (e.g. "pairs.csv: row 3
    // (pair a): "). Not for concurrent use.
    RoutePair plan(const Snap& from, const Snap& to, const std::string& where = {});

private:
    std::string working_crs_;
    WalkGraphBuild build_;
    Components components_;
    std::optional<coverage::LightCoverage> lights_;
    std::optional<coverage::CameraCoverage> cameras_;
    std::vector<EdgeConditions> conditions_;
    RouteOptions route_options_;
    std::optional<RoutePlanner> planner_;
    std::optional<EdgeSnapper> snapper_;
};

}  // namespace trygg::network
